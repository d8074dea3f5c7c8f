import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { logFactorial, marcumQ1 } from "../../src/sensors/radar/marcumQ.js";
import { Worst, recordValidation, sig } from "../validation.js";

/** e^{-x} I0(x) by its power series (Abramowitz & Stegun 9.6.12), fine for x <= 40 in double precision. */
function scaledI0(x: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 200; k++) {
    term *= (x * x) / (4 * k * k);
    sum += term;
    if (term < 1e-18 * sum) break;
  }
  return sum * Math.exp(-x);
}

describe("marcumQ1", () => {
  const axis = new Worst();
  const diagonal = new Worst();
  const scipy = new Worst();
  afterAll(() => {
    if (axis.count + diagonal.count + scipy.count > 0)
      recordValidation({
        area: "sensors",
        model: "marcumQ1",
        reference:
          "SciPy 1.17 scipy.stats.ncx2.sf(b^2, 2, a^2) (Ding, AS 275), 7 values from 0.9998 to 7e-8; closed forms Q1(0, b) = exp(-b^2/2), Q1(a, a) = (1 + e^{-a^2} I0(a^2))/2 (Nuttall, IEEE Trans. IT-21 1975)",
        figure:
          `SciPy values worst relative error ${sig(scipy.value, 2)} (${scipy.at}); ` +
          `Q1(0, b) worst ${sig(axis.value, 2)}, Q1(a, a) worst ${sig(diagonal.value, 2)} (a 0.2-6)`,
        tolerance: "< 1e-10; < 5e-16; < 1e-13",
      });
  });

  it("matches Q1(0, b) = exp(-b^2/2) and Q1(a, 0) = 1", () => {
    for (const b of [0.1, 1, 3, 7]) axis.add(Math.abs(marcumQ1(0, b) - Math.exp(-0.5 * b * b)));
    for (const b of [0.1, 1, 3, 7]) expect(marcumQ1(0, b)).toBeCloseTo(Math.exp(-0.5 * b * b), 15);
    expect(marcumQ1(2.5, 0)).toBe(1);
  });

  it("matches the diagonal identity Q1(a, a) = (1 + e^{-a^2} I0(a^2)) / 2", () => {
    // Nuttall, "Some integrals involving the Q_M function", IEEE Trans. IT-21, 1975; also Simon,
    // Probability Distributions Involving Gaussian Random Variables (2002), eq. 4.14 with M = 1.
    for (const a of [0.2, 1, 2, 3, 4.5, 6]) {
      const expected = 0.5 * (1 + scaledI0(a * a));
      expect(diagonal.add(Math.abs(marcumQ1(a, a) - expected))).toBeLessThan(1e-13);
    }
  });

  it("matches reference values of the noncentral chi-square survival function", () => {
    // Q1(a, b) = P(chi'^2_2(a^2) > b^2); reference values from SciPy 1.17 scipy.stats.ncx2.sf(b*b, 2, a*a)
    // (Ding's algorithm, Applied Statistics AS 275), printed to 16 digits.
    const cases: Array<[number, number, number]> = [
      [1, 2, 0.26901206003591],
      [2, 1, 0.9181076963694061],
      [3, 3, 0.5674797622908612],
      [5, 7, 0.02771478629596345],
      [0.5, 6, 7.024500360989583e-8],
      [40, 45, 3.046897749668106e-7],
      [0.01, 0.02, 0.9998000299964169],
    ];
    for (const [a, b, q] of cases) scipy.add(Math.abs(marcumQ1(a, b) - q) / q, `Q1(${a}, ${b})`);
    for (const [a, b, q] of cases) expect(Math.abs(marcumQ1(a, b) - q) / q).toBeLessThan(1e-10);
  });

  it("is increasing in a and decreasing in b (property)", () => {
    const arg = fc.double({ min: 0, max: 20, noNaN: true });
    fc.assert(
      fc.property(arg, arg, fc.double({ min: 0.01, max: 2, noNaN: true }), (a, b, d) => {
        expect(marcumQ1(a + d, b)).toBeGreaterThanOrEqual(marcumQ1(a, b) - 1e-14);
        expect(marcumQ1(a, b + d)).toBeLessThanOrEqual(marcumQ1(a, b) + 1e-14);
      }),
    );
  });

  it("stays a probability far out in both tails", () => {
    expect(marcumQ1(30, 2)).toBe(1);
    expect(marcumQ1(20, 70)).toBe(0);
    const q = marcumQ1(1000, 1001);
    expect(q).toBeGreaterThan(0.158);
    expect(q).toBeLessThan(0.16); // ~ Phi(-1) for large arguments
  });

  it("refuses negative arguments", () => {
    expect(() => marcumQ1(-1, 1)).toThrow(RangeError);
  });

  it("logFactorial agrees with direct summation across the table/Stirling switch", () => {
    let direct = 0;
    for (let k = 2; k <= 200; k++) {
      direct += Math.log(k);
      expect(Math.abs(logFactorial(k) - direct)).toBeLessThan(1e-11 * Math.max(1, direct));
    }
  });
});
