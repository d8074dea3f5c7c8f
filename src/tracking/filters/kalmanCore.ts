/**
 * The Kalman predict and update equations shared by the linear and extended Kalman filters, on
 * preallocated workspaces (Bar-Shalom, Li and Kirubarajan 2001, sections 5.2 and 10.3):
 *   predict  x' = f(x, dt) (or F x),  P' = F P F^T + Q
 *   update   S = H P H^T + R,  K = P H^T S^-1,  x+ = x + K y  (y = z - h(x) with angles wrapped)
 *            P+ = (I - K H) P (I - K H)^T + K R K^T   (Joseph form, ibid. section 5.2)
 * The Joseph form keeps P+ symmetric positive semi-definite for any gain, even with the round-off
 * of large dynamic ranges (km positions beside metre errors); outputs are made exactly symmetric. A
 * non-positive-definite S, or a P+ with a diagonal entry that is not positive, throws
 * NonPositiveDefiniteError (pivot and size in the error). P+ is positive definite whenever the
 * predicted P is (Joseph form), so the full test (a Cholesky factorisation, filters' verifyCovariance)
 * is made where a state enters from outside: the allocating `update`, and a tracker's check of its
 * tracks once per step.
 *
 * A linear model's F(dt) and any model's Q(dt) are pure functions of dt (the role's contract), so a
 * prediction over the same dt as the last one reuses them: a plain user model that allocates its
 * matrices is then called once per distinct step, not once per prediction. The exception declares
 * itself (`processNoiseDependsOnState`: the ballistic model's process noise grows with the drag of the
 * state its f was last evaluated at) and is asked for Q at every prediction.
 */
import {
  NonPositiveDefiniteError,
  cholesky,
  choleskyLogDet,
  choleskyMahalanobisSq,
  choleskySolve,
} from "../../math/matrix.js";
import type { GaussianState, MeasurementModel, TransitionModel } from "../types.js";
import { isNonlinearTransition } from "../types.js";
import { lowRankInto, symmetricUpdateInto } from "./kernels.js";
import {
  LOG_2PI,
  measurementFunctionInto,
  measurementMatrixInto,
  processNoiseReusedInto,
  residualInto,
  transitionFunctionInto,
  transitionMatrixInto,
} from "./common.js";

/** Buffers for predicting an n-dimensional state. */
export class PredictWorkspace {
  readonly F: Float64Array;
  readonly Q: Float64Array;
  readonly FP: Float64Array;
  readonly Ft: Float64Array;
  readonly x: Float64Array;
  /** The dt that F (linear models only) and Q were last evaluated for. */
  fDtS = Number.NaN;
  qDtS = Number.NaN;
  constructor(readonly n: number) {
    this.F = new Float64Array(n * n);
    this.Q = new Float64Array(n * n);
    this.FP = new Float64Array(n * n);
    this.Ft = new Float64Array(n * n);
    this.x = new Float64Array(n);
  }
}

/** Buffers for updating an n-dimensional state with an m-dimensional measurement. */
export class UpdateWorkspace {
  readonly zPred: Float64Array;
  readonly y: Float64Array;
  readonly H: Float64Array;
  /** H P (m x n). */
  readonly HP: Float64Array;
  readonly Ct: Float64Array;
  readonly S: Float64Array;
  readonly L: Float64Array;
  /** K^T (m x n): solving S K^T = H P avoids forming S^-1. */
  readonly Kt: Float64Array;
  readonly work: Float64Array;
  /** Iterated update: the iterate, its linearisation point, and scratch. */
  readonly xIter: Float64Array;
  readonly xLin: Float64Array;
  readonly zTmp: Float64Array;
  /** Column support of H (see columnSupport). */
  hc = 0;
  nis = 0;
  logLikelihood = 0;
  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    this.zPred = new Float64Array(m);
    this.y = new Float64Array(m);
    this.H = new Float64Array(m * n);
    this.HP = new Float64Array(m * n);
    this.Ct = new Float64Array(m * n);
    this.S = new Float64Array(m * m);
    this.L = new Float64Array(m * m);
    this.Kt = new Float64Array(m * n);
    this.work = new Float64Array(Math.max(n, m));
    this.xIter = new Float64Array(n);
    this.xLin = new Float64Array(n);
    this.zTmp = new Float64Array(m);
  }
}

/** Workspaces of one filter, by measurement dimension (built once, on first use). */
export class WorkspaceCache {
  readonly predict: PredictWorkspace;
  private readonly updates: (UpdateWorkspace | undefined)[] = [];
  constructor(readonly n: number) {
    this.predict = new PredictWorkspace(n);
  }
  update(m: number): UpdateWorkspace {
    let ws = this.updates[m];
    if (!ws) {
      ws = new UpdateWorkspace(this.n, m);
      this.updates[m] = ws;
    }
    return ws;
  }
}

/** Kalman prediction of `state` over dtS into out (out may be state). */
export function kalmanPredict(
  model: TransitionModel,
  state: GaussianState,
  dtS: number,
  timeS: number,
  out: GaussianState,
  ws: PredictWorkspace,
): GaussianState {
  const n = ws.n;
  if (dtS === 0) {
    if (out !== state) {
      out.x.set(state.x);
      out.P.set(state.P);
    }
    out.timeS = timeS;
    return out;
  }
  if (model.predictCovarianceInto) {
    // Structured fast path (e.g. the per-axis polynomial models).
    if (isNonlinearTransition(model)) {
      transitionFunctionInto(model, state.x, dtS, ws.F, ws.x);
    } else if (model.applyFInto) {
      model.applyFInto(state.x, dtS, ws.x);
    } else {
      transitionMatrixInto(model, state.x, dtS, ws.F);
      transitionFunctionInto(model, state.x, dtS, ws.F, ws.x);
    }
    model.predictCovarianceInto(state.x, state.P, dtS, ws.FP);
    out.P.set(ws.FP);
    out.x.set(ws.x);
    out.timeS = timeS;
    return out;
  }
  const linear = !isNonlinearTransition(model);
  const F = ws.F;
  if (!(linear && dtS === ws.fDtS)) {
    const r = transitionMatrixInto(model, state.x, dtS, F);
    if (r !== F) F.set(r);
  }
  ws.fDtS = linear ? dtS : Number.NaN;
  transitionFunctionInto(model, state.x, dtS, F, ws.x);
  const Q = ws.Q;
  ws.qDtS = processNoiseReusedInto(model, dtS, Q, ws.qDtS);
  // P' = F P F^T + Q as two row-combination products, F^T read through strides.
  const FP = lowRankInto(ws.FP, null, 1, F, n, 1, state.P, n, n, n);
  const Ft = ws.Ft;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Ft[j * n + i] = F[i * n + j];
  // Symmetric: the upper triangle, mirrored.
  lowRankInto(out.P, Q, 1, FP, n, 1, Ft, n, n, n, true);
  out.x.set(ws.x);
  out.timeS = timeS;
  return out;
}

/**
 * The mean of kalmanPredict alone (out.x and out.timeS; out.P untouched), by the same arithmetic, so it
 * equals kalmanPredict's mean to the last bit: for callers that need no covariance (a round's guidance
 * estimate), at the cost of f(x, dt) without the Jacobian and F P F^T + Q.
 */
export function kalmanPredictMean(
  model: TransitionModel,
  state: GaussianState,
  dtS: number,
  timeS: number,
  out: GaussianState,
  ws: PredictWorkspace,
): GaussianState {
  if (dtS === 0) {
    if (out !== state) out.x.set(state.x);
    out.timeS = timeS;
    return out;
  }
  const linear = !isNonlinearTransition(model);
  if (!linear) transitionFunctionInto(model, state.x, dtS, ws.F, ws.x);
  else if (model.predictCovarianceInto && model.applyFInto) model.applyFInto(state.x, dtS, ws.x);
  else {
    // F as kalmanPredict keeps it: cached for a linear model at the same step.
    if (!(dtS === ws.fDtS)) {
      const r = transitionMatrixInto(model, state.x, dtS, ws.F);
      if (r !== ws.F) ws.F.set(r);
      ws.fDtS = model.predictCovarianceInto ? Number.NaN : dtS;
    }
    transitionFunctionInto(model, state.x, dtS, ws.F, ws.x);
  }
  out.x.set(ws.x);
  out.timeS = timeS;
  return out;
}

/** 1 + the index of the last column of H (m x n) holding a non-zero: position-only measurement models
 *  (angles, range) have 3, so the products below skip the zero columns. */
function columnSupport(H: Float64Array, m: number, n: number): number {
  for (let c = n - 1; c >= 0; c--) {
    for (let r = 0; r < m; r++) if (H[r * n + c] !== 0) return c + 1;
  }
  return 0;
}

/**
 * Innovation of z against `predicted` into the workspace: zPred, H, y, H P, S, its Cholesky factor,
 * NIS and log-likelihood (when `stats`). Throws NonPositiveDefiniteError when S is not positive
 * definite.
 * With `at` (the iterated update), h and H are evaluated there instead of at the predicted mean and
 * y = z - h(at) + H (at - x) (then NIS and likelihood describe nothing useful).
 */
export function kalmanInnovation(
  model: MeasurementModel,
  predicted: GaussianState,
  z: ArrayLike<number>,
  ws: UpdateWorkspace,
  at?: Float64Array,
  stats = true,
): UpdateWorkspace {
  const n = ws.n;
  const m = ws.m;
  const x = at ?? predicted.x;
  const P = predicted.P;
  measurementFunctionInto(model, x, m, ws.zPred);
  const H = measurementMatrixInto(model, x, ws.H);
  residualInto(model, z, ws.zPred, m, ws.y);
  if (at) {
    const xp = predicted.x;
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += H[i * n + j] * (at[j] - xp[j]);
      ws.y[i] += s;
    }
  }
  const hc = columnSupport(H, m, n);
  ws.hc = hc;
  // H P (m x n) over the non-zero columns of H; P symmetric, so H P = (P H^T)^T.
  const HP = lowRankInto(ws.HP, null, 1, H, n, 1, P, hc, m, n);
  // S = H P H^T + R, exactly symmetric.
  const S = ws.S;
  const R = model.R;
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let s = 0.5 * (R[i * m + j] + R[j * m + i]);
      const hj = j * n;
      const pi = i * n;
      for (let l = 0; l < hc; l++) s += HP[pi + l] * H[hj + l];
      S[i * m + j] = s;
      S[j * m + i] = s;
    }
  }
  cholesky(ws.L, S, m, "innovation covariance S");
  if (stats) {
    ws.nis = choleskyMahalanobisSq(ws.L, ws.y, m, ws.work);
    ws.logLikelihood = -0.5 * (ws.nis + choleskyLogDet(ws.L, m) + m * LOG_2PI);
  } else {
    // Not asked for (an update whose caller wants no statistics): not computed.
    ws.nis = Number.NaN;
    ws.logLikelihood = Number.NaN;
  }
  return ws;
}

/**
 * Joseph-form update of `predicted` into out (out may be predicted), after kalmanInnovation:
 *   P+ = (I - K H) P (I - K H)^T + K R K^T,  K = P H^T S^-1,
 * expanded without assuming the gain optimal (the identity K S = P H^T is never used, so errors in K
 * stay second order in P+ as with the product form):
 *   P+ = P - K (H P) - C K^T,  C = (H P - S K^T)^T = P H^T - K S,
 * i.e. two thin products of rank m. The expression equals the Joseph form, hence is symmetric, for any
 * K, so only its upper triangle is computed and then mirrored. A non-positive diagonal of P+ throws
 * NonPositiveDefiniteError.
 */
export function kalmanUpdateFromInnovation(
  predicted: GaussianState,
  out: GaussianState,
  ws: UpdateWorkspace,
): GaussianState {
  gainAndMeanInto(predicted.x, ws, out.x);
  josephCovarianceInto(predicted.P, out.P, ws);
  out.timeS = predicted.timeS;
  return out;
}

/** K^T = S^-1 H P into the workspace and xOut = x + K y (xOut may be x). */
function gainAndMeanInto(x: Float64Array, ws: UpdateWorkspace, xOut: Float64Array): void {
  const n = ws.n;
  const m = ws.m;
  // K^T = S^-1 H P (m x n), solved in place.
  const Kt = ws.Kt;
  Kt.set(ws.HP);
  choleskySolve(Kt, ws.L, Kt, m, n);
  // x+ = x + K y, as row updates over the n components.
  const y = ws.y;
  if (xOut !== x) xOut.set(x);
  for (let j = 0; j < m; j++) {
    const yj = y[j];
    const kj = j * n;
    for (let i = 0; i < n; i++) xOut[i] += yj * Kt[kj + i];
  }
}

/** The Joseph-form covariance (see kalmanUpdateFromInnovation) into Po (Po may be P). */
function josephCovarianceInto(P: Float64Array, Po: Float64Array, ws: UpdateWorkspace): void {
  const n = ws.n;
  const m = ws.m;
  const HP = ws.HP;
  const Kt = ws.Kt;
  // C^T = H P - S K^T (m x n): the residual of the gain equation, zero for an exact solve.
  const Ct = lowRankInto(ws.Ct, HP, -1, ws.S, m, 1, Kt, m, m, n);
  // P+ = P - K (H P) - C K^T, symmetric for any gain: its upper triangle, mirrored.
  symmetricUpdateInto(Po, P, -1, Kt, HP, Ct, Kt, m, n);
  for (let i = 0; i < n; i++) {
    const d = Po[i * n + i];
    if (!(d > 0)) throw new NonPositiveDefiniteError(n, i, d, "updated covariance P");
  }
}

/**
 * Iterated extended Kalman update (Bar-Shalom, Li and Kirubarajan 2001, section 10.5.2; Bell and
 * Cathey, "The iterated Kalman filter update as a Gauss-Newton method", IEEE Trans. AC-38(2), 1993),
 * after kalmanInnovation at the prediction: Gauss-Newton steps
 *   x_(i+1) = x + K_i [z - h(x_i) - H_i (x - x_i)],  K_i = P H_i^T (H_i P H_i^T + R)^-1,  H_i = H(x_i),
 * then the Joseph covariance with the last K_i, H_i. A step is taken only while the linearisation is
 * off at the current iterate: e = h(x_i) - h(x_l) - H_l (x_i - x_l) (x_l the point H was taken at)
 * exceeds `tolerance` in sum_k e_k^2 / R_kk. For ordinary corrections (metres against a range of
 * hundreds of kilometres) e is far below the noise and the update is the EKF's; a track whose predicted
 * position is kilometres off (a long coast, a line-of-sight-only track that a radar or a second
 * satellite now sees) gets the relinearisation that keeps its gain and covariance consistent.
 */
export function kalmanIteratedUpdate(
  model: MeasurementModel,
  predicted: GaussianState,
  z: ArrayLike<number>,
  out: GaussianState,
  ws: UpdateWorkspace,
  maxIterations: number,
  tolerance: number,
): GaussianState {
  const xi = ws.xIter;
  const xl = ws.xLin;
  xl.set(predicted.x);
  gainAndMeanInto(predicted.x, ws, xi);
  for (let it = 1; it < maxIterations; it++) {
    if (linearizationErrorSq(model, ws, xi, xl) <= tolerance) break;
    xl.set(xi);
    kalmanInnovation(model, predicted, z, ws, xl, false);
    gainAndMeanInto(predicted.x, ws, xi);
  }
  josephCovarianceInto(predicted.P, out.P, ws);
  out.x.set(xi);
  out.timeS = predicted.timeS;
  return out;
}

/** sum_k e_k^2 / R_kk, e = h(x) - h(xLin) - H (x - xLin), with ws holding h(xLin) and H(xLin). */
function linearizationErrorSq(
  model: MeasurementModel,
  ws: UpdateWorkspace,
  x: Float64Array,
  xLin: Float64Array,
): number {
  const n = ws.n;
  const m = ws.m;
  const e = ws.zTmp;
  measurementFunctionInto(model, x, m, e);
  // Angle components wrap: the model's residual of h(x) against h(xLin).
  residualInto(model, e, ws.zPred, m, ws.work);
  const H = ws.H;
  const R = model.R;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    let lin = 0;
    for (let j = 0; j < n; j++) lin += H[i * n + j] * (x[j] - xLin[j]);
    const d = ws.work[i] - lin;
    sum += (d * d) / R[i * m + i];
  }
  return sum;
}
