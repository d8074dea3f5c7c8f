/**
 * Chi-square validation gates (Bar-Shalom, Li and Kirubarajan 2001, section 5.4 / Bar-Shalom and Li,
 * Multitarget-Multisensor Tracking, 1995): a measurement z is validated for a track when its normalised
 * innovation squared y^T S^-1 y is below gamma, the `probability` quantile of the chi-square
 * distribution with m (measurement dimension) degrees of freedom, so a true measurement falls inside
 * with that probability.
 */
import { chiSquareQuantile } from "../../math/stats/distributions.js";

/** Cache of gate thresholds per (probability, dimension); quantiles cost a root search. */
const cache = new Map<number, number>();

/** gamma = chi2inv(probability, dof). */
export function gateThreshold(probability: number, dof: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw new RangeError(`gateThreshold: probability must be in (0, 1), got ${probability}`);
  }
  const key = probability * 64 + dof;
  let g = cache.get(key);
  if (g === undefined) {
    g = chiSquareQuantile(probability, dof);
    cache.set(key, g);
  }
  return g;
}

/** Whether a normalised innovation squared falls inside the gate. */
export function inGate(nis: number, probability: number, dof: number): boolean {
  return nis <= gateThreshold(probability, dof);
}
