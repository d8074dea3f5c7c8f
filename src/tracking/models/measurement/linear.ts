/**
 * Linear measurement models z = H x + v, v ~ N(0, R) (Stone Soup's LinearGaussian).
 */
import { finiteArrayArg, integerArg } from "../../../math/check.js";
import type { LinearMeasurementModel } from "../../types.js";

/** A linear measurement model from H (m x n, row-major) and R (m x m). */
export function linearMeasurementModel(H: Float64Array, R: Float64Array): LinearMeasurementModel {
  const m = Math.round(Math.sqrt(R?.length ?? 0));
  if (m < 1 || m * m !== R.length || H.length % m !== 0 || H.length === 0) {
    throw new RangeError(`linearMeasurementModel: H (${H?.length}) and R (${R?.length}) disagree`);
  }
  finiteArrayArg("linearMeasurementModel", "H", H, H.length);
  checkNoise("linearMeasurementModel", R, m);
  return { H, R };
}

/**
 * R (m x m): every entry finite, or a RangeError naming the bad one. Its definiteness is the filter's to
 * test (an update with an S that is not positive definite throws NonPositiveDefiniteError); a zero R is
 * a noise-free measurement, and models whose R is written later start from zeros.
 */
function checkNoise(fn: string, R: Float64Array, m: number): void {
  finiteArrayArg(fn, "R", R, m * m);
}

/**
 * Direct measurement of the first three state components (position, e.g. ECEF m) of an n-component
 * state, with noise covariance R (3 x 3).
 */
export function positionMeasurementModel(ndim: number, R: Float64Array): LinearMeasurementModel {
  integerArg("positionMeasurementModel", "ndim", ndim, 3, 1000);
  if (R?.length !== 9) throw new RangeError("positionMeasurementModel: R must be 3 x 3");
  checkNoise("positionMeasurementModel", R, 3);
  const H = new Float64Array(3 * ndim);
  for (let i = 0; i < 3; i++) H[i * ndim + i] = 1;
  return { H, R };
}
