import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  bandRadiance,
  blackbodyFractionBelow,
  C2_MK,
  planckSpectralRadiance,
  planckTailIntegral,
  STEFAN_BOLTZMANN,
} from "../../src/sensors/infrared/planck.js";
import { recordValidation, sig } from "../validation.js";

describe("Planck band integral", () => {
  const band: string[] = [];
  afterAll(() => {
    if (band.length > 0)
      recordValidation({
        area: "sensors",
        model: "bandRadiance (Planck band integral)",
        reference:
          "Stefan-Boltzmann: the whole spectrum gives sigma T^4 / pi (CODATA 2018 sigma, c2); Simpson's rule on Planck's law, 3-5 um at 1500 K",
        figure: band.join("; "),
        tolerance: "< 5e-10; < 5e-11",
      });
  });
  it("derives the CODATA constants", () => {
    // CODATA 2018: sigma = 5.670374419e-8 W m^-2 K^-4, c2 = 1.438776877e-2 m K.
    expect(STEFAN_BOLTZMANN / 5.670374419e-8).toBeCloseTo(1, 9);
    expect(C2_MK / 1.438776877e-2).toBeCloseTo(1, 9);
  });

  it("integrates to sigma T^4 / pi over all wavelengths", () => {
    const totalErr = Math.max(
      ...[300, 1200, 3200].map((t) =>
        Math.abs(bandRadiance(1e-9, 1, t) / ((STEFAN_BOLTZMANN * t ** 4) / Math.PI) - 1),
      ),
    );
    band.unshift(`whole spectrum at 300, 1200, 3200 K: worst relative error ${sig(totalErr, 2)}`);
    for (const t of [300, 1200, 3200]) {
      const total = (STEFAN_BOLTZMANN * t ** 4) / Math.PI;
      expect(bandRadiance(1e-9, 1, t) / total).toBeCloseTo(1, 9);
    }
    expect(planckTailIntegral(0)).toBeCloseTo(Math.PI ** 4 / 15, 14);
  });

  it("reproduces the tabulated blackbody radiation functions F(0 -> lambda T)", () => {
    // Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, 6th ed., Table 12.1 (computed there
    // with C2 = 14,388 um K, hence the 5e-5 tolerance).
    const table: Array<[number, number]> = [
      [1000, 0.000321],
      [2000, 0.066728],
      [3000, 0.273232],
      [4000, 0.480877],
      [5000, 0.633747],
      [6000, 0.737818],
      [8000, 0.856288],
      [10000, 0.914199],
    ];
    const errs = table.map(([lt, f]) => Math.abs(blackbodyFractionBelow(lt * 1e-6, 1) - f));
    const worst = Math.max(...errs);
    recordValidation({
      area: "sensors",
      model: "blackbodyFractionBelow",
      reference:
        "Incropera & DeWitt, Fundamentals of Heat and Mass Transfer, 6th ed., Table 12.1, F(0 -> lambda T) at 8 values 1000-10000 um K (C2 = 14,388 um K)",
      figure:
        `worst |F - table| ${sig(worst, 2)} (at ${table[errs.indexOf(worst)][0]} um K); ` +
        `Wien peak split (0.25005) error ${sig(Math.abs(blackbodyFractionBelow(2897.77e-6, 1) - 0.25005), 2)}`,
      tolerance: "< 5e-5 (the table's C2); < 5e-5",
    });
    for (const [lt, f] of table)
      expect(Math.abs(blackbodyFractionBelow(lt * 1e-6, 1) - f)).toBeLessThan(5e-5);
    // Wien's peak (lambda T = 2897.77 um K) splits the exitance 25% / 75%.
    expect(blackbodyFractionBelow(2897.77e-6, 1)).toBeCloseTo(0.25005, 4);
  });

  it("the two series agree where they meet (x = 2) and match direct quadrature of the spectrum", () => {
    expect(planckTailIntegral(2 - 1e-12)).toBeCloseTo(planckTailIntegral(2 + 1e-12), 10);
    // Simpson's rule on L_lambda over 3-5 um at 1500 K.
    const n = 2000;
    const a = 3e-6;
    const b = 5e-6;
    const h = (b - a) / n;
    let s = 0;
    for (let i = 0; i <= n; i++) {
      const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
      s += w * planckSpectralRadiance(a + i * h, 1500);
    }
    band.push(
      `3-5 um at 1500 K vs Simpson (2000 intervals): ${sig(Math.abs(bandRadiance(a, b, 1500) / ((s * h) / 3) - 1), 2)}`,
    );
    expect(bandRadiance(a, b, 1500) / ((s * h) / 3)).toBeCloseTo(1, 10);
  });

  it("band radiance is additive over adjacent bands (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 200, max: 4000, noNaN: true }),
        (l1, d1, d2, t) => {
          const a = l1 * 1e-6;
          const b = (l1 + d1) * 1e-6;
          const c = (l1 + d1 + d2) * 1e-6;
          const whole = bandRadiance(a, c, t);
          expect(Math.abs(bandRadiance(a, b, t) + bandRadiance(b, c, t) - whole)).toBeLessThan(
            1e-12 * whole + 1e-300,
          );
        },
      ),
    );
  });
});
