/**
 * The first-order Marcum Q function Q1(a, b): the probability that a Rician variable with
 * non-centrality a and unit noise standard deviation exceeds b. It gives the single-look detection
 * probability of a nonfluctuating (Swerling 0) target with a square-law or envelope detector:
 * Pd = Q1(sqrt(2 SNR), sqrt(-2 ln Pfa)) (Richards, Fundamentals of Radar Signal Processing, 2nd ed.,
 * 2014, sec. 6.2.4, eqs. 6.33-6.34; Marcum, IRE Trans. IT-6, 1960).
 *
 * Method (no cancellation, all terms positive). Q1(a, b) is the survival function of a noncentral
 * chi-square with 2 degrees of freedom and non-centrality a^2, evaluated at b^2. Writing that
 * distribution as a Poisson mixture of central chi-squares (Johnson, Kotz & Balakrishnan, Continuous
 * Univariate Distributions vol. 2, 2nd ed., eq. 29.2) and using P(chi2_{2k} > x) = P(M <= k - 1) for
 * M ~ Poisson(x/2) gives
 *     Q1(a, b) = P(M <= J),   J ~ Poisson(a^2/2),  M ~ Poisson(b^2/2), independent,
 *     Q1(a, b) = sum_j p_J(j) F_M(j),        1 - Q1(a, b) = sum_m p_M(m) F_J(m - 1).
 * The smaller of Q and 1 - Q is summed directly, so both tails keep their relative accuracy. Terms are
 * summed over a window of +-14 standard deviations around the Poisson means (mass outside < e^-98).
 *
 * Accuracy: relative error ~1e-13 for Q or 1 - Q above 1e-30; absolute error below 1e-40 elsewhere.
 * Cost: about 28 sqrt(max(a, b)^2 / 2) + 30 terms, each two logs and two exps.
 */

/** ln(k!) for k < 64 by direct summation, larger k by Stirling's series. */
const LOG_FACTORIAL_TABLE = (() => {
  const t = new Float64Array(64);
  for (let k = 2; k < 64; k++) t[k] = t[k - 1] + Math.log(k);
  return t;
})();

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln(k!) for integer k >= 0; Stirling's series (Abramowitz & Stegun 6.1.41) for k >= 64, error < 1e-16. */
export function logFactorial(k: number): number {
  if (k < 64) return LOG_FACTORIAL_TABLE[k];
  const inv = 1 / k;
  const inv2 = inv * inv;
  return (
    k * Math.log(k) -
    k +
    HALF_LOG_TWO_PI +
    0.5 * Math.log(k) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260))
  );
}

/**
 * sum over k of p_X(k) * P(Y <= k - shift), X ~ Poisson(lx), Y ~ Poisson(ly), both means > 0.
 * Summed over the window where either distribution has mass.
 */
function poissonCrossSum(lx: number, ly: number, shift: number): number {
  const big = Math.max(lx, ly);
  const spread = 14 * Math.sqrt(big) + 15;
  const lo = Math.max(0, Math.floor(Math.min(lx, ly) - spread));
  const hi = Math.ceil(big + spread);
  const logLx = Math.log(lx);
  const logLy = Math.log(ly);
  // log p_X(lo), log p_Y(lo - shift)
  let logPx = -lx + lo * logLx - logFactorial(lo);
  let yIndex = lo - shift; // the Y index whose CDF the current term needs
  let logPy = yIndex >= 0 ? -ly + yIndex * logLy - logFactorial(yIndex) : -Infinity;
  let cdfY = yIndex >= lo ? Math.exp(logPy) : 0; // mass of Y below `lo` is negligible by construction
  let sum = 0;
  for (let k = lo; k <= hi; k++) {
    sum += Math.exp(logPx) * cdfY;
    // advance X to k + 1 and Y to yIndex + 1
    logPx += logLx - Math.log(k + 1);
    yIndex++;
    if (yIndex >= 0) {
      logPy = yIndex === 0 ? -ly : logPy + logLy - Math.log(yIndex);
      if (yIndex >= lo) cdfY += Math.exp(logPy);
    }
  }
  return sum;
}

/**
 * First-order Marcum Q function Q1(a, b) for a, b >= 0.
 * Checks: Q1(0, b) = exp(-b^2/2); Q1(a, 0) = 1; Q1(a, a) = (1 + exp(-a^2) I0(a^2)) / 2.
 */
export function marcumQ1(a: number, b: number): number {
  if (!(a >= 0) || !(b >= 0)) throw new RangeError(`marcumQ1: arguments must be >= 0 (a=${a}, b=${b})`);
  if (b === 0) return 1;
  if (a === 0) return Math.exp(-0.5 * b * b);
  // Simon & Alouini, "Exponential-type bounds on the generalized Marcum Q-function", IEEE Trans.
  // Commun. 48(3), 2000: 1 - Q1(a, b) <= exp(-(a - b)^2 / 2) / 2 for a > b, and
  // Q1(a, b) <= exp(-(b - a)^2 / 2) for b > a. Beyond these gaps the result is 1 (or 0) in double precision.
  if (a - b > 10) return 1;
  if (b - a > 40) return 0;
  const lambda = 0.5 * a * a;
  const mu = 0.5 * b * b;
  if (lambda === 0) return Math.exp(-mu); // a below ~1e-154: the a = 0 limit to double precision
  if (mu === 0) return 1;
  if (a < b) return Math.min(1, poissonCrossSum(lambda, mu, 0));
  return Math.max(0, 1 - poissonCrossSum(mu, lambda, 1));
}
