/**
 * Manoeuvres act on the lifting vehicles that fly banked lift: a jink on a cruise missile pushes its path
 * sideways while the bank is held, and the guidance brings it back to the aimpoint afterwards.
 */
import { describe, expect, it } from "vitest";
import { flyThreat, TargetingCache, type FlightResult } from "../../src/flight/index.js";
import { DEG, FULL, earthOf, pointAt } from "./helpers.js";

const earth = earthOf(FULL);
const launch = { latRad: 33 * DEG, lonRad: 134 * DEG, altM: 10e3, timeS: 0 };
const target = pointAt(launch.latRad, launch.lonRad, 60 * DEG, 600e3);

function fly(maneuver: { kind: "none" } | { kind: "jink"; bankRad: number; startS: number; endS: number }) {
  return flyThreat({ vehicle: "notional-hcm", launch, target, maneuver }, earth, {
    cache: new TargetingCache(),
  });
}

/** Largest distance between the two paths at equal times, m. */
function largestSeparationM(a: FlightResult, b: FlightResult): number {
  const n = Math.min(a.samples.count, b.samples.count);
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const pa = a.samples.posEcefM;
    const pb = b.samples.posEcefM;
    worst = Math.max(
      worst,
      Math.hypot(pa[3 * i] - pb[3 * i], pa[3 * i + 1] - pb[3 * i + 1], pa[3 * i + 2] - pb[3 * i + 2]),
    );
  }
  return worst;
}

describe("cruise missile jink", () => {
  it("moves the path sideways by kilometres and still reaches the aimpoint", () => {
    const plain = fly({ kind: "none" });
    const jink = fly({ kind: "jink", bankRad: 45 * DEG, startS: 150, endS: 170 });
    expect(largestSeparationM(plain, jink)).toBeGreaterThan(2000);
    expect(jink.summary.impacted).toBe(true);
    expect(jink.summary.missDistanceM).toBeLessThan(1000);
  });
});
