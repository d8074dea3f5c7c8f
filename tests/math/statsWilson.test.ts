import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { wilsonInterval, zForConfidence } from "../../src/math/stats/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

describe("wilsonInterval", () => {
  // R. G. Newcombe, Statistics in Medicine 17 (1998) 857-872, Table I: 95% intervals for the
  // illustrative examples, method 3 (score) and method 4 (score with continuity correction).
  const table: [number, number, [number, number], [number, number]][] = [
    [81, 263, [0.2553, 0.3662], [0.2535, 0.3682]],
    [15, 148, [0.0624, 0.1605], [0.0598, 0.1644]],
    [0, 20, [0.0, 0.1611], [0.0, 0.2005]],
    [1, 29, [0.0061, 0.1718], [0.0018, 0.1963]],
  ];
  const scoreErr = new Worst();
  const correctedErr = new Worst();
  afterAll(() => {
    if (scoreErr.count > 0)
      recordValidation({
        area: "math",
        model: "wilsonInterval",
        reference:
          "Newcombe, Statistics in Medicine 17 (1998), Table I: 95 % score intervals, plain and continuity-corrected",
        figure:
          `worst |limit - table| over ${4 * scoreErr.count} limits: score ${sig(scoreErr.value)} (${scoreErr.at}), ` +
          `corrected ${sig(correctedErr.value)} (${correctedErr.at})`,
        tolerance: "< 5e-5 (half the last printed digit)",
      });
  });
  it.each(table)("%d/%d matches Newcombe's Table I", (s, n, score, corrected) => {
    const a = wilsonInterval(s, n, 0.95);
    const b = wilsonInterval(s, n, 0.95, true);
    scoreErr.add(Math.max(Math.abs(a.lower - score[0]), Math.abs(a.upper - score[1])), `${s}/${n}`);
    correctedErr.add(
      Math.max(Math.abs(b.lower - corrected[0]), Math.abs(b.upper - corrected[1])),
      `${s}/${n}`,
    );
    expect(a.lower).toBeCloseTo(score[0], 4);
    expect(a.upper).toBeCloseTo(score[1], 4);
    expect(b.lower).toBeCloseTo(corrected[0], 4);
    expect(b.upper).toBeCloseTo(corrected[1], 4);
  });

  it("z for common confidence levels", () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(zForConfidence(0.99)).toBeCloseTo(2.5758293035489004, 13);
    expect(zForConfidence(0.9)).toBeCloseTo(1.6448536269514722, 13);
  });

  it("n = n successes gives an upper limit of 1 and a lower limit (alpha/2)^(1/n)-like", () => {
    const r = wilsonInterval(20, 20);
    expect(r.upper).toBe(1);
    expect(r.lower).toBeCloseTo(1 - 0.1611, 4); // mirror of 0/20
  });

  it("rejects impossible counts", () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 1)).toThrow(RangeError);
  });

  it("property: contains p-hat, lies in [0, 1], mirrors under s -> n - s, and narrows with confidence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const s = Math.round(f * n);
        const p = s / n;
        const a = wilsonInterval(s, n);
        const m = wilsonInterval(n - s, n);
        const narrow = wilsonInterval(s, n, 0.8);
        return (
          a.lower >= 0 &&
          a.upper <= 1 &&
          a.lower <= p + 1e-12 &&
          a.upper >= p - 1e-12 &&
          Math.abs(a.lower - (1 - m.upper)) < 1e-12 &&
          narrow.upper - narrow.lower <= a.upper - a.lower + 1e-15
        );
      }),
      { seed: 29, numRuns: 300 },
    );
  });
});
