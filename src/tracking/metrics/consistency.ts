/**
 * Filter consistency statistics (Bar-Shalom, Li and Kirubarajan 2001, section 5.4):
 * - NEES, normalised estimation error squared, e^T P^-1 e with e = x_true - x (chi-square with n
 *   degrees of freedom for a consistent filter);
 * - NIS, normalised innovation squared, y^T S^-1 y (chi-square with m degrees of freedom);
 * - the two-sided acceptance interval of an average over N independent runs: N * average is
 *   chi-square with N n degrees of freedom, so the average lies in
 *   [chi2inv((1 - c)/2, N n) / N, chi2inv((1 + c)/2, N n) / N] with probability c (ibid.,
 *   section 5.4.2). Quantiles from src/math/stats.
 */
import { argError, finiteArrayArg, integerArg, positiveArg } from "../../math/check.js";
import { chiSquareQuantile } from "../../math/stats/distributions.js";
import { cholesky, choleskyMahalanobisSq } from "../../math/matrix.js";

/**
 * e^T P^-1 e over the first `n` components (default: all of x) with e = xTrue - x. `work` holds
 * n * n + n numbers (allocated when omitted). A RangeError names x, xTrue or n when they are bad; P is
 * checked by its factorisation: NonPositiveDefiniteError when it is not positive definite or not finite.
 */
export function nees(
  x: ArrayLike<number>,
  P: ArrayLike<number>,
  xTrue: ArrayLike<number>,
  n = x.length,
  work: Float64Array = new Float64Array(n * n + 2 * n),
): number {
  const N = x.length;
  integerArg("nees", "n", n, 1, N);
  finiteArrayArg("nees", "x", x, n);
  finiteArrayArg("nees", "xTrue", xTrue, n);
  const sub = work.subarray(0, n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sub[i * n + j] = P[i * N + j];
  cholesky(sub, sub, n, "covariance P");
  const e = work.subarray(n * n, n * n + n);
  for (let i = 0; i < n; i++) e[i] = xTrue[i] - x[i];
  return choleskyMahalanobisSq(sub, e, n, work.subarray(n * n + n, n * n + 2 * n));
}

/** y^T S^-1 y for an innovation y (m) with covariance S (m x m): a RangeError for a bad y or m, a
 *  NonPositiveDefiniteError for an S that is not positive definite or not finite. */
export function nis(y: ArrayLike<number>, S: ArrayLike<number>, m = y.length): number {
  integerArg("nis", "m", m, 1, 1000);
  finiteArrayArg("nis", "y", y, m);
  const L = cholesky(new Float64Array(m * m), S, m, "innovation covariance S");
  return choleskyMahalanobisSq(L, y, m, new Float64Array(m));
}

/**
 * Two-sided `confidence` interval of the average of `runs` independent chi-square(dof) statistics:
 * [chi2inv((1 - c)/2, runs dof) / runs, chi2inv((1 + c)/2, runs dof) / runs].
 */
export function averageChiSquareBounds(
  runs: number,
  dof: number,
  confidence = 0.95,
): { lower: number; upper: number } {
  positiveArg("averageChiSquareBounds", "runs", runs);
  positiveArg("averageChiSquareBounds", "dof", dof);
  if (!(confidence > 0 && confidence < 1))
    throw argError("averageChiSquareBounds", "confidence", "a probability in (0, 1)", confidence);
  const a = (1 - confidence) / 2;
  const k = runs * dof;
  return { lower: chiSquareQuantile(a, k) / runs, upper: chiSquareQuantile(1 - a, k) / runs };
}

/** Chi-square gate for one statistic: the `probability` quantile with `dof` degrees of freedom. */
export function chiSquareGate(probability: number, dof: number): number {
  if (!(probability >= 0 && probability < 1))
    throw argError("chiSquareGate", "probability", "a probability in [0, 1)", probability);
  positiveArg("chiSquareGate", "dof", dof);
  return chiSquareQuantile(probability, dof);
}
