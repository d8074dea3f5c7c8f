import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { P2Quantile, quantile, quantileSorted, SampleSet } from "../../src/math/stats/index.js";
import { randomStream } from "../../src/math/random.js";
import { recordValidation, sig } from "../validation.js";

describe("exact quantiles (Hyndman & Fan 1996, definition 7)", () => {
  it("matches R's quantile(1:10, c(0, .25, .5, .9, 1)) = 1, 3.25, 5.5, 9.1, 10", () => {
    const xs = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 0.25)).toBeCloseTo(3.25, 14);
    expect(quantileSorted(xs, 0.5)).toBeCloseTo(5.5, 14);
    expect(quantileSorted(xs, 0.9)).toBeCloseTo(9.1, 14);
    expect(quantileSorted(xs, 1)).toBe(10);
  });

  it("quantile() sorts a copy and SampleSet agrees", () => {
    const values = [5, 1, 4, 2, 3];
    expect(quantile(values, 0.5)).toBe(3);
    expect(values).toEqual([5, 1, 4, 2, 3]);
    const set = new SampleSet();
    for (let i = 0; i < 1000; i++) set.push((i * 7919) % 1000);
    expect(set.count).toBe(1000);
    expect(set.median()).toBeCloseTo(499.5, 12);
    expect(set.quantile(0.1)).toBeCloseTo(99.9, 12);
    set.push(-1);
    expect(set.quantile(0)).toBe(-1);
  });

  it("rejects an empty sample or p outside [0, 1]", () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
  });

  it("property: quantiles are monotone in p and bounded by min and max", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p1, p2) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const s = Float64Array.from(xs).sort();
          const a = quantileSorted(s, lo);
          const b = quantileSorted(s, hi);
          return a <= b && a >= s[0] && b <= s[s.length - 1];
        },
      ),
      { seed: 23, numRuns: 300 },
    );
  });
});

describe("P2Quantile (Jain & Chlamtac 1985)", () => {
  const parts: string[] = [];
  afterAll(() => {
    if (parts.length > 0)
      recordValidation({
        area: "math",
        model: "P2Quantile",
        reference:
          "Jain & Chlamtac, Comm. ACM 28(10) 1985, Table I: median marker 4.44 after the 20 example observations; exact sample quantiles of 100,000 normal draws",
        figure: parts.join("; "),
        tolerance: "< 0.005 (half the printed digit); < 0.02",
      });
  });
  it("reproduces the worked example of the paper (20 observations, median marker 4.44)", () => {
    // Jain & Chlamtac, Comm. ACM 28(10), 1985, Table I: final marker heights
    // 0.02, 0.49, 4.44, 17.20, 38.62 after these 20 observations.
    const data = [
      0.02, 0.15, 0.74, 3.39, 0.83, 22.37, 10.15, 15.43, 38.62, 15.92, 34.6, 10.28, 1.47, 0.4, 0.05, 11.39,
      0.27, 0.42, 0.09, 11.37,
    ];
    const p2 = new P2Quantile(0.5);
    for (const x of data) p2.push(x);
    parts.unshift(`example median marker ${sig(p2.value, 4)} (error ${sig(Math.abs(p2.value - 4.44), 2)})`);
    expect(p2.count).toBe(20);
    expect(p2.value).toBeCloseTo(4.44, 2);
  });

  it("is exact for five values or fewer", () => {
    const p2 = new P2Quantile(0.5);
    expect(p2.value).toBeNaN();
    for (const x of [9, 1, 5]) p2.push(x);
    expect(p2.value).toBe(5);
  });

  it("tracks normal quantiles on 100 000 draws to within 0.02 of the exact sample quantile", () => {
    const r = randomStream(31, 0, "test:p2");
    const ps = [0.05, 0.5, 0.9, 0.99];
    const est = ps.map((p) => new P2Quantile(p));
    const all = new SampleSet();
    for (let i = 0; i < 100_000; i++) {
      const z = r.normal();
      for (const e of est) e.push(z);
      all.push(z);
    }
    const errs = ps.map((p, k) => Math.abs(est[k].value - all.quantile(p)));
    parts.push(
      `normal draws, p = 0.05, 0.5, 0.9, 0.99: worst |estimate - exact| ${sig(Math.max(...errs), 2)} (p = ${ps[errs.indexOf(Math.max(...errs))]})`,
    );
    errs.forEach((e) => expect(e).toBeLessThan(0.02));
  });
});
