/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference, the law of
 * succession, and statistical inference", J. Amer. Statist. Assoc. 22 (1927) 209-212), in the
 * closed forms of R. G. Newcombe, "Two-sided confidence intervals for the single proportion:
 * comparison of seven methods", Statistics in Medicine 17 (1998) 857-872, methods 3 (score) and 4
 * (score with continuity correction). Used for kill and leak probabilities from Monte Carlo
 * campaigns: unlike the Wald interval it stays inside [0, 1] and is sensible at 0 or n successes.
 */
import { normalQuantile } from "./distributions.js";

export interface Interval {
  lower: number;
  upper: number;
}

/** Two-sided normal critical value z for a confidence level (0.95 -> 1.959963984540054). */
export function zForConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1) (got ${confidence})`);
  }
  return normalQuantile(0.5 + 0.5 * confidence);
}

/**
 * Wilson score interval for `successes` out of `trials` at a two-sided `confidence` level.
 * continuityCorrection = true gives Newcombe's method 4 (more conservative).
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  confidence = 0.95,
  continuityCorrection = false,
  out: Interval = { lower: 0, upper: 0 },
): Interval {
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`wilsonInterval: bad trials ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval: successes must be an integer in [0, ${trials}] (got ${successes})`);
  }
  const n = trials;
  const z = zForConfidence(confidence);
  const z2 = z * z;
  const p = successes / n;
  const q = 1 - p;
  const denom = 2 * (n + z2);
  if (!continuityCorrection) {
    // Newcombe (1998) method 3.
    const root = z * Math.sqrt(z2 + 4 * n * p * q);
    out.lower = (2 * n * p + z2 - root) / denom;
    out.upper = (2 * n * p + z2 + root) / denom;
  } else {
    // Newcombe (1998) method 4; the limits are 0 and 1 by definition at p = 0 and p = 1.
    out.lower =
      successes === 0
        ? 0
        : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * q + 1))) / denom;
    out.upper =
      successes === n
        ? 1
        : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * q - 1))) / denom;
  }
  out.lower = Math.max(0, out.lower);
  out.upper = Math.min(1, out.upper);
  return out;
}
