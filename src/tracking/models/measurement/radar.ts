/**
 * Radar measurement model: z = [range, azimuth, elevation, (range rate)] of an ECEF position-velocity
 * state, as laid out in src/sensors/detection.ts: the target-minus-radar vector d = p - s (ECEF) is
 * rotated into the radar's local ENU frame, l = R_enu d; range |d|; azimuth atan2(E, N) (from north
 * towards east); elevation atan2(U, sqrt(E^2 + N^2)); range rate d . (v - v_s) / |d| (both ECEF).
 *
 * Analytic Jacobian (m x n, zero beyond position and velocity), with rho^2 = E^2 + N^2, r = |d|:
 *   d range / dp     = d^T / r
 *   d azimuth / dl   = [N, -E, 0] / rho^2
 *   d elevation / dl = [-E U, -N U, rho^2] / (r^2 rho)
 *   d rdot / dp      = (dv - rdot d / r)^T / r,   d rdot / dv = d^T / r
 * and d(.)/dp = d(.)/dl R_enu. The residual wraps azimuth to (-pi, pi].
 *
 * One instance can be reconfigured from detection to detection (`configure`), so a tracker fusing many
 * sensors allocates nothing per detection.
 */
import type { Detection } from "../../../sensors/detection.js";
import type { NonlinearMeasurementModel } from "../../types.js";
import { wrapAngle } from "./angles.js";

export class RadarMeasurementModel implements NonlinearMeasurementModel {
  /** Measurement dimension: 4 with range rate, 3 without. */
  m = 4;
  R: Float64Array;
  readonly sensorPosEcefM = new Float64Array(3);
  readonly sensorVelEcefMps = new Float64Array(3);
  /** ECEF -> ENU rotation (rows E, N, U). */
  readonly rotEcefToLocal = new Float64Array(9);
  private readonly r3 = new Float64Array(9);
  private readonly r4 = new Float64Array(16);

  constructor(detection?: Detection) {
    this.R = this.r4;
    if (detection) this.configure(detection);
  }

  /**
   * Takes the radar state, rotation and noise from a radar detection (z of length 3 or 4). With
   * `useRangeRate` false a 4-component detection is used as range, azimuth and elevation only (the
   * first three components of z and the top-left 3 x 3 block of R).
   */
  configure(detection: Detection, useRangeRate = true): this {
    const mz = detection.z.length;
    if (detection.kind !== "radar" || (mz !== 3 && mz !== 4)) {
      throw new RangeError(`RadarMeasurementModel: need a radar detection with 3 or 4 components`);
    }
    const m = mz === 4 && useRangeRate ? 4 : 3;
    for (let i = 0; i < 3; i++) {
      this.sensorPosEcefM[i] = detection.sensorPosEcefM[i];
      this.sensorVelEcefMps[i] = detection.sensorVelEcefMps[i];
    }
    for (let i = 0; i < 9; i++) this.rotEcefToLocal[i] = detection.rotEcefToLocal[i];
    this.m = m;
    this.R = m === 4 ? this.r4 : this.r3;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) this.R[i * m + j] = detection.R[i * mz + j];
    return this;
  }

  /** Same as `configure` from raw parts (m = 3 or 4; R is m x m). */
  configureFrom(
    sensorPosEcefM: ArrayLike<number>,
    sensorVelEcefMps: ArrayLike<number>,
    rotEcefToLocal: ArrayLike<number>,
    R: ArrayLike<number>,
    m: 3 | 4,
  ): this {
    for (let i = 0; i < 3; i++) {
      this.sensorPosEcefM[i] = sensorPosEcefM[i];
      this.sensorVelEcefMps[i] = sensorVelEcefMps[i];
    }
    for (let i = 0; i < 9; i++) this.rotEcefToLocal[i] = rotEcefToLocal[i];
    this.m = m;
    this.R = m === 4 ? this.r4 : this.r3;
    for (let i = 0; i < m * m; i++) this.R[i] = R[i];
    return this;
  }

  hInto(x: Float64Array, out: Float64Array): Float64Array {
    const s = this.sensorPosEcefM;
    const q = this.rotEcefToLocal;
    const dx = x[0] - s[0];
    const dy = x[1] - s[1];
    const dz = x[2] - s[2];
    const e = q[0] * dx + q[1] * dy + q[2] * dz;
    const n = q[3] * dx + q[4] * dy + q[5] * dz;
    const u = q[6] * dx + q[7] * dy + q[8] * dz;
    const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
    out[0] = r;
    out[1] = Math.atan2(e, n);
    out[2] = Math.atan2(u, Math.sqrt(e * e + n * n));
    if (this.m === 4) {
      const sv = this.sensorVelEcefMps;
      out[3] = (dx * (x[3] - sv[0]) + dy * (x[4] - sv[1]) + dz * (x[5] - sv[2])) / r;
    }
    return out;
  }

  HInto(x: Float64Array, out: Float64Array): Float64Array {
    const nx = x.length;
    const m = this.m;
    out.fill(0, 0, m * nx);
    const s = this.sensorPosEcefM;
    const q = this.rotEcefToLocal;
    const dx = x[0] - s[0];
    const dy = x[1] - s[1];
    const dz = x[2] - s[2];
    const e = q[0] * dx + q[1] * dy + q[2] * dz;
    const n = q[3] * dx + q[4] * dy + q[5] * dz;
    const u = q[6] * dx + q[7] * dy + q[8] * dz;
    const r2 = dx * dx + dy * dy + dz * dz;
    const r = Math.sqrt(r2);
    const rho2 = e * e + n * n;
    const rho = Math.sqrt(rho2);
    // range
    out[0] = dx / r;
    out[1] = dy / r;
    out[2] = dz / r;
    // azimuth: [n, -e, 0]/rho^2 times the rotation rows
    const ae = n / rho2;
    const an = -e / rho2;
    // elevation: [-e u, -n u, rho^2]/(r^2 rho)
    const k = 1 / (r2 * rho);
    const ee = -e * u * k;
    const en = -n * u * k;
    const eu = rho2 * k;
    for (let j = 0; j < 3; j++) {
      out[nx + j] = ae * q[j] + an * q[3 + j];
      out[2 * nx + j] = ee * q[j] + en * q[3 + j] + eu * q[6 + j];
    }
    if (m === 4) {
      const sv = this.sensorVelEcefMps;
      const dvx = x[3] - sv[0];
      const dvy = x[4] - sv[1];
      const dvz = x[5] - sv[2];
      const rdot = (dx * dvx + dy * dvy + dz * dvz) / r;
      const row = 3 * nx;
      out[row] = (dvx - (rdot * dx) / r) / r;
      out[row + 1] = (dvy - (rdot * dy) / r) / r;
      out[row + 2] = (dvz - (rdot * dz) / r) / r;
      out[row + 3] = dx / r;
      out[row + 4] = dy / r;
      out[row + 5] = dz / r;
    }
    return out;
  }

  residualInto(z: ArrayLike<number>, zPredicted: ArrayLike<number>, out: Float64Array): Float64Array {
    for (let i = 0; i < this.m; i++) out[i] = z[i] - zPredicted[i];
    out[1] = wrapAngle(out[1]);
    return out;
  }

  h(x: Float64Array): Float64Array {
    return this.hInto(x, new Float64Array(this.m));
  }

  H(x: Float64Array): Float64Array {
    return this.HInto(x, new Float64Array(this.m * x.length));
  }

  residual(z: ArrayLike<number>, zPredicted: ArrayLike<number>): Float64Array {
    return this.residualInto(z, zPredicted, new Float64Array(this.m));
  }
}

/** The measurement model of a radar detection (with range rate when z has four components). */
export function radarMeasurementModel(detection: Detection): RadarMeasurementModel {
  return new RadarMeasurementModel(detection);
}
