/**
 * Duplicate tracks of one target (a radar one-point start and a triangulated start of the same
 * target, two radars starting it at once): the 3-D Mahalanobis distances between two tracks'
 * positions (extrapolated linearly to a common time, covariances summed) and between their velocities
 * are both within the 99.9 % chi-square gate.
 */
import type { GaussianState } from "../types.js";
import { cholesky, choleskyMahalanobisSq } from "../../math/matrix.js";
import { gateThreshold } from "../association/gating.js";
import { positionVelocityMomentsInto } from "../filters/immState.js";
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
   * one, then the one with more hits, then the older one.
   */
  find(tracks: readonly Track<S>[]): Track<S>[] {
    const g = gateThreshold(0.999, 3);
    const drop = new Set<Track<S>>();
    const T = tracks.length;
    if (this.moments.length < 10 * T) this.moments = new Float64Array(20 * T);
    const M = this.moments;
    for (let i = 0; i < T; i++) {
      const s = tracks[i].state;
      M.set(positionVelocityMomentsInto(s, this.pv), 10 * i);
      M[10 * i + 9] = s.timeS;
    }
    for (let i = 0; i < T; i++) {
      const a = tracks[i];
      if (!a.isLive || drop.has(a)) continue;
      for (let j = i + 1; j < T; j++) {
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
}
