/**
 * Angle-only line-of-sight model of a space infrared sensor: z = [alpha, beta] with, as in
 * src/sensors/detection.ts, S = R_sensor (p - s) (target minus sensor, ECEF, rotated into the
 * nadir-pointing sensor frame), alpha = atan2(S_y, S_x), beta = asin(S_z / |S|) = atan2(S_z, rho),
 * rho = sqrt(S_x^2 + S_y^2). Light time and aberration are ignored (a few metres at LEO ranges for
 * hypersonic targets, far below the angular noise).
 *
 * Analytic Jacobian (2 x n, position columns only):
 *   d alpha / dS = [-S_y, S_x, 0] / rho^2,   d beta / dS = [-S_x S_z, -S_y S_z, rho^2] / (|S|^2 rho),
 * times R_sensor. The residual wraps alpha to (-pi, pi].
 */
import type { Detection } from "../../../sensors/detection.js";
import type { NonlinearMeasurementModel } from "../../types.js";
import { wrapAngle } from "./angles.js";

export class LineOfSightMeasurementModel implements NonlinearMeasurementModel {
  readonly m = 2;
  readonly R = new Float64Array(4);
  readonly sensorPosEcefM = new Float64Array(3);
  /** ECEF -> sensor frame rotation (x axis to nadir). */
  readonly rotEcefToLocal = new Float64Array(9);

  constructor(detection?: Detection) {
    if (detection) this.configure(detection);
  }

  configure(detection: Detection): this {
    if (detection.kind !== "los" || detection.z.length !== 2) {
      throw new RangeError("LineOfSightMeasurementModel: need a line-of-sight detection (2 angles)");
    }
    return this.configureFrom(detection.sensorPosEcefM, detection.rotEcefToLocal, detection.R);
  }

  configureFrom(
    sensorPosEcefM: ArrayLike<number>,
    rotEcefToLocal: ArrayLike<number>,
    R: ArrayLike<number>,
  ): this {
    for (let i = 0; i < 3; i++) this.sensorPosEcefM[i] = sensorPosEcefM[i];
    for (let i = 0; i < 9; i++) this.rotEcefToLocal[i] = rotEcefToLocal[i];
    for (let i = 0; i < 4; i++) this.R[i] = R[i];
    return this;
  }

  hInto(x: Float64Array, out: Float64Array): Float64Array {
    const s = this.sensorPosEcefM;
    const q = this.rotEcefToLocal;
    const dx = x[0] - s[0];
    const dy = x[1] - s[1];
    const dz = x[2] - s[2];
    const sx = q[0] * dx + q[1] * dy + q[2] * dz;
    const sy = q[3] * dx + q[4] * dy + q[5] * dz;
    const sz = q[6] * dx + q[7] * dy + q[8] * dz;
    out[0] = Math.atan2(sy, sx);
    out[1] = Math.atan2(sz, Math.sqrt(sx * sx + sy * sy));
    return out;
  }

  HInto(x: Float64Array, out: Float64Array): Float64Array {
    const nx = x.length;
    out.fill(0, 0, 2 * nx);
    const s = this.sensorPosEcefM;
    const q = this.rotEcefToLocal;
    const dx = x[0] - s[0];
    const dy = x[1] - s[1];
    const dz = x[2] - s[2];
    const sx = q[0] * dx + q[1] * dy + q[2] * dz;
    const sy = q[3] * dx + q[4] * dy + q[5] * dz;
    const sz = q[6] * dx + q[7] * dy + q[8] * dz;
    const rho2 = sx * sx + sy * sy;
    const rho = Math.sqrt(rho2);
    const r2 = rho2 + sz * sz;
    const ax = -sy / rho2;
    const ay = sx / rho2;
    const k = 1 / (r2 * rho);
    const bx = -sx * sz * k;
    const by = -sy * sz * k;
    const bz = rho2 * k;
    for (let j = 0; j < 3; j++) {
      out[j] = ax * q[j] + ay * q[3 + j];
      out[nx + j] = bx * q[j] + by * q[3 + j] + bz * q[6 + j];
    }
    return out;
  }

  residualInto(z: ArrayLike<number>, zPredicted: ArrayLike<number>, out: Float64Array): Float64Array {
    out[0] = wrapAngle(z[0] - zPredicted[0]);
    out[1] = z[1] - zPredicted[1];
    return out;
  }

  h(x: Float64Array): Float64Array {
    return this.hInto(x, new Float64Array(2));
  }

  H(x: Float64Array): Float64Array {
    return this.HInto(x, new Float64Array(2 * x.length));
  }

  residual(z: ArrayLike<number>, zPredicted: ArrayLike<number>): Float64Array {
    return this.residualInto(z, zPredicted, new Float64Array(2));
  }
}

/** The measurement model of a line-of-sight detection. */
export function lineOfSightMeasurementModel(detection: Detection): LineOfSightMeasurementModel {
  return new LineOfSightMeasurementModel(detection);
}
