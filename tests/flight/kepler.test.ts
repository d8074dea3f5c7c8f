/**
 * Free flight against the Kepler conic (Bate, Mueller & White, "Fundamentals of Astrodynamics", 1971,
 * ch. 6; Regan & Anandakrishnan, "Dynamics of Atmospheric Re-Entry", 1993, ch. 3) with the switches
 * sphere / no rotation / point gravity / no atmosphere. Required tolerance 0.1 %; the integration meets it
 * by orders of magnitude, so the test asserts 1e-6 relative (and 1e-3 s on times).
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  flyThreat,
  freeFlightConic,
  minimumEnergyFlightPathAngleRad,
  minimumEnergySpeedMps,
  type FlightResult,
} from "../../src/flight/index.js";
import { DEG, VACUUM_SPHERE, earthOf } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const earth = earthOf(VACUUM_SPHERE);
const R = earth.aM;
const MU = earth.gmM3S2;

function flyBurnout(speedMps: number, fpaRad: number, altM: number, rtol = 1e-10, atol = 1e-6): FlightResult {
  return flyThreat(
    {
      vehicle: "notional-rv",
      burnout: {
        latRad: 10 * DEG,
        lonRad: 20 * DEG,
        altM,
        timeS: 100,
        speedMps,
        flightPathAngleRad: fpaRad,
        azimuthRad: 60 * DEG,
      },
    },
    earth,
    { rtol, atol },
  );
}

describe("Keplerian free flight (vacuum, sphere, point gravity, no rotation)", () => {
  const rangeErr = new Worst();
  const apogeeErr = new Worst();
  const tofErr = new Worst();
  const tofRel = new Worst();
  const apogeeTimeErr = new Worst();
  const more: string[] = [];
  afterAll(() => {
    if (rangeErr.count > 0)
      recordValidation({
        area: "flight",
        model: "Keplerian free flight",
        reference:
          "Bate, Mueller & White ch. 6, closed-form conic (freeFlightConic); switches sphere, no rotation, point gravity, no atmosphere",
        figure: [
          `worst of ${rangeErr.count} burnouts (2-6.8 km/s, 20-70 deg, 0-200 km, rtol 1e-10): range error ${sig(rangeErr.value, 2)} relative, ` +
            `apogee ${sig(apogeeErr.value, 2)}, time of flight ${sig(tofRel.value, 2)} (${sig(tofErr.value, 2)} s), ` +
            `time to apogee ${sig(apogeeTimeErr.value, 2)} s`,
          ...more,
        ].join("; "),
        tolerance:
          "< 0.1 % required; range < 1e-6, apogee < 1e-9 relative, times < 1e-3 s asserted; apogee v_r < 1e-5 m/s; default tolerances < 0.1 %",
      });
  });
  const cases: [number, number, number][] = [
    [3200, 40 * DEG, 0],
    [2000, 45 * DEG, 0],
    [5000, 25 * DEG, 100_000],
    [6800, 20 * DEG, 200_000],
    [4000, 70 * DEG, 50_000],
  ];
  for (const [v, g, h] of cases) {
    it(`burnout ${v} m/s, ${(g / DEG).toFixed(0)} deg, ${h / 1000} km: range, apogee, time of flight`, () => {
      const ref = freeFlightConic(MU, R + h, v, g, R);
      const res = flyBurnout(v, g, h);
      const s = res.summary;
      expect(s.impacted).toBe(true);
      const at = `${v} m/s, ${(g / DEG).toFixed(0)} deg, ${h / 1000} km`;
      tofRel.add(Math.abs(s.timeOfFlightS / ref.timeOfFlightS - 1), at);
      expect(rangeErr.add(Math.abs(s.groundRangeM / (ref.rangeAngleRad * R) - 1), at)).toBeLessThan(1e-6);
      expect(apogeeErr.add(Math.abs((s.apogeeAltM + R) / ref.apogeeRadiusM - 1), at)).toBeLessThan(1e-9);
      expect(tofErr.add(Math.abs(s.timeOfFlightS - ref.timeOfFlightS), at)).toBeLessThan(1e-3);
      const apo = res.events.find((e) => e.type === "apogee");
      expect(apo).toBeDefined();
      expect(apogeeTimeErr.add(Math.abs((apo?.timeS ?? 0) - 100 - ref.timeToApogeeS), at)).toBeLessThan(1e-3);
    });
  }

  it("located apogee has zero radial velocity on the dense output (event bracket 1e-7 s)", () => {
    const res = flyBurnout(4000, 50 * DEG, 0);
    const apo = res.events.find((e) => e.type === "apogee");
    const y = apo?.state as Float64Array;
    const r = Math.hypot(y[0], y[1], y[2]);
    const vr = (y[0] * y[3] + y[1] * y[4] + y[2] * y[5]) / r;
    // |dv_r/dt| ~ g = 9.8 m/s^2 at apogee, so 1e-6 s corresponds to 1e-5 m/s.
    more.push(`radial velocity at the located apogee ${sig(Math.abs(vr), 2)} m/s`);
    expect(Math.abs(vr)).toBeLessThan(1e-5);
  });

  it("default tolerances still meet the 0.1 % requirement", () => {
    const ref = freeFlightConic(MU, R, 3200, 40 * DEG, R);
    const s = flyThreat(
      {
        vehicle: "notional-rv",
        burnout: {
          latRad: 0,
          lonRad: 0,
          altM: 0,
          timeS: 0,
          speedMps: 3200,
          flightPathAngleRad: 40 * DEG,
          azimuthRad: 90 * DEG,
        },
      },
      earth,
    ).summary;
    more.push(
      `at the default tolerances (3.2 km/s, 40 deg): range ${sig(Math.abs(s.groundRangeM / (ref.rangeAngleRad * R) - 1), 2)}, ` +
        `time of flight ${sig(Math.abs(s.timeOfFlightS / ref.timeOfFlightS - 1), 2)} relative`,
    );
    expect(Math.abs(s.groundRangeM / (ref.rangeAngleRad * R) - 1)).toBeLessThan(1e-3);
    expect(Math.abs(s.timeOfFlightS / ref.timeOfFlightS - 1)).toBeLessThan(1e-3);
  });

  it("minimum-energy angle (pi - psi)/4 maximises the conic's range at the minimum-energy speed (BMW 6.2)", () => {
    const worst = new Worst();
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 2.5, noNaN: true }), (psi) => {
        const v = minimumEnergySpeedMps(MU, R, psi);
        const g = minimumEnergyFlightPathAngleRad(psi);
        const c = freeFlightConic(MU, R, v, g, R);
        expect(worst.add(Math.abs(c.rangeAngleRad - psi))).toBeLessThan(1e-6);
        // Any other angle at that speed falls short.
        for (const dg of [-0.05, 0.05]) {
          expect(freeFlightConic(MU, R, v, g + dg, R).rangeAngleRad).toBeLessThan(psi);
        }
      }),
      { numRuns: 50 },
    );
    recordValidation({
      area: "flight",
      model: "minimumEnergySpeedMps, minimumEnergyFlightPathAngleRad",
      reference:
        "Bate, Mueller & White sec. 6.2 (eq. 6.2-19): burnout angle (pi - psi)/4 at the minimum-energy speed reaches range angle psi",
      figure: `worst |range angle - psi| over ${worst.count} range angles 0.05-2.5 rad: ${sig(worst.value, 2)} rad; +-0.05 rad off the angle falls short`,
      tolerance: "< 1e-6 rad",
    });
  });
});
