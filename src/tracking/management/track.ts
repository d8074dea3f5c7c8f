/**
 * A track: stable id, status, filter state and a short history of updates for out-of-sequence
 * measurements. A track knows nothing of the truth: scoring pairs tracks with truths from outside
 * (src/sim/scoring.ts), and a caller that wants to know which detections fed which track asks the
 * tracker for its update records (TrackerOptions.recordUpdates).
 */
import type { Detection } from "../../sensors/detection.js";
import { positionVelocityMomentsInto } from "../filters/immState.js";
import type { GaussianState } from "../types.js";
import { MOfN } from "./confirmation.js";
import { MissRun } from "./missEvidence.js";
import type { SensorLooks } from "./missEvidence.js";

/** Update intervals the mean update interval is taken over (Track.updateIntervalS). */
const UPDATE_INTERVAL_SPAN = 4;

export type TrackStatus = "tentative" | "confirmed" | "deleted";

export type TrackDeletionReason =
  "misses" | "coast" | "covariance" | "duplicate" | "unconfirmed" | "underground";

/** One update kept for reprocessing: the state after it, and what produced it. */
export interface HistoryEntry<S extends GaussianState> {
  timeS: number;
  /** State after this update. */
  state: S;
  /** Detections applied (one for GNN, possibly several for JPDA; for the initial entry the ones
   *  that started the track). */
  detections: Detection[];
  /** JPDA weights of `detections` (GNN: [1]); the remainder 1 - sum is the "no detection" weight. */
  weights: number[];
  /** The entry that started the track: reprocessing never goes before it. */
  initial: boolean;
  /** Whether the detections' full models were used, rather than their position-only views (young
   *  tracks use a radar's range, azimuth and elevation without its range rate). */
  fullModel: boolean;
}

export class Track<S extends GaussianState = GaussianState> {
  readonly id: string;
  readonly number: number;
  status: TrackStatus = "tentative";
  readonly createdAtS: number;
  confirmedAtS: number | null = null;
  deletedAtS: number | null = null;
  deletionReason: TrackDeletionReason | null = null;
  hits = 0;
  /** Counts the changes of the track's state (updates, late reprocessing): who compares tracks can
   *  tell which changed since it last looked. */
  stateRevision = 0;
  /** Position-velocity moments of the latest state and the revision they were taken at (latestMoments). */
  readonly pvMoments = new Float64Array(9);
  pvMomentsRevision = -1;
  /** The revision whose state the tracker last found healthy (finite, positive definite). */
  healthyRevision = -1;
  /** The revision whose state the tracker last found above its floor (TrackerOptions.floor). */
  aboveFloorRevision = -1;
  /** Tracker bookkeeping: the number of the last scan that updated the track. */
  scanHit = 0;
  /** The current run of misses: scans of sensors that had seen it, and its evidence (missEvidence.ts). */
  readonly misses = new MissRun();

  /** Consecutive missed scans (since the last update). */
  get consecutiveMisses(): number {
    return this.misses.count;
  }
  readonly confirmation: MOfN;
  /** Time-ordered updates; the last one holds the current state. */
  readonly history: HistoryEntry<S>[] = [];
  /** Last update time per sensor id (which sensors currently see the track). */
  readonly lastSeenBySensor = new Map<string, number>();
  /** Per sensor id: its recent detection rate of this track (missEvidence.ts). */
  readonly looks = new Map<string, SensorLooks>();

  constructor(number: number, createdAtS: number, m: number, n: number) {
    this.number = number;
    this.id = `T${number}`;
    this.createdAtS = createdAtS;
    this.confirmation = new MOfN(m, n);
  }

  /** The latest state (at lastUpdateS). */
  get state(): S {
    return this.history[this.history.length - 1].state;
  }

  /**
   * Position-velocity moments of the latest state (positionVelocityMomentsInto: mean position and
   * velocity, then the traces of the blocks), taken once per revision: every scan's pre-gate, the
   * duplicate search and the maintenance checks read them, and the state changes far less often.
   */
  latestMoments(): Float64Array {
    if (this.pvMomentsRevision !== this.stateRevision) {
      positionVelocityMomentsInto(this.state, this.pvMoments);
      this.pvMomentsRevision = this.stateRevision;
    }
    return this.pvMoments;
  }

  get lastUpdateS(): number {
    return this.history[this.history.length - 1].timeS;
  }

  /**
   * Mean interval between the track's latest updates (over up to the last four intervals of its kept
   * history), s; 0 after a single update (no interval to go by).
   */
  get updateIntervalS(): number {
    const h = this.history;
    const n = h.length;
    if (n < 2) return 0;
    const k = Math.min(UPDATE_INTERVAL_SPAN, n - 1);
    return (h[n - 1].timeS - h[n - 1 - k].timeS) / k;
  }

  get isLive(): boolean {
    return this.status !== "deleted";
  }
}
