import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSf,
  erf,
  erfc,
  lnGamma,
  normalCdf,
  normalQuantile,
  regularizedGammaP,
  regularizedGammaQ,
} from "../../src/math/stats/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe("special functions", () => {
  it("lnGamma matches factorials and known constants", () => {
    let fact = 1;
    const worst = new Worst();
    for (let n = 1; n <= 25; n++) {
      if (n > 1) fact *= n - 1;
      const scaled = Math.abs(lnGamma(n) - Math.log(fact)) / Math.max(1, Math.log(fact));
      expect(worst.add(scaled, `${n - 1}!`)).toBeLessThan(1e-13);
    }
    const half = Math.abs(lnGamma(0.5) - 0.5 * Math.log(Math.PI)); // Gamma(1/2) = sqrt(pi)
    const third = relErr(Math.exp(lnGamma(1 / 3)), 2.6789385347077475); // Gamma(1/3) = 2.678938534707747633..., OEIS A073005
    const minusHalf = Math.abs(lnGamma(-0.5) - Math.log(2 * Math.sqrt(Math.PI))); // |Gamma(-1/2)| = 2 sqrt(pi)
    recordValidation({
      area: "math",
      model: "lnGamma",
      reference:
        "factorials 0! to 24!; Gamma(1/2) = sqrt(pi); Gamma(1/3) (OEIS A073005); |Gamma(-1/2)| = 2 sqrt(pi)",
      figure:
        `factorials worst ${sig(worst.value, 2)} (relative to max(1, ln n!)); ln Gamma(1/2) error ${sig(half, 2)}, ` +
        `Gamma(1/3) relative ${sig(third, 2)}, ln |Gamma(-1/2)| ${sig(minusHalf, 2)}`,
      tolerance: "< 1e-13; < 5e-15; < 1e-14; < 5e-14",
    });
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(third).toBeLessThan(1e-14);
    expect(lnGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
  });

  it("erf and erfc match Abramowitz & Stegun Table 7.1 and tail values", () => {
    const table: [number, number][] = [
      [0.5, 0.5204998778],
      [1, 0.8427007929],
      [2, 0.995322265],
      [-1, -0.8427007929],
    ];
    const tails: [number, number][] = [
      [3, 2.209049699858544e-5],
      [5, 1.5374597944280349e-12],
      [10, 2.0884875837625446e-45],
    ];
    const tableErr = Math.max(...table.map(([x, v]) => Math.abs(erf(x) - v)));
    const tailErr = Math.max(...tails.map(([x, v]) => relErr(erfc(x), v)));
    recordValidation({
      area: "math",
      model: "erf, erfc",
      reference:
        "Abramowitz & Stegun Table 7.1 (erf to 10 decimals); erfc(3), erfc(5), erfc(10) to 16 digits",
      figure: `erf worst absolute error ${sig(tableErr, 2)}; erfc tails worst relative ${sig(tailErr, 2)}`,
      tolerance: "< 5e-10 (half a printed unit); < 1e-13 (1e-12 at 10)",
    });
    expect(erf(0.5)).toBeCloseTo(0.5204998778, 10);
    expect(erf(1)).toBeCloseTo(0.8427007929, 10);
    expect(erf(2)).toBeCloseTo(0.995322265, 9);
    expect(erf(-1)).toBeCloseTo(-0.8427007929, 10);
    expect(relErr(erfc(3), 2.209049699858544e-5)).toBeLessThan(1e-13);
    expect(relErr(erfc(5), 1.5374597944280349e-12)).toBeLessThan(1e-13);
    expect(relErr(erfc(10), 2.0884875837625446e-45)).toBeLessThan(1e-12);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 14);
  });

  it("regularized gamma: closed forms P(1, x) = 1 - exp(-x) and P + Q = 1", () => {
    for (const x of [0.01, 0.5, 1, 2, 5, 30]) {
      expect(relErr(regularizedGammaP(1, x), -Math.expm1(-x))).toBeLessThan(1e-13);
      expect(relErr(regularizedGammaQ(1, x), Math.exp(-x))).toBeLessThan(1e-13);
      expect(regularizedGammaP(3.7, x) + regularizedGammaQ(3.7, x)).toBeCloseTo(1, 14);
    }
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
  });
});

describe("normal distribution", () => {
  const parts: string[] = [];
  const roundTrip = new Worst();
  afterAll(() => {
    if (roundTrip.count > 0)
      parts.push(
        `${roundTrip.count} random CDF(quantile(p)) round trips worst ${sig(roundTrip.value, 2)} relative`,
      );
    if (parts.length > 0)
      recordValidation({
        area: "math",
        model: "normalCdf, normalQuantile",
        reference: "Wichura, Algorithm AS 241 (1988) test values; Phi(1.96), Phi(-3), Phi(-10) to 16 digits",
        figure: parts.join("; "),
        tolerance: "quantile 1e-15 to 1e-14; CDF < 1e-13 relative (1e-12 at -10); round trip < 1e-12",
      });
  });

  it("normalCdf matches known values", () => {
    const cdfErr = Math.max(
      Math.abs(normalCdf(1.96) - 0.9750021048517795) / 0.9750021048517795,
      relErr(normalCdf(-3), 0.0013498980316300946),
      relErr(normalCdf(-10), 7.61985302416047e-24),
    );
    parts.push(`CDF worst relative error ${sig(cdfErr, 2)}`);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(relErr(normalCdf(-3), 0.0013498980316300946)).toBeLessThan(1e-13);
    expect(relErr(normalCdf(-10), 7.61985302416047e-24)).toBeLessThan(1e-12);
  });

  it("normalQuantile matches Wichura's AS241 test values to ~1e-15", () => {
    // M. J. Wichura, "Algorithm AS 241", Applied Statistics 37 (1988) 477-484, test values.
    const as241: [number, number][] = [
      [0.25, -0.6744897501960817],
      [0.001, -3.090232306167814],
      [1e-20, -9.262340089798409],
      [0.975, 1.959963984540054],
    ];
    const qErr = Math.max(...as241.map(([p, x]) => relErr(normalQuantile(p), x)));
    parts.unshift(`quantile worst relative error ${sig(qErr, 2)} over the AS 241 values`);
    expect(normalQuantile(0.25)).toBeCloseTo(-0.6744897501960817, 15);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167814, 14);
    expect(relErr(normalQuantile(1e-20), -9.262340089798409)).toBeLessThan(1e-14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
  });

  it("property: normalCdf(normalQuantile(p)) = p and the quantile is odd about 1/2", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        // 1 - p rounds; 1 - (1 - p) is exact (Sterbenz), so the mirror must match bit for bit.
        return (
          roundTrip.add(relErr(normalCdf(x), p)) < 1e-12 &&
          normalQuantile(1 - p) === -normalQuantile(1 - (1 - p))
        );
      }),
      { seed: 37, numRuns: 500 },
    );
  });
});

describe("chi-square distribution", () => {
  const quantileErr = new Worst();
  const cdfErr = new Worst();
  afterAll(() => {
    if (quantileErr.count + cdfErr.count > 0)
      recordValidation({
        area: "math",
        model: "chiSquareQuantile, chiSquareCdf",
        reference:
          "closed forms: k = 2 quantile -2 ln(1 - p), k = 1 quantile z_{(1+p)/2}^2; CDF k = 2: 1 - exp(-x/2), survival k = 4: exp(-x/2)(1 + x/2)",
        figure: `worst relative error: ${quantileErr.count} quantiles ${sig(quantileErr.value, 2)}, ${cdfErr.count} CDF values ${sig(cdfErr.value, 2)}`,
        tolerance: "< 1e-12 (k = 2 CDF < 1e-13; chi2(0.025, 1) < 1e-10)",
      });
  });

  it("closed forms: k = 2 gives -2 ln(1 - p); k = 1 gives z_{(1+p)/2}^2", () => {
    for (const p of [1e-6, 0.01, 0.05, 0.5, 0.95, 0.99, 0.999999]) {
      expect(quantileErr.add(relErr(chiSquareQuantile(p, 2), -2 * Math.log1p(-p)))).toBeLessThan(1e-12);
    }
    // (Extreme p is left out for k = 1: rounding 0.5 + p/2 would make the reference itself inexact.)
    for (const p of [0.01, 0.05, 0.5, 0.95, 0.99, 0.9999]) {
      const z = normalQuantile(0.5 + 0.5 * p);
      expect(quantileErr.add(relErr(chiSquareQuantile(p, 1), z * z))).toBeLessThan(1e-12);
    }
  });

  it("CDF closed forms for k = 2 and k = 4", () => {
    for (const x of [0.1, 1, 4, 10, 40]) {
      expect(cdfErr.add(relErr(chiSquareCdf(x, 2), -Math.expm1(-x / 2)))).toBeLessThan(1e-13);
      expect(cdfErr.add(relErr(chiSquareSf(x, 4), Math.exp(-x / 2) * (1 + x / 2)))).toBeLessThan(1e-12);
    }
  });

  it("matches the NIST/SEMATECH e-Handbook table 1.3.6.7.4 (upper-tail critical values)", () => {
    // Table values to three decimals: chi2(0.95; 1, 3, 6, 10, 100), chi2(0.99; 3), chi2(0.999; 1),
    // and the lower-tail value chi2(0.05; 5).
    const table: [number, number, number][] = [
      [0.95, 1, 3.841],
      [0.95, 3, 7.815],
      [0.95, 6, 12.592],
      [0.95, 10, 18.307],
      [0.95, 100, 124.342],
      [0.99, 3, 11.345],
      [0.999, 1, 10.828],
      [0.05, 5, 1.145],
    ];
    const worst = new Worst();
    for (const [p, k, x] of table) worst.add(Math.abs(chiSquareQuantile(p, k) - x), `chi2(${p}; ${k})`);
    recordValidation({
      area: "math",
      model: "chiSquareQuantile",
      reference: "NIST/SEMATECH e-Handbook table 1.3.6.7.4, 8 critical values printed to 3 decimals",
      figure: `worst |x - table| ${sig(worst.value, 2)} (${worst.at})`,
      tolerance: "< 5e-4 (half the last printed digit)",
    });
    for (const [p, k, x] of table) expect(chiSquareQuantile(p, k)).toBeCloseTo(x, 3);
  });

  it("is much better than Wilson-Hilferty at 1 degree of freedom (NEES bounds of small filters)", () => {
    const z = normalQuantile(0.025);
    const wh = Math.pow(1 - 2 / 9 + z * Math.sqrt(2 / 9), 3);
    const exact = chiSquareQuantile(0.025, 1);
    expect(quantileErr.add(relErr(exact, 0.0009820691171752583))).toBeLessThan(1e-10); // z_{0.5125}^2
    expect(relErr(wh, exact)).toBeGreaterThan(0.5); // Wilson-Hilferty is far off here
  });

  it("property: CDF(quantile(p, k), k) = p, for fractional and large k, in both tails", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }),
        fc.double({ min: 0.2, max: 2000, noNaN: true }),
        (p, k) => {
          const x = chiSquareQuantile(p, k);
          const back = p < 0.5 ? chiSquareCdf(x, k) : 1 - chiSquareSf(x, k);
          const tail = p < 0.5 ? p : 1 - p;
          const backTail = p < 0.5 ? back : chiSquareSf(x, k);
          return Math.abs(back - p) < 1e-12 || relErr(backTail, tail) < 1e-9;
        },
      ),
      { seed: 41, numRuns: 400 },
    );
  });
});
