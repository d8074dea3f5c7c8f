/**
 * The multi-sensor, multi-target tracker (Stone Soup's MultiTargetTracker role, with measurement-level
 * fusion). Feed it, at each simulation step, the detections that reached it since the last step, in any
 * order: `step(nowS, detections)` returns the live tracks and the track events of the step.
 *
 * Per step, detections are sorted by measurement time (then sensor id; the sort is stable) and grouped
 * into scans (same sensor, same time). Per scan:
 * 1. Gating. Each live track is checked against each detection by a cheap conservative pre-gate
 *    (coarseGate.ts); tracks with a candidate are predicted to the scan time with their filter and gated
 *    exactly by the chi-square test on the normalised innovation squared (gating.ts).
 * 2. Association. Global nearest neighbour (optimal assignment, gnn.ts; confirmed tracks first, then
 *    tentative ones on the remaining detections) or joint probabilistic data association (jpda.ts,
 *    moment-matched update over the association hypotheses).
 * 3. Update. Each associated track is updated with its detection's own measurement model (radar 3-D or
 *    4-D, line of sight), so every sensor is fused at the measurement level at its own time.
 * 4. Misses. A track not updated by a scan of a sensor that updated it within `sensorMemoryS` records
 *    a miss (M-of-N window and the run of consecutive misses); sensors that never saw the track do not
 *    count against it.
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
 * (`confirmHits` of the last `confirmWindow` opportunities); deleted after `deleteAfterMisses`
 * consecutive misses, when not updated for `dropAfterS`, when the predicted position standard
 * deviation exceeds `maxPositionSigmaM`, when a tentative track fails M of N, or as a duplicate of an
 * older or better track (position and velocity both within a 99.9 % chi-square gate of each other).
 * A filter error (non-positive-definite covariance) deletes the track ("covariance") instead of
 * stopping the run; `stats.filterErrors` counts them.
 */
import type { Detection } from "../../sensors/detection.js";
import type { GaussianState, Innovation, MeasurementModel, TrackingFilter } from "../types.js";
import { createInnovation } from "../types.js";
import { NonPositiveDefiniteError } from "../../math/matrix.js";
import { gateThreshold } from "../association/gating.js";
import { GnnAssigner } from "../association/gnn.js";
import { jpdaProbabilities } from "../association/jpda.js";
import { radarInitialGaussian } from "../initiation/radarInit.js";
import { LosInitiator } from "../initiation/losInitiator.js";
import { coarseGatePasses } from "./coarseGate.js";
import type { CoarseGateOptions } from "./coarseGate.js";
import { Track } from "./track.js";
import type { HistoryEntry, TrackDeletionReason } from "./track.js";
import { DuplicateFinder } from "./duplicates.js";
import { ScanModels } from "./scanModels.js";
import { TrackUpdater } from "./trackUpdater.js";
import type { TrackEvent, TrackerOptions, TrackerStats, TrackerStepResult } from "./trackerTypes.js";

export type {
  TrackEvent,
  TrackEventType,
  TrackerOptions,
  TrackerStats,
  TrackerStepResult,
} from "./trackerTypes.js";

interface Candidate<S extends GaussianState> {
  track: Track<S>;
  /** History index the prediction starts from. */
  base: number;
  late: boolean;
  pred: S;
  /** Measurement models this track uses for the scan's detections, and whether they include range rate. */
  models: MeasurementModel[];
  rangeRate: boolean;
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
  readonly stats: TrackerStats = {
    detections: 0,
    scans: 0,
    lateApplied: 0,
    tooLate: 0,
    initiatedRadar: 0,
    initiatedLos: 0,
    filterErrors: 0,
  };
  private readonly coarse: CoarseGateOptions;
  private readonly losInit: LosInitiator;
  private readonly live: Track<S>[] = [];
  private readonly deleted: Track<S>[] = [];
  private nextNumber = 1;
  /** Newest measurement time processed, s. */
  private latestTimeS = -Infinity;
  private events: TrackEvent[] = [];
  // Pools and scratch (grown on demand, then reused).
  private readonly predPool: S[] = [];
  private readonly models = new ScanModels();
  private readonly gnn = new GnnAssigner();
  private readonly inn: Innovation = createInnovation(4);
  private readonly updater: TrackUpdater<S>;
  private coarsePass = new Uint8Array(16);
  private readonly duplicates = new DuplicateFinder<S>();

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
    this.coarse = { sigmas: 6, maxAccelMps2: 150, ...options.coarseGate };
    this.losInit = new LosInitiator({ gateProbability: 0.999, ...options.los });
    this.updater = new TrackUpdater(this.filter, this.maxLatenessS, this.rangeRateMaxVelocitySigmaMps);
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
    this.events = [];
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
      this.processScan(sorted.slice(i, j));
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
    return { timeS: nowS, tracks: this.live, events: this.events };
  }

  // ---------------------------------------------------------------- scans

  private processScan(scan: Detection[]): void {
    this.stats.scans++;
    const t = scan[0].timeS;
    if (t < this.latestTimeS - this.maxLatenessS) {
      // Beyond the lateness bound: the tracks no longer keep states that old.
      this.stats.tooLate += scan.length;
      return;
    }
    if (t > this.latestTimeS) this.latestTimeS = t;
    const sensorId = scan[0].sensorId;
    const D = scan.length;
    const m = scan[0].z.length;
    const gateFull = gateThreshold(this.gateProbability, m);
    const models = scan.map((d, k) => this.models.full(d, k));
    // Young tracks see 4-component radar detections as range, azimuth and elevation only.
    const reducible = scan[0].kind === "radar" && m === 4;
    const reduced = reducible ? scan.map((d, k) => this.models.reduced(d, k)) : models;
    const gateReduced = reducible ? gateThreshold(this.gateProbability, 3) : gateFull;
    // 1. Candidates and gating.
    const cands: Candidate<S>[] = [];
    const nis: number[] = [];
    const logL: number[] = [];
    const gated = new Uint8Array(D);
    for (const track of this.live) {
      if (!track.isLive) continue;
      let base = track.history.length - 1;
      let late = false;
      if (track.lastUpdateS > t) {
        // Out of sequence: start from the newest kept state at or before t (none: the track is
        // younger than the detection and cannot use it).
        late = true;
        while (base >= 0 && track.history[base].timeS > t) base--;
        if (base < 0) continue;
      }
      const baseState = track.history[base].state;
      if (this.coarsePass.length < D) this.coarsePass = new Uint8Array(2 * D);
      const pass = this.coarsePass;
      let any = false;
      for (let k = 0; k < D; k++) {
        const ok = coarseGatePasses(baseState, scan[k], this.coarse);
        pass[k] = ok ? 1 : 0;
        if (ok) any = true;
      }
      if (!any) continue;
      while (this.predPool.length <= cands.length) this.predPool.push(this.filter.createState());
      const pred = this.predPool[cands.length];
      try {
        this.filter.predictInto(baseState, t, pred);
      } catch (e) {
        if (e instanceof NonPositiveDefiniteError) {
          this.failTrack(track, t);
          continue;
        }
        throw e;
      }
      const row = cands.length;
      const rangeRate = !reducible || this.updater.usesRangeRate(pred);
      const ms = rangeRate ? models : reduced;
      const gate = rangeRate ? gateFull : gateReduced;
      let hitAny = false;
      for (let k = 0; k < D; k++) {
        let v = Infinity;
        let ll = -Infinity;
        if (pass[k]) {
          try {
            this.filter.innovationInto(pred, scan[k].z, this.inn, ms[k]);
            if (this.inn.nis <= gate) {
              // Cost normalised by the gate, so tracks using 3 or 4 components compare.
              v = this.inn.nis / gate;
              ll = this.inn.logLikelihood;
            }
          } catch (e) {
            if (!(e instanceof NonPositiveDefiniteError)) throw e;
          }
        }
        nis[row * D + k] = v;
        logL[row * D + k] = ll;
        if (v < Infinity) {
          gated[k] = 1;
          hitAny = true;
        }
      }
      if (!hitAny) {
        // No exact gate: keep the track out of the assignment (its prediction is discarded).
        for (let k = 0; k < D; k++) {
          nis.pop();
          logL.pop();
        }
        continue;
      }
      cands.push({ track, base, late, pred, models: ms, rangeRate });
    }
    // 2-3. Association and updates.
    const T = cands.length;
    const hit = new Set<Track<S>>();
    if (T > 0) {
      if (this.association === "gnn") {
        // Confirmed tracks choose first; tentative tracks (large covariances, small normalised
        // distances) then share what is left, so a new track cannot take an established track's
        // detection (Blackman and Popoli 1999, section 6.3: association priority by track status).
        const taken = new Uint8Array(D);
        for (const stage of ["confirmed", "tentative"] as const) {
          const rows: number[] = [];
          for (let c = 0; c < T; c++) if (cands[c].track.status === stage) rows.push(c);
          if (rows.length === 0) continue;
          const sub = new Float64Array(rows.length * D);
          rows.forEach((c, r) => {
            for (let k = 0; k < D; k++) sub[r * D + k] = taken[k] ? Infinity : nis[c * D + k];
          });
          const a = this.gnn.assign(sub, rows.length, D, 1);
          rows.forEach((c, r) => {
            const k = a.trackToDetection[r];
            if (k < 0) return;
            taken[k] = 1;
            if (this.applyUpdate(cands[c], [scan[k]], [1], [cands[c].models[k]], t)) hit.add(cands[c].track);
          });
        }
      } else {
        const { beta } = jpdaProbabilities(logL, T, D, {
          detectionProbability: this.detectionProbability,
          gateProbability: this.gateProbability,
          clutterDensity: this.clutterDensity,
        });
        for (let c = 0; c < T; c++) {
          const dets: Detection[] = [];
          const w: number[] = [];
          const ms: MeasurementModel[] = [];
          for (let k = 0; k < D; k++) {
            const b = beta[c * (D + 1) + 1 + k];
            if (b > 0 && logL[c * D + k] > -Infinity) {
              dets.push(scan[k]);
              w.push(b);
              ms.push(cands[c].models[k]);
            }
          }
          if (dets.length === 0) continue;
          if (this.applyUpdate(cands[c], dets, w, ms, t)) hit.add(cands[c].track);
        }
      }
    }
    // 4. Misses.
    for (const track of this.live) {
      if (hit.has(track) || !track.isLive) continue;
      const seen = track.lastSeenBySensor.get(sensorId);
      if (seen === undefined || t - seen > this.sensorMemoryS || t < track.createdAtS) continue;
      track.confirmation.record(false);
      track.consecutiveMisses++;
    }
    // 5. Initiation from detections in no gate.
    for (let k = 0; k < D; k++) {
      if (gated[k]) continue;
      const d = scan[k];
      if (d.kind === "radar") {
        const g = radarInitialGaussian(d, this.initialVelocitySigmaMps);
        this.startTrack(g.mean, g.cov, d.timeS, [d]);
        this.stats.initiatedRadar++;
      } else {
        this.losInit.add(d);
      }
    }
  }

  // ---------------------------------------------------------------- updates

  /** Applies an association; returns false if the track failed (and was deleted). */
  private applyUpdate(
    c: Candidate<S>,
    dets: Detection[],
    weights: number[],
    models: MeasurementModel[],
    t: number,
  ): boolean {
    const track = c.track;
    const entry: HistoryEntry<S> = {
      timeS: t,
      state: this.updater.acquireState(),
      detections: dets,
      weights,
      initial: false,
      rangeRate: c.rangeRate,
    };
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
      if (e instanceof NonPositiveDefiniteError) {
        this.updater.releaseEntry(entry);
        this.failTrack(track, t);
        return false;
      }
      throw e;
    }
    track.hits++;
    track.consecutiveMisses = 0;
    track.confirmation.record(true);
    for (const d of dets) {
      const prev = track.lastSeenBySensor.get(d.sensorId);
      if (prev === undefined || prev < d.timeS) track.lastSeenBySensor.set(d.sensorId, d.timeS);
    }
    track.noteTruth(dets);
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
    const state = this.updater.acquireState();
    this.filter.initializeInto(mean6, cov6, timeS, state);
    track.history.push({
      timeS,
      state,
      detections: dets,
      weights: dets.map(() => 1),
      initial: true,
      rangeRate: false,
    });
    track.hits = 1;
    track.confirmation.record(true);
    for (const d of dets) track.lastSeenBySensor.set(d.sensorId, d.timeS);
    track.noteTruth(dets);
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
    const s = track.state;
    const n = s.x.length;
    const dt = timeS - s.timeS;
    let v = 0;
    for (let i = 0; i < 3; i++) {
      v += s.P[i * n + i] + 2 * dt * s.P[i * n + 3 + i] + dt * dt * s.P[(3 + i) * n + 3 + i];
    }
    return v;
  }

  private maintain(nowS: number): void {
    for (const track of this.live) {
      if (!track.isLive) continue;
      if (track.status === "tentative" && track.confirmation.failed) this.drop(track, nowS, "unconfirmed");
      else if (track.consecutiveMisses >= this.deleteAfterMisses) this.drop(track, nowS, "misses");
      else if (nowS - track.lastUpdateS > this.dropAfterS) this.drop(track, nowS, "coast");
      else if (this.positionVariance(track, nowS) > this.maxPositionSigmaM ** 2)
        this.drop(track, nowS, "covariance");
    }
    if (this.mergeDuplicates) {
      for (const t of this.duplicates.find(this.live)) this.drop(t, nowS, "duplicate");
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
