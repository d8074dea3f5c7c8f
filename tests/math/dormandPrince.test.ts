import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { DormandPrince54, OdeError } from "../../src/math/ode/index.js";
import type { OdeRhs } from "../../src/math/ode/index.js";
import {
  keplerAngularMomentumZ,
  keplerEnergy,
  keplerInitial,
  keplerRhs,
  oscillatorRhs,
} from "./odeProblems.js";
import { recordValidation, sig } from "../validation.js";

const TWO_PI = 2 * Math.PI;

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe("DormandPrince54 on a Kepler orbit (e = 0.5, mu = a = 1, period 2 pi)", () => {
  const conservation: string[] = [];
  let proportionality = "";
  afterAll(() => {
    if (conservation.length > 0)
      recordValidation({
        area: "math",
        model: "Dormand-Prince 5(4)",
        reference:
          "Kepler orbit e = 0.5, mu = a = 1 (vis-viva, Vallado eq. 1-31): E = -1/2, h = sqrt(0.75), period 2 pi",
        figure: conservation.join("; "),
        tolerance: "drifts < 1e-8; return < 1e-7",
      });
    if (proportionality !== "")
      recordValidation({
        area: "math",
        model: "Dormand-Prince 5(4)",
        reference: "Kepler orbit e = 0.5 over one period, rtol 1e-4 to 1e-12 (tolerance proportionality)",
        figure: proportionality,
        tolerance: "error < 1000 rtol; > 10x smaller per step",
      });
  });

  it("conserves energy and angular momentum over 10 periods at rtol 1e-10", () => {
    const dp = new DormandPrince54(6, { rtol: 1e-10, atol: 1e-12 });
    const y = keplerInitial(0.5);
    const e0 = keplerEnergy(y);
    const h0 = keplerAngularMomentumZ(y);
    expect(e0).toBeCloseTo(-0.5, 14);
    expect(h0).toBeCloseTo(Math.sqrt(0.75), 14);
    const r = dp.integrate(keplerRhs, 0, y, 10 * TWO_PI);
    expect(r.tS).toBe(10 * TWO_PI);
    expect(r.eventIndex).toBe(-1);
    const dE = Math.abs(keplerEnergy(y) - e0);
    const dH = Math.abs(keplerAngularMomentumZ(y) - h0);
    conservation.unshift(
      `over 10 periods at rtol 1e-10: energy drift ${sig(dE, 2)}, angular-momentum drift ${sig(dH, 2)}`,
    );
    expect(dE).toBeLessThan(1e-8);
    expect(dH).toBeLessThan(1e-8);
  });

  it("returns to the initial state after one analytic period", () => {
    const dp = new DormandPrince54(6, { rtol: 1e-10, atol: 1e-12 });
    const y = keplerInitial(0.5);
    const y0 = y.slice();
    const r = dp.integrate(keplerRhs, 0, y, TWO_PI);
    conservation.push(`return to the initial state after one period: ${sig(maxAbsDiff(y, y0), 2)}`);
    expect(maxAbsDiff(y, y0)).toBeLessThan(1e-7);
    // FSAL: 6 evaluations per attempt, plus the first f(t0) and the initial-step probe.
    expect(r.rhsEvaluations).toBe(6 * (r.steps + r.rejectedSteps) + 2);
  });

  it("error decreases as the tolerance tightens", () => {
    let previous = Infinity;
    let worstRatio = 0;
    let leastDrop = Infinity;
    const errors: number[] = [];
    for (const rtol of [1e-4, 1e-6, 1e-8, 1e-10, 1e-12]) {
      const dp = new DormandPrince54(6, { rtol, atol: rtol * 1e-2 });
      const y = keplerInitial(0.5);
      const y0 = y.slice();
      dp.integrate(keplerRhs, 0, y, TWO_PI);
      const err = maxAbsDiff(y, y0);
      errors.push(err);
      worstRatio = Math.max(worstRatio, err / rtol);
      if (previous < Infinity) leastDrop = Math.min(leastDrop, previous / err);
      proportionality =
        `errors ${errors.map((e) => sig(e, 2)).join(", ")}; worst error/rtol ${sig(worstRatio, 2)}; ` +
        `smallest drop per 100x tighter rtol ${sig(leastDrop, 2)}x`;
      expect(err).toBeLessThan(previous / 10);
      // Tolerance proportionality, loosely: the global error is within 1000 x rtol.
      expect(err).toBeLessThan(1000 * rtol);
      previous = err;
    }
  });
});

describe("DormandPrince54 dense output", () => {
  const dense: string[] = [];
  afterAll(() => {
    if (dense.length > 0)
      recordValidation({
        area: "math",
        model: "Dormand-Prince 5(4) dense output",
        reference:
          "4th-order continuous extension: sin t, cos t (y'' = -y) at fixed steps h = 0.2, 0.1, 0.05; circular orbit x = cos t, y = sin t at rtol 1e-10",
        figure: dense.join("; "),
        tolerance: "ratio > 14 (2^4 with room), error < 1e-6 at h = 0.2; orbit < 1e-8",
      });
  });

  // With hMaxS = initialStepS = h and a tolerance loose enough that no step is rejected, every step
  // has size h; the continuous extension is 4th order (local error O(h^5)), so halving h must divide
  // the largest in-step error by at least 2^4 (we ask for 14 to leave room for rounding).
  function denseError(h: number): number {
    const dp = new DormandPrince54(2, { rtol: 1, atol: 1, hMaxS: h, initialStepS: h });
    const y = Float64Array.of(0, 1);
    const out = new Float64Array(2);
    let maxErr = 0;
    const r = dp.integrate(oscillatorRhs, 0, y, 2, undefined, (s) => {
      for (let k = 1; k < 10; k++) {
        const t = s.t0S + ((s.t1S - s.t0S) * k) / 10;
        s.interpolate(t, out);
        maxErr = Math.max(maxErr, Math.abs(out[0] - Math.sin(t)), Math.abs(out[1] - Math.cos(t)));
      }
    });
    expect(r.rejectedSteps).toBe(0);
    expect(r.steps).toBe(Math.round(2 / h));
    return maxErr;
  }

  it("is (at least) 4th-order consistent inside steps", () => {
    const e1 = denseError(0.2);
    const e2 = denseError(0.1);
    const e3 = denseError(0.05);
    dense.unshift(
      `fixed steps: in-step error ${sig(e1, 2)}, ${sig(e2, 2)}, ${sig(e3, 2)}, ratio ${sig(e1 / e2)} and ${sig(e2 / e3)} per halving of h (32 for the O(h^5) in-step error of a 4th-order extension)`,
    );
    expect(e1).toBeLessThan(1e-6);
    expect(e1 / e2).toBeGreaterThan(14);
    expect(e2 / e3).toBeGreaterThan(14);
  });

  it("matches the analytic solution between steps at tight tolerance and hits step ends exactly", () => {
    const dp = new DormandPrince54(6, { rtol: 1e-10, atol: 1e-12 });
    const y = Float64Array.of(0, 1, 0, 1, 0, 0); // circular orbit, radius 1: x = cos t, y = sin t
    y[0] = 1;
    y[1] = 0;
    y[4] = 1;
    y[3] = 0;
    const out = new Float64Array(6);
    let maxErr = 0;
    let endMismatch = 0;
    let prevEnd = 0;
    dp.integrate(keplerRhs, 0, y, TWO_PI, undefined, (s) => {
      expect(s.t0S).toBe(prevEnd);
      prevEnd = s.t1S;
      const tm = 0.5 * (s.t0S + s.t1S);
      s.interpolate(tm, out);
      maxErr = Math.max(maxErr, Math.abs(out[0] - Math.cos(tm)), Math.abs(out[1] - Math.sin(tm)));
      s.interpolate(s.t0S, out);
      endMismatch = Math.max(endMismatch, Math.abs(out[0] - Math.cos(s.t0S)));
    });
    dense.push(`orbit: worst error at mid-step ${sig(maxErr, 2)}, at step starts ${sig(endMismatch, 2)}`);
    expect(maxErr).toBeLessThan(1e-8);
    expect(endMismatch).toBeLessThan(1e-8);
    expect(prevEnd).toBe(TWO_PI);
  });
});

describe("DormandPrince54 controls and errors", () => {
  it("respects hMaxS", () => {
    const dp = new DormandPrince54(2, { rtol: 1e-3, hMaxS: 0.01 });
    let maxStep = 0;
    dp.integrate(oscillatorRhs, 0, Float64Array.of(0, 1), 1, undefined, (s) => {
      maxStep = Math.max(maxStep, s.t1S - s.t0S);
    });
    expect(maxStep).toBeLessThanOrEqual(0.01 + 1e-15);
  });

  it("throws OdeError with a clear message when maxSteps is exhausted", () => {
    const dp = new DormandPrince54(6, { rtol: 1e-12, atol: 1e-14, maxSteps: 50 });
    expect(() => dp.integrate(keplerRhs, 0, keplerInitial(0.5), TWO_PI)).toThrow(OdeError);
    expect(() => dp.integrate(keplerRhs, 0, keplerInitial(0.5), TWO_PI)).toThrow(/maxSteps=50/);
  });

  it("throws OdeError on step-size underflow (finite-time blow-up y' = y^2)", () => {
    const blowUp: OdeRhs = (_t, y, d) => {
      d[0] = y[0] * y[0];
    };
    const dp = new DormandPrince54(1, { rtol: 1e-8, hMinS: 1e-10 });
    // y = 1 / (1 - t) is singular at t = 1.
    expect(() => dp.integrate(blowUp, 0, Float64Array.of(1), 2)).toThrow(OdeError);
  });

  it("accepts per-component tolerances and rejects bad ones", () => {
    const dp = new DormandPrince54(2, { rtol: [1e-9, 1e-9], atol: [1e-12, 1e-12] });
    const y = Float64Array.of(0, 1);
    dp.integrate(oscillatorRhs, 0, y, 1);
    expect(Math.abs(y[0] - Math.sin(1))).toBeLessThan(1e-8);
    expect(() => new DormandPrince54(2, { rtol: [1e-9] })).toThrow(RangeError);
    expect(() => new DormandPrince54(2, { atol: -1 })).toThrow(RangeError);
    expect(() => dp.integrate(oscillatorRhs, 0, new Float64Array(3), 1)).toThrow(RangeError);
  });

  it("integrates backward", () => {
    const dp = new DormandPrince54(2, { rtol: 1e-10, atol: 1e-12 });
    const y = Float64Array.of(Math.sin(3), Math.cos(3));
    const r = dp.integrate(oscillatorRhs, 3, y, 0);
    expect(r.tS).toBe(0);
    expect(Math.abs(y[0])).toBeLessThan(1e-9);
    expect(Math.abs(y[1] - 1)).toBeLessThan(1e-9);
  });

  it("is reusable: the same stepper gives identical results on a second run", () => {
    const dp = new DormandPrince54(6, { rtol: 1e-9 });
    const a = keplerInitial(0.3);
    dp.integrate(keplerRhs, 0, a, 5);
    const stepsA = dp.integrate(keplerRhs, 0, Float64Array.of(1, 0, 0, 0, 1, 0), 1).steps;
    const b = keplerInitial(0.3);
    dp.integrate(keplerRhs, 0, b, 5);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(dp.integrate(keplerRhs, 0, Float64Array.of(1, 0, 0, 0, 1, 0), 1).steps).toBe(stepsA);
  });

  it("property: y' = lambda y matches exp(lambda t) within the tolerance scale", () => {
    const dp = new DormandPrince54(1, { rtol: 1e-9, atol: 1e-12 });
    let lambda = 0;
    const rhs: OdeRhs = (_t, y, d) => {
      d[0] = lambda * y[0];
    };
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 2, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (lam, tEnd, y0) => {
          lambda = lam;
          const y = Float64Array.of(y0);
          dp.integrate(rhs, 0, y, tEnd);
          const exact = y0 * Math.exp(lam * tEnd);
          return Math.abs(y[0] - exact) <= 1e-6 * Math.max(1, Math.abs(exact));
        },
      ),
      { seed: 20240601, numRuns: 200 },
    );
  });
});
