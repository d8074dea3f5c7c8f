import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { DormandPrince54 } from "../../src/math/ode/index.js";
import type { EventDetector, OdeRhs } from "../../src/math/ode/index.js";
import { G_MPS2, oscillatorRhs, projectileRhs } from "./odeProblems.js";
import { Worst, recordValidation, sig } from "../validation.js";

const TOL_S = 1e-6;

// Worst event-time errors over the file, one figure per reference.
const apogeeErr = new Worst();
const impactErr = new Worst();
const levelErr = new Worst();
const burnoutErr = new Worst();
const stagedImpactErr = new Worst();
const sinRootErr = new Worst();
const timeEventErr = new Worst();
afterAll(() => {
  if (apogeeErr.count + levelErr.count + burnoutErr.count > 0)
    recordValidation({
      area: "math",
      model: "Event location (Dormand-Prince)",
      reference:
        "projectile in vacuum, closed form z = v0 t - g t^2/2 (apogee v0/g, impact 2 v0/g, level crossings); two-stage vertical flight, piecewise closed form",
      figure:
        `worst |t - t_exact|: apogee ${sig(apogeeErr.value, 2)} s, impact ${sig(impactErr.value, 2)} s, ` +
        `${levelErr.count} random level crossings ${sig(levelErr.value, 2)} s, ` +
        `burnout ${sig(burnoutErr.value, 2)} s, staged impact ${sig(stagedImpactErr.value, 2)} s`,
      tolerance: "<= 1e-6 s (staged impact 2e-6 s)",
    });
  if (sinRootErr.count + timeEventErr.count > 0)
    recordValidation({
      area: "math",
      model: "Event location (Dormand-Prince)",
      reference:
        "roots of y = sin t at k pi (rising, falling, both; terminal and restarted); time events g = t - tc",
      figure:
        `worst |t - t_exact| over ${sinRootErr.count} sin roots ${sig(sinRootErr.value, 2)} s, ` +
        `over ${timeEventErr.count} time events ${sig(timeEventErr.value, 2)} s`,
      tolerance: "<= 1e-6 s",
    });
});

function detector(
  g: (t: number, y: Float64Array) => number,
  direction: 1 | -1 | 0,
  terminal: boolean,
  onEvent?: (t: number, y: Float64Array) => void,
): EventDetector {
  return onEvent === undefined ? { g, direction, terminal } : { g, direction, terminal, onEvent };
}

describe("event location: projectile in vacuum (closed form z = v0 t - g t^2 / 2)", () => {
  const v0 = 100;
  const apogeeS = v0 / G_MPS2; // vz = 0
  const impactS = (2 * v0) / G_MPS2; // z = 0 again

  it("finds apogee (vz falling) and impact (z falling, terminal) to 1e-6 s", () => {
    const dp = new DormandPrince54(2, { rtol: 1e-9, atol: 1e-9 });
    const apogeeStates: number[] = [];
    const events = [
      detector(
        (_t, y) => y[1],
        -1,
        false,
        (_t, y) => apogeeStates.push(y[0]),
      ),
      detector((_t, y) => y[0], -1, true),
    ];
    const y = Float64Array.of(0, v0); // starts on the ground: z = 0 must not count as an impact
    const r = dp.integrate(projectileRhs, 0, y, 100, events);
    expect(r.eventIndex).toBe(1);
    expect(r.events.count).toBe(2);
    expect(r.events.detectorAt(0)).toBe(0);
    expect(apogeeErr.add(Math.abs(r.events.timeAt(0) - apogeeS))).toBeLessThanOrEqual(TOL_S);
    expect(r.events.detectorAt(1)).toBe(1);
    expect(impactErr.add(Math.abs(r.tS - impactS))).toBeLessThanOrEqual(TOL_S);
    expect(r.events.timeAt(1)).toBe(r.tS);
    // Apogee height v0^2 / (2 g).
    expect(apogeeStates[0]).toBeCloseTo((v0 * v0) / (2 * G_MPS2), 6);
    // The returned state is interpolated at the event time, on the far side of the root.
    expect(y[0]).toBeLessThanOrEqual(0);
    expect(Math.abs(y[0])).toBeLessThan(v0 * TOL_S * 1.01);
    expect(y[1]).toBeCloseTo(-v0, 4);
  });

  it("a looser eventTolS gives a looser (but still bracketed) time", () => {
    const dp = new DormandPrince54(2, { rtol: 1e-9, atol: 1e-9, eventTolS: 1e-2 });
    const r = dp.integrate(projectileRhs, 0, Float64Array.of(0, v0), 100, [
      detector((_t, y) => y[0], -1, true),
    ]);
    expect(r.tS).toBeGreaterThanOrEqual(impactS);
    expect(r.tS - impactS).toBeLessThanOrEqual(1e-2);
  });
});

describe("event location: sin crossings of y'' = -y (roots at k pi)", () => {
  const sinG = (_t: number, y: Float64Array): number => y[0];

  function run(direction: 1 | -1 | 0, tEnd: number): number[] {
    const dp = new DormandPrince54(2, { rtol: 1e-11, atol: 1e-12 });
    const r = dp.integrate(oscillatorRhs, 0, Float64Array.of(0, 1), tEnd, [detector(sinG, direction, false)]);
    expect(r.eventIndex).toBe(-1);
    expect(r.tS).toBe(tEnd);
    const out: number[] = [];
    for (let k = 0; k < r.events.count; k++) out.push(r.events.timeAt(k));
    return out;
  }

  it("direction 0 finds every crossing, in order, to 1e-6 s (the start at a root is not an event)", () => {
    const times = run(0, 10);
    expect(times.length).toBe(3);
    times.forEach((t, k) =>
      expect(sinRootErr.add(Math.abs(t - (k + 1) * Math.PI))).toBeLessThanOrEqual(TOL_S),
    );
  });

  it("direction -1 finds only falling crossings (odd multiples of pi)", () => {
    const times = run(-1, 10);
    expect(times.length).toBe(2);
    expect(sinRootErr.add(Math.abs(times[0] - Math.PI))).toBeLessThanOrEqual(TOL_S);
    expect(sinRootErr.add(Math.abs(times[1] - 3 * Math.PI))).toBeLessThanOrEqual(TOL_S);
  });

  it("direction +1 finds only rising crossings (even multiples of pi)", () => {
    const times = run(1, 13);
    expect(times.length).toBe(2);
    expect(sinRootErr.add(Math.abs(times[0] - 2 * Math.PI))).toBeLessThanOrEqual(TOL_S);
    expect(sinRootErr.add(Math.abs(times[1] - 4 * Math.PI))).toBeLessThanOrEqual(TOL_S);
  });

  it("a terminal event returns the state interpolated at the event time", () => {
    const dp = new DormandPrince54(2, { rtol: 1e-11, atol: 1e-12 });
    const y = Float64Array.of(0, 1);
    let lastStepEnd = NaN;
    const r = dp.integrate(oscillatorRhs, 0, y, 10, [detector(sinG, -1, true)], (s) => {
      lastStepEnd = s.t1S;
    });
    expect(r.eventIndex).toBe(0);
    expect(sinRootErr.add(Math.abs(r.tS - Math.PI))).toBeLessThanOrEqual(TOL_S);
    expect(y[0]).toBeCloseTo(Math.sin(r.tS), 9);
    expect(y[1]).toBeCloseTo(Math.cos(r.tS), 9);
    // The last step reported to onStep is cut at the event.
    expect(lastStepEnd).toBe(r.tS);
  });

  it("restart after a terminal event does not re-fire it and reaches the next one", () => {
    const dp = new DormandPrince54(2, { rtol: 1e-11, atol: 1e-12 });
    const y = Float64Array.of(0, 1);
    const events = [detector(sinG, 0, true)];
    let t = 0;
    const stops: number[] = [];
    for (let k = 0; k < 3; k++) {
      const r = dp.integrate(oscillatorRhs, t, y, 20, events);
      expect(r.eventIndex).toBe(0);
      t = r.tS;
      stops.push(t);
    }
    stops.forEach((s, k) =>
      expect(sinRootErr.add(Math.abs(s - (k + 1) * Math.PI))).toBeLessThanOrEqual(TOL_S),
    );
    expect(y[0]).toBeCloseTo(Math.sin(t), 8);
  });
});

describe("several events in one step", () => {
  const still: OdeRhs = (_t, _y, d) => {
    d[0] = 0;
  };
  const at = (tc: number, terminal: boolean) => detector((t) => t - tc, 1, terminal);

  it("are recorded in time order, not detector order", () => {
    const dp = new DormandPrince54(1, { initialStepS: 1 });
    const r = dp.integrate(still, 0, Float64Array.of(1), 1, [at(0.3, false), at(0.1, false), at(0.2, false)]);
    expect(r.steps).toBe(1); // all three events fall inside a single step
    expect(r.events.count).toBe(3);
    expect([0, 1, 2].map((k) => r.events.detectorAt(k))).toEqual([1, 2, 0]);
    [0.1, 0.2, 0.3].forEach((tc, k) =>
      expect(timeEventErr.add(Math.abs(r.events.timeAt(k) - tc))).toBeLessThanOrEqual(TOL_S),
    );
  });

  it("stop at the earliest terminal one; later events of the step are discarded", () => {
    const dp = new DormandPrince54(1, { initialStepS: 1 });
    const y = Float64Array.of(1);
    const r = dp.integrate(still, 0, y, 1, [at(0.3, false), at(0.1, false), at(0.2, true), at(0.25, true)]);
    expect(r.steps).toBe(1);
    expect(r.eventIndex).toBe(2);
    expect(timeEventErr.add(Math.abs(r.tS - 0.2))).toBeLessThanOrEqual(TOL_S);
    expect(r.events.count).toBe(2);
    expect(r.events.detectorAt(0)).toBe(1);
    expect(r.events.detectorAt(1)).toBe(2);
  });
});

describe("staging: restart with new dynamics from the terminal event state", () => {
  // Vertical flight: thrust acceleration A for t < tBurn, then coasting; closed form by pieces.
  const A = 30;
  const tBurn = 12.5;
  let thrust = A;
  const rocket: OdeRhs = (_t, y, d) => {
    d[0] = y[1];
    d[1] = thrust - G_MPS2;
  };

  it("matches the piecewise closed form after burnout and impact", () => {
    const dp = new DormandPrince54(2, { rtol: 1e-10, atol: 1e-10 });
    const events = [detector((t) => t - tBurn, 1, true), detector((_t, y) => y[0], -1, true)];
    const y = Float64Array.of(0, 0);
    thrust = A;
    let r = dp.integrate(rocket, 0, y, 1000, events);
    expect(r.eventIndex).toBe(0);
    expect(burnoutErr.add(Math.abs(r.tS - tBurn))).toBeLessThanOrEqual(TOL_S);
    const zB = 0.5 * (A - G_MPS2) * tBurn * tBurn;
    const vB = (A - G_MPS2) * tBurn;
    expect(y[0]).toBeCloseTo(zB, 3);
    expect(y[1]).toBeCloseTo(vB, 4);
    thrust = 0;
    r = dp.integrate(rocket, r.tS, y, 1000, events);
    expect(r.eventIndex).toBe(1);
    // Impact: zB + vB tau - g tau^2 / 2 = 0.
    const tau = (vB + Math.sqrt(vB * vB + 2 * G_MPS2 * zB)) / G_MPS2;
    expect(stagedImpactErr.add(Math.abs(r.tS - (tBurn + tau)))).toBeLessThanOrEqual(2 * TOL_S);
  });
});

describe("event location properties", () => {
  it("a time event g = t - tc is found within 1e-6 s for any tc inside the span", () => {
    const dp = new DormandPrince54(2, { rtol: 1e-6 });
    let tc = 0;
    const events = [detector((t) => t - tc, 0, true)];
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 49.999, noNaN: true }), (c) => {
        tc = c;
        const r = dp.integrate(oscillatorRhs, 0, Float64Array.of(0, 1), 50, events);
        return r.eventIndex === 0 && r.tS >= tc && timeEventErr.add(r.tS - tc) <= TOL_S;
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("an altitude crossing of a projectile is found within 1e-6 s for any launch speed and level", () => {
    // The solution is quadratic, so Dormand-Prince is exact and its steps grow huge: both crossings
    // of the level can fall in one step. maxCheckS samples g inside steps so they are not missed.
    const dp = new DormandPrince54(2, { rtol: 1e-8, atol: 1e-8 });
    let level = 0;
    const events: EventDetector[] = [{ ...detector((_t, y) => y[0] - level, -1, true), maxCheckS: 0.1 }];
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 3000, noNaN: true }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }), // roots >= 0.6 s apart
        (v0, frac) => {
          level = frac * ((v0 * v0) / (2 * G_MPS2));
          const r = dp.integrate(projectileRhs, 0, Float64Array.of(0, v0), 1e4, events);
          // Descending root of v0 t - g t^2 / 2 = level.
          const exact = (v0 + Math.sqrt(v0 * v0 - 2 * G_MPS2 * level)) / G_MPS2;
          return r.eventIndex === 0 && levelErr.add(Math.abs(r.tS - exact)) <= TOL_S;
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});
