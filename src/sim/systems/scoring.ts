/**
 * Scoring: the run's tracks against the truth (metrics only: nothing here reaches the tracker or a
 * decision). At every tick:
 * - confirmed tracks are paired with the threats in flight by the optimal cut-off assignment
 *   (src/tracking/metrics/sparseAssignment.ts; a track's position extrapolated from its last update to the
 *   tick along its velocity: at most one revisit, a few metres for a few g), which gives continuity and
 *   purity, the threat each track event is attributed to, and OSPA and GOSPA over the same close pairs;
 * - each confirmed track updated since the last tick is scored at its own update time against the truth
 *   of the threat it follows: position and velocity errors (RMSE) and NEES, overall and per flight phase;
 * - the track following each threat is kept for the last IMPACT_PREDICTION_LEAD_S seconds, so that when
 *   the threat comes down the ballistic impact prediction made from its track that long before (what a
 *   battle manager would have used) is scored against where it fell, without the scorer looking ahead.
 * Track events wait for the tick to be attributed and logged (a track event's threat is the scorer's
 * pairing at that tick, or the last threat the track followed).
 */
import type { FlightPhase } from "../../flight/truth.js";
import { createTruthState } from "../../flight/truthAt.js";
import { geodesicInverse } from "../../earth/geodesic.js";
import { nees } from "../../tracking/metrics/consistency.js";
import { ContinuityAccumulator } from "../../tracking/metrics/continuity.js";
import { RmseAccumulator } from "../../tracking/metrics/rmse.js";
import { CloseComponents, closePairs, ospaGospaOf } from "../../tracking/metrics/sparseAssignment.js";
import type { Track } from "../../tracking/management/track.js";
import { NonPositiveDefiniteError } from "../../math/matrix.js";
import { enuRotationInto } from "../../earth/enu.js";
import { glideFootprint } from "../../tracking/predict/footprint.js";
import { predictImpact, type ImpactFlag, type ImpactPrediction } from "../../tracking/predict/impactPoint.js";
import { TrackMotionHistory, type MotionAssessment } from "../../tracking/predict/motion.js";
import type { World } from "../world.js";
import type { GaussianState } from "../../tracking/types.js";
import type { EventLog } from "../events.js";
import type { SimSystem, Ticks } from "../loop.js";
import type { TrackSampleColumns } from "../trackSamples.js";
import type { TrackingSystem } from "./tracking.js";
import type { TruthView } from "./truth.js";

/** Cut-off of the truth-to-track assignment and of OSPA/GOSPA, m. */
export const SCORING_CUTOFF_M = 20_000;

/** Lead time of the scored impact prediction, s. */
export const IMPACT_PREDICTION_LEAD_S = 60;

/** How often a followed threat's track gets its motion check (the motion history's spacing), s. */
export const MOTION_CHECK_SPACING_S = 5;

/** 99 % point of the chi-square distribution with 6 degrees of freedom (NEES of position and velocity). */
export const NEES6_GATE_99 = 16.811894;

/** NEES of one flight phase: its sum, sample count and samples beyond the 99 % gate. */
export interface PhaseNees {
  sum: number;
  count: number;
  beyondGate99: number;
}

export interface ThreatScore {
  readonly threatId: string;
  /** First tick at which a confirmed track followed the threat, s. */
  firstPairedS: number | null;
  readonly rmse: RmseAccumulator;
  neesSum: number;
  neesCount: number;
  readonly neesByPhase: Map<FlightPhase, PhaseNees>;
}

/**
 * The impact point a ballistic predictor draws from the threat's track IMPACT_PREDICTION_LEAD_S before
 * impact, against where it really fell.
 */
export interface ImpactPredictionScore {
  /** When the prediction was made (the first tick at least IMPACT_PREDICTION_LEAD_S before impact). */
  readonly madeAtS: number;
  readonly trackId: string;
  readonly predictedTimeS: number;
  readonly timeSigmaS: number;
  readonly latDeg: number;
  readonly lonDeg: number;
  /** One-sigma axes of the predicted impact ellipse, m. */
  readonly majorSigmaM: number;
  readonly minorSigmaM: number;
  /** Distance from the predicted to the true impact point (geodesic), m, and the time error, s. */
  readonly errorM: number;
  readonly timeErrorS: number;
  /** NEES of the impact point (2 degrees of freedom: the east-north error against the predicted
   *  covariance; 5.99 is the 95 % point) and of the impact time (1 degree of freedom). */
  readonly pointNees: number;
  readonly timeNees: number;
  /** The track's inverse ballistic coefficient at the prediction (m^2/kg), or null if it has none. */
  readonly kappa: number | null;
  /** Whether a decision may rest on the prediction, and why not (src/tracking/predict/impactPoint.ts). */
  readonly reliable: boolean;
  readonly flags: readonly ImpactFlag[];
  /** Whether the track flew ballistic when the prediction was made (src/tracking/predict/motion.ts). */
  readonly motion: MotionAssessment;
  /** For a target that does not fly ballistic: whether the true impact point lies in the glide
   *  footprint reachable from its track (src/tracking/predict/footprint.ts), and the footprint's
   *  reach ahead; null for a ballistic target. */
  readonly inFootprint: boolean | null;
  readonly footprintDownrangeM: number | null;
}

/**
 * A threat's track at each of the last ticks (a ring): the track id (null: none followed it) and its
 * position, velocity and drag parameter with their covariance, all the ballistic predictor reads.
 */
class TrackRing {
  readonly timeS: Float64Array;
  readonly trackIds: (string | null)[];
  /** The motion check of the track at each slot (null: no track). */
  readonly motions: (MotionAssessment | null)[];
  /** Per slot: the state's time, then x (dim) and P (dim x dim). */
  readonly states: Float64Array;
  head = 0;
  size = 0;

  constructor(
    readonly slots: number,
    readonly dim: number,
  ) {
    this.timeS = new Float64Array(slots);
    this.trackIds = new Array<string | null>(slots).fill(null);
    this.motions = new Array<MotionAssessment | null>(slots).fill(null);
    this.states = new Float64Array(slots * (1 + dim + dim * dim));
  }

  /** Writes the next slot (overwriting the oldest when full); returns its index. */
  next(timeS: number, trackId: string | null): number {
    const k = (this.head + this.size) % this.slots;
    if (this.size < this.slots) this.size++;
    else this.head = (this.head + 1) % this.slots;
    this.timeS[k] = timeS;
    this.trackIds[k] = trackId;
    this.motions[k] = null;
    return k;
  }

  /** The slot's state as a GaussianState (allocates: once per threat, at impact). */
  stateOf(k: number): GaussianState {
    const w = 1 + this.dim + this.dim * this.dim;
    const at = k * w;
    return {
      timeS: this.states[at],
      x: this.states.slice(at + 1, at + 1 + this.dim),
      P: this.states.slice(at + 1 + this.dim, at + w),
    };
  }
}

const R2D = 180 / Math.PI;

export class ScoringSystem implements SimSystem {
  readonly name = "scoring";
  readonly scores = new Map<string, ThreatScore>();
  readonly continuity = new ContinuityAccumulator();
  /** Impact prediction per threat that came down (null: no track then, or no prediction). */
  readonly impactPredictions = new Map<string, ImpactPredictionScore | null>();
  /** Impact predictions skipped because the track's state could not be flown (e.g. a covariance that
   *  is not positive definite). */
  impactPredictionFailures = 0;
  /** Track updates whose covariance had no NEES (not positive definite). */
  neesSkipped = 0;
  private ospaSum = 0;
  private gospaSum = 0;
  private metricSteps = 0;
  private readonly threatIndex = new Map<string, number>();
  private readonly lastScoredUpdate = new Map<string, number>();
  private readonly lastSampledUpdate = new Map<string, number>();
  /** The threat each track followed last (drop events name it after the pairing let go). */
  private readonly lastThreatOfTrack = new Map<string, string>();
  private pairing = new Map<string, string>();
  private readonly rings: (TrackRing | null)[];
  /** Per threat: the confirmed track following it at this tick (reused array). */
  private readonly trackOfThreat: (Track<GaussianState> | null)[];
  /** Per threat: the latest motion check of its track. */
  private readonly lastMotion: ({ trackId: string; timeS: number; motion: MotionAssessment } | null)[];
  /** Kept state size: position, velocity and (when the filter has one) the drag parameter. */
  private readonly ringDim: number;
  private readonly ringSize: number;
  private readonly predicted: boolean[];
  private readonly truthScratch = createTruthState();
  /** Each confirmed track's recent states, for the motion check (lift seen once is remembered). */
  private readonly motionHistory: TrackMotionHistory;
  private readonly xTrue = new Float64Array(6);
  private readonly p6 = new Float64Array(36);
  private readonly neesWork = new Float64Array(48);
  private truthPos = new Float64Array(0);
  private trackPos = new Float64Array(0);

  constructor(
    private readonly truth: TruthView,
    private readonly tracking: TrackingSystem,
    private readonly log: EventLog,
    private readonly ticks: Ticks,
    private readonly samples: TrackSampleColumns,
    /** Index of the drag parameter in the filter's state, -1 if none (impact prediction). */
    private readonly kappaIndex: number,
    private readonly impact: World["impactPrediction"],
  ) {
    this.motionHistory = new TrackMotionHistory(impact.motion);
    truth.flights.forEach((f, i) => {
      this.threatIndex.set(f.id, i);
      this.scores.set(f.id, {
        threatId: f.id,
        firstPairedS: null,
        rmse: new RmseAccumulator(),
        neesSum: 0,
        neesCount: 0,
        neesByPhase: new Map(),
      });
    });
    this.rings = truth.flights.map(() => null);
    this.trackOfThreat = truth.flights.map(() => null);
    this.lastMotion = truth.flights.map(() => null);
    this.predicted = truth.flights.map(() => false);
    this.ringSize = Math.ceil(IMPACT_PREDICTION_LEAD_S / ticks.intervalS) + 2;
    this.ringDim = kappaIndex >= 0 ? 7 : 6;
  }

  get meanOspaM(): number {
    return this.metricSteps > 0 ? this.ospaSum / this.metricSteps : 0;
  }

  get meanGospaM(): number {
    return this.metricSteps > 0 ? this.gospaSum / this.metricSteps : 0;
  }

  nextFrameS(afterS: number): number {
    return this.ticks.after(afterS);
  }

  runFrame(timeS: number): void {
    if (!this.ticks.isTick(timeS)) return;
    const truths = this.truth.at(timeS);
    const confirmed = this.tracking.tracker.tracks.filter((t) => t.status === "confirmed");
    this.pair(timeS, truths.length, confirmed);
    for (const t of confirmed) {
      const threat = this.pairing.get(t.id);
      if (threat !== undefined && t.lastUpdateS !== this.lastScoredUpdate.get(t.id)) {
        this.lastScoredUpdate.set(t.id, t.lastUpdateS);
        this.scoreUpdate(t, threat);
      }
    }
    for (const t of confirmed) this.motionHistory.note(t.id, t.state);
    this.keepForImpactPrediction(timeS, confirmed);
    this.logTrackEvents();
    this.recordTrackSamples();
  }

  finish(): void {
    this.logTrackEvents();
    this.scoreImpactPredictions();
  }

  /** Pairs confirmed tracks with the truths in flight; continuity, OSPA and GOSPA of the tick. */
  private pair(timeS: number, m: number, confirmed: readonly Track<GaussianState>[]): void {
    const truths = this.truth.at(timeS);
    const n = confirmed.length;
    if (this.truthPos.length < 3 * m) this.truthPos = new Float64Array(3 * m * 2);
    if (this.trackPos.length < 3 * n) this.trackPos = new Float64Array(3 * n * 2);
    const X = this.truthPos;
    const Y = this.trackPos;
    for (let i = 0; i < m; i++) X.set(truths[i].posEcefM, 3 * i);
    for (let j = 0; j < n; j++) {
      const x = confirmed[j].state.x;
      const dt = timeS - confirmed[j].lastUpdateS;
      Y[3 * j] = x[0] + x[3] * dt;
      Y[3 * j + 1] = x[1] + x[4] * dt;
      Y[3 * j + 2] = x[2] + x[5] * dt;
    }
    const close = closePairs(X, m, Y, n, SCORING_CUTOFF_M);
    // The components of the close pairs once, for the pairing (p = 1) and the metrics (p = 2).
    const components = new CloseComponents(close, m, n);
    const pairing = new Map<string, string>();
    const trackOfTruth: (string | null)[] = new Array<string | null>(m).fill(null);
    for (const pr of components.assign(SCORING_CUTOFF_M, 1)) {
      const threatId = truths[pr.i].id;
      const trackId = confirmed[pr.j].id;
      pairing.set(trackId, threatId);
      this.lastThreatOfTrack.set(trackId, threatId);
      trackOfTruth[pr.i] = trackId;
      const score = this.scores.get(threatId);
      if (score !== undefined && score.firstPairedS === null) score.firstPairedS = timeS;
    }
    for (let i = 0; i < m; i++) this.continuity.add(truths[i].id, trackOfTruth[i]);
    this.pairing = pairing;
    if (m > 0 || n > 0) {
      const g = ospaGospaOf(components.assign(SCORING_CUTOFF_M, 2), m, n, SCORING_CUTOFF_M, 2);
      this.ospaSum += g.ospa;
      this.gospaSum += g.gospa;
      this.metricSteps++;
    }
  }

  /** Errors and NEES of a track's latest update against the truth of its threat at that time. */
  private scoreUpdate(track: Track<GaussianState>, threatId: string): void {
    const i = this.threatIndex.get(threatId);
    const score = this.scores.get(threatId);
    if (i === undefined || score === undefined) return;
    const st = track.state;
    // A track updated before the threat it is now paired with was launched was following something
    // else then (copies of a raid launch from nearby points): there is no truth to score it against.
    if (st.timeS < this.truth.flights[i].startTimeS) return;
    const truth = this.truth.flights[i].truthInto(st.timeS, this.truthScratch);
    score.rmse.add(st.x, truth.posEcefM, truth.velEcefMps);
    // NEES over position and velocity (the first six components of every built-in state).
    const n = Math.round(Math.sqrt(st.P.length));
    for (let c = 0; c < 3; c++) {
      this.xTrue[c] = truth.posEcefM[c];
      this.xTrue[3 + c] = truth.velEcefMps[c];
    }
    for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) this.p6[a * 6 + b] = st.P[a * n + b];
    let e: number;
    try {
      e = nees(st.x.subarray(0, 6), this.p6, this.xTrue, 6, this.neesWork);
    } catch (err) {
      // A covariance that is not positive definite has no NEES; the tracker drops such a track.
      if (!(err instanceof NonPositiveDefiniteError)) throw err;
      this.neesSkipped++;
      return;
    }
    if (!Number.isFinite(e)) return;
    score.neesSum += e;
    score.neesCount++;
    let ph = score.neesByPhase.get(truth.phase);
    if (ph === undefined) {
      ph = { sum: 0, count: 0, beyondGate99: 0 };
      score.neesByPhase.set(truth.phase, ph);
    }
    ph.sum += e;
    ph.count++;
    if (e > NEES6_GATE_99) ph.beyondGate99++;
  }

  /**
   * Keeps each flying threat's track of this tick in its ring, and scores the impact predictions of
   * threats that have come down since the last tick.
   */
  private keepForImpactPrediction(timeS: number, confirmed: readonly Track<GaussianState>[]): void {
    const byThreat = this.trackOfThreat;
    byThreat.fill(null);
    for (const t of confirmed) {
      const threat = this.pairing.get(t.id);
      if (threat !== undefined) byThreat[this.threatIndex.get(threat) as number] = t;
    }
    const flights = this.truth.flights;
    for (let i = 0; i < flights.length; i++) {
      const f = flights[i];
      if (this.predicted[i] || timeS < f.startTimeS) continue;
      if (!Number.isNaN(f.endTimeS)) {
        this.scoreImpactPrediction(i);
        continue;
      }
      let ring = this.rings[i];
      if (ring === null) {
        ring = new TrackRing(this.ringSize, this.ringDim);
        this.rings[i] = ring;
      }
      const track = byThreat[i];
      const k = ring.next(timeS, track?.id ?? null);
      if (track !== null) {
        this.keepState(track.state, ring.states, k * (1 + this.ringDim * (1 + this.ringDim)));
        // The motion check, at the motion history's own spacing: a slot holds the latest check of its
        // track, made at most MOTION_CHECK_SPACING_S before (a check at every tick of every threat cost a
        // fifth of the scoring of a large raid, for the one prediction each threat gets).
        const last = this.lastMotion[i];
        if (last === null || last.trackId !== track.id || timeS - last.timeS >= MOTION_CHECK_SPACING_S) {
          this.lastMotion[i] = {
            trackId: track.id,
            timeS,
            motion: this.motionHistory.assess(track.id, track.state),
          };
        }
        ring.motions[k] = (this.lastMotion[i] as { motion: MotionAssessment }).motion;
      }
    }
  }

  /** Position, velocity and drag parameter of a state and their covariance, into a ring slot. */
  private keepState(s: GaussianState, out: Float64Array, at: number): void {
    const r = this.ringDim;
    const N = s.x.length;
    const idx = (a: number) => (a < 6 ? a : this.kappaIndex);
    out[at] = s.timeS;
    for (let a = 0; a < r; a++) {
      out[at + 1 + a] = s.x[idx(a)];
      for (let b = 0; b < r; b++) out[at + 1 + r + a * r + b] = s.P[idx(a) * N + idx(b)];
    }
  }

  private scoreImpactPredictions(): void {
    const flights = this.truth.flights;
    for (let i = 0; i < flights.length; i++)
      if (!this.predicted[i] && !Number.isNaN(flights[i].endTimeS)) this.scoreImpactPrediction(i);
  }

  /** The prediction from the first kept tick at least IMPACT_PREDICTION_LEAD_S before impact. */
  private scoreImpactPrediction(i: number): void {
    this.predicted[i] = true;
    const f = this.truth.flights[i];
    const ring = this.rings[i];
    this.rings[i] = null;
    if (!f.impacted) return;
    const imp = f.result().summary.impact;
    if (imp === null) return;
    const endS = f.endTimeS;
    if (ring === null) return;
    let k = -1;
    for (let q = 0; q < ring.size; q++) {
      const slot = (ring.head + q) % ring.slots;
      if (ring.timeS[slot] >= endS - IMPACT_PREDICTION_LEAD_S - 1e-9) {
        k = slot;
        break;
      }
    }
    if (k < 0 || ring.timeS[k] >= endS) return;
    this.impactPredictions.set(f.id, null);
    const trackId = ring.trackIds[k];
    const motion = ring.motions[k];
    if (trackId === null || motion === null) return;
    const state = ring.stateOf(k);
    const model = this.impact.model;
    let p: ImpactPrediction | null;
    try {
      p = predictImpact(state, {
        model,
        notBallistic: !motion.ballistic,
        ...(this.ringDim === 7 ? { kappaIndex: 6 } : {}),
      });
    } catch (e) {
      // One ill-conditioned track must not end a run (a 2,000-threat raid once lost 20 minutes of work
      // to one): the prediction is skipped, counted and logged.
      if (!(e instanceof NonPositiveDefiniteError || e instanceof RangeError)) throw e;
      this.impactPredictionFailures++;
      this.log.push({
        timeS: ring.timeS[k],
        type: "impact-prediction-skipped",
        threatId: f.id,
        trackId,
        detail: { reason: e.message },
      });
      return;
    }
    if (p === null) return;
    const truePoint = model.earth.ecefFromGeodeticInto(imp.latRad, imp.lonRad, 0, new Float64Array(3));
    const footprint = motion.ballistic ? null : glideFootprint(state, { earth: model.earth });
    this.impactPredictions.set(f.id, {
      madeAtS: ring.timeS[k],
      trackId,
      predictedTimeS: p.timeS,
      timeSigmaS: p.timeSigmaS,
      latDeg: p.latDeg,
      lonDeg: p.lonDeg,
      majorSigmaM: p.majorSigmaM,
      minorSigmaM: p.minorSigmaM,
      errorM: geodesicInverse(p.latDeg, p.lonDeg, imp.latRad * R2D, imp.lonRad * R2D).distanceM,
      timeErrorS: p.timeS - endS,
      pointNees: impactPointNees(p.positionEcefM, p.latDeg, p.lonDeg, p.covarianceEnM2, truePoint),
      timeNees: ((p.timeS - endS) / p.timeSigmaS) ** 2,
      kappa: this.ringDim === 7 ? state.x[6] : null,
      reliable: p.reliable,
      flags: p.flags,
      motion,
      inFootprint: footprint === null ? null : footprint.contains(imp.latRad * R2D, imp.lonRad * R2D),
      footprintDownrangeM: footprint?.maxDownrangeM ?? null,
    });
  }

  /** The tracker's events since the last tick, named with the threat their track follows. */
  private logTrackEvents(): void {
    const pending = this.tracking.pendingEvents;
    for (const e of pending) {
      const threatId = this.pairing.get(e.trackId) ?? this.lastThreatOfTrack.get(e.trackId);
      const sensorId = e.sensorIds?.join(" ");
      const ids = { timeS: e.timeS, trackId: e.trackId, threatId, sensorId };
      if (e.type === "track-dropped") {
        // A dropped track's motion history is no longer needed (memory of a long raid).
        this.motionHistory.forget(e.trackId);
        this.lastSampledUpdate.delete(e.trackId);
        this.lastScoredUpdate.delete(e.trackId);
        this.log.push({ ...ids, type: "track-dropped", detail: { reason: e.reason ?? "coast" } });
      } else {
        this.log.push({ ...ids, type: e.type });
      }
    }
    pending.length = 0;
  }

  /** A tracks.csv row for every live track updated since its last row. */
  private recordTrackSamples(): void {
    for (const track of this.tracking.tracker.tracks) {
      if (this.lastSampledUpdate.get(track.id) === track.lastUpdateS) continue;
      this.lastSampledUpdate.set(track.id, track.lastUpdateS);
      const threat = this.pairing.get(track.id);
      const { x, P } = track.state;
      this.samples.push(
        track.lastUpdateS,
        track.id,
        track.status,
        x,
        P,
        threat === undefined ? -1 : (this.threatIndex.get(threat) ?? -1),
      );
    }
  }
}

/** 2-D NEES of a true impact point against a predicted mean and east-north covariance. */
function impactPointNees(
  meanEcefM: ArrayLike<number>,
  latDeg: number,
  lonDeg: number,
  covEn: ArrayLike<number>,
  trueEcefM: ArrayLike<number>,
): number {
  const rot = enuRotationInto(latDeg / R2D, lonDeg / R2D, new Float64Array(9));
  const d0 = trueEcefM[0] - meanEcefM[0];
  const d1 = trueEcefM[1] - meanEcefM[1];
  const d2 = trueEcefM[2] - meanEcefM[2];
  const e = rot[0] * d0 + rot[1] * d1 + rot[2] * d2;
  const n = rot[3] * d0 + rot[4] * d1 + rot[5] * d2;
  const det = covEn[0] * covEn[3] - covEn[1] * covEn[2];
  if (!(det > 0)) return Infinity;
  return (covEn[3] * e * e - 2 * covEn[1] * e * n + covEn[0] * n * n) / det;
}
