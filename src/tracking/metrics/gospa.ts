/**
 * GOSPA, the generalised optimal sub-pattern assignment metric with alpha = 2 (Rahmathullah,
 * Garcia-Fernandez and Svensson, "Generalized optimal sub-pattern assignment metric", FUSION 2017,
 * eq. 1 and Proposition 1): for X (truths) and Y (estimates), |X| = m <= |Y| = n,
 *   d_p^(c,2)(X, Y) = ( min_pi sum_i d^(c)(x_i, y_pi(i))^p + (c^p / 2) (n - m) )^(1/p),
 * which equals the assignment form
 *   ( sum_{assigned (i, j), d < c} d(x_i, y_j)^p + (c^p / 2) (#missed + #false) )^(1/p),
 * where an assigned pair at distance >= c counts as one missed truth and one false estimate. Unlike
 * OSPA it is not normalised by n, and it splits into localisation, missed and false parts.
 */
import { checkMetricArgs } from "./metricArgs.js";
import { cutoffAssignment } from "./ospa.js";
import type { Point3 } from "./ospa.js";

export interface GospaResult {
  gospa: number;
  /** Sum of d^p over the properly assigned pairs (d < c). */
  localisationP: number;
  missed: number;
  false: number;
  /** Truth-estimate pairs (indices) with d < c. */
  pairs: [number, number][];
}

export function gospa(
  truths: readonly Point3[],
  estimates: readonly Point3[],
  c: number,
  p = 2,
): GospaResult {
  checkMetricArgs("gospa", ["truths", "estimates"], truths, estimates, c, p);
  const pairs: [number, number][] = [];
  let loc = 0;
  for (const [i, j] of cutoffAssignment(truths, estimates, c, p)) {
    const a = truths[i];
    const b = estimates[j];
    const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    if (d < c) {
      loc += d ** p;
      pairs.push([i, j]);
    }
  }
  const missed = truths.length - pairs.length;
  const falseCount = estimates.length - pairs.length;
  const total = loc + (c ** p / 2) * (missed + falseCount);
  return { gospa: total ** (1 / p), localisationP: loc, missed, false: falseCount, pairs };
}
