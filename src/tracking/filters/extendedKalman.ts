/**
 * Extended Kalman filter (Bar-Shalom, Li and Kirubarajan 2001, section 10.3): the Kalman equations
 * with F and H the Jacobians of nonlinear models at the latest estimate (the prior state for the
 * prediction, the predicted state for the update). Linear models are accepted as well. Joseph-form
 * covariance update; residuals through the measurement model (angle wrapping). Optionally iterated
 * (maxIterations > 1): the update relinearises h where the first correction leaves its linearisation
 * visibly off (kalmanCore.ts, kalmanIteratedUpdate).
 */
import type { GaussianState, Innovation, MeasurementModel, TransitionModel } from "../types.js";
import { GaussianFilterBase, copyInnovation } from "./common.js";
import {
  WorkspaceCache,
  kalmanInnovation,
  kalmanIteratedUpdate,
  kalmanPredict,
  kalmanPredictMean,
  kalmanUpdateFromInnovation,
} from "./kalmanCore.js";

export interface ExtendedKalmanFilterOptions {
  transition: TransitionModel;
  measurement?: MeasurementModel;
  /** Largest number of Gauss-Newton passes of the update (iterated EKF, kalmanCore.ts); default 1,
   *  the plain EKF. */
  maxIterations?: number;
  /** Linearisation error, in sum_k e_k^2 / R_kk, below which no further pass is made; default 0.01
   *  (a tenth of the measurement noise). */
  iterationTolerance?: number;
}

export class ExtendedKalmanFilter extends GaussianFilterBase<TransitionModel> {
  private readonly ws: WorkspaceCache;
  readonly maxIterations: number;
  readonly iterationTolerance: number;

  constructor(options: ExtendedKalmanFilterOptions) {
    super(options);
    this.ws = new WorkspaceCache(this.ndim);
    this.maxIterations = options.maxIterations ?? 1;
    this.iterationTolerance = options.iterationTolerance ?? 0.01;
    if (!(Number.isInteger(this.maxIterations) && this.maxIterations >= 1)) {
      throw new RangeError("ExtendedKalmanFilter: maxIterations must be an integer >= 1");
    }
  }

  predictInto(state: GaussianState, timeS: number, out: GaussianState): GaussianState {
    const dt = this.checkPredict(state, timeS, out);
    return kalmanPredict(this.transition, state, dt, timeS, out, this.ws.predict);
  }

  predictMeanInto(state: GaussianState, timeS: number, out: GaussianState): GaussianState {
    const dt = this.checkPredict(state, timeS, out);
    return kalmanPredictMean(this.transition, state, dt, timeS, out, this.ws.predict);
  }

  updateInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: GaussianState,
    measurement?: MeasurementModel,
    innovation?: Innovation,
  ): GaussianState {
    const model = this.measurementModel(measurement);
    const ws = this.ws.update(this.checkUpdate("update", predicted, z, model));
    kalmanInnovation(model, predicted, z, ws, undefined, innovation !== undefined);
    if (innovation) copyInnovation(innovation, ws.m, ws.zPred, ws.y, ws.S, ws.nis, ws.logLikelihood);
    if (this.maxIterations > 1) {
      return kalmanIteratedUpdate(model, predicted, z, out, ws, this.maxIterations, this.iterationTolerance);
    }
    return kalmanUpdateFromInnovation(predicted, out, ws);
  }

  innovationInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: Innovation,
    measurement?: MeasurementModel,
  ): Innovation {
    const model = this.measurementModel(measurement);
    const m = this.checkUpdate("innovation", predicted, z, model);
    const ws = this.ws.update(m);
    kalmanInnovation(model, predicted, z, ws);
    return copyInnovation(out, m, ws.zPred, ws.y, ws.S, ws.nis, ws.logLikelihood);
  }
}
