/**
 * The tracks of a run as compact columns (tracks.csv): each track's state after each update, one row per
 * update seen at a scoring tick. A 2,000-threat raid writes hundreds of thousands of rows: as objects
 * they cost about ten times the memory of these typed columns.
 *
 * The columns live in chunks: the first grows by doubling up to CHUNK_ROWS rows (a small run stays
 * small), then chunks of CHUNK_ROWS are added. Growing one set of columns by doubling would leave up to
 * half of them unused and, at each doubling, hold the old and the new copy at once: 130 MB for the
 * 850,000 rows of a 2,000-threat raid, where chunks hold at most one chunk (5 MB) unused and copy
 * nothing once the first is full. Rows are read through the accessors.
 */
import type { TrackStatus } from "../tracking/management/track.js";

const STATUSES: readonly TrackStatus[] = ["tentative", "confirmed", "deleted"];

/** Rows per chunk once the first is full: 2^16 (5.3 MB a chunk). */
const CHUNK_SHIFT = 16;
const CHUNK_ROWS = 1 << CHUNK_SHIFT;

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

/** Row i of an interleaved xyz column into out. */
function xyzInto<T extends Float64Array | number[]>(column: Float64Array, i: number, out: T): T {
  out[0] = column[3 * i];
  out[1] = column[3 * i + 1];
  out[2] = column[3 * i + 2];
  return out;
}

/** One chunk's columns (positions and velocities interleaved xyz). */
class Chunk {
  readonly timeS: Float64Array;
  /** Index into `trackIds` and `threatIds` (-1: not paired). */
  readonly trackIndex: Int32Array;
  readonly threatIndex: Int32Array;
  readonly status: Uint8Array;
  readonly posEcefM: Float64Array;
  readonly velEcefMps: Float64Array;
  readonly sigmaPosM: Float64Array;
  readonly sigmaVelMps: Float64Array;

  constructor(readonly rows: number) {
    this.timeS = new Float64Array(rows);
    this.trackIndex = new Int32Array(rows);
    this.threatIndex = new Int32Array(rows);
    this.status = new Uint8Array(rows);
    this.posEcefM = new Float64Array(3 * rows);
    this.velEcefMps = new Float64Array(3 * rows);
    this.sigmaPosM = new Float64Array(rows);
    this.sigmaVelMps = new Float64Array(rows);
  }

  /** A chunk of `rows` rows holding the first `count` rows of this one. */
  grown(rows: number, count: number): Chunk {
    const c = new Chunk(rows);
    c.timeS.set(this.timeS.subarray(0, count));
    c.trackIndex.set(this.trackIndex.subarray(0, count));
    c.threatIndex.set(this.threatIndex.subarray(0, count));
    c.status.set(this.status.subarray(0, count));
    c.posEcefM.set(this.posEcefM.subarray(0, 3 * count));
    c.velEcefMps.set(this.velEcefMps.subarray(0, 3 * count));
    c.sigmaPosM.set(this.sigmaPosM.subarray(0, count));
    c.sigmaVelMps.set(this.sigmaVelMps.subarray(0, count));
    return c;
  }
}

export class TrackSampleColumns {
  count = 0;
  private readonly chunks: Chunk[] = [new Chunk(256)];
  readonly trackIds: string[] = [];
  private readonly trackIndexOf = new Map<string, number>();

  constructor(readonly threatIds: readonly string[]) {}

  /** The chunk of row k; its row within the chunk is k & (CHUNK_ROWS - 1). */
  private chunkOf(k: number): Chunk {
    return this.chunks[k >>> CHUNK_SHIFT];
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
    const k = this.count;
    const last = this.chunks.length - 1;
    let c = this.chunks[last];
    const i = k & (CHUNK_ROWS - 1);
    if (last === 0 && k === c.rows && k < CHUNK_ROWS) {
      c = c.grown(Math.min(CHUNK_ROWS, 2 * c.rows), k);
      this.chunks[0] = c;
    } else if (k === (last + 1) * CHUNK_ROWS) {
      c = new Chunk(CHUNK_ROWS);
      this.chunks.push(c);
    }
    this.count = k + 1;
    let ti = this.trackIndexOf.get(trackId);
    if (ti === undefined) {
      ti = this.trackIds.length;
      this.trackIds.push(trackId);
      this.trackIndexOf.set(trackId, ti);
    }
    const n = Math.round(Math.sqrt(P.length));
    c.timeS[i] = timeS;
    c.trackIndex[i] = ti;
    c.threatIndex[i] = threatIndex;
    c.status[i] = STATUSES.indexOf(status);
    for (let a = 0; a < 3; a++) {
      c.posEcefM[3 * i + a] = x[a];
      c.velEcefMps[3 * i + a] = x[3 + a];
    }
    c.sigmaPosM[i] = Math.sqrt(P[0] + P[n + 1] + P[2 * n + 2]);
    c.sigmaVelMps[i] = Math.sqrt(P[3 * n + 3] + P[4 * n + 4] + P[5 * n + 5]);
  }

  /** Time of row k, s. */
  timeAt(k: number): number {
    return this.chunkOf(k).timeS[k & (CHUNK_ROWS - 1)];
  }

  /** Index into `trackIds` of row k's track. */
  trackIndexAt(k: number): number {
    return this.chunkOf(k).trackIndex[k & (CHUNK_ROWS - 1)];
  }

  /** Index into `threatIds` of the threat row k's track was paired with, or -1. */
  threatIndexAt(k: number): number {
    return this.chunkOf(k).threatIndex[k & (CHUNK_ROWS - 1)];
  }

  statusOf(k: number): TrackStatus {
    return STATUSES[this.chunkOf(k).status[k & (CHUNK_ROWS - 1)]];
  }

  /** ECEF position of row k into out (3), m. */
  positionInto<T extends Float64Array | number[]>(k: number, out: T): T {
    return xyzInto(this.chunkOf(k).posEcefM, k & (CHUNK_ROWS - 1), out);
  }

  /** ECEF velocity of row k into out (3), m/s. */
  velocityInto<T extends Float64Array | number[]>(k: number, out: T): T {
    return xyzInto(this.chunkOf(k).velEcefMps, k & (CHUNK_ROWS - 1), out);
  }

  /** Root of the trace of row k's position covariance, m. */
  sigmaPosAt(k: number): number {
    return this.chunkOf(k).sigmaPosM[k & (CHUNK_ROWS - 1)];
  }

  /** Root of the trace of row k's velocity covariance, m/s. */
  sigmaVelAt(k: number): number {
    return this.chunkOf(k).sigmaVelMps[k & (CHUNK_ROWS - 1)];
  }

  /** Row k as an object (allocates: for writers and tests, not for loops over a whole raid). */
  row(k: number): TrackSample {
    const ti = this.threatIndexAt(k);
    return {
      timeS: this.timeAt(k),
      trackId: this.trackIds[this.trackIndexAt(k)],
      status: this.statusOf(k),
      posEcefM: this.positionInto(k, [0, 0, 0]),
      velEcefMps: this.velocityInto(k, [0, 0, 0]),
      sigmaPosM: this.sigmaPosAt(k),
      sigmaVelMps: this.sigmaVelAt(k),
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
      const th = this.threatIndexAt(k);
      const tr = this.trackIndexAt(k);
      if (th < 0 || seen[th].has(tr)) continue;
      seen[th].add(tr);
      out[th].push(this.trackIds[tr]);
    }
    return out;
  }
}
