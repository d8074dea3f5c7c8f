/**
 * Global nearest neighbour association: the assignment of detections to tracks that minimises the
 * total cost, each track taking at most one detection and each detection at most one track, pairs
 * outside the gate forbidden (Blackman and Popoli, Design and Analysis of Modern Tracking Systems,
 * 1999, section 6.3). The cost of a pair is its normalised innovation squared; leaving a track
 * unassigned costs the gate threshold, so a pair is taken only when it beats "no detection".
 *
 * The optimal assignment is solved by the Munkres (Hungarian) algorithm of the `munkres` package
 * (O(n^3), rectangular matrices) on a T x (D + T) matrix: D detection columns plus one "missed"
 * column per track (its own at the miss cost, the others forbidden). The problems a tracker meets
 * most (one track in a scan's gates, or one detection) are solved directly: with a single track the
 * optimum is its cheapest detection if that beats the miss, with a single detection the track that
 * gains most over its miss (ties to the lowest index in both).
 */
import { munkres } from "munkres";

/** Result of an assignment: for each track the detection index or -1, and the reverse. */
export interface Assignment {
  trackToDetection: Int32Array;
  detectionToTrack: Int32Array;
  /** Total cost of the assigned pairs plus the miss costs of unassigned tracks. */
  cost: number;
}

/**
 * Reusable GNN solver: keeps its cost-matrix rows between calls so a tracker's scans only allocate the
 * solver's result pairs.
 */
export class GnnAssigner {
  private rows: Float64Array[] = [];
  private buffer = new Float64Array(0);

  /**
   * cost: T x D row-major pair costs (Infinity outside the gate); missCost: cost of leaving a track
   * unassigned (per track or one value). Returns the minimum-total-cost assignment.
   */
  assign(
    cost: ArrayLike<number>,
    tracks: number,
    detections: number,
    missCost: number | ArrayLike<number>,
    out?: Assignment,
  ): Assignment {
    const T = tracks;
    const D = detections;
    const res = out ?? {
      trackToDetection: new Int32Array(T),
      detectionToTrack: new Int32Array(D),
      cost: 0,
    };
    if (res.trackToDetection.length < T) res.trackToDetection = new Int32Array(T);
    if (res.detectionToTrack.length < D) res.detectionToTrack = new Int32Array(D);
    res.trackToDetection.fill(-1, 0, T);
    res.detectionToTrack.fill(-1, 0, D);
    res.cost = 0;
    if (T === 0) return res;
    if (T === 1 || D === 1) return this.assignSmall(cost, T, D, missCost, res);
    const C = D + T;
    if (this.buffer.length < T * C) this.buffer = new Float64Array(2 * T * C);
    this.rows.length = 0;
    for (let i = 0; i < T; i++) {
      const row = this.buffer.subarray(i * C, i * C + C);
      for (let j = 0; j < D; j++) row[j] = cost[i * D + j];
      row.fill(Infinity, D, C);
      row[D + i] = typeof missCost === "number" ? missCost : missCost[i];
      this.rows.push(row);
    }
    const pairs = munkres(this.rows);
    for (const [i, j] of pairs) {
      const c = this.rows[i][j];
      res.cost += c;
      if (j < D && Number.isFinite(c)) {
        res.trackToDetection[i] = j;
        res.detectionToTrack[j] = i;
      }
    }
    return res;
  }

  /** The optimum with one track or one detection (see the file comment). */
  private assignSmall(
    cost: ArrayLike<number>,
    T: number,
    D: number,
    missCost: number | ArrayLike<number>,
    res: Assignment,
  ): Assignment {
    const miss = (i: number) => (typeof missCost === "number" ? missCost : missCost[i]);
    let missTotal = 0;
    for (let i = 0; i < T; i++) missTotal += miss(i);
    // Best pair by its gain over the miss (with T = 1 this is the cheapest detection).
    let bi = -1;
    let bj = -1;
    let bestGain = 0;
    for (let i = 0; i < T; i++) {
      const m = miss(i);
      for (let j = 0; j < D; j++) {
        const c = cost[i * D + j];
        if (!Number.isFinite(c)) continue;
        const gain = c - m;
        if (gain <= bestGain && (bi < 0 || gain < bestGain)) {
          bestGain = gain;
          bi = i;
          bj = j;
        }
      }
    }
    res.cost = missTotal;
    if (bi >= 0) {
      res.trackToDetection[bi] = bj;
      res.detectionToTrack[bj] = bi;
      res.cost = missTotal + bestGain;
    }
    return res;
  }
}

/** One-shot convenience form of GnnAssigner.assign. */
export function gnnAssign(
  cost: ArrayLike<number>,
  tracks: number,
  detections: number,
  missCost: number | ArrayLike<number>,
): Assignment {
  return new GnnAssigner().assign(cost, tracks, detections, missCost);
}
