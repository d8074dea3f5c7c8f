/**
 * What a homing missile knows of its target in the end game: a Kalman filter on the target's position
 * built from each seeker look, z = r_M + R_est u_meas, u_meas the seeker's measured line of sight and
 * R_est the range (from the uplinked track for a passive infrared seeker, measured by a radar seeker).
 * The measurement covariance is the look's: (sigma_theta R)^2 across the line of sight on both axes and
 * sigma_R^2 along it,
 *   R = (sigma_theta R)^2 (I - u u^T) + sigma_R^2 u u^T,
 * so the filter smooths the angle noise into the position and velocity the proportional-navigation law
 * is given.
 * Motion model: the tracking layer's ballistic model (an extended Kalman filter on
 * [r, v, kappa]: gravity, the rotating frame and drag with an estimated inverse ballistic coefficient,
 * src/tracking/models/transition/ballistic.ts), so the target's fall and deceleration are known and the
 * process noise stands only for what the target does beyond them: white acceleration of spectral density
 * q (a glider's lift, a manoeuvre; q = 400 m^2/s^3 is about 20 m/s^2 of unforeseen acceleration
 * sustained over a second [N]).
 */
import { ExtendedKalmanFilter } from "../../tracking/filters/extendedKalman.js";
import { positionMeasurementModel } from "../../tracking/models/measurement/linear.js";
import { BallisticModel } from "../../tracking/models/transition/ballistic.js";
import type { GaussianState, LinearMeasurementModel } from "../../tracking/types.js";

/** Default target-manoeuvre spectral density of the end-game filter, m^2/s^3 [N]. */
export const HOMING_ACCEL_PSD_M2S3 = 400;

export class HomingEstimator {
  private readonly ekf: ExtendedKalmanFilter;
  private readonly model: LinearMeasurementModel;
  private readonly R = new Float64Array(9);
  private readonly z = new Float64Array(3);
  private readonly mean6 = new Float64Array(6);
  private readonly cov6 = new Float64Array(36);
  private a: GaussianState;
  private b: GaussianState;
  private started = false;

  constructor(
    /** Target acceleration spectral density, m^2/s^3. */
    readonly accelPsdM2S3: number = HOMING_ACCEL_PSD_M2S3,
    /** Earth rotation rate of the scenario, rad/s (the frame terms of the model). */
    omegaRadS?: number,
  ) {
    if (!(accelPsdM2S3 >= 0))
      throw new RangeError(`HomingEstimator: accelPsdM2S3 must be >= 0, given ${accelPsdM2S3}`);
    this.model = positionMeasurementModel(7, this.R);
    this.ekf = new ExtendedKalmanFilter({
      transition: new BallisticModel({ accelPsdM2S3, omegaRadS }),
      measurement: this.model,
    });
    this.a = this.ekf.createState();
    this.b = this.ekf.createState();
  }

  /** Whether the estimator has a state (after start). */
  get active(): boolean {
    return this.started;
  }

  /** The current estimate (position x[0..2], velocity x[3..5], inverse ballistic coefficient x[6]). */
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
    this.cov6.fill(0);
    for (let i = 0; i < 3; i++) {
      this.mean6[i] = posEcefM[i];
      this.mean6[3 + i] = velEcefMps[i];
      this.cov6[i * 7] = posSigmaM * posSigmaM;
      this.cov6[(3 + i) * 7] = velSigmaMps * velSigmaMps;
    }
    this.ekf.initializeInto(this.mean6, this.cov6, tS, this.a);
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
    const R = this.R;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) R[3 * i + j] = (i === j ? l2 : 0) + d2 * u[i] * u[j];
    this.ekf.predictInto(this.a, Math.max(tS, this.a.timeS), this.b);
    this.ekf.updateInto(this.b, this.z, this.a, this.model);
  }
}
