/**
 * M-of-N track confirmation (Blackman and Popoli, Design and Analysis of Modern Tracking Systems,
 * 1999, section 3.2; Bar-Shalom, Willett and Tian, Tracking and Data Fusion, 2011): a tentative track
 * is confirmed as soon as M of its last N update opportunities were hits, and abandoned once it has
 * had at least N opportunities without M hits among the last N. The outcomes are kept as a bit window
 * (N <= 30).
 */
export class MOfN {
  readonly m: number;
  readonly n: number;
  private bits = 0;
  private count = 0;

  constructor(m: number, n: number) {
    if (!(Number.isInteger(m) && Number.isInteger(n) && m >= 1 && n >= m && n <= 30)) {
      throw new RangeError(`MOfN: need integers 1 <= M <= N <= 30, got M = ${m}, N = ${n}`);
    }
    this.m = m;
    this.n = n;
  }

  /** Records one update opportunity. */
  record(hit: boolean): void {
    this.bits = ((this.bits << 1) | (hit ? 1 : 0)) & ((1 << this.n) - 1);
    this.count++;
  }

  /** Hits among the last N opportunities. */
  get hits(): number {
    let b = this.bits;
    let c = 0;
    while (b) {
      b &= b - 1;
      c++;
    }
    return c;
  }

  get opportunities(): number {
    return this.count;
  }

  /** M of the last N were hits. */
  get satisfied(): boolean {
    return this.hits >= this.m;
  }

  /** At least N opportunities and fewer than M hits in the last N. */
  get failed(): boolean {
    return this.count >= this.n && this.hits < this.m;
  }
}
