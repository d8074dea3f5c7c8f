/**
 * Extended Kalman filter (Bar-Shalom, Li and Kirubarajan 2001, section 10.3): the Kalman equations
 * with F and H the Jacobians of nonlinear models at the latest estimate (the prior state for the
 * prediction, the predicted state for the update). Linear models are accepted as well. Joseph-form
 * covariance update; residuals through the measurement model (angle wrapping).
 */
import type { GaussianState, Innovation, MeasurementModel, TransitionModel } from "../types.js";
import { GaussianFilterBase, copyInnovation, measurementDim } from "./common.js";
import { WorkspaceCache, kalmanInnovation, kalmanPredict, kalmanUpdateFromInnovation } from "./kalmanCore.js";

export interface ExtendedKalmanFilterOptions {
  transition: TransitionModel;
  measurement?: MeasurementModel;
}

export class ExtendedKalmanFilter extends GaussianFilterBase<TransitionModel> {
  private readonly ws: WorkspaceCache;

  constructor(options: ExtendedKalmanFilterOptions) {
    super(options);
    this.ws = new WorkspaceCache(this.ndim);
  }

  predictInto(state: GaussianState, timeS: number, out: GaussianState): GaussianState {
    const dt = this.checkDt(state, timeS);
    return kalmanPredict(this.transition, state, dt, timeS, out, this.ws.predict);
  }

  updateInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: GaussianState,
    measurement?: MeasurementModel,
  ): GaussianState {
    const model = this.measurementModel(measurement);
    const ws = this.ws.update(measurementDim(model));
    kalmanInnovation(model, predicted, z, ws);
    this.lastNis = ws.nis;
    this.lastLogLikelihood = ws.logLikelihood;
    return kalmanUpdateFromInnovation(predicted, out, ws);
  }

  innovationInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: Innovation,
    measurement?: MeasurementModel,
  ): Innovation {
    const model = this.measurementModel(measurement);
    const m = measurementDim(model);
    const ws = this.ws.update(m);
    kalmanInnovation(model, predicted, z, ws);
    return copyInnovation(out, m, ws.zPred, ws.y, ws.S, ws.nis, ws.logLikelihood);
  }
}
