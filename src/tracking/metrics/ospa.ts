/**
 * OSPA, the optimal sub-pattern assignment metric between two finite sets of points (Schuhmacher, Vo
 * and Vo, "A consistent metric for performance evaluation of multi-object filters", IEEE Trans. Signal
 * Processing 56(8), 2008, eq. 3): for X = {x_1..x_m}, Y = {y_1..y_n}, m <= n,
 *   d_p^(c)(X, Y) = ( (1/n) [ min_pi sum_i d^(c)(x_i, y_pi(i))^p + c^p (n - m) ] )^(1/p),
 * d^(c)(x, y) = min(c, |x - y|); 0 when both sets are empty. The optimal assignment is solved by the
 * Munkres algorithm. Points are 3-vectors (e.g. ECEF positions, m).
 */
import { munkres } from "munkres";
import { checkMetricArgs } from "./metricArgs.js";

export type Point3 = ArrayLike<number>;

function distance3(a: Point3, b: Point3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Optimal assignment of the smaller set to the larger by cost min(c, d)^p: pairs (i in X, j in Y). */
export function cutoffAssignment(
  X: readonly Point3[],
  Y: readonly Point3[],
  c: number,
  p: number,
): [number, number][] {
  if (X.length === 0 || Y.length === 0) return [];
  const swap = X.length > Y.length;
  const A = swap ? Y : X;
  const B = swap ? X : Y;
  const cost = A.map((a) => B.map((b) => Math.min(c, distance3(a, b)) ** p));
  return munkres(cost).map(([i, j]) => (swap ? [j, i] : [i, j]) as [number, number]);
}

export interface OspaResult {
  ospa: number;
  /** Localisation and cardinality components: ospa^p = localisation^p + cardinality^p. */
  localisation: number;
  cardinality: number;
}

export function ospa(X: readonly Point3[], Y: readonly Point3[], c: number, p = 2): OspaResult {
  checkMetricArgs("ospa", ["X", "Y"], X, Y, c, p);
  const m = Math.min(X.length, Y.length);
  const n = Math.max(X.length, Y.length);
  if (n === 0) return { ospa: 0, localisation: 0, cardinality: 0 };
  let loc = 0;
  for (const [i, j] of cutoffAssignment(X, Y, c, p)) loc += Math.min(c, distance3(X[i], Y[j])) ** p;
  const card = c ** p * (n - m);
  return {
    ospa: ((loc + card) / n) ** (1 / p),
    localisation: (loc / n) ** (1 / p),
    cardinality: (card / n) ** (1 / p),
  };
}
