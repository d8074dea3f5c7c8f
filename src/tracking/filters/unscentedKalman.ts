/**
 * Unscented Kalman filter with the scaled unscented transform (Julier and Uhlmann, "A new extension of
 * the Kalman filter to nonlinear systems", 1997; Julier, "The scaled unscented transformation", 2002;
 * Wan and van der Merwe, "The unscented Kalman filter for nonlinear estimation", 2000).
 *
 * Sigma points: chi_0 = x, chi_i = x + c L_i, chi_(n+i) = x - c L_i (L_i the i-th column of the lower
 * Cholesky factor of P), c = sqrt(n + lambda), lambda = alpha^2 (n + kappa) - n. Weights:
 * Wm_0 = lambda / (n + lambda), Wc_0 = Wm_0 + 1 - alpha^2 + beta, Wm_i = Wc_i = 1 / (2 (n + lambda)).
 * Defaults alpha = 1, beta = 2 (optimal for Gaussian priors), kappa = 0: every weight is then
 * non-negative (lambda = 0, Wm_0 = 0, Wc_0 = 2), so the transformed covariances stay positive
 * semi-definite; small alphas (e.g. 1e-3) make Wc_0 hugely negative and are best avoided here.
 *
 * With a linear transition model the prediction is the Kalman one (the unscented transform of a linear
 * map is exact). The update redraws sigma points from the predicted covariance. Measurement means and residuals go
 * through the model's residual (angle wrapping): the mean is zeta_0 + sum Wm_i r(zeta_i, zeta_0), so
 * azimuths near +-pi average correctly. Covariance update P+ = P - K S K^T, symmetrised. The UKF never
 * calls the models' Jacobians.
 */
import { finiteArg, positiveArg } from "../../math/check.js";
import {
  NonPositiveDefiniteError,
  cholesky,
  choleskyLogDet,
  choleskyMahalanobisSq,
  choleskySolve,
} from "../../math/matrix.js";
import type { GaussianState, Innovation, MeasurementModel, TransitionModel } from "../types.js";
import { isNonlinearTransition } from "../types.js";
import {
  GaussianFilterBase,
  LOG_2PI,
  copyInnovation,
  measurementFunctionInto,
  processNoiseReusedInto,
  residualInto,
  transitionFunctionInto,
} from "./common.js";
import { WorkspaceCache, kalmanPredict } from "./kalmanCore.js";
import { lowRankInto, symmetrizeInPlace } from "./kernels.js";

export interface UnscentedKalmanFilterOptions {
  transition: TransitionModel;
  measurement?: MeasurementModel;
  /** Spread of the sigma points (0 < alpha <= 1); default 1. */
  alpha?: number;
  /** Prior-distribution parameter; 2 is optimal for Gaussians; default 2. */
  beta?: number;
  /** Secondary scaling; default 0. */
  kappa?: number;
}

class UkfUpdateWorkspace {
  /** Measurement sigma points ((2n + 1) x m), as rows and as preallocated row views. */
  readonly Z: Float64Array;
  readonly zRows: Float64Array[];
  /** Residuals zeta_k - zMean, unweighted and weighted by Wc_k ((2n + 1) x m). */
  readonly dZ: Float64Array;
  readonly dZw: Float64Array;
  readonly zMean: Float64Array;
  readonly r: Float64Array;
  readonly y: Float64Array;
  readonly S: Float64Array;
  readonly L: Float64Array;
  /** Cross covariance, transposed (m x n), then solved into K^T. */
  readonly PxzT: Float64Array;
  readonly Kt: Float64Array;
  readonly work: Float64Array;
  nis = 0;
  logLikelihood = 0;
  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    const np = 2 * n + 1;
    this.Z = new Float64Array(np * m);
    this.zRows = [];
    for (let k = 0; k < np; k++) this.zRows.push(this.Z.subarray(k * m, k * m + m));
    this.dZ = new Float64Array(np * m);
    this.dZw = new Float64Array(np * m);
    this.zMean = new Float64Array(m);
    this.r = new Float64Array(m);
    this.y = new Float64Array(m);
    this.S = new Float64Array(m * m);
    this.L = new Float64Array(m * m);
    this.PxzT = new Float64Array(m * n);
    this.Kt = new Float64Array(m * n);
    this.work = new Float64Array(Math.max(n, m));
  }
}

export class UnscentedKalmanFilter extends GaussianFilterBase<TransitionModel> {
  readonly alpha: number;
  readonly beta: number;
  readonly kappa: number;
  readonly lambda: number;
  /** Mean and covariance weights of the 2n + 1 sigma points. */
  readonly weightsMean: Float64Array;
  readonly weightsCov: Float64Array;
  private readonly scale: number;
  private readonly n: number;
  private readonly L: Float64Array;
  /** Sigma points, one row each ((2n + 1) x n), with preallocated row views. */
  private readonly X: Float64Array;
  private readonly xRows: Float64Array[];
  /** Propagated sigma points and their weighted deviations from the mean. */
  private readonly Y: Float64Array;
  private readonly yRows: Float64Array[];
  private readonly dY: Float64Array;
  private readonly dYw: Float64Array;
  /** Deviations of the sigma points from the mean (update), weighted copy not needed. */
  private readonly dX: Float64Array;
  private readonly F: Float64Array;
  private readonly Q: Float64Array;
  /** The dt that Q holds (NaN: none); Q is reused at the same dt (kalmanCore.ts explains when). */
  private qDtS = Number.NaN;
  private readonly mean: Float64Array;
  private readonly kalmanWs: WorkspaceCache;
  private readonly updates: (UkfUpdateWorkspace | undefined)[] = [];

  constructor(options: UnscentedKalmanFilterOptions) {
    super(options);
    const n = this.ndim;
    this.n = n;
    this.alpha = positiveArg("UnscentedKalmanFilter", "options.alpha", options.alpha ?? 1);
    this.beta = finiteArg("UnscentedKalmanFilter", "options.beta", options.beta ?? 2);
    this.kappa = finiteArg("UnscentedKalmanFilter", "options.kappa", options.kappa ?? 0);
    const a2 = this.alpha * this.alpha;
    this.lambda = a2 * (n + this.kappa) - n;
    const c = n + this.lambda;
    if (!(c > 0))
      throw new RangeError(
        `UnscentedKalmanFilter: options.kappa and options.alpha give n + lambda = ${c}, which must be > 0`,
      );
    this.scale = Math.sqrt(c);
    const np = 2 * n + 1;
    this.weightsMean = new Float64Array(np).fill(1 / (2 * c));
    this.weightsCov = new Float64Array(np).fill(1 / (2 * c));
    this.weightsMean[0] = this.lambda / c;
    this.weightsCov[0] = this.lambda / c + 1 - a2 + this.beta;
    this.L = new Float64Array(n * n);
    this.X = new Float64Array(np * n);
    this.Y = new Float64Array(np * n);
    this.xRows = [];
    this.yRows = [];
    for (let k = 0; k < np; k++) {
      this.xRows.push(this.X.subarray(k * n, k * n + n));
      this.yRows.push(this.Y.subarray(k * n, k * n + n));
    }
    this.dY = new Float64Array(np * n);
    this.dYw = new Float64Array(np * n);
    this.dX = new Float64Array(np * n);
    this.F = new Float64Array(n * n);
    this.Q = new Float64Array(n * n);
    this.mean = new Float64Array(n);
    this.kalmanWs = new WorkspaceCache(n);
  }

  /** Sigma points of (x, P) into this.X. */
  private sigmaPoints(x: Float64Array, P: Float64Array): void {
    const n = this.n;
    const L = cholesky(this.L, P, n, "state covariance P");
    const X = this.X;
    const c = this.scale;
    for (let j = 0; j < n; j++) X[j] = x[j];
    for (let i = 0; i < n; i++) {
      const rp = (1 + i) * n;
      const rm = (1 + n + i) * n;
      for (let j = 0; j < n; j++) {
        const d = c * L[j * n + i];
        X[rp + j] = x[j] + d;
        X[rm + j] = x[j] - d;
      }
    }
  }

  predictInto(state: GaussianState, timeS: number, out: GaussianState): GaussianState {
    const dt = this.checkPredict(state, timeS, out);
    const n = this.n;
    const model = this.transition;
    if (dt === 0) {
      this.copyInto(state, out);
      out.timeS = timeS;
      return out;
    }
    if (!isNonlinearTransition(model)) {
      // The unscented transform of a linear map is exact (the sigma points match the first two
      // moments), so the linear Kalman prediction gives the same result at a fraction of the cost.
      return kalmanPredict(model, state, dt, timeS, out, this.kalmanWs.predict);
    }
    this.sigmaPoints(state.x, state.P);
    const np = 2 * n + 1;
    const Y = this.Y;
    const mean = this.mean.fill(0);
    const wm = this.weightsMean;
    for (let k = 0; k < np; k++) {
      transitionFunctionInto(model, this.xRows[k], dt, this.F, this.yRows[k]);
      const w = wm[k];
      const row = k * n;
      for (let j = 0; j < n; j++) mean[j] += w * Y[row + j];
    }
    const dY = this.dY;
    const dYw = this.dYw;
    const wc = this.weightsCov;
    for (let k = 0; k < np; k++) {
      const w = wc[k];
      const row = k * n;
      for (let j = 0; j < n; j++) {
        const d = Y[row + j] - mean[j];
        dY[row + j] = d;
        dYw[row + j] = w * d;
      }
    }
    // P = Q + sum Wc_k dY_k dY_k^T = Q + dYw^T dY (state covariance could be `state.P`: read above).
    const Q = this.Q;
    this.qDtS = processNoiseReusedInto(model, dt, Q, this.qDtS);
    lowRankInto(out.P, Q, 1, dYw, 1, n, dY, np, n, n);
    symmetrizeInPlace(out.P, n);
    out.x.set(mean);
    out.timeS = timeS;
    return out;
  }

  private workspace(m: number): UkfUpdateWorkspace {
    let ws = this.updates[m];
    if (!ws) {
      ws = new UkfUpdateWorkspace(this.n, m);
      this.updates[m] = ws;
    }
    return ws;
  }

  /** Unscented measurement prediction: sigma points, zMean, S, Pxz^T, y, NIS, likelihood. */
  private innovate(
    fn: string,
    model: MeasurementModel,
    predicted: GaussianState,
    z: ArrayLike<number>,
    stats = true,
  ): UkfUpdateWorkspace {
    const n = this.n;
    const m = this.checkUpdate(fn, predicted, z, model);
    const ws = this.workspace(m);
    const np = 2 * n + 1;
    const x = predicted.x;
    this.sigmaPoints(x, predicted.P);
    const zRows = ws.zRows;
    for (let k = 0; k < np; k++) measurementFunctionInto(model, this.xRows[k], m, zRows[k]);
    // Mean relative to the central point, through the residual (angle wrapping).
    const wm = this.weightsMean;
    const wc = this.weightsCov;
    const zMean = ws.zMean;
    const z0 = zRows[0];
    const r = ws.r;
    for (let i = 0; i < m; i++) zMean[i] = z0[i];
    for (let k = 1; k < np; k++) {
      residualInto(model, zRows[k], z0, m, r);
      const w = wm[k];
      for (let i = 0; i < m; i++) zMean[i] += w * r[i];
    }
    const dZ = ws.dZ;
    const dZw = ws.dZw;
    for (let k = 0; k < np; k++) {
      residualInto(model, zRows[k], zMean, m, r);
      const w = wc[k];
      for (let i = 0; i < m; i++) {
        dZ[k * m + i] = r[i];
        dZw[k * m + i] = w * r[i];
      }
    }
    // S = R + dZw^T dZ (m x m); Pxz^T = dZw^T dX (m x n).
    const S = lowRankInto(ws.S, model.R, 1, dZw, 1, m, dZ, np, m, m);
    symmetrizeInPlace(S, m);
    const X = this.X;
    const dX = this.dX;
    for (let k = 0; k < np; k++) {
      const row = k * n;
      for (let j = 0; j < n; j++) dX[row + j] = X[row + j] - x[j];
    }
    lowRankInto(ws.PxzT, null, 1, dZw, 1, m, dX, np, m, n);
    cholesky(ws.L, S, m, "innovation covariance S");
    residualInto(model, z, zMean, m, ws.y);
    if (stats) {
      ws.nis = choleskyMahalanobisSq(ws.L, ws.y, m, ws.work);
      ws.logLikelihood = -0.5 * (ws.nis + choleskyLogDet(ws.L, m) + m * LOG_2PI);
    } else {
      ws.nis = Number.NaN;
      ws.logLikelihood = Number.NaN;
    }
    return ws;
  }

  updateInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: GaussianState,
    measurement?: MeasurementModel,
    innovation?: Innovation,
  ): GaussianState {
    const model = this.measurementModel(measurement);
    const ws = this.innovate("update", model, predicted, z, innovation !== undefined);
    if (innovation) copyInnovation(innovation, ws.m, ws.zMean, ws.y, ws.S, ws.nis, ws.logLikelihood);
    const n = this.n;
    const m = ws.m;
    // K^T = S^-1 Pxz^T
    const Kt = ws.Kt;
    Kt.set(ws.PxzT);
    choleskySolve(Kt, ws.L, Kt, m, n);
    const xo = out.x;
    xo.set(predicted.x);
    const y = ws.y;
    for (let j = 0; j < m; j++) {
      const yj = y[j];
      for (let i = 0; i < n; i++) xo[i] += yj * Kt[j * n + i];
    }
    // P+ = P - K S K^T = P - Pxz K^T, symmetrised.
    const Po = out.P;
    lowRankInto(Po, predicted.P, -1, ws.PxzT, 1, n, Kt, m, n, n);
    symmetrizeInPlace(Po, n);
    for (let i = 0; i < n; i++) {
      const d = Po[i * n + i];
      if (!(d > 0)) throw new NonPositiveDefiniteError(n, i, d, "updated covariance P");
    }
    out.timeS = predicted.timeS;
    return out;
  }

  innovationInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: Innovation,
    measurement?: MeasurementModel,
  ): Innovation {
    const model = this.measurementModel(measurement);
    const ws = this.innovate("innovation", model, predicted, z);
    return copyInnovation(out, ws.m, ws.zMean, ws.y, ws.S, ws.nis, ws.logLikelihood);
  }
}
