/**
 * Hypersonic cruise missile (notional-hcm, Mach 6 at 25 km inside the CRS R45811 Mach 5-8 / 20-30 km
 * envelope): after the boost it holds the set altitude and Mach with thrust equal to drag (plus the small
 * speed-hold term) while fuel lasts, then dives on the aimpoint; with too little fuel the fuel-out event
 * ends the cruise.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createThreatFlight, flyThreat } from "../../src/flight/index.js";
import { DEG, FULL, LAUNCH, earthOf, pointAt } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const earth = earthOf(FULL);

describe("hypersonic cruise missile", () => {
  const target = pointAt(LAUNCH.latRad, LAUNCH.lonRad, 30 * DEG, 800e3);
  const res = flyThreat({ vehicle: "notional-hcm", launch: LAUNCH, target }, earth);
  const parts: string[] = [];
  afterAll(() => {
    if (parts.length > 0)
      recordValidation({
        area: "flight",
        model: "Cruise hold (notional-hcm)",
        reference:
          "set point 25 km, Mach 6 (inside the CRS R45811 Mach 5-8, 20-30 km envelope) with thrust = drag; aimpoint 800 km away on the full model",
        figure: parts.join("; "),
        tolerance: "miss < 1 km; altitude < 300 m, Mach < 0.05, thrust/drag within 5 %",
      });
  });

  it("boost, cruise, dive, impact near the aimpoint", () => {
    expect(res.events.map((e) => e.type)).toEqual(["launch", "burnout", "dive", "impact"]);
    const t = new Float64Array(3);
    earth.ecefFromGeodeticInto(target.latRad, target.lonRad, 0, t);
    const s = res.events[3].state;
    parts.unshift(`miss ${sig(Math.hypot(s[0] - t[0], s[1] - t[1], s[2] - t[2]), 2)} m`);
    expect(Math.hypot(s[0] - t[0], s[1] - t[1], s[2] - t[2])).toBeLessThan(1000);
  });

  it("holds 25 km within 300 m and Mach 6 within 0.05, with thrust = drag within 5 %", () => {
    const s = res.samples;
    const start = res.events[1].timeS + 150;
    const end = res.events[2].timeS;
    // The flight in its cruise configuration: evaluate its right-hand side on the cruise samples and read
    // the thrust and drag it leaves in its context.
    const flight = createThreatFlight({ vehicle: "notional-hcm", launch: LAUNCH, target }, earth);
    flight.advanceTo(start);
    expect(flight.phase).toBe("cruise");
    const ctx = flight.context;
    const y = new Float64Array(7);
    const dydt = new Float64Array(7);
    let n = 0;
    const alt = new Worst();
    const mach = new Worst();
    const balance = new Worst();
    for (let i = 0; i < s.count; i++) {
      if (s.timeS[i] < start || s.timeS[i] >= end) continue;
      expect(alt.add(Math.abs(s.altM[i] - 25_000))).toBeLessThan(300);
      expect(mach.add(Math.abs(s.mach[i] - 6))).toBeLessThan(0.05);
      y.set(s.posEcefM.subarray(3 * i, 3 * i + 3), 0);
      y.set(s.velEcefMps.subarray(3 * i, 3 * i + 3), 3);
      y[6] = s.massKg[i];
      flight.evaluate(s.timeS[i], y, dydt);
      expect(balance.add(Math.abs(ctx.thrustN / ctx.dragN - 1))).toBeLessThan(0.05);
      expect(s.thrustN[i]).toBeGreaterThan(0);
      n++;
    }
    parts.push(
      `over ${n} cruise samples worst altitude deviation ${sig(alt.value, 2)} m, Mach ${sig(mach.value, 2)}, thrust/drag ${sig(balance.value * 100, 2)} %`,
    );
    expect(n).toBeGreaterThan(100);
  });

  it("runs out of fuel on a long flight (fuel-out at the dry mass, then the dive)", () => {
    const far = pointAt(LAUNCH.latRad, LAUNCH.lonRad, 30 * DEG, 1600e3);
    const r = flyThreat({ vehicle: "notional-hcm", launch: LAUNCH, target: far }, earth);
    const out = r.events.find((e) => e.type === "fuel-out");
    expect(out).toBeDefined();
    expect(out?.state[6]).toBeCloseTo(1350, 3);
    expect(r.phases.map((p) => p.phase)).toEqual(["boost", "cruise", "dive", "impact"]);
  });
});
