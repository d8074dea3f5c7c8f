/**
 * Linear measurement models z = H x + v, v ~ N(0, R) (Stone Soup's LinearGaussian).
 */
import type { LinearMeasurementModel } from "../../types.js";

/** A linear measurement model from H (m x n, row-major) and R (m x m). */
export function linearMeasurementModel(H: Float64Array, R: Float64Array): LinearMeasurementModel {
  const m = Math.round(Math.sqrt(R.length));
  if (m * m !== R.length || H.length % m !== 0) {
    throw new RangeError(`linearMeasurementModel: H (${H.length}) and R (${R.length}) disagree`);
  }
  return { H, R };
}

/**
 * Direct measurement of the first three state components (position, e.g. ECEF m) of an n-component
 * state, with noise covariance R (3 x 3).
 */
export function positionMeasurementModel(ndim: number, R: Float64Array): LinearMeasurementModel {
  if (R.length !== 9) throw new RangeError("positionMeasurementModel: R must be 3 x 3");
  const H = new Float64Array(3 * ndim);
  for (let i = 0; i < 3; i++) H[i * ndim + i] = 1;
  return { H, R };
}
