/**
 * Prediction from a track: its state and covariance at a future time with the track's own model. For
 * long horizons the linearised (EKF) prediction is taken in steps of at most `maxStepS`, so each
 * Jacobian is evaluated close to where the state is (for linear models one step is exact); the
 * unscented form propagates sigma points through the model's f over the whole horizon instead.
 */
import type { GaussianState, TrackingFilter, TransitionModel } from "../types.js";
import { UnscentedKalmanFilter } from "../filters/unscentedKalman.js";

export interface PropagateOptions {
  /** Longest single prediction step, s; default 10. */
  maxStepS?: number;
}

/**
 * The state of `state` predicted to timeS by `filter` (KF, EKF, UKF or IMM), in steps of at most
 * maxStepS. Returns a new state (timeS before the state's time returns a copy).
 */
export function propagateState<S extends GaussianState>(
  filter: TrackingFilter<S>,
  state: S,
  timeS: number,
  options: PropagateOptions = {},
): S {
  const maxStep = options.maxStepS ?? 10;
  if (!(maxStep > 0) || !Number.isFinite(maxStep)) {
    throw new RangeError(`propagateState: options.maxStepS must be a finite number > 0 s, got ${maxStep}`);
  }
  if (!Number.isFinite(timeS)) throw new RangeError(`propagateState: timeS must be finite, got ${timeS}`);
  const a = filter.createState(state.timeS);
  const b = filter.createState(state.timeS);
  filter.copyInto(state, a);
  let cur = a;
  let next = b;
  while (cur.timeS < timeS) {
    const t = Math.min(timeS, cur.timeS + maxStep);
    filter.predictInto(cur, t, next);
    const tmp = cur;
    cur = next;
    next = tmp;
  }
  return cur;
}

/**
 * The unscented prediction of a Gaussian state through a transition model over one (long) interval:
 * sigma points go through f directly (no linearisation), with the model's process noise added.
 */
export function propagateUnscented(
  model: TransitionModel,
  state: GaussianState,
  timeS: number,
  params: { alpha?: number; beta?: number; kappa?: number } = {},
): GaussianState {
  const ukf = new UnscentedKalmanFilter({ transition: model, ...params });
  return ukf.predict(state, Math.max(timeS, state.timeS));
}
