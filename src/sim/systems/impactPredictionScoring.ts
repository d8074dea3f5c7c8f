/**
 * The scored impact prediction (scoring.ts): the track following each threat is kept for the last
 * IMPACT_PREDICTION_LEAD_S seconds, so that when the threat comes down the ballistic impact prediction
 * made from its track that long before (what a battle manager would have used) is scored against where it
 * fell, without the scorer looking ahead: the miss of the point and time, their NEES against the
 * prediction's covariance, its flags, and for a target that did not fly ballistic whether the true impact
 * point lies in the glide footprint reachable from its track.
 */
import { geodesicInverse } from "../../earth/geodesic.js";
import { enuRotationInto } from "../../earth/enu.js";
import { NonPositiveDefiniteError } from "../../math/matrix.js";
import type { Track } from "../../tracking/management/track.js";
import { glideFootprint } from "../../tracking/predict/footprint.js";
import { predictImpact, type ImpactFlag, type ImpactPrediction } from "../../tracking/predict/impactPoint.js";
import type { MotionAssessment, TrackMotionHistory } from "../../tracking/predict/motion.js";
import type { GaussianState } from "../../tracking/types.js";
import type { EventLog } from "../events.js";
import type { World } from "../world.js";
import type { TruthView } from "./truth.js";

/** Lead time of the scored impact prediction, s. */
export const IMPACT_PREDICTION_LEAD_S = 60;

/** How often a followed threat's track gets its motion check (the motion history's spacing), s. */
export const MOTION_CHECK_SPACING_S = 5;

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

export class ImpactPredictionScorer {
  /** Impact prediction per threat that came down (null: no track then, or no prediction). */
  readonly predictions = new Map<string, ImpactPredictionScore | null>();
  /** Predictions skipped because the track's state could not be flown (e.g. a covariance that is not
   *  positive definite). */
  failures = 0;
  private readonly rings: (TrackRing | null)[];
  /** Per threat: the latest motion check of its track. */
  private readonly lastMotion: ({ trackId: string; timeS: number; motion: MotionAssessment } | null)[];
  /** Kept state size: position, velocity and (when the filter has one) the drag parameter. */
  private readonly ringDim: number;
  private readonly ringSize: number;
  private readonly predicted: boolean[];

  constructor(
    private readonly truth: TruthView,
    private readonly log: EventLog,
    tickIntervalS: number,
    /** Index of the drag parameter in the filter's state, -1 if none. */
    private readonly kappaIndex: number,
    private readonly impact: World["impactPrediction"],
    /** The scorer's motion history of the confirmed tracks (their motion check). */
    private readonly motionHistory: TrackMotionHistory,
  ) {
    this.rings = truth.flights.map(() => null);
    this.lastMotion = truth.flights.map(() => null);
    this.predicted = truth.flights.map(() => false);
    this.ringSize = Math.ceil(IMPACT_PREDICTION_LEAD_S / tickIntervalS) + 2;
    this.ringDim = kappaIndex >= 0 ? 7 : 6;
  }

  /**
   * Keeps each flying threat's track of this tick (byThreat[i]: the confirmed track following threat i,
   * or null) in its ring, and scores the impact predictions of threats that have come down since the last
   * tick.
   */
  keep(timeS: number, byThreat: readonly (Track<GaussianState> | null)[]): void {
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

  /** Scores the predictions of the threats that came down and are not scored yet (the run's end). */
  finish(): void {
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
    this.predictions.set(f.id, null);
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
      this.failures++;
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
    this.predictions.set(f.id, {
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
