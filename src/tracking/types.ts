/**
 * Tracking roles, in Stone Soup's terms (stonesoup/types/state.py, models/base.py, predictor/base.py):
 * a Gaussian state, transition (motion) models, measurement models and filters that predict and
 * update. Models are plain objects, so users can bring their own; the optional `...Into` members are
 * allocation-free variants that the filters prefer when present. A model's allocating functions (f, F,
 * Q, h, H, residual) may return plain arrays (`number[]`) as well as typed arrays: the filters copy
 * what they return (see sensors/measurement.ts for why a plain array is the cheaper one to allocate).
 *
 * Conventions: vectors are Float64Array, matrices row-major Float64Array. Built-in models keep the
 * ECEF position (m) in x[0..2] and velocity (m/s) in x[3..5]; extra components (acceleration,
 * inverse ballistic coefficient...) follow. Built-in measurement models read only those six, so they
 * work with any built-in state.
 */

import type { NonlinearMeasurementModel } from "../sensors/measurement.js";

/** A Gaussian state: mean x (n), covariance P (n x n, row-major), at simulation time timeS. */
export interface GaussianState {
  x: Float64Array;
  P: Float64Array;
  timeS: number;
}

interface TransitionModelCommon {
  /** State dimension n (optional: a plain { F, Q } model's dimension is read off Q; see stateDimension). */
  readonly ndim?: number;
  /** Names of the state components (length ndim), e.g. ["px","py","pz","vx","vy","vz","ax","ay","az"].
   *  The IMM uses them to mix modes of different dimension; built-in models use the names of
   *  `STATE_NAMES` below. */
  readonly stateNames?: readonly string[];
  /** Prior mean and variance of the components beyond the first six (position, velocity), used when a
   *  track is started from a position-velocity estimate. */
  readonly extraPriorMean?: readonly number[];
  readonly extraPriorVariance?: readonly number[];
  /** Process noise covariance (n x n) accumulated over dtS: a function of dtS alone, so the filters
   *  reuse it for a prediction over the same dtS as the last (a plain model that allocates its result
   *  is then called once per distinct step), unless `processNoiseDependsOnState` says otherwise. */
  Q(dtS: number): ArrayLike<number>;
  QInto?(dtS: number, out: Float64Array): Float64Array;
  /** True when Q also reads the state of the model's last f or F call (the ballistic model's
   *  aerodynamic noise grows with the drag there): the filters then ask for Q at every prediction. */
  readonly processNoiseDependsOnState?: boolean;
  /** Optional fast path: out = F P F^T + Q over dtS (F at x for nonlinear models), exactly what the
   *  filters would compute from F and Q, exploiting the model's structure. `out` differs from P. */
  predictCovarianceInto?(x: Float64Array, P: Float64Array, dtS: number, out: Float64Array): Float64Array;
}

/** x_k = F(dt) x_{k-1} + w, w ~ N(0, Q(dt)). */
export interface LinearTransitionModel extends TransitionModelCommon {
  F(dtS: number): ArrayLike<number>;
  FInto?(dtS: number, out: Float64Array): Float64Array;
  /** Optional fast path: out = F(dtS) x (x and out differ). */
  applyFInto?(x: Float64Array, dtS: number, out: Float64Array): Float64Array;
}

/** x_k = f(x_{k-1}, dt) + w, with Jacobian F(x, dt) = df/dx at x_{k-1}. */
export interface NonlinearTransitionModel extends TransitionModelCommon {
  f(x: Float64Array, dtS: number): ArrayLike<number>;
  F(x: Float64Array, dtS: number): ArrayLike<number>;
  fInto?(x: Float64Array, dtS: number, out: Float64Array): Float64Array;
  FInto?(x: Float64Array, dtS: number, out: Float64Array): Float64Array;
}

export type TransitionModel = LinearTransitionModel | NonlinearTransitionModel;

/** A model's state dimension: its `ndim`, or the side of its process noise matrix Q. */
export function stateDimension(m: TransitionModel): number {
  if (m.ndim !== undefined) return m.ndim;
  const q = m.Q(1).length;
  const n = Math.round(Math.sqrt(q));
  if (n * n !== q || n < 1) throw new RangeError("transition model: Q is not square; give ndim");
  return n;
}

export function isNonlinearTransition(m: TransitionModel): m is NonlinearTransitionModel {
  return typeof (m as Partial<NonlinearTransitionModel>).f === "function";
}

/**
 * z = h(x) + v, v ~ N(0, R); H(x) = dh/dx (m x x.length). The UKF uses only h. Defined with the sensors
 * (src/sensors/measurement.ts), which attach such a model to every detection; the tracking layer uses it
 * as its nonlinear measurement role.
 */
export type { NonlinearMeasurementModel };

/** z = H x + v, v ~ N(0, R); H is m x n. */
export interface LinearMeasurementModel {
  /** Measurement matrix (m x n, row-major). */
  readonly H: Float64Array;
  /** Measurement noise covariance (m x m). */
  readonly R: Float64Array;
  /** Indices of components of z that are angles wrapping at +-pi (see NonlinearMeasurementModel). */
  readonly angleComponents?: readonly number[];
  /** z - zPredicted when it is not a plain difference (used only without `angleComponents`). */
  residual?(z: ArrayLike<number>, zPredicted: ArrayLike<number>): ArrayLike<number>;
  residualInto?(z: ArrayLike<number>, zPredicted: ArrayLike<number>, out: Float64Array): Float64Array;
}

export type MeasurementModel = LinearMeasurementModel | NonlinearMeasurementModel;

export function isNonlinearMeasurement(m: MeasurementModel): m is NonlinearMeasurementModel {
  return typeof (m as Partial<NonlinearMeasurementModel>).h === "function";
}

/** Innovation statistics of one measurement against one predicted state (for gating and likelihood). */
export interface Innovation {
  /** Measurement dimension m. */
  m: number;
  /** Predicted measurement (m). */
  zPred: Float64Array;
  /** Innovation z - zPred, angles wrapped (m). */
  y: Float64Array;
  /** Innovation covariance (m x m). */
  S: Float64Array;
  /** Normalised innovation squared y^T S^-1 y. */
  nis: number;
  /** log N(y; 0, S). */
  logLikelihood: number;
}

/** A fresh Innovation with room for measurements of up to mMax components. */
export function createInnovation(mMax = 4): Innovation {
  return {
    m: 0,
    zPred: new Float64Array(mMax),
    y: new Float64Array(mMax),
    S: new Float64Array(mMax * mMax),
    nis: 0,
    logLikelihood: 0,
  };
}

/**
 * What every filter offers (Stone Soup's Predictor and Updater together). `predict` / `update` allocate
 * their result (carved from a shared slab: filters/stateSlab.ts); the `...Into` forms write into a
 * caller-owned state of the same shape (`createState`) and allocate nothing. The measurement model may
 * be given per call; it defaults to the one given at construction. Statistics come back through
 * arguments the caller owns, never through fields of the filter: an update given an `Innovation`
 * fills it with the innovation it used (predicted measurement, residual, its covariance S, the NIS and
 * the log-likelihood, all at the predicted state).
 */
export interface TrackingFilter<S extends GaussianState = GaussianState> {
  /** Dimension of the state x this filter reports (the IMM: the union of its modes' states). */
  readonly ndim: number;
  /** Names of the state's components (the transition model's `stateNames`, else x0, x1, ...). */
  readonly stateNames: readonly string[];
  createState(timeS?: number): S;
  copyInto(src: S, out: S): S;
  predict(state: S, timeS: number): S;
  update(predicted: S, z: ArrayLike<number>, measurement?: MeasurementModel, innovation?: Innovation): S;
  predictInto(state: S, timeS: number, out: S): S;
  /**
   * The predicted mean alone (out.x and out.timeS; out.P is left as it was), equal to predictInto's
   * mean: for callers that need no covariance. Optional: a filter whose mean depends on its covariance
   * (the UKF's sigma points) has none, and callers fall back to predictInto; the IMM's predicts in full
   * when one of its modes has none.
   */
  predictMeanInto?(state: S, timeS: number, out: S): S;
  updateInto(
    predicted: S,
    z: ArrayLike<number>,
    out: S,
    measurement?: MeasurementModel,
    innovation?: Innovation,
  ): S;
  /**
   * The state's single Gaussian into out, `state` left as it was: for a mixture (the IMM) its
   * moment-matched combination, which a tracker pre-gates on (management/pregate.ts). Optional: a
   * filter whose state is one Gaussian has none (its own innovation is as cheap).
   */
  momentMatchedInto?(state: S, out: GaussianState): GaussianState;
  /** The mixture's components and their weights (the IMM: its modes and mode probabilities), read-only;
   *  present with momentMatchedInto. */
  mixtureOf?(state: S): { readonly weights: Float64Array; readonly components: readonly GaussianState[] };
  /** Innovation of z against `predicted` without updating (gating, association costs). */
  innovationInto(
    predicted: S,
    z: ArrayLike<number>,
    out: Innovation,
    measurement?: MeasurementModel,
  ): Innovation;
  /** A state from a position-velocity Gaussian (mean 6, covariance 6 x 6); extra components take the
   *  transition model's prior. */
  initializeInto(mean6: ArrayLike<number>, cov6: ArrayLike<number>, timeS: number, out: S): S;
  /** Moment-matched merge of `count` weighted states (weights sum to one) into out (JPDA). */
  mergeInto(states: readonly S[], weights: ArrayLike<number>, count: number, out: S): S;
  /** Throws NonPositiveDefiniteError unless the state's covariance (each mode's, for an IMM) is
   *  positive definite, a RangeError unless it is finite (a tracker's check of its tracks). */
  verifyCovariance(state: S): void;
}

/** Component names used by the built-in models (see `stateNames`). */
export const STATE_NAMES = {
  position: ["px", "py", "pz"],
  velocity: ["vx", "vy", "vz"],
  acceleration: ["ax", "ay", "az"],
  inverseBallisticCoefficient: ["kappa"],
} as const;
