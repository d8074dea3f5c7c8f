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
 * largest r), and a pair can pass only if their balls meet. The balls' centres go into a grid; a
 * track's query covers its radius plus the largest radius among the indexed ones; tracks with larger
 * balls (young tracks: kilometres of uncertainty), or whose moments break the inequality, are paired
 * with every track. The pairs found are then examined in the order of a full double loop, so the
 * tracks dropped are exactly those of examining every pair.
 */
import type { GaussianState } from "../types.js";
import { cholesky, choleskyMahalanobisSq } from "../../math/matrix.js";
import { gateThreshold } from "../association/gating.js";
import { positionVelocityMomentsInto } from "../filters/immState.js";
import { medianInPlace, PointGrid } from "./spatialIndex.js";
import { sortInts } from "./scanIndex.js";
import type { Track } from "./track.js";

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
      const s = tracks[i].state;
      M.set(positionVelocityMomentsInto(s, this.pv), 10 * i);
      M[10 * i + 9] = s.timeS;
      if (tracks[i].isLive && tracks[i].lastUpdateS > latest) latest = tracks[i].lastUpdateS;
    }
    if (this.js.length < T) this.js = new Int32Array(2 * T);
    if (indexed) this.buildIndex(tracks, latest, g);
    const js = this.js;
    for (let i = 0; i < T; i++) {
      const a = tracks[i];
      if (!a.isLive || drop.has(a)) continue;
      // The partners j > i to examine, ascending.
      let n = 0;
      if (!indexed || this.big[i]) {
        for (let j = i + 1; j < T; j++) js[n++] = j;
      } else {
        const B = this.balls;
        const m = this.grid.query(
          B[4 * i],
          B[4 * i + 1],
          B[4 * i + 2],
          B[4 * i + 3] + this.maxIndexed,
          this.hits,
          0,
        );
        if (m < 0) for (let j = i + 1; j < T; j++) js[n++] = j;
        else {
          for (let q = 0; q < m; q++) {
            const j = this.indexedIds[this.hits[q]];
            if (j > i) js[n++] = j;
          }
          for (let q = 0; q < this.nBig; q++) if (this.bigIds[q] > i) js[n++] = this.bigIds[q];
          sortInts(js, n);
        }
      }
      for (let q = 0; q < n; q++) {
        const j = js[q];
        const b = tracks[j];
        if (!b.isLive || drop.has(b) || drop.has(a)) continue;
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
    }
    return [...drop];
  }

  private readonly grid = new PointGrid();
  /** Per track: its ball (centre, radius), whether it is paired with every track (big). */
  private balls = new Float64Array(64);
  private big = new Uint8Array(16);
  private bigIds = new Int32Array(16);
  private nBig = 0;
  private indexedIds = new Int32Array(16);
  private indexedXyz = new Float64Array(48);
  private maxIndexed = 0;
  private radii = new Float64Array(16);
  private hits = new Int32Array(16);
  private js = new Int32Array(16);

  /** The balls of the tracks (see the file comment) and the grid of the ordinary ones. */
  private buildIndex(tracks: readonly Track<S>[], latest: number, g: number): void {
    const T = tracks.length;
    if (this.big.length < T) {
      this.balls = new Float64Array(8 * T);
      this.big = new Uint8Array(2 * T);
      this.bigIds = new Int32Array(2 * T);
      this.indexedIds = new Int32Array(2 * T);
      this.indexedXyz = new Float64Array(6 * T);
      this.radii = new Float64Array(2 * T);
      this.hits = new Int32Array(2 * T);
    }
    const M = this.moments;
    const B = this.balls;
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
      const valid = pp >= 0 && vv >= 0 && pv * pv <= pp * vv * (1 + 1e-9) && B[4 * i + 3] < Infinity;
      this.big[i] = valid && tracks[i].isLive ? 0 : 1;
      if (!this.big[i]) this.radii[nr++] = B[4 * i + 3];
    }
    // Tracks with balls beyond a few times the median are paired with everyone instead.
    const cut = 4 * medianInPlace(this.radii, nr) + 1;
    let nb = 0;
    let ni = 0;
    let maxR = 0;
    for (let i = 0; i < T; i++) {
      if (!this.big[i] && B[4 * i + 3] > cut) this.big[i] = 1;
      if (this.big[i]) {
        this.bigIds[nb++] = i;
        continue;
      }
      this.indexedIds[ni] = i;
      this.indexedXyz[3 * ni] = B[4 * i];
      this.indexedXyz[3 * ni + 1] = B[4 * i + 1];
      this.indexedXyz[3 * ni + 2] = B[4 * i + 2];
      ni++;
      if (B[4 * i + 3] > maxR) maxR = B[4 * i + 3];
    }
    this.nBig = nb;
    this.maxIndexed = maxR;
    this.grid.build(this.indexedXyz, ni, Math.max(2 * maxR, 1));
  }
}
