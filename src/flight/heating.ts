/**
 * Stagnation-point heating of a hypersonic vehicle, for the infrared sensors (evaluated at output
 * times, not inside the right-hand side).
 *
 * - Convective heat flux: Sutton-Graves, q = k sqrt(rho / R_n) V^3 (Sutton & Graves, NASA TR R-376, 1971),
 *   k = 1.7415e-4 kg^0.5/m for Earth air.
 * - Radiative-equilibrium wall temperature: the wall re-radiates all the convective flux,
 *   eps sigma T^4 = q, so T = (q / (eps sigma))^(1/4) (Tracy & Wright, Science & Global Security 28(3),
 *   2020, use eps = 0.85 and quote about 3,200 K at 6 km/s near 50 km).
 *
 * A floor at the ambient temperature keeps a slow, cold vehicle from reading 0 K: T >= T_ambient.
 */
import { STEFAN_BOLTZMANN_WM2K4, SUTTON_GRAVES_K_EARTH } from "./constants.js";

/** Emissivity used by Tracy & Wright (2020) for the glider's hot surfaces. */
export const DEFAULT_EMISSIVITY = 0.85;

/** Sutton-Graves stagnation-point convective heat flux, W/m^2. */
export function suttonGravesHeatFluxWm2(densityKgM3: number, speedMps: number, noseRadiusM: number): number {
  if (!(noseRadiusM > 0)) throw new RangeError("suttonGravesHeatFluxWm2: nose radius must be positive");
  if (densityKgM3 <= 0 || speedMps <= 0) return 0;
  return SUTTON_GRAVES_K_EARTH * Math.sqrt(densityKgM3 / noseRadiusM) * speedMps * speedMps * speedMps;
}

/** Radiative-equilibrium temperature, K, for a heat flux q (W/m^2) and emissivity eps; at least `floorK`. */
export function radiativeEquilibriumTempK(
  heatFluxWm2: number,
  emissivity = DEFAULT_EMISSIVITY,
  floorK = 0,
): number {
  if (!(emissivity > 0 && emissivity <= 1))
    throw new RangeError("radiativeEquilibriumTempK: emissivity in (0, 1]");
  const t = heatFluxWm2 > 0 ? Math.sqrt(Math.sqrt(heatFluxWm2 / (emissivity * STEFAN_BOLTZMANN_WM2K4))) : 0;
  return t > floorK ? t : floorK;
}

/**
 * The two functions above for the flight's output samples, folded: T = (c sqrt(rho) V^3)^(1/4) with
 * c = k / (eps sigma sqrt(R_n)) from stagnationCoefficient (which validates R_n and eps once per flight),
 * at least floorK. Three square roots and no call per sample (tests/flight/heating.test.ts checks it
 * against the composition).
 */
export function stagnationTempK(
  coefficient: number,
  densityKgM3: number,
  speedMps: number,
  floorK: number,
): number {
  if (!(densityKgM3 > 0 && speedMps > 0)) return floorK;
  const t = Math.sqrt(Math.sqrt(coefficient * Math.sqrt(densityKgM3) * speedMps * speedMps * speedMps));
  return t > floorK ? t : floorK;
}

/** c = k / (eps sigma sqrt(R_n)) of stagnationTempK; RangeError on a bad nose radius or emissivity. */
export function stagnationCoefficient(noseRadiusM: number, emissivity = DEFAULT_EMISSIVITY): number {
  if (!(noseRadiusM > 0)) throw new RangeError("stagnationCoefficient: nose radius must be positive");
  if (!(emissivity > 0 && emissivity <= 1))
    throw new RangeError("stagnationCoefficient: emissivity in (0, 1]");
  return SUTTON_GRAVES_K_EARTH / (emissivity * STEFAN_BOLTZMANN_WM2K4 * Math.sqrt(noseRadiusM));
}
