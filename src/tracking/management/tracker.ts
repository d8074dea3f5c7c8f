/**
 * The multi-sensor, multi-target tracker (Stone Soup's MultiTargetTracker role, with measurement-level
 * fusion). Feed it, at each simulation step, the detections that reached it since the last step, in any
 * order: `step(nowS, detections)` returns the live tracks and the track events of the step.
 *
 * Per step, detections are sorted by measurement time (then sensor id; the sort is stable) and grouped
 * into scans (same sensor, same time). Per scan (working storage reused across scans: scanScratch.ts):
 * 1. Gating (scanGating.ts). Each live track is checked against each detection by a cheap conservative
 *    pre-gate (coarseGate.ts, on the state's position-velocity moments: for an IMM taken from its modes
 *    without forming the combined estimate); tracks with a candidate are predicted to the scan time with
 *    their filter and gated exactly by the chi-square test on the normalised innovation squared.
 * 2. Association (scanAssociation.ts). Global nearest neighbour (optimal assignment, gnn.ts; confirmed
 *    tracks first, then tentative ones on the remaining detections) or joint probabilistic data
 *    association (jpda.ts, moment-matched update over the association hypotheses).
 * 3. Update. Each associated track is updated with its detection's own measurement model (radar 3-D or
 *    4-D, line of sight), so every sensor is fused at the measurement level at its own time.
 * 4. Misses. A track not updated by a scan of a sensor that updated it within `sensorMemoryS` records
 *    a miss (M-of-N window, and evidence that the target is gone: missEvidence.ts, weighted by that
 *    sensor's recent detection rate of the track, simultaneous misses counted once); sensors that
 *    never saw the track do not count against it.
 * 5. Initiation. A radar detection in no track's gate starts a tentative track from one point
 *    (radarInit.ts, large velocity variance); a line of sight in no gate goes to the angle-only pool,
 *    which starts tracks by triangulating lines of sight from two or more satellites (losInitiator.ts).
 *
 * Late (out-of-sequence) measurements: every track keeps the states after its updates for the last
 * `maxLatenessS` seconds (plus the newest one older than that). A detection older than a track's last
 * update is gated against the track's state predicted from the newest kept state at or before the
 * detection's time; if associated, it is inserted there and the later updates are re-applied in time
 * order (reprocessing: exact for any filter, cost proportional to the updates within the lateness).
 * The bound on lateness is therefore `maxLatenessS` (default 10 s, longer than any sensor latency in a
 * scenario): a detection more than that older than the newest measurement already processed is counted
 * in `stats.tooLate` and not used. Nothing else is dropped. (A late detection that predates a track's
 * start cannot update that track; if it starts a second track, the duplicate check removes one.)
 *
 * Track management: ids T1, T2, ... in creation order, never reused; tentative -> confirmed by M of N
 * (`confirmHits` of the last `confirmWindow` opportunities); deleted when the evidence of its misses
 * since its last update reaches that of `deleteAfterMisses` misses of a sensor that saw it on every
 * look (fewer misses of such sensors, more of sensors that see it intermittently), when not updated
 * for `dropAfterS`, when the predicted position standard deviation exceeds `maxPositionSigmaM`, when a
 * tentative track fails M of N, as a duplicate of an older or better track (position and velocity
 * both within a 99.9 % chi-square gate of each other), or, given a floor (the Earth's surface), when
 * its latest estimate lies deeper below it than the floor's depth ("underground").
 * A filter error (non-positive-definite covariance) deletes the track ("covariance") instead of
 * stopping the run; `stats.filterErrors` counts them.
 */
import type { Detection } from "../../sensors/detection.js";
import type { GaussianState, MeasurementModel, TrackingFilter } from "../types.js";
import { argError, integerArg, nonNegativeArg, positiveArg } from "../../math/check.js";
import { GnnAssigner } from "../association/gnn.js";
import type { JpdaOptions } from "../association/jpda.js";
import { associateGnn, associateJpda } from "./scanAssociation.js";
import type { ApplyUpdate } from "./scanAssociation.js";
import { LosInitiator } from "../initiation/losInitiator.js";
import { checkTime, checkVector, measurementDimension, vectorOk } from "../filters/checks.js";
import { Track } from "./track.js";
import type { TrackDeletionReason } from "./track.js";
import { DuplicateFinder } from "./duplicates.js";
import { MixturePregate } from "./pregate.js";
import { missEvidenceLimit, recordHit, recordMiss } from "./missEvidence.js";
import { TrackUpdater } from "./trackUpdater.js";
import { ScanScratch } from "./scanScratch.js";
import { ScanGating, isFilterFailure } from "./scanGating.js";
import type { Candidate } from "./scanScratch.js";
import type {
  TrackEvent,
  TrackerOptions,
  TrackerStats,
  TrackerStepResult,
  TrackFloor,
  TrackUpdate,
} from "./trackerTypes.js";

export type {
  TrackEvent,
  TrackEventType,
  TrackFloor,
  TrackerOptions,
  TrackerStats,
  TrackerStepResult,
  TrackUpdate,
} from "./trackerTypes.js";

/**
 * A detection the tracker can use: a finite time, a finite z of its model's dimension, a model and an
 * initiation (RangeError naming it otherwise: a sensor's bad output is refused, not tracked).
 */
function checkDetection(d: Detection, i: number): void {
  const kind = d?.initiation?.kind;
  if (
    d?.model !== undefined &&
    (kind === "point" || kind === "bearing") &&
    Number.isFinite(d.timeS) &&
    Number.isFinite(d.arrivalTimeS) &&
    d.model.R !== undefined &&
    vectorOk(d.z, measurementDimension("Tracker.step", d.model.R))
  ) {
    return;
  }
  // Something is wrong: say what.
  const fn = "Tracker.step";
  const name = `detections[${i}]${d?.sensorId === undefined ? "" : ` (${d.sensorId})`}`;
  if (d?.model === undefined || d.initiation === undefined) {
    throw new RangeError(`${fn}: ${name} must carry its measurement model and initiation`);
  }
  checkTime(fn, `${name}.timeS`, d.timeS);
  checkTime(fn, `${name}.arrivalTimeS`, d.arrivalTimeS);
  checkVector(fn, `${name}.z`, d.z, measurementDimension(fn, d.model.R));
  throw new RangeError(`${fn}: ${name}.initiation.kind must be "point" or "bearing", got ${String(kind)}`);
}

/** The tracker's numeric options (given or default), each refused with a RangeError naming it. */
function checkTrackerOptions<S extends GaussianState>(t: Tracker<S>): void {
  const fn = "Tracker";
  if (!(t.gateProbability > 0 && t.gateProbability < 1))
    throw argError(fn, "options.gateProbability", "a probability in (0, 1)", t.gateProbability);
  integerArg(fn, "options.confirmWindow", t.confirmWindow, 1, 1000);
  integerArg(fn, "options.confirmHits", t.confirmHits, 1, t.confirmWindow);
  integerArg(fn, "options.deleteAfterMisses", t.deleteAfterMisses, 1, 1e6);
  positiveArg(fn, "options.dropAfterS", t.dropAfterS);
  positiveArg(fn, "options.maxPositionSigmaM", t.maxPositionSigmaM);
  nonNegativeArg(fn, "options.maxLatenessS", t.maxLatenessS);
  positiveArg(fn, "options.initialVelocitySigmaMps", t.initialVelocitySigmaMps);
  nonNegativeArg(fn, "options.sensorMemoryS", t.sensorMemoryS);
  if (!(t.detectionProbability > 0 && t.detectionProbability <= 1))
    throw argError(fn, "options.detectionProbability", "a probability in (0, 1]", t.detectionProbability);
  nonNegativeArg(fn, "options.clutterDensity", t.clutterDensity);
  if (!(t.rangeRateMaxVelocitySigmaMps >= 0))
    throw argError(
      fn,
      "options.rangeRateMaxVelocitySigmaMps",
      "a number >= 0 (Infinity: always)",
      t.rangeRateMaxVelocitySigmaMps,
    );
}

export class Tracker<S extends GaussianState = GaussianState> {
  readonly filter: TrackingFilter<S>;
  readonly association: "gnn" | "jpda";
  readonly gateProbability: number;
  readonly confirmHits: number;
  readonly confirmWindow: number;
  readonly deleteAfterMisses: number;
  readonly dropAfterS: number;
  readonly maxPositionSigmaM: number;
  readonly maxLatenessS: number;
  readonly initialVelocitySigmaMps: number;
  readonly sensorMemoryS: number;
  readonly detectionProbability: number;
  readonly clutterDensity: number;
  readonly mergeDuplicates: boolean;
  readonly rangeRateMaxVelocitySigmaMps: number;
  /** The surface under the tracks, or null (TrackerOptions.floor). */
  readonly floor: TrackFloor | null;
  readonly stats: TrackerStats = {
    detections: 0,
    scans: 0,
    lateApplied: 0,
    tooLate: 0,
    initiatedRadar: 0,
    initiatedLos: 0,
    filterErrors: 0,
  };
  /** Miss evidence that deletes a track, nats (missEvidence.ts). */
  private readonly missLimit: number;
  private readonly losInit: LosInitiator;
  private readonly live: Track<S>[] = [];
  private readonly deleted: Track<S>[] = [];
  private nextNumber = 1;
  /** Newest measurement time processed, s. */
  private latestTimeS = -Infinity;
  private events: TrackEvent[] = [];
  private updates: TrackUpdate[] = [];
  private readonly recordUpdates: boolean;
  private readonly spatialIndexMinPairs: number;
  /** Scans processed (a track records the number of the last one that updated it). */
  private scanNumber = 0;
  // Pools and scratch (grown on demand, then reused).
  private readonly scratch: ScanScratch<S>;
  private readonly jpdaOptions: JpdaOptions;
  private readonly applyFn: ApplyUpdate<S>;
  private readonly gnn = new GnnAssigner();
  private readonly gating: ScanGating<S>;
  private readonly failFn = (track: Track<S>, timeS: number): void => this.failTrack(track, timeS);
  private readonly updater: TrackUpdater<S>;
  private readonly duplicates = new DuplicateFinder<S>();
  /** The floor's argument: a track's mean position. */
  private readonly position3 = new Float64Array(3);
  private readonly mean6 = new Float64Array(6);
  private readonly cov36 = new Float64Array(36);

  constructor(options: TrackerOptions<S>) {
    this.filter = options.filter;
    this.association = options.association ?? "gnn";
    this.gateProbability = options.gateProbability ?? 0.99;
    this.confirmHits = options.confirmHits ?? 3;
    this.confirmWindow = options.confirmWindow ?? 5;
    this.deleteAfterMisses = options.deleteAfterMisses ?? 6;
    this.dropAfterS = options.dropAfterS ?? 30;
    this.maxPositionSigmaM = options.maxPositionSigmaM ?? 50e3;
    this.maxLatenessS = options.maxLatenessS ?? 10;
    this.initialVelocitySigmaMps = options.initialVelocitySigmaMps ?? 3000;
    this.sensorMemoryS = options.sensorMemoryS ?? 10;
    this.detectionProbability = options.detectionProbability ?? 0.9;
    this.clutterDensity = options.clutterDensity ?? 1e-9;
    this.mergeDuplicates = options.mergeDuplicates ?? true;
    this.rangeRateMaxVelocitySigmaMps = options.rangeRateMaxVelocitySigmaMps ?? 300;
    this.recordUpdates = options.recordUpdates ?? false;
    this.floor = options.floor ?? null;
    if (this.floor !== null) positiveArg("Tracker", "options.floor.depthM", this.floor.depthM);
    this.spatialIndexMinPairs = options.spatialIndexMinPairs ?? 1024;
    // 0: always use the index, Infinity: never.
    if (!(this.spatialIndexMinPairs >= 0))
      throw argError(
        "Tracker",
        "options.spatialIndexMinPairs",
        "a number >= 0 (Infinity: never)",
        this.spatialIndexMinPairs,
      );
    checkTrackerOptions(this);
    // Relative margin: n equal increments must reach n times the increment despite round-off.
    this.missLimit = missEvidenceLimit(this.deleteAfterMisses, this.gateProbability) * (1 - 1e-9);
    this.losInit = new LosInitiator({ gateProbability: 0.999, ...options.los });
    this.updater = new TrackUpdater(this.filter, this.maxLatenessS, this.rangeRateMaxVelocitySigmaMps);
    const pregate = new MixturePregate(options.filter);
    this.gating = new ScanGating(
      this.filter,
      pregate.applies && (options.mixturePregate ?? true) ? pregate : null,
      this.updater,
      { sigmas: 6, maxAccelMps2: 150, ...options.coarseGate },
      this.gateProbability,
      this.spatialIndexMinPairs,
    );
    this.scratch = new ScanScratch(() => this.filter.createState());
    this.jpdaOptions = {
      detectionProbability: this.detectionProbability,
      gateProbability: this.gateProbability,
      clutterDensity: this.clutterDensity,
    };
    this.applyFn = (c, dets, weights, models) => this.applyUpdate(c, dets, weights, models, c.pred.timeS);
  }

  /** Live tracks (tentative and confirmed), by id number. */
  get tracks(): readonly Track<S>[] {
    return this.live;
  }

  /** Deleted tracks, in deletion order (for metrics). */
  get deletedTracks(): readonly Track<S>[] {
    return this.deleted;
  }

  /** A track's state predicted to timeS (allocates; for the battle manager and outputs). */
  predictTrack(track: Track<S>, timeS: number): S {
    return this.filter.predict(track.state, Math.max(timeS, track.lastUpdateS));
  }

  /** Processes the detections that arrived since the last step; returns the tracks at nowS. */
  step(nowS: number, detections: readonly Detection[]): TrackerStepResult<S> {
    checkTime("Tracker.step", "nowS", nowS);
    for (let i = 0; i < detections.length; i++) checkDetection(detections[i], i);
    this.events = [];
    if (this.recordUpdates || this.updates.length > 0) this.updates = [];
    const sorted = [...detections].sort(
      (a, b) => a.timeS - b.timeS || (a.sensorId < b.sensorId ? -1 : a.sensorId > b.sensorId ? 1 : 0),
    );
    this.stats.detections += sorted.length;
    let i = 0;
    while (i < sorted.length) {
      let j = i + 1;
      while (
        j < sorted.length &&
        sorted[j].timeS === sorted[i].timeS &&
        sorted[j].sensorId === sorted[i].sensorId
      )
        j++;
      this.processScan(sorted, i, j);
      i = j;
    }
    for (const g of this.losInit.harvest(nowS)) {
      const mean = new Float64Array(6);
      const cov = new Float64Array(36);
      const t = g.triangulation;
      for (let a = 0; a < 3; a++) {
        mean[a] = t.positionEcefM[a];
        for (let b = 0; b < 3; b++) cov[a * 6 + b] = t.covariance[a * 3 + b];
        cov[(3 + a) * 6 + 3 + a] = this.initialVelocitySigmaMps ** 2;
      }
      this.startTrack(mean, cov, g.timeS, g.detections);
      this.stats.initiatedLos++;
    }
    this.maintain(nowS);
    return { timeS: nowS, tracks: this.live, events: this.events, updates: this.updates };
  }

  // ---------------------------------------------------------------- scans

  /** Processes the scan sorted[from..to) (one sensor, one measurement time). */
  private processScan(sorted: readonly Detection[], from: number, to: number): void {
    this.stats.scans++;
    const first = sorted[from];
    const t = first.timeS;
    const D = to - from;
    if (t < this.latestTimeS - this.maxLatenessS) {
      // Beyond the lateness bound: the tracks no longer keep states that old.
      this.stats.tooLate += D;
      return;
    }
    if (t > this.latestTimeS) this.latestTimeS = t;
    const sc = this.scratch;
    const scan = sc.scan;
    scan.length = 0;
    for (let k = from; k < to; k++) scan.push(sorted[k]);
    sc.begin(D, this.live.length);
    this.scanNumber++;
    // 1. Candidates and gating.
    this.gating.gate(sc, this.live, t, D, this.failFn);
    // 2-3. Association and updates.
    if (sc.count > 0) {
      const apply = this.applyFn;
      if (this.association === "gnn") associateGnn(sc, D, this.gnn, apply);
      else associateJpda(sc, D, this.jpdaOptions, apply);
    }
    // 4. Misses.
    const sensorId = first.sensorId;
    for (const track of this.live) {
      if (track.scanHit === this.scanNumber || !track.isLive) continue;
      const looks = track.looks.get(sensorId);
      if (looks === undefined || t - looks.lastHitS > this.sensorMemoryS || t < track.createdAtS) continue;
      track.confirmation.record(false);
      track.misses.add(t, recordMiss(looks, this.gateProbability));
    }
    // 5. Initiation from detections in no gate: a point starts a track, a bearing waits in the pool.
    for (let k = 0; k < D; k++) {
      if (sc.gated[k]) continue;
      const d = scan[k];
      const init = d.initiation;
      if (init.kind === "point") {
        init.initialGaussianInto(d.z, this.initialVelocitySigmaMps, this.mean6, this.cov36);
        this.startTrack(this.mean6, this.cov36, d.timeS, [d]);
        this.stats.initiatedRadar++;
      } else {
        this.losInit.add(d);
      }
    }
  }

  // ---------------------------------------------------------------- updates

  /** Applies an association (dets, weights and models are copied); false if the track failed. */
  private applyUpdate(
    c: Candidate<S>,
    dets: readonly Detection[],
    weights: readonly number[],
    models: readonly MeasurementModel[],
    t: number,
  ): boolean {
    const track = c.track;
    const entry = this.updater.acquireEntry(t, dets, weights, false, c.fullModel);
    try {
      this.updater.updateWith(c.pred, dets, weights, models, entry.state);
      entry.state.timeS = t;
      if (!c.late) {
        track.history.push(entry);
      } else {
        track.history.splice(c.base + 1, 0, entry);
        this.updater.reprocess(track, c.base + 1);
        this.stats.lateApplied += dets.length;
      }
    } catch (e) {
      if (!isFilterFailure(e)) throw e;
      this.updater.releaseEntry(entry);
      this.failTrack(track, t);
      return false;
    }
    track.hits++;
    track.stateRevision++;
    track.scanHit = this.scanNumber;
    track.misses.reset();
    track.confirmation.record(true);
    for (const d of dets) {
      const prev = track.lastSeenBySensor.get(d.sensorId);
      if (prev === undefined || prev < d.timeS) track.lastSeenBySensor.set(d.sensorId, d.timeS);
    }
    // One scan is one look, whatever the number of its detections (JPDA).
    recordHit(track.looks, dets[0].sensorId, t);
    if (this.recordUpdates) {
      this.updates.push({
        trackId: track.id,
        timeS: t,
        started: false,
        detections: [...dets],
        weights: [...weights],
      });
    }
    if (track.status === "tentative" && track.confirmation.satisfied) {
      track.status = "confirmed";
      track.confirmedAtS = t;
      this.events.push({ timeS: t, type: "track-confirmed", trackId: track.id });
    }
    this.updater.pruneHistory(track);
    return true;
  }

  // ---------------------------------------------------------------- life cycle

  private startTrack(
    mean6: ArrayLike<number>,
    cov6: ArrayLike<number>,
    timeS: number,
    dets: Detection[],
  ): void {
    const track = new Track<S>(this.nextNumber++, timeS, this.confirmHits, this.confirmWindow);
    const entry = this.updater.acquireEntry(timeS, dets, null, true, false);
    this.filter.initializeInto(mean6, cov6, timeS, entry.state);
    track.history.push(entry);
    track.hits = 1;
    track.stateRevision++;
    track.confirmation.record(true);
    for (const d of dets) {
      track.lastSeenBySensor.set(d.sensorId, d.timeS);
      recordHit(track.looks, d.sensorId, d.timeS);
    }
    if (this.recordUpdates) {
      this.updates.push({
        trackId: track.id,
        timeS,
        started: true,
        detections: [...dets],
        weights: dets.map(() => 1),
      });
    }
    this.live.push(track);
    this.events.push({
      timeS,
      type: "track-initiated",
      trackId: track.id,
      sensorIds: [...new Set(dets.map((d) => d.sensorId))],
    });
    if (track.confirmation.satisfied) {
      track.status = "confirmed";
      track.confirmedAtS = timeS;
      this.events.push({ timeS, type: "track-confirmed", trackId: track.id });
    }
  }

  private failTrack(track: Track<S>, timeS: number): void {
    this.stats.filterErrors++;
    this.drop(track, timeS, "covariance");
  }

  private drop(track: Track<S>, timeS: number, reason: TrackDeletionReason): void {
    if (!track.isLive) return;
    track.status = "deleted";
    track.deletedAtS = timeS;
    track.deletionReason = reason;
    this.events.push({ timeS, type: "track-dropped", trackId: track.id, reason });
  }

  /** Predicted position variance (trace) of a track at timeS, by linear extrapolation. */
  private positionVariance(track: Track<S>, timeS: number): number {
    const m = track.latestMoments();
    const dt = timeS - track.state.timeS;
    return m[6] + 2 * dt * m[7] + dt * dt * m[8];
  }

  /**
   * Whether the track's latest covariance (each mode's, for an IMM) is positive definite. A state is
   * verified once: a track keeps its state between updates, and maintenance runs every step.
   */
  private covarianceHealthy(track: Track<S>): boolean {
    if (track.healthyRevision === track.stateRevision) return true;
    try {
      this.filter.verifyCovariance(track.state);
      track.healthyRevision = track.stateRevision;
      return true;
    } catch (e) {
      if (isFilterFailure(e)) return false;
      throw e;
    }
  }

  /**
   * Whether the track's latest estimate lies above its floor's depth (TrackerOptions.floor). Checked
   * once a revision, like its health: the estimate changes only at updates.
   */
  private aboveFloor(track: Track<S>): boolean {
    const floor = this.floor;
    if (floor === null || track.aboveFloorRevision === track.stateRevision) return true;
    const m = track.latestMoments();
    const p = this.position3;
    p[0] = m[0];
    p[1] = m[1];
    p[2] = m[2];
    if (!(floor.heightM(p) >= -floor.depthM)) return false;
    track.aboveFloorRevision = track.stateRevision;
    return true;
  }

  private maintain(nowS: number): void {
    for (const track of this.live) {
      if (!track.isLive) continue;
      if (!this.covarianceHealthy(track)) this.failTrack(track, nowS);
      else if (!this.aboveFloor(track)) this.drop(track, nowS, "underground");
      else if (track.status === "tentative" && track.confirmation.failed)
        this.drop(track, nowS, "unconfirmed");
      else if (track.misses.evidence >= this.missLimit) this.drop(track, nowS, "misses");
      else if (nowS - track.lastUpdateS > this.dropAfterS) this.drop(track, nowS, "coast");
      else if (this.positionVariance(track, nowS) > this.maxPositionSigmaM ** 2)
        this.drop(track, nowS, "covariance");
    }
    if (this.mergeDuplicates) {
      const T = this.live.length;
      for (const t of this.duplicates.find(this.live, T * T >= this.spatialIndexMinPairs))
        this.drop(t, nowS, "duplicate");
    }
    // Move deleted tracks out of the live list (order of the rest preserved).
    let w = 0;
    for (let r = 0; r < this.live.length; r++) {
      const track = this.live[r];
      if (track.isLive) this.live[w++] = track;
      else {
        this.deleted.push(track);
        // Recycle all but the final state, which the deleted track keeps.
        for (const e of track.history.splice(0, track.history.length - 1)) this.updater.releaseEntry(e);
      }
    }
    this.live.length = w;
  }
}
