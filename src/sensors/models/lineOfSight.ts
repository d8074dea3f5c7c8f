/**
 * Angle-only line-of-sight model of a space infrared sensor: z = [alpha, beta] with, as in
 * src/sensors/detection.ts, S = R_sensor (p - s) (target minus sensor, ECEF, rotated into the
 * nadir-pointing sensor frame), alpha = atan2(S_y, S_x), beta = asin(S_z / |S|) = atan2(S_z, rho),
 * rho = sqrt(S_x^2 + S_y^2). Light time and aberration are ignored (a few metres at LEO ranges for
 * hypersonic targets, far below the angular noise).
 *
 * Analytic Jacobian (2 x n, position columns only):
 *   d alpha / dS = [-S_y, S_x, 0] / rho^2,   d beta / dS = [-S_x S_z, -S_y S_z, rho^2] / (|S|^2 rho),
 * times R_sensor. Alpha (component 0) is an angle component: residuals wrap it to (-pi, pi].
 *
 * The model is also the detection's `BearingInitiation`: the measured unit line of sight in ECEF,
 * u = R_sensor^T [cos(beta) cos(alpha), cos(beta) sin(alpha), sin(beta)], from the sensor's position.
 *
 * As the radar model: `new LineOfSightMeasurementModel()` owns its arrays and is configured in place;
 * `LineOfSightMeasurementModel.sharing(...)` refers to the caller's arrays (one per detection).
 */
import type { Detection } from "../detection.js";
import type { BearingInitiation, DetectionMeasurementModel } from "../measurement.js";
import { wrapAngle } from "./angles.js";

/** Alpha wraps; beta lies in [-pi/2, pi/2]. */
const LOS_ANGLES: readonly number[] = [0];

/** Marks the construction of a `sharing` model (its arrays are set after). */
const SHARING: unique symbol = Symbol("sharing");
/** Placeholder array of a `sharing` model under construction. */
const NONE = new Float64Array(0);

/** A model's own arrays. */
interface SharedLosParts {
  pos: Float64Array;
  rot: Float64Array;
  R: Float64Array;
}

export class LineOfSightMeasurementModel implements DetectionMeasurementModel, BearingInitiation {
  readonly kind = "bearing" as const;
  readonly angleComponents = LOS_ANGLES;
  readonly m = 2;
  /** Noise covariance of (alpha, beta), 2 x 2. */
  R: Float64Array;
  /** Sensor position, ECEF m. */
  sensorPosEcefM: Float64Array;
  /** ECEF -> sensor frame rotation (x axis to nadir). */
  rotEcefToLocal: Float64Array;
  /** Own buffers (configure copies into them); null for a model made by `sharing`, until configured. */
  private own: SharedLosParts | null = null;

  /**
   * A model owning its arrays (zero until configured), configured from `detection` when given.
   * (`SHARING` is for `LineOfSightMeasurementModel.sharing`, which sets the arrays itself.)
   */
  constructor(detection?: Detection | typeof SHARING) {
    if (detection === SHARING) {
      this.sensorPosEcefM = NONE;
      this.rotEcefToLocal = NONE;
      this.R = NONE;
      return;
    }
    const own = this.buffers();
    this.sensorPosEcefM = own.pos;
    this.rotEcefToLocal = own.rot;
    this.R = own.R;
    if (detection) this.configure(detection);
  }

  /**
   * A model that refers to the given arrays (not copied: they must not change while the model is in
   * use). Allocates nothing but the model object: a constellation makes one per detection.
   */
  static sharing(
    sensorPosEcefM: Float64Array,
    rotEcefToLocal: Float64Array,
    R: Float64Array,
  ): LineOfSightMeasurementModel {
    if (R.length !== 4) throw new RangeError("LineOfSightMeasurementModel: R must be 2 x 2");
    const model = new LineOfSightMeasurementModel(SHARING);
    model.sensorPosEcefM = sensorPosEcefM;
    model.rotEcefToLocal = rotEcefToLocal;
    model.R = R;
    return model;
  }

  private buffers(): SharedLosParts {
    this.own ??= { pos: new Float64Array(3), rot: new Float64Array(9), R: new Float64Array(4) };
    return this.own;
  }

  /** The sensor state, rotation and noise of a line-of-sight detection (two angles), copied. */
  configure(detection: Detection): this {
    if (detection.kind !== "los" || detection.z.length !== 2) {
      throw new RangeError("LineOfSightMeasurementModel: need a line-of-sight detection (2 angles)");
    }
    return this.configureFrom(detection.sensorPosEcefM, detection.rotEcefToLocal, detection.R);
  }

  /** Same as `configure` from raw parts (R is 2 x 2), copied. */
  configureFrom(
    sensorPosEcefM: ArrayLike<number>,
    rotEcefToLocal: ArrayLike<number>,
    R: ArrayLike<number>,
  ): this {
    const o = this.buffers();
    for (let i = 0; i < 3; i++) o.pos[i] = sensorPosEcefM[i];
    for (let i = 0; i < 9; i++) o.rot[i] = rotEcefToLocal[i];
    for (let i = 0; i < 4; i++) o.R[i] = R[i];
    this.sensorPosEcefM = o.pos;
    this.rotEcefToLocal = o.rot;
    this.R = o.R;
    return this;
  }

  /** Same h: a line-of-sight model on the same sensor position and rotation arrays (one look of one
   *  satellite). */
  sameFunctionAs(other: DetectionMeasurementModel): boolean {
    return (
      other instanceof LineOfSightMeasurementModel &&
      other.sensorPosEcefM === this.sensorPosEcefM &&
      other.rotEcefToLocal === this.rotEcefToLocal
    );
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

  /** z - zPredicted with alpha wrapped (what the filters compute from `angleComponents`). */
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

  // ------------------------------------------------------------ bearing initiation

  get originEcefM(): Float64Array {
    return this.sensorPosEcefM;
  }

  /** The unit line of sight of z in ECEF: u = R^T [cos b cos a, cos b sin a, sin b]. */
  directionEcefInto(z: ArrayLike<number>, out: Float64Array): Float64Array {
    const a = z[0];
    const b = z[1];
    const l0 = Math.cos(b) * Math.cos(a);
    const l1 = Math.cos(b) * Math.sin(a);
    const l2 = Math.sin(b);
    const q = this.rotEcefToLocal;
    for (let i = 0; i < 3; i++) out[i] = q[i] * l0 + q[3 + i] * l1 + q[6 + i] * l2;
    return out;
  }

  /** sqrt(sigma_alpha^2 + sigma_beta^2): at least the angular error of the direction (sigma_alpha
   *  carries the 1 / cos(beta) of the azimuth-like angle). */
  angleSigmaRad(): number {
    return Math.sqrt(this.R[0] + this.R[3]);
  }
}

/** The measurement model of a line-of-sight detection, copied. */
export function lineOfSightMeasurementModel(detection: Detection): LineOfSightMeasurementModel {
  return new LineOfSightMeasurementModel(detection);
}
