/**
 * What a homing missile knows of its target in the end game: a constant-velocity Kalman filter (the
 * tracking layer's KalmanFilter and ConstantVelocityModel) on the target's position built from each
 * seeker look, z = r_M + R_est u_meas, with u_meas the seeker's measured line of sight and R_est the
 * range (from the uplinked track for a passive infrared seeker, measured by a radar seeker). The
 * measurement covariance is the look's: (sigma_theta R)^2 across the line of sight on both axes and
 * sigma_R^2 along it,
 *   R = (sigma_theta R)^2 (I - u u^T) + sigma_R^2 u u^T,
 * so the filter smooths the angle noise into the position and velocity the proportional-navigation law
 * is given. Process noise: white acceleration of spectral density q (the target's manoeuvre).
 */
import { KalmanFilter } from "../../tracking/filters/kalman.js";
import { ConstantVelocityModel } from "../../tracking/models/transition/constantVelocity.js";
import type { GaussianState, LinearMeasurementModel } from "../../tracking/types.js";

export class HomingEstimator {
  private readonly kf: KalmanFilter;
  private readonly model: LinearMeasurementModel;
  private readonly z = new Float64Array(3);
  private a: GaussianState;
  private b: GaussianState;
  private started = false;

  constructor(
    /** Target acceleration spectral density, m^2/s^3. */
    readonly accelPsdM2S3: number,
  ) {
    if (!(accelPsdM2S3 >= 0))
      throw new RangeError(`HomingEstimator: accelPsdM2S3 must be >= 0, given ${accelPsdM2S3}`);
    const H = new Float64Array(18);
    for (let i = 0; i < 3; i++) H[i * 6 + i] = 1;
    this.model = { H, R: new Float64Array(9) };
    this.kf = new KalmanFilter({
      transition: new ConstantVelocityModel({ psdM2S3: accelPsdM2S3 }),
      measurement: this.model,
    });
    this.a = this.kf.createState();
    this.b = this.kf.createState();
  }

  /** Whether the estimator has a state (after start). */
  get active(): boolean {
    return this.started;
  }

  /** The current estimate (position x[0..2], velocity x[3..5]). */
  get state(): GaussianState {
    return this.a;
  }

  /** Starts from a prior (the uplinked track's position and velocity, with their standard deviations). */
  start(
    tS: number,
    posEcefM: ArrayLike<number>,
    velEcefMps: ArrayLike<number>,
    posSigmaM: number,
    velSigmaMps: number,
  ): void {
    const s = this.a;
    s.timeS = tS;
    s.P.fill(0);
    for (let i = 0; i < 3; i++) {
      s.x[i] = posEcefM[i];
      s.x[3 + i] = velEcefMps[i];
      s.P[i * 6 + i] = posSigmaM * posSigmaM;
      s.P[(3 + i) * 6 + 3 + i] = velSigmaMps * velSigmaMps;
    }
    this.started = true;
  }

  /** One seeker look at tS: measured unit line of sight, range estimate and their standard deviations. */
  update(
    tS: number,
    missilePosEcefM: ArrayLike<number>,
    losUnitEcef: ArrayLike<number>,
    rangeM: number,
    angleSigmaRad: number,
    rangeSigmaM: number,
  ): void {
    if (!this.started) throw new RangeError("HomingEstimator: update before start");
    const u = losUnitEcef;
    for (let i = 0; i < 3; i++) this.z[i] = missilePosEcefM[i] + rangeM * u[i];
    const lat = angleSigmaRad * rangeM;
    const l2 = lat * lat;
    const d2 = rangeSigmaM * rangeSigmaM - l2;
    const R = this.model.R as Float64Array;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) R[3 * i + j] = (i === j ? l2 : 0) + d2 * u[i] * u[j];
    this.kf.predictInto(this.a, Math.max(tS, this.a.timeS), this.b);
    this.kf.updateInto(this.b, this.z, this.a, this.model);
  }
}
