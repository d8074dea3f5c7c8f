/**
 * Stagnation heating against hand-computed values.
 * Sutton & Graves (NASA TR R-376, 1971): q = 1.7415e-4 sqrt(rho / R_n) V^3.
 *   rho = 1.0269e-3 kg/m^3 (USSA-1976 at 50 km), R_n = 0.05 m, V = 6,000 m/s:
 *   q = 1.7415e-4 * sqrt(0.020538) * 2.16e11 = 5.3908e6 W/m^2;
 *   T = (q / (0.85 * 5.670374e-8))^(1/4) = 3,252 K, "about 3,200 K" in Tracy & Wright (2020).
 *   rho = 1e-2, R_n = 1 m, V = 7,000 m/s: q = 1.7415e-4 * 0.1 * 3.43e11 = 5.9733e6 W/m^2; with eps 0.8, 3,387.5 K.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeEarthModel } from "../../src/earth/model.js";
import {
  NOTIONAL_HTV2,
  STEFAN_BOLTZMANN_WM2K4,
  radiativeEquilibriumTempK,
  stagnationCoefficient,
  stagnationTempK,
  suttonGravesHeatFluxWm2,
} from "../../src/flight/index.js";
import { recordValidation, sig } from "../validation.js";

describe("heating", () => {
  it("Sutton-Graves and radiative equilibrium match the hand computation", () => {
    const q1 = suttonGravesHeatFluxWm2(1.0269e-3, 6000, 0.05);
    const t1 = radiativeEquilibriumTempK(5390838.293673859, 0.85);
    const q2 = suttonGravesHeatFluxWm2(1e-2, 7000, 1);
    const t2 = radiativeEquilibriumTempK(5973345, 0.8);
    recordValidation({
      area: "flight",
      model: "Sutton-Graves heat flux, radiative-equilibrium temperature",
      reference:
        "Sutton & Graves, NASA TR R-376 (1971): q = 1.7415e-4 sqrt(rho / R_n) V^3, T = (q / (eps sigma))^(1/4); hand computations 5.3908e6 W/m^2 -> 3,252.044 K, 5.9733e6 W/m^2 -> 3,387.497 K",
      figure:
        `heat flux errors ${sig(Math.abs(q1 - 5390838.3), 2)} and ${sig(Math.abs(q2 - 5973345), 2)} W/m^2; ` +
        `temperature errors ${sig(Math.abs(t1 - 3252.044), 2)} and ${sig(Math.abs(t2 - 3387.497), 2)} K`,
      tolerance: "< 0.5 W/m^2; < 5e-3 K",
    });
    expect(suttonGravesHeatFluxWm2(1.0269e-3, 6000, 0.05)).toBeCloseTo(5390838.3, 0);
    expect(radiativeEquilibriumTempK(5390838.293673859, 0.85)).toBeCloseTo(3252.044, 2);
    expect(suttonGravesHeatFluxWm2(1e-2, 7000, 1)).toBeCloseTo(5973345, 0);
    expect(radiativeEquilibriumTempK(5973345, 0.8)).toBeCloseTo(3387.497, 2);
  });

  it("the HTV-2-like nose reaches about 3,200 K at 6 km/s near 50 km (Tracy & Wright 2020), within 5 %", () => {
    const atm = makeEarthModel().atmosphereInto(50_000, new Float64Array(4));
    const t = radiativeEquilibriumTempK(
      suttonGravesHeatFluxWm2(atm[2], 6000, NOTIONAL_HTV2.glider.noseRadiusM),
      0.85,
    );
    recordValidation({
      area: "flight",
      model: "Stagnation temperature (Sutton-Graves, radiative equilibrium)",
      reference: "Tracy & Wright 2020: about 3,200 K for the HTV-2-like nose at 6 km/s near 50 km",
      figure: `${sig(t, 4)} K (${sig((t / 3200 - 1) * 100, 2)} %)`,
      tolerance: "within 5 %",
    });
    expect(Math.abs(t / 3200 - 1)).toBeLessThan(0.05);
  });

  it("eps sigma T^4 = q round trip (property), floor at ambient", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e8, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (q, eps) => {
          const t = radiativeEquilibriumTempK(q, eps);
          expect(Math.abs((eps * STEFAN_BOLTZMANN_WM2K4 * t ** 4) / q - 1)).toBeLessThan(1e-12);
        },
      ),
    );
    expect(radiativeEquilibriumTempK(0, 0.85, 250)).toBe(250);
    expect(suttonGravesHeatFluxWm2(0, 6000, 0.05)).toBe(0);
  });

  it("the folded sample form equals Sutton-Graves then radiative equilibrium (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1.3, noNaN: true }),
        fc.double({ min: 1, max: 8000, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: 150, max: 300, noNaN: true }),
        (rho, v, rn, eps, floorK) => {
          const ref = radiativeEquilibriumTempK(suttonGravesHeatFluxWm2(rho, v, rn), eps, floorK);
          const t = stagnationTempK(stagnationCoefficient(rn, eps), rho, v, floorK);
          expect(Math.abs(t / ref - 1)).toBeLessThan(1e-12);
        },
      ),
    );
    expect(stagnationTempK(stagnationCoefficient(0.05), 0, 6000, 250)).toBe(250);
    expect(() => stagnationCoefficient(0)).toThrow(RangeError);
    expect(() => stagnationCoefficient(0.05, 1.5)).toThrow(RangeError);
  });
});
