import { randomStream } from "../../src/math/random.js";
import type { RandomStream } from "../../src/math/random.js";
import type { TrackUpdate } from "../../src/tracking/management/trackerTypes.js";

/**
 * Test helpers for the tracking layer: seeded draws from the project's random streams
 * (src/math/random.ts, one named stream per test seed) and correlated Gaussian draws through a
 * (semi-definite) Cholesky factor.
 */

export class TestRng {
  private readonly stream: RandomStream;
  constructor(seed: number) {
    this.stream = randomStream(seed, 0, "tests:tracking");
  }
  /** Uniform in [0, 1). */
  uniform(): number {
    return this.stream.next();
  }
  normal(): number {
    return this.stream.standardNormal();
  }
  /** out = mean + L w, w ~ N(0, I), for a positive semi-definite covariance C (n x n). */
  gaussian(
    mean: ArrayLike<number>,
    C: ArrayLike<number>,
    n: number,
    out = new Float64Array(n),
  ): Float64Array {
    const L = semiDefiniteCholesky(C, n);
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) w[i] = this.normal();
    for (let i = 0; i < n; i++) {
      let s = mean[i];
      for (let k = 0; k <= i; k++) s += L[i * n + k] * w[k];
      out[i] = s;
    }
    return out;
  }
}

/** Max |a - b| over n elements. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>, n = a.length): number {
  let m = 0;
  for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/**
 * Cholesky factor of a positive semi-definite matrix: a pivot below 1e-10 of its own diagonal entry is
 * taken as zero (its column left zero), so rank-deficient covariances (e.g. the piecewise white
 * acceleration Q = G G^T sigma^2) can be sampled; scales may differ widely between components.
 */
export function semiDefiniteCholesky(C: ArrayLike<number>, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const cjj = C[j * n + j];
    let d = cjj;
    for (let k = 0; k < j; k++) d -= L[j * n + k] ** 2;
    if (d < -1e-9 * cjj) throw new RangeError(`semiDefiniteCholesky: negative pivot ${d} at ${j}`);
    if (d <= 1e-10 * cjj) continue;
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = C[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = s / ljj;
    }
  }
  return L;
}

/**
 * Which truths fed which track, from a tracker's update records (TrackerOptions.recordUpdates): tracks
 * carry no truth ids, so tests score them from outside, as the simulation's scorer does.
 */
export class TruthTally {
  private readonly byTrack = new Map<string, Map<string, number>>();

  /** Adds the starts and updates of one step (`tracker.step(...).updates`). */
  add(updates: readonly TrackUpdate[]): this {
    for (const u of updates) {
      let counts = this.byTrack.get(u.trackId);
      if (counts === undefined) {
        counts = new Map();
        this.byTrack.set(u.trackId, counts);
      }
      for (const d of u.detections) {
        const k = d.truthId ?? "";
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    return this;
  }

  /** Truth id -> detections used by the track ("" for false alarms). */
  counts(trackId: string): ReadonlyMap<string, number> {
    return this.byTrack.get(trackId) ?? new Map<string, number>();
  }

  /** The track's dominant truth and its share of the detections used (purity). */
  purity(trackId: string): { truth: string; share: number } {
    let best = "";
    let n = 0;
    let total = 0;
    for (const [k, v] of this.counts(trackId)) {
      total += v;
      if (v > n) {
        n = v;
        best = k;
      }
    }
    return { truth: best, share: total > 0 ? n / total : 0 };
  }
}
