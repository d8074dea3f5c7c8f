/**
 * Boost-glide vehicles on the full model (WGS-84, rotation, J2, USSA-1976): boost with a planned cut-off,
 * ballistic arc, re-entry, pull-up, equilibrium glide steered to the aimpoint, terminal dive by
 * proportional navigation. Requirements: aimpoint reached (miss < a few km) at 1,000, 3,000 and 6,000 km,
 * with manoeuvres (weave, jink, retarget), all events located and in order.
 */
import { afterAll, describe, expect, it } from "vitest";
import { TargetingCache, flyThreat, type FlightResult, type GeodeticPoint } from "../../src/flight/index.js";
import { DEG, FULL, LAUNCH, earthOf, pointAt } from "./helpers.js";
import { recordValidation, sig } from "../validation.js";

const earth = earthOf(FULL);
const cache = new TargetingCache();

function missM(res: FlightResult, target: GeodeticPoint): number {
  const t = new Float64Array(3);
  earth.ecefFromGeodeticInto(target.latRad, target.lonRad, target.altM, t);
  const s = res.events[res.events.length - 1].state;
  return Math.hypot(s[0] - t[0], s[1] - t[1], s[2] - t[2]);
}

const ORDER = ["launch", "staging", "cutoff", "apogee", "pull-up-start", "pull-up-end", "dive", "impact"];

describe("hypersonic boost-glide vehicle", () => {
  const reached: string[] = [];
  const maneuvers: string[] = [];
  afterAll(() => {
    if (reached.length > 0)
      recordValidation({
        area: "flight",
        model: "Boost-glide targeting",
        reference:
          "aimpoint on the full model (WGS-84, rotation, J2, USSA 1976): boost, ballistic arc, pull-up, equilibrium glide, proportional-navigation dive; events in order",
        figure: `miss ${reached.join(", ")}`,
        tolerance: "< 3 km; glide band inside 20-70 km; peak Mach > 8",
      });
    if (maneuvers.length > 0)
      recordValidation({
        area: "flight",
        model: "Boost-glide targeting with manoeuvres",
        reference: "notional-hgv aimpoint 3,000 km away on the full model, with a manoeuvre",
        figure: `miss ${maneuvers.join(", ")}`,
        tolerance: "< 3 km",
      });
  });
  for (const [vehicle, range] of [
    ["notional-hgv", 1000e3],
    ["notional-hgv", 3000e3],
    ["notional-hgv", 6000e3],
    ["notional-cav-h", 3000e3],
  ] as [string, number][]) {
    it(`${vehicle} reaches an aimpoint ${range / 1000} km away (miss < 3 km)`, () => {
      const target = pointAt(LAUNCH.latRad, LAUNCH.lonRad, 70 * DEG, range);
      const res = flyThreat({ vehicle, launch: LAUNCH, target }, earth, { cache });
      expect(res.summary.impacted).toBe(true);
      const band = res.summary.glideAltitudeBandM;
      reached.push(
        `${vehicle} ${range / 1000} km ${sig(missM(res, target), 2)} m (glide ${sig((band?.minM ?? NaN) / 1000, 2)}-${sig((band?.maxM ?? NaN) / 1000, 2)} km)`,
      );
      expect(missM(res, target)).toBeLessThan(3000);
      const types = res.events.map((e) => e.type).filter((t) => ORDER.includes(t));
      expect(types).toEqual(ORDER);
      for (let i = 1; i < res.events.length; i++)
        expect(res.events[i].timeS).toBeGreaterThanOrEqual(res.events[i - 1].timeS);
      const phases = res.phases.map((p) => p.phase);
      expect(phases.slice(-4)).toEqual(["pull-up", "glide", "dive", "impact"]);
      expect(band).not.toBeNull();
      expect(band?.minM).toBeGreaterThan(20e3);
      expect(band?.maxM).toBeLessThan(70e3);
      expect(res.summary.maxMach).toBeGreaterThan(8);
    });
  }

  const target = pointAt(LAUNCH.latRad, LAUNCH.lonRad, 70 * DEG, 3000e3);
  it("bank-reversal weave (30 deg, 90 s) still reaches the aimpoint and flies longer", () => {
    const plain = flyThreat({ vehicle: "notional-hgv", launch: LAUNCH, target }, earth, { cache });
    const res = flyThreat(
      {
        vehicle: "notional-hgv",
        launch: LAUNCH,
        target,
        maneuver: { kind: "weave", bankAmplitudeRad: 30 * DEG, periodS: 90 },
      },
      earth,
      { cache },
    );
    maneuvers.push(
      `weave (30 deg, 90 s) ${sig(missM(res, target), 2)} m, ${sig(res.summary.timeOfFlightS - plain.summary.timeOfFlightS, 2)} s longer`,
    );
    expect(missM(res, target)).toBeLessThan(3000);
    expect(res.summary.timeOfFlightS).toBeGreaterThan(plain.summary.timeOfFlightS);
  });

  it("lateral jink (40 deg bank for 60 s) still reaches the aimpoint", () => {
    const res = flyThreat(
      {
        vehicle: "notional-hgv",
        launch: LAUNCH,
        target,
        maneuver: { kind: "jink", bankRad: 40 * DEG, startS: 500, endS: 560 },
      },
      earth,
      { cache },
    );
    maneuvers.push(`jink (40 deg for 60 s) ${sig(missM(res, target), 2)} m`);
    expect(missM(res, target)).toBeLessThan(3000);
  });

  it("retarget mid-flight: impact at the new aimpoint", () => {
    const other = pointAt(target.latRad, target.lonRad, 160 * DEG, 300e3);
    const res = flyThreat(
      {
        vehicle: "notional-hgv",
        launch: LAUNCH,
        target,
        maneuver: { kind: "retarget", atS: 550, target: other },
      },
      earth,
      { cache },
    );
    expect(res.events.some((e) => e.type === "retarget" && Math.abs(e.timeS - 550) < 1e-9)).toBe(true);
    maneuvers.push(`retarget 300 km at 550 s ${sig(missM(res, other), 2)} m`);
    expect(missM(res, other)).toBeLessThan(3000);
  });
});
