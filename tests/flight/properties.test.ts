/**
 * Invariants and the truth interpolation.
 * - Unpowered flight (drag, lift, or both) never gains energy: in the rotating frame the Jacobi integral
 *   E = v^2/2 - U(r) - omega^2 (x^2 + y^2)/2 (U the J2 potential) is constant without aerodynamics and
 *   decreases at the rate -D.v/m with drag (lift is perpendicular to v and does no work); Vallado sec. 3.7,
 *   Szebehely's Jacobi integral. Checked at every sample with a 1 J/kg numerical allowance (2e-8 of E) at
 *   tight tolerances (at the default rtol 1e-7 the integration noise in E is about 20 J/kg).
 * - truthAt (cubic Hermite between 1 s samples) agrees with a run sampled every 0.05 s: position within
 *   0.5 m, velocity (derivative of the cubic, O(dt^3)) within 1 m/s.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gravityPotentialJ2 } from "../../src/earth/gravity.js";
import { createTruthState, flyThreat, truthAt, type FlightResult } from "../../src/flight/index.js";
import { DEG, FULL, earthOf } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const earth = earthOf(FULL);
const W = earth.omegaRadS;
const J2 = 1.08262668e-3;
const RE = 6378137;

function jacobi(res: FlightResult, i: number): number {
  const p = res.samples.posEcefM;
  const v = res.samples.velEcefMps;
  const x = p[3 * i];
  const y = p[3 * i + 1];
  const v2 = v[3 * i] ** 2 + v[3 * i + 1] ** 2 + v[3 * i + 2] ** 2;
  return (
    0.5 * v2 - gravityPotentialJ2([x, y, p[3 * i + 2]], earth.gmM3S2, J2, RE) - 0.5 * W * W * (x * x + y * y)
  );
}

describe("invariants", () => {
  it("energy never increases in unpowered flight (re-entry vehicle and glider, property)", () => {
    const rise = new Worst();
    let flights = 0;
    fc.assert(
      fc.property(
        fc.constantFrom("notional-rv", "notional-htv2", "notional-cav-h"),
        fc.double({ min: 2000, max: 7000, noNaN: true }),
        fc.double({ min: -10, max: 50, noNaN: true }),
        fc.double({ min: -70, max: 70, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        (vehicle, speed, fpaDeg, latDeg, azDeg) => {
          const res = flyThreat(
            {
              vehicle,
              burnout: {
                latRad: latDeg * DEG,
                lonRad: 0,
                altM: 80_000,
                timeS: 0,
                speedMps: speed,
                flightPathAngleRad: fpaDeg * DEG,
                azimuthRad: azDeg * DEG,
              },
              target: { latRad: latDeg * DEG, lonRad: 30 * DEG, altM: 0 },
            },
            earth,
            { sampleIntervalS: 2, rtol: 1e-10, atol: 1e-4 },
          );
          let prev = jacobi(res, 0);
          flights++;
          for (let i = 1; i < res.samples.count; i++) {
            const e = jacobi(res, i);
            rise.add(e - prev, vehicle);
            expect(e).toBeLessThanOrEqual(prev + 1);
            prev = e;
          }
          expect(prev).toBeLessThan(jacobi(res, 0));
        },
      ),
      { numRuns: 12, seed: 20260601 },
    );
    recordValidation({
      area: "flight",
      model: "Energy in unpowered flight (full model)",
      reference:
        "Jacobi integral v^2/2 - U_J2 - omega^2 (x^2 + y^2)/2 of the rotating frame (Vallado sec. 3.7; Szebehely): constant without aerodynamics, falling at -D.v/m with drag",
      figure: `largest rise between 2-s samples over ${flights} random RV and glider flights: ${sig(rise.value, 2)} J/kg`,
      tolerance: "<= 1 J/kg (2e-8 of E, rtol 1e-10); lower at the end",
    });
  });

  it("the impact event is on the surface (altitude 0 within 1 mm) and events are in time order", () => {
    const res = flyThreat(
      {
        vehicle: "notional-rv",
        burnout: {
          latRad: 0.4,
          lonRad: 0.1,
          altM: 0,
          timeS: 5,
          speedMps: 4000,
          flightPathAngleRad: 35 * DEG,
          azimuthRad: 1,
        },
      },
      earth,
    );
    const imp = res.events[res.events.length - 1];
    expect(imp.type).toBe("impact");
    recordValidation({
      area: "flight",
      model: "Impact event (full model)",
      reference: "the WGS-84 surface: altitude 0 at the located impact",
      figure: `impact altitude ${sig(Math.abs(earth.altitudeM(imp.state)), 2)} m`,
      tolerance: "< 1 mm",
    });
    expect(Math.abs(earth.altitudeM(imp.state))).toBeLessThan(1e-3);
    for (let i = 1; i < res.events.length; i++)
      expect(res.events[i].timeS).toBeGreaterThanOrEqual(res.events[i - 1].timeS);
  });
});

describe("truthAt", () => {
  const def = {
    vehicle: "notional-htv2",
    burnout: {
      latRad: 0.3,
      lonRad: 0.2,
      altM: 90_000,
      timeS: 100,
      speedMps: 5500,
      flightPathAngleRad: -3 * DEG,
      azimuthRad: 1.2,
    },
    target: { latRad: 0.5, lonRad: 0.6, altM: 0 },
  };
  const coarse = flyThreat(def, earth, { sampleIntervalS: 1 });
  const fine = flyThreat(def, earth, { sampleIntervalS: 0.05 });

  it("Hermite interpolation of 1 s samples matches 0.05 s samples", () => {
    const out = createTruthState();
    const s = fine.samples;
    let worstP = 0;
    let worstV = 0;
    for (let i = 0; i < s.count; i += 7) {
      truthAt(coarse, s.timeS[i], out);
      const p = s.posEcefM;
      const v = s.velEcefMps;
      worstP = Math.max(
        worstP,
        Math.hypot(
          out.posEcefM[0] - p[3 * i],
          out.posEcefM[1] - p[3 * i + 1],
          out.posEcefM[2] - p[3 * i + 2],
        ),
      );
      worstV = Math.max(
        worstV,
        Math.hypot(
          out.velEcefMps[0] - v[3 * i],
          out.velEcefMps[1] - v[3 * i + 1],
          out.velEcefMps[2] - v[3 * i + 2],
        ),
      );
    }
    recordValidation({
      area: "flight",
      model: "truthAt (cubic Hermite between 1-s samples)",
      reference: "the same glide flight sampled every 0.05 s",
      figure: `worst position ${sig(worstP, 2)} m, velocity ${sig(worstV, 2)} m/s`,
      tolerance: "< 0.5 m; < 1 m/s",
    });
    expect(worstP).toBeLessThan(0.5);
    expect(worstV).toBeLessThan(1);
  });

  it("phase, mass and temperature at a time; clamped before the start and after impact", () => {
    const out = createTruthState("x", "hgv");
    const glide = coarse.phases.find((p) => p.phase === "glide");
    truthAt(coarse, (glide?.startS ?? 0) + 10, out);
    expect(out.phase).toBe("glide");
    expect(out.id).toBe(coarse.id);
    expect(out.kind).toBe("hgv");
    expect(out.massKg).toBe(1000);
    expect(out.surfaceTempK).toBeGreaterThan(1000);
    expect(out.mach).toBeGreaterThan(5);
    truthAt(coarse, 0, out);
    expect(out.timeS).toBe(0);
    expect(Array.from(out.posEcefM)).toEqual(Array.from(coarse.samples.posEcefM.subarray(0, 3)));
    truthAt(coarse, coarse.endTimeS + 100, out);
    expect(out.phase).toBe("impact");
    expect(out.airspeedMps).toBe(0);
  });
});
