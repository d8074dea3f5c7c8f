/**
 * What the Gaussian filters share: state allocation (views on shared slabs: stateSlab.ts), the
 * allocating public wrappers around the allocation-free `...Into` methods, the argument checks
 * (checks.ts), model evaluation through the optional `...Into` members, track initialisation from a
 * position-velocity Gaussian, and moment-matched merging (JPDA).
 */
import { finiteArg, integerArg } from "../../math/check.js";
import { cholesky, matSymmetrize } from "../../math/matrix.js";
import { wrapAngle } from "../../sensors/models/angles.js";
import type {
  GaussianState,
  Innovation,
  LinearMeasurementModel,
  MeasurementModel,
  NonlinearMeasurementModel,
  TrackingFilter,
  TransitionModel,
} from "../types.js";
import { createInnovation, isNonlinearMeasurement, isNonlinearTransition, stateDimension } from "../types.js";
import { checkState, checkStateShape, checkTime, checkVector, measurementDimension } from "./checks.js";
import { carveFloat64 } from "./stateSlab.js";

export const LOG_2PI = Math.log(2 * Math.PI);

/** A new zero Gaussian state of dimension n (its arrays views on a shared slab: stateSlab.ts). */
export function createGaussianState(n: number, timeS = 0): GaussianState {
  integerArg("createGaussianState", "n", n, 1, 1000);
  finiteArg("createGaussianState", "timeS", timeS);
  return { x: carveFloat64(n), P: carveFloat64(n * n), timeS };
}

/** A new zero state of the filter's own (valid) dimension, unchecked: the allocating calls' outputs. */
function newState(n: number): GaussianState {
  return { x: carveFloat64(n), P: carveFloat64(n * n), timeS: 0 };
}

/** out = src (same dimension); returns out. */
export function copyGaussianState(src: GaussianState, out: GaussianState): GaussianState {
  if (src !== out) {
    out.x.set(src.x);
    out.P.set(src.P);
    out.timeS = src.timeS;
  }
  return out;
}

/** Measurement dimension of a model, from its noise covariance (a RangeError if R is not square). */
export function measurementDim(model: MeasurementModel): number {
  return measurementDimension("measurement model", model.R);
}

/** F (n x n) of a linear or nonlinear transition model at x over dtS, into out. */
export function transitionMatrixInto(
  model: TransitionModel,
  x: Float64Array,
  dtS: number,
  out: Float64Array,
): Float64Array {
  if (isNonlinearTransition(model)) {
    if (model.FInto) return model.FInto(x, dtS, out);
    out.set(model.F(x, dtS));
    return out;
  }
  if (model.FInto) return model.FInto(dtS, out);
  out.set(model.F(dtS));
  return out;
}

/** Q (n x n) over dtS, into out. */
export function processNoiseInto(model: TransitionModel, dtS: number, out: Float64Array): Float64Array {
  if (model.QInto) return model.QInto(dtS, out);
  out.set(model.Q(dtS));
  return out;
}

/**
 * Q(dtS) into out unless out already holds it: `heldDtS` is the step out was last filled for (NaN:
 * none). Q is a function of the step alone (the role's contract) unless the model says it also reads
 * the state (processNoiseDependsOnState). Returns the step out now holds Q for (NaN: ask again).
 */
export function processNoiseReusedInto(
  model: TransitionModel,
  dtS: number,
  out: Float64Array,
  heldDtS: number,
): number {
  const reusable = model.processNoiseDependsOnState !== true;
  if (!(reusable && dtS === heldDtS)) {
    const r = processNoiseInto(model, dtS, out);
    if (r !== out) out.set(r);
  }
  return reusable ? dtS : Number.NaN;
}

/** f(x, dtS) into out (x and out must differ); for linear models F must already hold F(dtS). */
export function transitionFunctionInto(
  model: TransitionModel,
  x: Float64Array,
  dtS: number,
  F: Float64Array,
  out: Float64Array,
): Float64Array {
  if (isNonlinearTransition(model)) {
    if (model.fInto) return model.fInto(x, dtS, out);
    out.set(model.f(x, dtS));
    return out;
  }
  const n = x.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const r = i * n;
    for (let j = 0; j < n; j++) s += F[r + j] * x[j];
    out[i] = s;
  }
  return out;
}

/** h(x) (m) into out. */
export function measurementFunctionInto(
  model: MeasurementModel,
  x: Float64Array,
  m: number,
  out: Float64Array,
): Float64Array {
  if (isNonlinearMeasurement(model)) {
    const nl: NonlinearMeasurementModel = model;
    if (nl.hInto) return nl.hInto(x, out);
    out.set(nl.h(x));
    return out;
  }
  const H = (model as LinearMeasurementModel).H;
  const n = x.length;
  for (let i = 0; i < m; i++) {
    let s = 0;
    const r = i * n;
    for (let j = 0; j < n; j++) s += H[r + j] * x[j];
    out[i] = s;
  }
  return out;
}

/** H (m x n) at x into out. */
export function measurementMatrixInto(
  model: MeasurementModel,
  x: Float64Array,
  out: Float64Array,
): Float64Array {
  if (isNonlinearMeasurement(model)) {
    if (model.HInto) return model.HInto(x, out);
    out.set(model.H(x));
    return out;
  }
  out.set(model.H);
  return out;
}

/**
 * z - zPred (m) into out: the difference with the model's `angleComponents` wrapped to (-pi, pi]
 * (no call into the model), else through the model's own residual when it has one, else the plain
 * difference.
 */
export function residualInto(
  model: MeasurementModel,
  z: ArrayLike<number>,
  zPred: ArrayLike<number>,
  m: number,
  out: Float64Array,
): Float64Array {
  const angles = model.angleComponents;
  if (angles !== undefined) {
    for (let i = 0; i < m; i++) out[i] = z[i] - zPred[i];
    for (let a = 0; a < angles.length; a++) {
      const i = angles[a];
      if (i < m) out[i] = wrapAngle(out[i]);
    }
    return out;
  }
  if (model.residualInto) return model.residualInto(z, zPred, out);
  if (model.residual) {
    out.set(model.residual(z, zPred));
    return out;
  }
  for (let i = 0; i < m; i++) out[i] = z[i] - zPred[i];
  return out;
}

/** Copies an innovation computed in a workspace into a caller's Innovation (growing it if needed). */
export function copyInnovation(
  out: Innovation,
  m: number,
  zPred: Float64Array,
  y: Float64Array,
  S: Float64Array,
  nis: number,
  logLikelihood: number,
): Innovation {
  if (out.zPred.length < m) {
    const fresh = createInnovation(m);
    out.zPred = fresh.zPred;
    out.y = fresh.y;
    out.S = fresh.S;
  }
  out.m = m;
  for (let i = 0; i < m; i++) {
    out.zPred[i] = zPred[i];
    out.y[i] = y[i];
  }
  for (let i = 0; i < m * m; i++) out.S[i] = S[i];
  out.nis = nis;
  out.logLikelihood = logLikelihood;
  return out;
}

/** Options shared by the Gaussian filters. */
export interface GaussianFilterOptions<T extends TransitionModel> {
  transition: T;
  /** Default measurement model; may be overridden per update call. */
  measurement?: MeasurementModel;
}

/**
 * Base of the single-model Gaussian filters: everything except predictInto / updateInto /
 * innovationInto.
 */
export abstract class GaussianFilterBase<T extends TransitionModel> implements TrackingFilter<GaussianState> {
  readonly ndim: number;
  readonly transition: T;
  readonly stateNames: readonly string[];
  measurement: MeasurementModel | undefined;

  constructor(options: GaussianFilterOptions<T>) {
    this.transition = options.transition;
    this.measurement = options.measurement;
    this.ndim = stateDimension(options.transition);
    const names = options.transition.stateNames;
    this.stateNames =
      names !== undefined && names.length === this.ndim
        ? names
        : Array.from({ length: this.ndim }, (_, i) => `x${i}`);
  }

  abstract predictInto(state: GaussianState, timeS: number, out: GaussianState): GaussianState;
  abstract updateInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: GaussianState,
    measurement?: MeasurementModel,
    innovation?: Innovation,
  ): GaussianState;
  abstract innovationInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: Innovation,
    measurement?: MeasurementModel,
  ): Innovation;

  createState(timeS = 0): GaussianState {
    return createGaussianState(this.ndim, timeS);
  }

  copyInto(src: GaussianState, out: GaussianState): GaussianState {
    return copyGaussianState(src, out);
  }

  /** The prediction into a new state, every entry of `state` checked. */
  predict(state: GaussianState, timeS: number): GaussianState {
    checkState("predict", "state", state, this.ndim);
    return this.predictInto(state, timeS, newState(this.ndim));
  }

  /** The update into a new state, verified positive definite (verifyCovariance). */
  update(
    predicted: GaussianState,
    z: ArrayLike<number>,
    measurement?: MeasurementModel,
    innovation?: Innovation,
  ): GaussianState {
    // Every entry of the state checked, as predict does (the allocation-free call leaves the covariance
    // off the diagonal to the factorisation of S, which a NaN outside the measured block escapes).
    checkState("update", "predicted", predicted, this.ndim);
    const out = this.updateInto(predicted, z, newState(this.ndim), measurement, innovation);
    // Its entries are fresh arithmetic: a NaN fails the factorisation too.
    this.factorOrThrow(out.P);
    return out;
  }

  protected measurementModel(measurement: MeasurementModel | undefined): MeasurementModel {
    const m = measurement ?? this.measurement;
    if (!m) throw new Error("filter update: no measurement model given here or at construction");
    return m;
  }

  /**
   * The checks of a prediction of `state` to `timeS` (RangeErrors naming the argument); dt. The
   * allocation-free call checks the state's time, mean and variances (a NaN covariance off the
   * diagonal fails the next update's factorisation of S); `predict` checks every entry.
   */
  protected checkPredict(state: GaussianState, timeS: number, out: GaussianState): number {
    checkTime("predict", "timeS", timeS);
    checkStateShape("predict", "state", state, this.ndim);
    const dt = timeS - state.timeS;
    if (!(dt >= 0)) {
      throw new RangeError(
        `predict: cannot predict backwards: timeS (${timeS} s) is before state.timeS (${state.timeS} s)`,
      );
    }
    checkOut("predict", out, this.ndim);
    return dt;
  }

  /**
   * The checks of an update of `predicted` with z (RangeErrors naming the argument); m. The state's
   * covariance is tested by the factorisation of S (a NaN or indefinite P fails it) and the updated
   * diagonal, so only its shape is checked here.
   */
  protected checkUpdate(
    fn: string,
    predicted: GaussianState,
    z: ArrayLike<number>,
    model: MeasurementModel,
  ): number {
    const m = measurementDimension(fn, model.R);
    checkVector(fn, "z", z, m);
    if (!Number.isFinite(predicted?.timeS)) checkTime(fn, "predicted.timeS", predicted?.timeS);
    checkVector(fn, "predicted", predicted.x, this.ndim, false, ".x");
    if (predicted.P?.length !== this.ndim * this.ndim) checkState(fn, "predicted", predicted, this.ndim);
    if (!isNonlinearMeasurement(model) && model.H.length !== m * this.ndim) {
      throw new RangeError(
        `${fn}: the measurement model's H must be ${m} x ${this.ndim}, it has ${model.H.length} entries`,
      );
    }
    return m;
  }

  initializeInto(
    mean6: ArrayLike<number>,
    cov6: ArrayLike<number>,
    timeS: number,
    out: GaussianState,
  ): GaussianState {
    checkOut("initialize", out, this.ndim);
    return initializeGaussian(this.transition, mean6, cov6, timeS, out, this.ndim);
  }

  mergeInto(
    states: readonly GaussianState[],
    weights: ArrayLike<number>,
    count: number,
    out: GaussianState,
  ): GaussianState {
    return mergeGaussians(states, weights, count, out);
  }

  verifyCovariance(state: GaussianState): void {
    checkState("verifyCovariance", "state", state, this.ndim);
    this.factorOrThrow(state.P);
  }

  /** The Cholesky factorisation of P (n x n) into scratch: NonPositiveDefiniteError unless P is
   *  positive definite (and finite). */
  private factorOrThrow(P: Float64Array): void {
    if (this.verifyL.length < this.ndim * this.ndim) this.verifyL = new Float64Array(this.ndim * this.ndim);
    cholesky(this.verifyL, P, this.ndim, "state covariance P");
  }
  private verifyL = new Float64Array(0);
}

/** An output state must have the filter's dimension. */
function checkOut(fn: string, out: GaussianState, n: number): void {
  if (out?.x?.length !== n || out.P?.length !== n * n) {
    throw new RangeError(`${fn}: out must be a state of dimension ${n} (createState())`);
  }
}

/**
 * A state of the model's dimension from a position-velocity Gaussian: x[0..5] and the 6 x 6 block from
 * the arguments, extra components from the model's extraPriorMean / extraPriorVariance, no cross terms.
 */
export function initializeGaussian(
  model: TransitionModel,
  mean6: ArrayLike<number>,
  cov6: ArrayLike<number>,
  timeS: number,
  out: GaussianState,
  n = stateDimension(model),
): GaussianState {
  if (n < 6) throw new RangeError("initialize: the model has fewer than six components");
  checkTime("initialize", "timeS", timeS);
  checkVector("initialize", "mean6", mean6, 6, true);
  checkVector("initialize", "cov6", cov6, 36, true);
  const extraMean = model.extraPriorMean;
  const extraVar = model.extraPriorVariance;
  if (n > 6 && (!extraMean || !extraVar || extraMean.length < n - 6 || extraVar.length < n - 6)) {
    throw new RangeError("initialize: the model needs extraPriorMean and extraPriorVariance");
  }
  out.P.fill(0);
  for (let i = 0; i < 6; i++) {
    out.x[i] = mean6[i];
    for (let j = 0; j < 6; j++) out.P[i * n + j] = cov6[i * 6 + j];
  }
  for (let k = 6; k < n; k++) {
    out.x[k] = extraMean ? extraMean[k - 6] : 0;
    out.P[k * n + k] = extraVar ? extraVar[k - 6] : 0;
  }
  out.timeS = timeS;
  return out;
}

/**
 * Moment-matched single Gaussian of a weighted mixture (weights summing to one):
 * x = sum w_i x_i, P = sum w_i (P_i + (x_i - x)(x_i - x)^T). `out` may be one of the inputs only if it
 * is the last one read; use a separate state. The time is the first state's.
 */
export function mergeGaussians(
  states: readonly GaussianState[],
  weights: ArrayLike<number>,
  count: number,
  out: GaussianState,
): GaussianState {
  const n = out.x.length;
  const x = out.x;
  const P = out.P;
  x.fill(0);
  for (let k = 0; k < count; k++) {
    const w = weights[k];
    const xk = states[k].x;
    for (let i = 0; i < n; i++) x[i] += w * xk[i];
  }
  P.fill(0);
  for (let k = 0; k < count; k++) {
    const w = weights[k];
    const xk = states[k].x;
    const Pk = states[k].P;
    for (let i = 0; i < n; i++) {
      const di = xk[i] - x[i];
      for (let j = i; j < n; j++) P[i * n + j] += w * (Pk[i * n + j] + di * (xk[j] - x[j]));
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) P[i * n + j] = P[j * n + i];
  matSymmetrize(P, n);
  out.timeS = count > 0 ? states[0].timeS : out.timeS;
  return out;
}
