/** The tracker's options, outputs and statistics (see tracker.ts). */
import type { Detection } from "../../sensors/detection.js";
import type { GaussianState, TrackingFilter } from "../types.js";
import type { LosInitiatorOptions } from "../initiation/losInitiator.js";
import type { CoarseGateOptions } from "./coarseGate.js";
import type { Track, TrackDeletionReason } from "./track.js";

export interface TrackerOptions<S extends GaussianState> {
  /** The filter every track uses (KF, EKF, UKF or IMM). */
  filter: TrackingFilter<S>;
  /** "gnn" (default) or "jpda". */
  association?: "gnn" | "jpda";
  /** Probability that a true detection falls in its track's gate; default 0.99. */
  gateProbability?: number;
  /** M and N of the M-of-N confirmation; default 3 of 5. */
  confirmHits?: number;
  confirmWindow?: number;
  /** Misses that delete a track, counted in misses of a sensor that updated it on every recent look
   *  (missEvidence.ts: a sensor that sees the track intermittently weighs less per miss, simultaneous
   *  misses of several sensors count once); default 6. */
  deleteAfterMisses?: number;
  /** Time without an update that deletes a track, s; default 30. */
  dropAfterS?: number;
  /** Predicted position standard deviation (root of the trace) that deletes a track, m; default 50 km. */
  maxPositionSigmaM?: number;
  /** How late a measurement may be and still be used, s; default 10. */
  maxLatenessS?: number;
  /** Velocity standard deviation of one-point (radar) and triangulated (line-of-sight) starts, m/s;
   *  default 3000. */
  initialVelocitySigmaMps?: number;
  /** A scan of a sensor that updated a track within this time counts as a miss if it does not update
   *  it, s; default 10. */
  sensorMemoryS?: number;
  /** Angle-only initiation options. */
  los?: LosInitiatorOptions;
  /** Pre-gate options. */
  coarseGate?: Partial<CoarseGateOptions>;
  /** JPDA: probability of detection and clutter density (per unit measurement volume). */
  detectionProbability?: number;
  clutterDensity?: number;
  /** Drop duplicate tracks of one target; default true. */
  mergeDuplicates?: boolean;
  /** Radar range rates are used only by tracks whose predicted velocity standard deviation (root of
   *  the trace) is below this, m/s; default 300 (range, azimuth and elevation before). A one-point
   *  start knows nothing of the velocity across the line of sight, and the range rate depends on it at
   *  second order (the line of sight turns at v_t / r: tens of m/s of range-rate change per second for
   *  hypersonic targets), which an EKF cannot represent until that velocity is known. The rule depends
   *  on the predicted state only, so reprocessing late measurements repeats it exactly. */
  rangeRateMaxVelocitySigmaMps?: number;
  /** Report in each step's result which detections started or updated which track (`updates`);
   *  default false (nothing recorded). */
  recordUpdates?: boolean;
  /**
   * Scans with at least this many track-detection pairs (live tracks x detections) find each track's
   * nearby detections through a spatial index (scanIndex.ts) instead of testing every pair, and the
   * duplicate search uses one (duplicates.ts) from this many track pairs (tracks squared); default
   * 1024. The indexes change no decision (0: always, Infinity: never).
   */
  spatialIndexMinPairs?: number;
  /**
   * With a mixture filter (the IMM), pre-gate each pair on the mixture's moment-matched Gaussian before
   * the exact gate (pregate.ts); default true. It changes no decision (false: every pair that passes
   * the coarse gate gets the exact gate).
   */
  mixturePregate?: boolean;
  /**
   * The surface under the tracks (the Earth's): a track whose estimated position at its latest update
   * lies deeper below it than `floor.depthM` is deleted ("underground"); default none (nothing is
   * deleted for its position). No target flies there: the target has hit the ground and the track
   * followed it, or the track has gone wrong. In a saturation raid a track coasting past its threat's
   * impact can take a satellite's line of sight to another threat, which says nothing of range, and be
   * carried tens of kilometres underground by it, taking detections from the tracks they belong to.
   */
  floor?: TrackFloor;
}

/** What lies under the tracks (TrackerOptions.floor). */
export interface TrackFloor {
  /** Height above the surface of a position [x, y, z] (a state's first three components), m. */
  heightM(position: Float64Array): number;
  /** Depth below the surface at which an estimate is no target's, m (> 0). */
  readonly depthM: number;
}

/** One track start or update of a step: the detections used (JPDA: several, with their weights). */
export interface TrackUpdate {
  readonly trackId: string;
  /** Measurement time, s. */
  readonly timeS: number;
  /** The track was started from these detections (one point, or the triangulated bearings). */
  readonly started: boolean;
  readonly detections: readonly Detection[];
  /** Association weights (GNN and starts: 1 each). */
  readonly weights: readonly number[];
}

export type TrackEventType = "track-initiated" | "track-confirmed" | "track-dropped";

export interface TrackEvent {
  timeS: number;
  type: TrackEventType;
  trackId: string;
  /** For drops. */
  reason?: TrackDeletionReason;
  /** Sensors whose detections started the track (initiation). */
  sensorIds?: string[];
}

export interface TrackerStepResult<S extends GaussianState> {
  timeS: number;
  /** Live (tentative and confirmed) tracks, by id number. */
  tracks: readonly Track<S>[];
  events: TrackEvent[];
  /** With `recordUpdates`: the starts and updates of the step, in the order they were made (late
   *  detections when they were applied); otherwise empty. */
  updates: readonly TrackUpdate[];
}

export interface TrackerStats {
  detections: number;
  scans: number;
  /** Late detections applied by reprocessing. */
  lateApplied: number;
  /** Detections too late for every candidate track (not used). */
  tooLate: number;
  initiatedRadar: number;
  initiatedLos: number;
  filterErrors: number;
}
