/**
 * Fire control's prediction of a lifting track (a glider, a cruise missile): the track's position and
 * velocity estimate (the first six components of its whole filter's state and their covariance)
 * flown along its great circle by the GreatCircleGlideModel (tracking/models/transition/
 * greatCircleGlide.ts), its ground speed slowed by the drag the track has shown (the motion check's
 * mean along-track specific force, tracking/predict/motion.ts), its altitude rate relaxed to the
 * equilibrium glide's sink. The tracker's own modes fly such a track on a straight line (the
 * constant-velocity mode) or on a ballistic arc: minutes ahead the line ends kilometres above the glide
 * and tens of kilometres beyond it, and an interceptor planned on it climbs for a point the glider
 * never reaches. The battle manager plans and confirms lifting tracks on this prediction, and the
 * weapons solve, fire and guide their rounds on it, so the plan, the order and the shot agree. It
 * holds for level flight only: a track whose flight-path angle exceeds MAX_GLIDE_PATH_ANGLE_RAD (a
 * glider's terminal dive, a cruise missile's pop-up) is predicted by the tracker's whole filter, whose
 * ballistic and acceleration modes follow a dive (flown along the glide, a railgun round guided on a
 * diving glider missed by a kilometre: tests/engagement/closedLoop.test.ts).
 * The prediction's covariance grows with the noise density of the tracker's constant-velocity mode,
 * across and along the track as that mode's would; vertically the glide's altitude-rate loop damps a
 * velocity error (the altitude error it makes grows as tau (1 - e^(-t/tau)), not t: 19 m per m/s over
 * 60 s instead of 60 m), which is the glide assumption's claim that a glider holds its altitude.
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import { ExtendedKalmanFilter } from "../../tracking/filters/extendedKalman.js";
import { ImmFilter } from "../../tracking/filters/imm.js";
import { createGaussianState } from "../../tracking/filters/common.js";
import { ConstantVelocityModel } from "../../tracking/models/transition/constantVelocity.js";
import { GreatCircleGlideModel } from "../../tracking/models/transition/greatCircleGlide.js";
import type { MotionAssessment } from "../../tracking/predict/motion.js";
import type { GaussianState, TrackingFilter } from "../../tracking/types.js";
import type { TrackPrediction } from "./trackPrediction.js";

/**
 * Largest along-track acceleration the prediction takes from a track, m/s^2 (1 g either way) [N]: a
 * glider's drag in its glide is 3-4 m/s^2 (greatCircleGlide.test.ts), a cruise missile's net force near
 * 0; a measured figure beyond 1 g is a manoeuvre or noise that a two-minute prediction should not
 * carry on.
 */
export const MAX_PLANNED_ALONG_TRACK_MPS2 = 9.81;

/**
 * Steepest flight path the glide prediction takes, rad (3 deg) [N]: an equilibrium glide descends at
 * about 0.5 deg and a pull-up's phugoid climbs at about 1 deg (the catalog gliders, greatCircleGlide.
 * test.ts); a terminal dive passes 3 deg within seconds of its start.
 */
export const MAX_GLIDE_PATH_ANGLE_RAD = (3 * Math.PI) / 180;

/**
 * Noise density of the prediction when the tracker has no constant-velocity mode to take it from,
 * m^2/s^3: the scenario tracker's CV mode's (scenario/build/tracker.ts, CV_PSD_M2S3).
 */
const DEFAULT_PSD_M2S3 = 1000;

/**
 * The along-track acceleration a lifting track is predicted with: the motion check's mean specific
 * force along the velocity (over its interval, about 20 s), else the instantaneous one, else 0; held
 * within +-MAX_PLANNED_ALONG_TRACK_MPS2.
 */
export function plannedAlongTrackAccelMps2(m: MotionAssessment): number {
  const a = m.meanAlongMps2 ?? m.alongMps2 ?? 0;
  if (!Number.isFinite(a)) return 0;
  return Math.max(-MAX_PLANNED_ALONG_TRACK_MPS2, Math.min(MAX_PLANNED_ALONG_TRACK_MPS2, a));
}

/** The white-acceleration density of the tracker's constant-velocity mode (the filter itself or an IMM's). */
function constantVelocityPsd(filter: TrackingFilter<GaussianState>): number {
  const filters = filter instanceof ImmFilter ? filter.filters : [filter];
  for (const f of filters) {
    const t = (f as { transition?: unknown }).transition;
    if (t instanceof ConstantVelocityModel && t.noise === "continuous") return t.intensity;
  }
  return DEFAULT_PSD_M2S3;
}

export class LiftingTrackPredictor {
  /** The tracker's filter: its constant-velocity mode's density, and the prediction off the glide. */
  private readonly trackerFilter: TrackingFilter<GaussianState>;
  private readonly model: GreatCircleGlideModel;
  private readonly filter: ExtendedKalmanFilter;
  private readonly state6: GaussianState = createGaussianState(6);

  /** For tracks of `trackerFilter` (its constant-velocity mode's noise density is the prediction's). */
  constructor(trackerFilter: TrackingFilter<GaussianState>) {
    this.trackerFilter = trackerFilter;
    this.model = new GreatCircleGlideModel({ accelPsdM2S3: constantVelocityPsd(trackerFilter) });
    this.filter = new ExtendedKalmanFilter({ transition: this.model });
  }

  /**
   * Fills `prediction` (TrackPrediction.fromFilter's samples) from the track's `state` (position and
   * velocity in x[0..5], as every built-in model keeps them): in level flight along its great circle
   * with the along-track acceleration `alongTrackAccelMps2` (plannedAlongTrackAccelMps2), on a steeper
   * path by the tracker's filter itself. Returns whether the glide was used.
   */
  predict(
    prediction: TrackPrediction,
    state: GaussianState,
    alongTrackAccelMps2: number,
    horizonS: number,
    stepS: number,
    earth: FlightEarthModel | null,
    covariance = true,
  ): boolean {
    const n = state.x.length;
    if (n < 6 || state.P.length !== n * n)
      throw new RangeError(
        `LiftingTrackPredictor.predict: state must hold position and velocity (6 or more components with an n x n covariance), given ${n} and ${state.P.length}`,
      );
    const x = state.x;
    const r = Math.hypot(x[0], x[1], x[2]);
    const speed = Math.hypot(x[3], x[4], x[5]);
    const climb = (x[0] * x[3] + x[1] * x[4] + x[2] * x[5]) / (r * speed);
    if (!(Math.abs(climb) <= Math.sin(MAX_GLIDE_PATH_ANGLE_RAD))) {
      prediction.fromFilter(this.trackerFilter, state, horizonS, stepS, earth, covariance);
      return false;
    }
    this.model.alongTrackAccelMps2 = alongTrackAccelMps2;
    const s = this.state6;
    s.timeS = state.timeS;
    for (let i = 0; i < 6; i++) {
      s.x[i] = state.x[i];
      for (let j = 0; j < 6; j++) s.P[i * 6 + j] = state.P[i * n + j];
    }
    prediction.fromFilter(this.filter, s, horizonS, stepS, earth, covariance);
    return true;
  }
}
