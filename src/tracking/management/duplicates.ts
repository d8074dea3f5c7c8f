/**
 * Duplicate tracks of one target (a radar one-point start and a triangulated start of the same
 * target, two radars starting it at once): the 3-D Mahalanobis distances between two tracks'
 * positions (extrapolated linearly to a common time, covariances summed) and between their velocities
 * are both within the 99.9 % chi-square gate.
 *
 * Only pairs that may be near each other are examined, through a spatial index (spatialIndex.ts): a
 * pair is compared at t = the later of the two last updates, and passes the first, cheapest test only
 * if |d(t)|^2 <= g (q_a + q_b), q = tr P_pp + 2 dt tr P_pv + dt^2 tr P_vv each track's extrapolated
 * position variance; hence |d(t)| <= r_a + r_b with r = sqrt(g q). Over the times a track can be
 * compared at, [its last update, the latest last update], its centre sweeps a segment and r, the
 * square root of a non-negative quadratic (Cauchy-Schwarz: tr P_pv^2 <= tr P_pp tr P_vv), is convex,
 * so largest at an end: each track lies in a ball (the segment's midpoint, half its length plus that
 * largest r), and a pair can pass only if their balls meet. The balls' centres go into grids by
 * level of radius (candidatePairs): a pair is found from its finer member in a few cells, whatever the
 * spread of radii (young and coasting tracks reach tens of kilometres; pairing them with every track, as
 * a single grid needs, was quadratic in a saturation raid). The pairs found are then examined in the
 * order of a full double loop, so the tracks dropped are exactly those of examining every pair. Only
 * pairs with a track whose state changed since the last search are generated: a pair of unchanged
 * tracks is compared at the same time with the same states as then, and was no duplicate.
 */
import type { GaussianState } from "../types.js";
import { cholesky, choleskyMahalanobisSq } from "../../math/matrix.js";
import { gateThreshold } from "../association/gating.js";
import { medianInPlace, PointGrid } from "./spatialIndex.js";
import type { Track } from "./track.js";

/** Levels of ball radius in the duplicate search's index, and the ratio of their largest radii. */
const LEVELS = 8;
const LEVEL_RATIO = 8;

export class DuplicateFinder<S extends GaussianState> {
  /** Per track: position-velocity moments (positionVelocityMomentsInto) and time, 10 numbers each. */
  private moments = new Float64Array(160);
  private readonly pv = new Float64Array(9);
  private readonly L3 = new Float64Array(9);
  private readonly S3 = new Float64Array(9);
  private readonly d3 = new Float64Array(3);
  private readonly w3 = new Float64Array(3);

  /**
   * Whether the positions of the tracks with moments at M[ia..] and M[ib..], extrapolated to t, are
   * certainly outside the gate: d^T S^-1 d >= |d|^2 / tr S, with tr S from the traces of the position,
   * position-velocity and velocity blocks (no covariance matrix needed).
   */
  private positionsApart(ia: number, ib: number, t: number, gate: number): boolean {
    const M = this.moments;
    const dta = t - M[ia + 9];
    const dtb = t - M[ib + 9];
    let d2 = 0;
    for (let i = 0; i < 3; i++) {
      const d = M[ia + i] + dta * M[ia + 3 + i] - (M[ib + i] + dtb * M[ib + 3 + i]);
      d2 += d * d;
    }
    const tr =
      M[ia + 6] +
      2 * dta * M[ia + 7] +
      dta * dta * M[ia + 8] +
      M[ib + 6] +
      2 * dtb * M[ib + 7] +
      dtb * dtb * M[ib + 8];
    return d2 > gate * tr;
  }

  /**
   * 3-D Mahalanobis distance between two tracks' positions (or velocities) at a common time, or
   * Infinity when it certainly exceeds `gate`: d^T S^-1 d >= |d|^2 / lambda_max(S) >= |d|^2 / tr S, so
   * |d|^2 > gate tr S settles most pairs (tracks of different targets) without a factorisation.
   */
  private pairDistance(a: Track<S>, b: Track<S>, t: number, offset: number, gate: number): number {
    const sa = a.state;
    const sb = b.state;
    const na = sa.x.length;
    const nb = sb.x.length;
    const dta = t - sa.timeS;
    const dtb = t - sb.timeS;
    const S = this.S3;
    const d = this.d3;
    for (let i = 0; i < 3; i++) {
      const ia = offset + i;
      const pa = offset === 0 ? sa.x[ia] + dta * sa.x[3 + i] : sa.x[ia];
      const pb = offset === 0 ? sb.x[ia] + dtb * sb.x[3 + i] : sb.x[ia];
      d[i] = pa - pb;
      for (let j = 0; j < 3; j++) {
        const ja = offset + j;
        let v = sa.P[ia * na + ja] + sb.P[ia * nb + ja];
        if (offset === 0) {
          v +=
            dta * (sa.P[ia * na + 3 + j] + sa.P[(3 + i) * na + ja]) + dta * dta * sa.P[(3 + i) * na + 3 + j];
          v +=
            dtb * (sb.P[ia * nb + 3 + j] + sb.P[(3 + i) * nb + ja]) + dtb * dtb * sb.P[(3 + i) * nb + 3 + j];
        }
        S[i * 3 + j] = v;
      }
    }
    if (d[0] * d[0] + d[1] * d[1] + d[2] * d[2] > gate * (S[0] + S[4] + S[8])) return Infinity;
    try {
      cholesky(this.L3, S, 3);
    } catch {
      return Infinity;
    }
    return choleskyMahalanobisSq(this.L3, d, 3, this.w3);
  }

  /**
   * The tracks to drop as duplicates among `tracks` (live ones only), in a deterministic order: of each
   * pair whose positions and velocities are both within the gate of each other, keep the confirmed
   * one, then the one with more hits, then the older one. With `indexed`, pairs are found through the
   * spatial index (the result is the same; faster from a few tens of tracks on).
   */
  find(tracks: readonly Track<S>[], indexed = tracks.length >= 32): Track<S>[] {
    const g = gateThreshold(0.999, 3);
    const drop = new Set<Track<S>>();
    const T = tracks.length;
    if (this.moments.length < 10 * T) this.moments = new Float64Array(20 * T);
    const M = this.moments;
    let latest = -Infinity;
    for (let i = 0; i < T; i++) {
      const tr = tracks[i];
      M.set(tr.latestMoments(), 10 * i);
      M[10 * i + 9] = tr.state.timeS;
      if (tracks[i].isLive && tracks[i].lastUpdateS > latest) latest = tracks[i].lastUpdateS;
    }
    if (this.dirty.length < T) this.dirty = new Uint8Array(2 * T);
    for (let i = 0; i < T; i++) {
      const tr = tracks[i];
      this.dirty[i] = this.seen.get(tr) === tr.stateRevision ? 0 : 1;
      this.seen.set(tr, tr.stateRevision);
    }
    const np = indexed ? this.candidatePairs(tracks, latest, g) : this.allPairs(T);
    const keys = this.keys;
    for (let q = 0; q < np; q++) {
      const key = keys[q];
      const i = Math.floor(key / T);
      const j = key - i * T;
      const a = tracks[i];
      const b = tracks[j];
      if (!a.isLive || !b.isLive || drop.has(a) || drop.has(b)) continue;
      const t = Math.max(a.lastUpdateS, b.lastUpdateS);
      if (this.positionsApart(10 * i, 10 * j, t, g)) continue;
      if (this.pairDistance(a, b, t, 0, g) > g || this.pairDistance(a, b, t, 3, g) > g) continue;
      // Keep the confirmed one, then the one with more hits, then the older one.
      const aBetter =
        a.status !== b.status
          ? a.status === "confirmed"
          : a.hits !== b.hits
            ? a.hits > b.hits
            : a.number < b.number;
      drop.add(aBetter ? b : a);
    }
    return [...drop];
  }

  /** The state revision of each track at the last search: a pair of tracks neither of which changed
   *  since was examined then with the same states at the same time, and was no duplicate. */
  private readonly seen = new WeakMap<Track<S>, number>();
  private dirty = new Uint8Array(16);

  /** Pair keys i T + j (i < j), in the order of a double loop. */
  private keys = new Float64Array(64);

  private pushPair(n: number, key: number): number {
    if (n === this.keys.length) {
      const k = new Float64Array(2 * n);
      k.set(this.keys);
      this.keys = k;
    }
    this.keys[n] = key;
    return n + 1;
  }

  /** Every pair i < j (the unindexed search), in double-loop order. */
  private allPairs(T: number): number {
    let n = 0;
    const d = this.dirty;
    for (let i = 0; i < T; i++)
      for (let j = i + 1; j < T; j++) if (d[i] || d[j]) n = this.pushPair(n, i * T + j);
    return n;
  }

  /** One grid per level of ball radius (see candidatePairs). */
  private readonly grids: PointGrid[] = Array.from({ length: LEVELS }, () => new PointGrid());
  private levelIds: Int32Array[] = Array.from({ length: LEVELS }, () => new Int32Array(16));
  private levelXyz: Float64Array[] = Array.from({ length: LEVELS }, () => new Float64Array(48));
  private readonly levelCount = new Int32Array(LEVELS);
  private readonly levelMaxR = new Float64Array(LEVELS);
  /** Per track: its ball (centre, radius) and its level (-1: no ball, paired with every track). */
  private balls = new Float64Array(64);
  private level = new Int8Array(16);
  private unbounded = new Int32Array(16);
  private radii = new Float64Array(16);
  private hits = new Int32Array(16);

  /**
   * The pairs with a changed track whose balls (see the file comment) may meet, as sorted keys; returns
   * their number. Balls go into levels by radius, each a grid with a cell of twice its largest radius:
   * level 0 up to 4 times the median radius, each next one up to 8 times the last. A track queries its
   * own level and every coarser one, each a cube of half-side its radius plus the level's largest: at
   * most 3 cells an axis, since its radius is no larger than any coarser level's. So every pair is found
   * from its finer member, in a few cells, whatever the spread of radii (young and coasting tracks reach
   * tens of kilometres); only balls that cannot be formed (moments that are not a covariance) pair with
   * every track.
   */
  private candidatePairs(tracks: readonly Track<S>[], latest: number, g: number): number {
    const T = tracks.length;
    if (this.level.length < T) {
      this.balls = new Float64Array(8 * T);
      this.level = new Int8Array(2 * T);
      this.unbounded = new Int32Array(2 * T);
      this.radii = new Float64Array(2 * T);
      this.hits = new Int32Array(2 * T);
    }
    for (let l = 0; l < LEVELS; l++) {
      if (this.levelIds[l].length < T) {
        this.levelIds[l] = new Int32Array(2 * T);
        this.levelXyz[l] = new Float64Array(6 * T);
      }
    }
    const M = this.moments;
    const B = this.balls;
    const lev = this.level;
    let nr = 0;
    for (let i = 0; i < T; i++) {
      const o = 10 * i;
      const span = Math.max(0, latest - M[o + 9]);
      const pp = M[o + 6];
      const pv = M[o + 7];
      const vv = M[o + 8];
      const r0 = Math.sqrt(g * Math.max(0, pp));
      const r1 = Math.sqrt(g * Math.max(0, pp + 2 * span * pv + span * span * vv));
      const speed = Math.sqrt(M[o + 3] * M[o + 3] + M[o + 4] * M[o + 4] + M[o + 5] * M[o + 5]);
      for (let k = 0; k < 3; k++) B[4 * i + k] = M[o + k] + 0.5 * span * M[o + 3 + k];
      const r = 0.5 * span * speed + Math.max(r0, r1);
      // Margins for rounding (a millimetre and 1e-7 of the radius).
      B[4 * i + 3] = r * (1 + 1e-7) + 1e-3;
      // Moments breaking Cauchy-Schwarz (not a covariance: convexity unknown) or not finite: no ball.
      const valid =
        pp >= 0 &&
        vv >= 0 &&
        pv * pv <= pp * vv * (1 + 1e-9) &&
        B[4 * i + 3] < Infinity &&
        Number.isFinite(B[4 * i]) &&
        Number.isFinite(B[4 * i + 1]) &&
        Number.isFinite(B[4 * i + 2]);
      lev[i] = valid && tracks[i].isLive ? 0 : -1;
      if (lev[i] === 0) this.radii[nr++] = B[4 * i + 3];
    }
    const base = 4 * medianInPlace(this.radii, nr) + 1;
    const count = this.levelCount;
    const maxR = this.levelMaxR;
    count.fill(0);
    maxR.fill(0);
    let nu = 0;
    for (let i = 0; i < T; i++) {
      if (lev[i] < 0) {
        this.unbounded[nu++] = i;
        continue;
      }
      const r = B[4 * i + 3];
      let l = 0;
      for (let cap = base; r > cap && l < LEVELS - 1; cap *= LEVEL_RATIO) l++;
      lev[i] = l;
      const k = count[l]++;
      this.levelIds[l][k] = i;
      this.levelXyz[l].set(B.subarray(4 * i, 4 * i + 3), 3 * k);
      if (r > maxR[l]) maxR[l] = r;
    }
    for (let l = 0; l < LEVELS; l++)
      if (count[l] > 0) this.grids[l].build(this.levelXyz[l], count[l], Math.max(2 * maxR[l], 1));
    let np = 0;
    const hits = this.hits;
    const dirty = this.dirty;
    const key = (a: number, b: number) => (a < b ? a * T + b : b * T + a);
    for (let i = 0; i < T; i++) {
      if (lev[i] < 0) {
        for (let j = 0; j < T; j++) if (j !== i && (dirty[i] || dirty[j])) np = this.pushPair(np, key(i, j));
        continue;
      }
      const cx = B[4 * i];
      const cy = B[4 * i + 1];
      const cz = B[4 * i + 2];
      const r = B[4 * i + 3];
      for (let l = lev[i]; l < LEVELS; l++) {
        if (count[l] === 0) continue;
        const ids = this.levelIds[l];
        const m = this.grids[l].query(cx, cy, cz, r + maxR[l], hits, 0, Infinity);
        for (let q = 0; q < m; q++) {
          const j = ids[hits[q]];
          if (j === i || !(dirty[i] || dirty[j])) continue;
          // The cells hold a cube around the ball: only balls that meet can pair.
          const dx = B[4 * j] - cx;
          const dy = B[4 * j + 1] - cy;
          const dz = B[4 * j + 2] - cz;
          const reach = r + B[4 * j + 3];
          if (dx * dx + dy * dy + dz * dz > reach * reach) continue;
          np = this.pushPair(np, key(i, j));
        }
      }
    }
    // Double-loop order, each pair once.
    const keys = this.keys.subarray(0, np).sort();
    let n = 0;
    for (let q = 0; q < np; q++) if (q === 0 || keys[q] !== keys[q - 1]) keys[n++] = keys[q];
    return n;
  }
}
