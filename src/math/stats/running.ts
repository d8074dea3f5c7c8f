/**
 * Streaming mean, variance, min and max of a sample, mergeable across workers.
 *
 * - One value at a time: B. P. Welford, "Note on a method for calculating corrected sums of squares
 *   and products", Technometrics 4 (1962) 419-420 (numerically stable, no catastrophic cancellation).
 * - Merging two partial results: T. F. Chan, G. H. Golub & R. J. LeVeque, "Updating formulae and a
 *   pairwise algorithm for computing sample variances", Stanford CS report STAN-CS-79-773 (1979),
 *   eq. 2.1b: M2 = M2a + M2b + delta^2 na nb / n.
 * Floating-point sums depend on the order of operations: for byte-identical campaign results
 * regardless of the worker count, merge per-run results in run-index order.
 */

/** Plain-data form of RunningStats (for postMessage / JSON between workers). */
export interface RunningStatsState {
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

export class RunningStats {
  /** Number of values pushed. */
  count = 0;
  /** Sample mean (NaN when empty). */
  mean = NaN;
  /** Sum of squared deviations from the mean. */
  m2 = 0;
  min = Infinity;
  max = -Infinity;

  /** Adds one value (NaN values are rejected with RangeError: they would poison every moment). */
  push(x: number): this {
    if (x !== x) throw new RangeError("RunningStats.push: NaN");
    const n = ++this.count;
    if (n === 1) {
      this.mean = x;
      this.m2 = 0;
    } else {
      const delta = x - this.mean;
      this.mean += delta / n;
      this.m2 += delta * (x - this.mean);
    }
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    return this;
  }

  /** Adds every value of an array. */
  pushAll(values: ArrayLike<number>): this {
    for (let i = 0; i < values.length; i++) this.push(values[i]);
    return this;
  }

  /** Folds another partial result into this one (Chan, Golub & LeVeque 1979). */
  merge(other: RunningStats | RunningStatsState): this {
    const nb = other.count;
    if (nb === 0) return this;
    const na = this.count;
    if (na === 0) {
      this.count = nb;
      this.mean = other.mean;
      this.m2 = other.m2;
      this.min = other.min;
      this.max = other.max;
      return this;
    }
    const n = na + nb;
    const delta = other.mean - this.mean;
    this.mean += (delta * nb) / n;
    this.m2 += other.m2 + ((delta * delta * na) / n) * nb;
    this.count = n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    return this;
  }

  /** Unbiased sample variance (divisor n - 1); NaN for fewer than two values. */
  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : NaN;
  }

  /** Population variance (divisor n); NaN when empty. */
  get populationVariance(): number {
    return this.count > 0 ? this.m2 / this.count : NaN;
  }

  /** Sample standard deviation (square root of the unbiased variance). */
  get stdDev(): number {
    return Math.sqrt(this.variance);
  }

  /** Standard error of the mean, s / sqrt(n). */
  get standardError(): number {
    return Math.sqrt(this.variance / this.count);
  }

  reset(): this {
    this.count = 0;
    this.mean = NaN;
    this.m2 = 0;
    this.min = Infinity;
    this.max = -Infinity;
    return this;
  }

  toState(): RunningStatsState {
    return { count: this.count, mean: this.mean, m2: this.m2, min: this.min, max: this.max };
  }

  static fromState(s: RunningStatsState): RunningStats {
    return new RunningStats().merge(s);
  }
}
