/**
 * Quantiles of a sample.
 *
 * Which to use:
 * - Exact (`quantileSorted`, `quantile`, `SampleSet`): when the values are kept, e.g. one miss
 *   distance per Monte Carlo run (thousands of numbers). Definition 7 of R. J. Hyndman & Y. Fan,
 *   "Sample quantiles in statistical packages", The American Statistician 50 (1996) 361-365: linear
 *   interpolation between order statistics at h = (n - 1) p; the default of R and NumPy, so results
 *   can be checked against either.
 * - Streaming (`P2Quantile`): when values are not kept (per-step quantities over long runs, or huge
 *   campaigns). R. Jain & I. Chlamtac, "The P^2 algorithm for dynamic calculation of quantiles and
 *   histograms without storing observations", Comm. ACM 28 (1985) 1076-1085: five markers moved
 *   with a piecewise-parabolic (P^2) formula; O(1) memory, approximate (exact for n <= 5).
 */

/**
 * Quantile p in [0, 1] of an ascending-sorted sample (Hyndman-Fan definition 7). Infinities are values
 * like any other; a NaN is a RangeError (a NaN cannot be sorted, so the sample was not).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantileSorted: empty sample");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1] (got ${p})`);
  // O(n), as the sort that made the sample: a NaN anywhere means it was not sorted.
  for (let i = 0; i < n; i++)
    if (sorted[i] !== sorted[i])
      throw new RangeError(`quantileSorted: sorted must hold no NaN, given NaN at [${i}]`);
  const h = (n - 1) * p;
  const lo = Math.min(Math.floor(h), n - 1);
  const f = h - lo;
  const a = sorted[lo];
  const b = f === 0 ? a : sorted[lo + 1];
  // f === 0 and a === b return the element itself, so equal infinities do not make Infinity - Infinity.
  return f === 0 || a === b ? a : a + f * (b - a);
}

/** Quantile p of an unsorted sample (copies and sorts: O(n log n), allocates); a NaN is a RangeError. */
export function quantile(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++)
    if (sorted[i] !== sorted[i])
      throw new RangeError(`quantile: values must hold no NaN, given NaN at [${i}]`);
  return quantileSorted(sorted.sort(), p);
}

/** A growing set of retained samples with exact quantiles (sorts lazily, once per change). */
export class SampleSet {
  private data = new Float64Array(64);
  private n = 0;
  private sorted = true;

  get count(): number {
    return this.n;
  }

  push(x: number): this {
    if (x !== x) throw new RangeError("SampleSet.push: NaN");
    if (this.n === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    if (this.n > 0 && x < this.data[this.n - 1]) this.sorted = false;
    this.data[this.n++] = x;
    return this;
  }

  /** The values in ascending order (a view: valid until the next push). */
  sortedValues(): Float64Array {
    const view = this.data.subarray(0, this.n);
    if (!this.sorted) {
      view.sort();
      this.sorted = true;
    }
    return view;
  }

  quantile(p: number): number {
    return quantileSorted(this.sortedValues(), p);
  }

  median(): number {
    return this.quantile(0.5);
  }

  clear(): void {
    this.n = 0;
    this.sorted = true;
  }
}

/** Streaming estimate of one quantile with the P^2 algorithm (Jain & Chlamtac 1985). */
export class P2Quantile {
  readonly p: number;
  private readonly q = new Float64Array(5); // marker heights
  private readonly pos = new Float64Array(5); // actual marker positions (1-based, as in the paper)
  private readonly want = new Float64Array(5); // desired positions
  private readonly dWant = new Float64Array(5); // desired-position increments
  count = 0;

  constructor(p: number) {
    if (!(p > 0 && p < 1)) throw new RangeError(`P2Quantile: p must be in (0, 1) (got ${p})`);
    this.p = p;
    this.dWant.set([0, p / 2, p, (1 + p) / 2, 1]);
  }

  push(x: number): this {
    if (x !== x) throw new RangeError("P2Quantile.push: NaN");
    const q = this.q;
    const pos = this.pos;
    if (this.count < 5) {
      // Insertion sort of the first five observations; they become the initial markers.
      let i = this.count++;
      while (i > 0 && q[i - 1] > x) {
        q[i] = q[i - 1];
        i--;
      }
      q[i] = x;
      if (this.count === 5) {
        const p = this.p;
        pos.set([1, 2, 3, 4, 5]);
        this.want.set([1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5]);
      }
      return this;
    }
    this.count++;
    // Find the cell k with q[k] <= x < q[k+1], extending the extremes (paper step B1).
    let k: number;
    if (x < q[0]) {
      q[0] = x;
      k = 0;
    } else if (x >= q[4]) {
      q[4] = x;
      k = 3;
    } else {
      k = 0;
      while (x >= q[k + 1]) k++;
    }
    for (let i = k + 1; i < 5; i++) pos[i] += 1;
    for (let i = 0; i < 5; i++) this.want[i] += this.dWant[i];
    // Adjust the three middle markers (step B3).
    for (let i = 1; i <= 3; i++) {
      const d = this.want[i] - pos[i];
      if ((d >= 1 && pos[i + 1] - pos[i] > 1) || (d <= -1 && pos[i - 1] - pos[i] < -1)) {
        const s = d > 0 ? 1 : -1;
        const qp = this.parabolic(i, s);
        q[i] = q[i - 1] < qp && qp < q[i + 1] ? qp : this.linear(i, s);
        pos[i] += s;
      }
    }
    return this;
  }

  /** Current estimate (exact for five values or fewer; NaN when empty). */
  get value(): number {
    if (this.count === 0) return NaN;
    if (this.count < 5) return quantileSorted(this.q.subarray(0, this.count), this.p);
    return this.q[2];
  }

  /** Piecewise-parabolic prediction, Jain & Chlamtac eq. (P^2 formula). */
  private parabolic(i: number, s: number): number {
    const q = this.q;
    const n = this.pos;
    return (
      q[i] +
      (s / (n[i + 1] - n[i - 1])) *
        ((n[i] - n[i - 1] + s) * ((q[i + 1] - q[i]) / (n[i + 1] - n[i])) +
          (n[i + 1] - n[i] - s) * ((q[i] - q[i - 1]) / (n[i] - n[i - 1])))
    );
  }

  private linear(i: number, s: number): number {
    const q = this.q;
    const n = this.pos;
    return q[i] + (s * (q[i + s] - q[i])) / (n[i + s] - n[i]);
  }
}
