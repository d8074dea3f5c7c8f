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
 * and d(.)/dp = d(.)/dl R_enu. The azimuth (component 1) is an angle component: residuals wrap it to
 * (-pi, pi].
 *
 * The model also inverts one measurement (a `PointInitiation`): the converted position
 * p = s + R_enu^T r [cos(el) sin(az), cos(el) cos(az), sin(el)] with covariance J R J^T (J the Jacobian
 * of that conversion: the converted-measurement linearisation, Bar-Shalom, Li and Kirubarajan 2001,
 * section 10.4.3); with a range rate, the velocity component along the line of sight is known (mean
 * rdot u plus the radar's velocity, variance sigma_rdot^2) and the two across it are not (variance
 * velocitySigma^2); without one, the mean is the radar's velocity and every direction gets
 * velocitySigma^2 (Stone Soup's single-point initiator does the same).
 *
 * Two ways to hold the radar's state: `new RadarMeasurementModel()` owns its arrays and is configured
 * in place (`configure`, `configureFrom`), so one instance can serve detection after detection;
 * `RadarMeasurementModel.sharing(...)` refers to the caller's arrays without copying them (a radar's
 * detections share its site state and carry one such model each).
 */
import type { Detection } from "../detection.js";
import type { DetectionMeasurementModel, PointInitiation } from "../measurement.js";
import { wrapAngle } from "./angles.js";

interface RadarBuffers {
  pos: Float64Array;
  vel: Float64Array;
  rot: Float64Array;
  r3: Float64Array;
  r4: Float64Array;
}

/** Marks the construction of a `sharing` model (its arrays are set after). */
const SHARING: unique symbol = Symbol("sharing");
/** Placeholder array of a `sharing` model under construction. */
const NONE = new Float64Array(0);

/** Azimuth is the radar's only wrapping component. */
const RADAR_ANGLES: readonly number[] = [1];

export class RadarMeasurementModel implements DetectionMeasurementModel, PointInitiation {
  readonly kind = "point" as const;
  readonly angleComponents = RADAR_ANGLES;
  /** Measurement dimension: 4 with range rate, 3 without. */
  m: 3 | 4 = 4;
  /** Noise covariance, m x m. */
  R: Float64Array;
  /** Radar position and velocity, ECEF (m, m/s). */
  sensorPosEcefM: Float64Array;
  sensorVelEcefMps: Float64Array;
  /** ECEF -> ENU rotation (rows E, N, U). */
  rotEcefToLocal: Float64Array;
  /** Own buffers (configure copies into them); null for a model made by `sharing`, until configured. */
  private own: RadarBuffers | null = null;
  /** The cached range, azimuth and elevation view of a 4-component model (positionOnly). */
  private view3: RadarMeasurementModel | null = null;

  /**
   * A model owning its arrays (zero until configured), configured from `detection` when given.
   * (`SHARING` is for `RadarMeasurementModel.sharing`, which sets the arrays itself.)
   */
  constructor(detection?: Detection | typeof SHARING) {
    if (detection === SHARING) {
      this.sensorPosEcefM = NONE;
      this.sensorVelEcefMps = NONE;
      this.rotEcefToLocal = NONE;
      this.R = NONE;
      return;
    }
    const own = this.buffers();
    this.sensorPosEcefM = own.pos;
    this.sensorVelEcefMps = own.vel;
    this.rotEcefToLocal = own.rot;
    this.R = own.r4;
    if (detection) this.configure(detection);
  }

  /**
   * A model that refers to the given arrays (not copied: they must not change while the model is in
   * use); R is m x m. Allocates nothing but the model object: a radar makes one per detection.
   */
  static sharing(
    sensorPosEcefM: Float64Array,
    sensorVelEcefMps: Float64Array,
    rotEcefToLocal: Float64Array,
    R: Float64Array,
    m: 3 | 4,
  ): RadarMeasurementModel {
    if (R.length !== m * m) throw new RangeError(`RadarMeasurementModel: R must be ${m} x ${m}`);
    const model = new RadarMeasurementModel(SHARING);
    model.sensorPosEcefM = sensorPosEcefM;
    model.sensorVelEcefMps = sensorVelEcefMps;
    model.rotEcefToLocal = rotEcefToLocal;
    model.R = R;
    model.m = m;
    return model;
  }

  private buffers(): RadarBuffers {
    this.own ??= {
      pos: new Float64Array(3),
      vel: new Float64Array(3),
      rot: new Float64Array(9),
      r3: new Float64Array(9),
      r4: new Float64Array(16),
    };
    return this.own;
  }

  /**
   * Takes the radar state, rotation and noise from a radar detection (z of length 3 or 4), copying
   * them. With `useRangeRate` false a 4-component detection is used as range, azimuth and elevation
   * only (the first three components of z and the top-left 3 x 3 block of R).
   */
  configure(detection: Detection, useRangeRate = true): this {
    const mz = detection.z.length;
    if (detection.kind !== "radar" || (mz !== 3 && mz !== 4)) {
      throw new RangeError(`RadarMeasurementModel: need a radar detection with 3 or 4 components`);
    }
    const m = mz === 4 && useRangeRate ? 4 : 3;
    const own = this.buffers();
    const R = m === 4 ? own.r4 : own.r3;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) R[i * m + j] = detection.R[i * mz + j];
    return this.adopt(detection.sensorPosEcefM, detection.sensorVelEcefMps, detection.rotEcefToLocal, R, m);
  }

  /** Same as `configure` from raw parts (m = 3 or 4; R is m x m), copied. */
  configureFrom(
    sensorPosEcefM: ArrayLike<number>,
    sensorVelEcefMps: ArrayLike<number>,
    rotEcefToLocal: ArrayLike<number>,
    R: ArrayLike<number>,
    m: 3 | 4,
  ): this {
    const own = this.buffers();
    const Rown = m === 4 ? own.r4 : own.r3;
    for (let i = 0; i < m * m; i++) Rown[i] = R[i];
    return this.adopt(sensorPosEcefM, sensorVelEcefMps, rotEcefToLocal, Rown, m);
  }

  private adopt(
    sensorPosEcefM: ArrayLike<number>,
    sensorVelEcefMps: ArrayLike<number>,
    rotEcefToLocal: ArrayLike<number>,
    R: Float64Array,
    m: 3 | 4,
  ): this {
    const o = this.buffers();
    for (let i = 0; i < 3; i++) {
      o.pos[i] = sensorPosEcefM[i];
      o.vel[i] = sensorVelEcefMps[i];
    }
    for (let i = 0; i < 9; i++) o.rot[i] = rotEcefToLocal[i];
    this.sensorPosEcefM = o.pos;
    this.sensorVelEcefMps = o.vel;
    this.rotEcefToLocal = o.rot;
    this.R = R;
    this.m = m;
    this.view3 = null;
    return this;
  }

  /** Range, azimuth and elevation only (the first three components of z), for a 4-component model
   *  (made on the first call, then kept). */
  positionOnly(): RadarMeasurementModel | undefined {
    if (this.m !== 4) return undefined;
    if (this.view3 === null) {
      const R3 = new Float64Array(9);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) R3[i * 3 + j] = this.R[i * 4 + j];
      this.view3 = RadarMeasurementModel.sharing(
        this.sensorPosEcefM,
        this.sensorVelEcefMps,
        this.rotEcefToLocal,
        R3,
        3,
      );
    }
    return this.view3;
  }

  /** Same h: a radar model of the same dimension on the same site state arrays (one look of one radar). */
  sameFunctionAs(other: DetectionMeasurementModel): boolean {
    return (
      other instanceof RadarMeasurementModel &&
      other.m === this.m &&
      other.sensorPosEcefM === this.sensorPosEcefM &&
      other.sensorVelEcefMps === this.sensorVelEcefMps &&
      other.rotEcefToLocal === this.rotEcefToLocal
    );
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

  /** z - zPredicted with the azimuth wrapped (what the filters compute from `angleComponents`). */
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

  // ------------------------------------------------------------ one-point inversion

  /** The converted position of z, ECEF m: s + R_enu^T l, l = r [cos el sin az, cos el cos az, sin el]. */
  positionEcefInto(z: ArrayLike<number>, out: Float64Array): Float64Array {
    const s = this.sensorPosEcefM;
    const q = this.rotEcefToLocal;
    const r = z[0];
    const ce = Math.cos(z[2]);
    const l0 = r * ce * Math.sin(z[1]);
    const l1 = r * ce * Math.cos(z[1]);
    const l2 = r * Math.sin(z[2]);
    out[0] = s[0] + q[0] * l0 + q[3] * l1 + q[6] * l2;
    out[1] = s[1] + q[1] * l0 + q[4] * l1 + q[7] * l2;
    out[2] = s[2] + q[2] * l0 + q[5] * l1 + q[8] * l2;
    return out;
  }

  /** sqrt(sigma_r^2 + r^2 (sigma_az^2 + sigma_el^2)): at least the root of the trace of J R J^T. */
  positionSigmaM(z: ArrayLike<number>): number {
    const R = this.R;
    const m = this.m;
    const r = z[0];
    return Math.sqrt(R[0] + r * r * (R[m + 1] + R[2 * m + 2]));
  }

  initialGaussianInto(
    z: ArrayLike<number>,
    velocitySigmaMps: number,
    mean: Float64Array,
    cov: Float64Array,
  ): void {
    const R = this.R;
    const m = this.m;
    const q = this.rotEcefToLocal;
    const s = this.sensorPosEcefM;
    const sv = this.sensorVelEcefMps;
    const r = z[0];
    const ca = Math.cos(z[1]);
    const sa = Math.sin(z[1]);
    const ce = Math.cos(z[2]);
    const se = Math.sin(z[2]);
    // Local ENU line of sight and its partial derivatives.
    const u = [ce * sa, ce * ca, se];
    const dAz = [r * ce * ca, -r * ce * sa, 0];
    const dEl = [-r * se * sa, -r * se * ca, r * ce];
    // ECEF: v_ecef = R^T v_enu, i.e. component i = sum_k q[k * 3 + i] v_k.
    const toEcef = (v: number[]) => [0, 1, 2].map((i) => q[i] * v[0] + q[3 + i] * v[1] + q[6 + i] * v[2]);
    const uE = toEcef(u);
    const J = [uE, toEcef(dAz), toEcef(dEl)]; // columns d p / d(r, az, el)
    mean.fill(0, 0, 6);
    cov.fill(0, 0, 36);
    for (let i = 0; i < 3; i++) mean[i] = s[i] + r * uE[i];
    // Position covariance J R3 J^T (R3 the range-azimuth-elevation block of R).
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let acc = 0;
        for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) acc += J[a][i] * R[a * m + b] * J[b][j];
        cov[i * 6 + j] = acc;
      }
    }
    const vs2 = velocitySigmaMps * velocitySigmaMps;
    if (m === 4) {
      const rdot = z[3];
      const srr = R[15];
      for (let i = 0; i < 3; i++) {
        mean[3 + i] = sv[i] + rdot * uE[i];
        for (let j = 0; j < 3; j++) {
          const uu = uE[i] * uE[j];
          cov[(3 + i) * 6 + 3 + j] = vs2 * ((i === j ? 1 : 0) - uu) + srr * uu;
        }
      }
    } else {
      for (let i = 0; i < 3; i++) {
        mean[3 + i] = sv[i];
        cov[(3 + i) * 6 + 3 + i] = vs2;
      }
    }
  }
}

/** The measurement model of a radar detection (with range rate when z has four components), copied. */
export function radarMeasurementModel(detection: Detection): RadarMeasurementModel {
  return new RadarMeasurementModel(detection);
}
