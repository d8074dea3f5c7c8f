/**
 * The Kalman predict and update equations shared by the linear and extended Kalman filters, on
 * preallocated workspaces (Bar-Shalom, Li and Kirubarajan 2001, sections 5.2 and 10.3):
 *   predict  x' = f(x, dt) (or F x),  P' = F P F^T + Q
 *   update   S = H P H^T + R,  K = P H^T S^-1,  x+ = x + K y  (y = z - h(x) with angles wrapped)
 *            P+ = (I - K H) P (I - K H)^T + K R K^T   (Joseph form, ibid. section 5.2)
 * The Joseph form keeps P+ symmetric positive semi-definite for any gain, even with the round-off
 * of large dynamic ranges (km positions beside metre errors); outputs are made exactly symmetric.
 * A non-positive-definite S throws NonPositiveDefiniteError (pivot and size in the error).
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
import { lowRankInto, symmetrizeInPlace } from "./kernels.js";
import {
  LOG_2PI,
  measurementFunctionInto,
  measurementMatrixInto,
  processNoiseInto,
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
  readonly B: Float64Array;
  readonly S: Float64Array;
  readonly L: Float64Array;
  /** K^T (m x n): solving S K^T = H P avoids forming S^-1. */
  readonly Kt: Float64Array;
  readonly work: Float64Array;
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
    this.B = new Float64Array(n * n);
    this.S = new Float64Array(m * m);
    this.L = new Float64Array(m * m);
    this.Kt = new Float64Array(m * n);
    this.work = new Float64Array(Math.max(n, m));
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
  const F = transitionMatrixInto(model, state.x, dtS, ws.F);
  transitionFunctionInto(model, state.x, dtS, F, ws.x);
  const Q = processNoiseInto(model, dtS, ws.Q);
  // P' = F P F^T + Q as two row-combination products, F^T read through strides.
  const FP = lowRankInto(ws.FP, null, 1, F, n, 1, state.P, n, n, n);
  const Ft = ws.Ft;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Ft[j * n + i] = F[i * n + j];
  lowRankInto(out.P, Q, 1, FP, n, 1, Ft, n, n, n);
  symmetrizeInPlace(out.P, n);
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
 * NIS and log-likelihood. Throws NonPositiveDefiniteError when S is not positive definite.
 */
export function kalmanInnovation(
  model: MeasurementModel,
  predicted: GaussianState,
  z: ArrayLike<number>,
  ws: UpdateWorkspace,
): UpdateWorkspace {
  const n = ws.n;
  const m = ws.m;
  const x = predicted.x;
  const P = predicted.P;
  measurementFunctionInto(model, x, m, ws.zPred);
  const H = measurementMatrixInto(model, x, ws.H);
  residualInto(model, z, ws.zPred, m, ws.y);
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
  ws.nis = choleskyMahalanobisSq(ws.L, ws.y, m, ws.work);
  ws.logLikelihood = -0.5 * (ws.nis + choleskyLogDet(ws.L, m) + m * LOG_2PI);
  return ws;
}

/**
 * Joseph-form update of `predicted` into out (out may be predicted), after kalmanInnovation:
 *   P+ = (I - K H) P (I - K H)^T + K R K^T,  K = P H^T S^-1,
 * expanded without assuming the gain optimal (the identity K S = P H^T is never used, so errors in K
 * stay second order in P+ as with the product form):
 *   P+ = P - K (H P) - C K^T,  C = (H P - S K^T)^T = P H^T - K S,
 * i.e. two thin products of rank m, then symmetrised; a non-positive diagonal of P+ throws
 * NonPositiveDefiniteError.
 */
export function kalmanUpdateFromInnovation(
  predicted: GaussianState,
  out: GaussianState,
  ws: UpdateWorkspace,
): GaussianState {
  const n = ws.n;
  const m = ws.m;
  const P = predicted.P;
  const HP = ws.HP;
  // K^T = S^-1 H P (m x n), solved in place.
  const Kt = ws.Kt;
  Kt.set(HP);
  choleskySolve(Kt, ws.L, Kt, m, n);
  // x+ = x + K y, as row updates over the n components.
  const y = ws.y;
  const xo = out.x;
  xo.set(predicted.x);
  for (let j = 0; j < m; j++) {
    const yj = y[j];
    const kj = j * n;
    for (let i = 0; i < n; i++) xo[i] += yj * Kt[kj + i];
  }
  // C^T = H P - S K^T (m x n): the residual of the gain equation, zero for an exact solve.
  const Ct = lowRankInto(ws.Ct, HP, -1, ws.S, m, 1, Kt, m, m, n);
  // P+ = P - K (H P) - C K^T
  const Po = out.P;
  const B = lowRankInto(ws.B, P, -1, Kt, 1, n, HP, m, n, n);
  lowRankInto(Po, B, -1, Ct, 1, n, Kt, m, n, n);
  symmetrizeInPlace(Po, n);
  for (let i = 0; i < n; i++) {
    const d = Po[i * n + i];
    if (!(d > 0)) throw new NonPositiveDefiniteError(n, i, d, "updated covariance P");
  }
  out.timeS = predicted.timeS;
  return out;
}
