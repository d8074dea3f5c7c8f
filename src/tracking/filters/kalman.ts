/**
 * Linear Kalman filter (Kalman 1960; Bar-Shalom, Li and Kirubarajan 2001, section 5.2) for linear
 * transition models { F(dt), Q(dt) } and linear measurement models { H, R }, with the Joseph-form
 * covariance update (see kalmanCore.ts).
 */
import type {
  GaussianState,
  Innovation,
  LinearMeasurementModel,
  LinearTransitionModel,
  MeasurementModel,
} from "../types.js";
import { isNonlinearMeasurement } from "../types.js";
import { GaussianFilterBase, copyInnovation } from "./common.js";
import {
  WorkspaceCache,
  kalmanInnovation,
  kalmanPredict,
  kalmanPredictMean,
  kalmanUpdateFromInnovation,
} from "./kalmanCore.js";

export interface KalmanFilterOptions {
  transition: LinearTransitionModel;
  measurement?: LinearMeasurementModel;
}

export class KalmanFilter extends GaussianFilterBase<LinearTransitionModel> {
  private readonly ws: WorkspaceCache;

  constructor(options: KalmanFilterOptions) {
    super(options);
    this.ws = new WorkspaceCache(this.ndim);
  }

  predictInto(state: GaussianState, timeS: number, out: GaussianState): GaussianState {
    const dt = this.checkPredict(state, timeS, out);
    return kalmanPredict(this.transition, state, dt, timeS, out, this.ws.predict);
  }

  predictMeanInto(state: GaussianState, timeS: number, out: GaussianState): GaussianState {
    const dt = this.checkPredict(state, timeS, out);
    return kalmanPredictMean(this.transition, state, dt, timeS, out, this.ws.predict);
  }

  private linear(measurement: MeasurementModel | undefined): MeasurementModel {
    const model = this.measurementModel(measurement);
    if (isNonlinearMeasurement(model)) {
      throw new TypeError("KalmanFilter needs a linear measurement model { H, R }; use the EKF or UKF");
    }
    return model;
  }

  updateInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: GaussianState,
    measurement?: MeasurementModel,
    innovation?: Innovation,
  ): GaussianState {
    const model = this.linear(measurement);
    const ws = this.ws.update(this.checkUpdate("update", predicted, z, model));
    kalmanInnovation(model, predicted, z, ws, undefined, innovation !== undefined);
    if (innovation) copyInnovation(innovation, ws.m, ws.zPred, ws.y, ws.S, ws.nis, ws.logLikelihood);
    return kalmanUpdateFromInnovation(predicted, out, ws);
  }

  innovationInto(
    predicted: GaussianState,
    z: ArrayLike<number>,
    out: Innovation,
    measurement?: MeasurementModel,
  ): Innovation {
    const model = this.linear(measurement);
    const m = this.checkUpdate("innovation", predicted, z, model);
    const ws = this.ws.update(m);
    kalmanInnovation(model, predicted, z, ws);
    return copyInnovation(out, m, ws.zPred, ws.y, ws.S, ws.nis, ws.logLikelihood);
  }
}
