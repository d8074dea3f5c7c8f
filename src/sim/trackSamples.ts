/**
 * The tracks of a run as compact columns (tracks.csv): each track's state after each update, one row per
 * update seen at a scoring tick. A 2,000-threat raid writes hundreds of thousands of rows: as objects
 * they cost about ten times the memory of these typed columns.
 */
import type { TrackStatus } from "../tracking/management/track.js";

const STATUSES: readonly TrackStatus[] = ["tentative", "confirmed", "deleted"];

/** One row, as the writers read it (a view made on demand). */
export interface TrackSample {
  readonly timeS: number;
  readonly trackId: string;
  readonly status: TrackStatus;
  /** ECEF position and velocity, m and m/s. */
  readonly posEcefM: readonly number[];
  readonly velEcefMps: readonly number[];
  /** Root of the trace of the position and velocity covariances, m and m/s. */
  readonly sigmaPosM: number;
  readonly sigmaVelMps: number;
  /** The threat the scorer paired the track with at that time, or null (metrics only). */
  readonly threatId: string | null;
}

export class TrackSampleColumns {
  count = 0;
  private cap = 0;
  timeS = new Float64Array(0);
  /** Per row: index into `trackIds` and `threatIds` (-1: not paired). */
  trackIndex = new Int32Array(0);
  threatIndex = new Int32Array(0);
  status = new Uint8Array(0);
  /** Interleaved xyz. */
  posEcefM = new Float64Array(0);
  velEcefMps = new Float64Array(0);
  sigmaPosM = new Float64Array(0);
  sigmaVelMps = new Float64Array(0);
  readonly trackIds: string[] = [];
  private readonly trackIndexOf = new Map<string, number>();

  constructor(readonly threatIds: readonly string[]) {
    this.grow(256);
  }

  private grow(cap: number): void {
    const f64 = (a: Float64Array, w: number) => {
      const b = new Float64Array(cap * w);
      b.set(a.subarray(0, this.count * w));
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.timeS = f64(this.timeS, 1);
    this.posEcefM = f64(this.posEcefM, 3);
    this.velEcefMps = f64(this.velEcefMps, 3);
    this.sigmaPosM = f64(this.sigmaPosM, 1);
    this.sigmaVelMps = f64(this.sigmaVelMps, 1);
    this.trackIndex = i32(this.trackIndex);
    this.threatIndex = i32(this.threatIndex);
    const st = new Uint8Array(cap);
    st.set(this.status.subarray(0, this.count));
    this.status = st;
    this.cap = cap;
  }

  /** Appends a row from a state vector x (position, velocity first) and covariance P (n x n). */
  push(
    timeS: number,
    trackId: string,
    status: TrackStatus,
    x: ArrayLike<number>,
    P: ArrayLike<number>,
    threatIndex: number,
  ): void {
    if (this.count === this.cap) this.grow(this.cap * 2);
    const k = this.count++;
    let ti = this.trackIndexOf.get(trackId);
    if (ti === undefined) {
      ti = this.trackIds.length;
      this.trackIds.push(trackId);
      this.trackIndexOf.set(trackId, ti);
    }
    const n = Math.round(Math.sqrt(P.length));
    this.timeS[k] = timeS;
    this.trackIndex[k] = ti;
    this.threatIndex[k] = threatIndex;
    this.status[k] = STATUSES.indexOf(status);
    for (let c = 0; c < 3; c++) {
      this.posEcefM[3 * k + c] = x[c];
      this.velEcefMps[3 * k + c] = x[3 + c];
    }
    this.sigmaPosM[k] = Math.sqrt(P[0] + P[n + 1] + P[2 * n + 2]);
    this.sigmaVelMps[k] = Math.sqrt(P[3 * n + 3] + P[4 * n + 4] + P[5 * n + 5]);
  }

  statusOf(k: number): TrackStatus {
    return STATUSES[this.status[k]];
  }

  /** Row k as an object (allocates: for writers and tests, not for loops over a whole raid). */
  row(k: number): TrackSample {
    const ti = this.threatIndex[k];
    return {
      timeS: this.timeS[k],
      trackId: this.trackIds[this.trackIndex[k]],
      status: STATUSES[this.status[k]],
      posEcefM: [this.posEcefM[3 * k], this.posEcefM[3 * k + 1], this.posEcefM[3 * k + 2]],
      velEcefMps: [this.velEcefMps[3 * k], this.velEcefMps[3 * k + 1], this.velEcefMps[3 * k + 2]],
      sigmaPosM: this.sigmaPosM[k],
      sigmaVelMps: this.sigmaVelMps[k],
      threatId: ti < 0 ? null : this.threatIds[ti],
    };
  }

  [Symbol.iterator](): IterableIterator<TrackSample> {
    return this.rows();
  }

  *rows(): IterableIterator<TrackSample> {
    for (let k = 0; k < this.count; k++) yield this.row(k);
  }

  /** Distinct track ids paired with each threat (by threat index), in order of first pairing. */
  trackIdsByThreat(): string[][] {
    const out: string[][] = this.threatIds.map(() => []);
    const seen = this.threatIds.map(() => new Set<number>());
    for (let k = 0; k < this.count; k++) {
      const th = this.threatIndex[k];
      if (th < 0 || seen[th].has(this.trackIndex[k])) continue;
      seen[th].add(this.trackIndex[k]);
      out[th].push(this.trackIds[this.trackIndex[k]]);
    }
    return out;
  }
}
