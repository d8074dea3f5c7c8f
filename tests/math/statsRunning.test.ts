import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RunningStats } from "../../src/math/stats/index.js";

function twoPass(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const ss = xs.reduce((a, b) => a + (b - mean) * (b - mean), 0);
  return { mean, variance: ss / (xs.length - 1) };
}

describe("RunningStats (Welford 1962; Chan, Golub & LeVeque 1979)", () => {
  it("textbook example 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population variance 4", () => {
    const s = new RunningStats().pushAll([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.count).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.populationVariance).toBe(4);
    expect(s.variance).toBeCloseTo(32 / 7, 14);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
    expect(s.standardError).toBeCloseTo(Math.sqrt(32 / 7 / 8), 14);
  });

  it("is stable with a large offset (where the sum-of-squares formula loses every digit)", () => {
    const s = new RunningStats();
    for (const d of [4, 7, 13, 16]) s.push(1e9 + d);
    expect(s.mean).toBe(1e9 + 10);
    expect(s.variance).toBe(30); // the variance of 4, 7, 13, 16
  });

  it("empty and single-value statistics are NaN where undefined", () => {
    const s = new RunningStats();
    expect(s.mean).toBeNaN();
    expect(s.variance).toBeNaN();
    s.push(3);
    expect(s.mean).toBe(3);
    expect(s.variance).toBeNaN();
    expect(s.populationVariance).toBe(0);
    expect(() => s.push(NaN)).toThrow(RangeError);
  });

  it("property: matches a two-pass computation", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }),
        (xs) => {
          const s = new RunningStats().pushAll(xs);
          const ref = twoPass(xs);
          const scale = Math.max(1, ...xs.map(Math.abs));
          return (
            Math.abs(s.mean - ref.mean) <= 1e-12 * scale &&
            Math.abs(s.variance - ref.variance) <= 1e-9 * Math.max(ref.variance, scale * 1e-6)
          );
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });

  it("property: merging partial results (any split, via plain state) equals one pass", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 0, maxLength: 100 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 0, maxLength: 100 }),
        (a, b) => {
          const whole = new RunningStats().pushAll([...a, ...b]);
          const partA = new RunningStats().pushAll(a);
          const partB = RunningStats.fromState(
            JSON.parse(JSON.stringify(new RunningStats().pushAll(b).toState())),
          );
          const merged = partA.merge(partB);
          if (merged.count !== whole.count) return false;
          if (whole.count === 0) return Number.isNaN(merged.mean);
          const ok =
            Math.abs(merged.mean - whole.mean) <= 1e-12 * 1e3 &&
            merged.min === whole.min &&
            merged.max === whole.max;
          if (whole.count < 2) return ok;
          return ok && Math.abs(merged.variance - whole.variance) <= 1e-9 * Math.max(1, whole.variance);
        },
      ),
      { seed: 19, numRuns: 300 },
    );
  });
});
