/**
 * The scenario's tracking choices to a tracker (src/tracking): the filter every track uses and the
 * track-management rules.
 *
 * Motion models (notional process noise, chosen for hypersonic threats that pull a few g):
 * - ekf / ukf: near-constant velocity, white-noise acceleration of spectral density 1,000 m^2/s^3
 *   (about 1 g of unmodelled acceleration over a 10 s revisit; Bar-Shalom et al. 2001, sec. 6.2.2);
 * - imm: three extended Kalman filters: a ballistic mode (gravity with J2, Earth rotation and drag with an
 *   estimated inverse ballistic coefficient; quiet, 1 m^2/s^3) for free flight, near-constant
 *   acceleration (100 m^2/s^5 jerk density) for boost, pull-up and turns, and near-constant velocity
 *   (1,000 m^2/s^3) for the glide between; mean sojourn times 30 s, 10 s and 20 s.
 */
import { ExtendedKalmanFilter } from "../../tracking/filters/extendedKalman.js";
import { ImmFilter } from "../../tracking/filters/imm.js";
import { UnscentedKalmanFilter } from "../../tracking/filters/unscentedKalman.js";
import { Tracker } from "../../tracking/management/tracker.js";
import { BallisticModel } from "../../tracking/models/transition/ballistic.js";
import { ConstantAccelerationModel } from "../../tracking/models/transition/constantAcceleration.js";
import { ConstantVelocityModel } from "../../tracking/models/transition/constantVelocity.js";
import type { GaussianState, TrackingFilter } from "../../tracking/types.js";
import type { Tracking } from "../schema/tracking.js";

export const CV_PSD_M2S3 = 1000;
export const CA_JERK_PSD_M2S5 = 100;
export const BALLISTIC_ACCEL_PSD_M2S3 = 1;

export function trackingFilter(t: Tracking): TrackingFilter<GaussianState> {
  const cv = new ConstantVelocityModel({ psdM2S3: CV_PSD_M2S3 });
  switch (t.filter) {
    case "ekf":
      return new ExtendedKalmanFilter({ transition: cv });
    case "ukf":
      return new UnscentedKalmanFilter({ transition: cv });
    case "imm":
      return new ImmFilter({
        filters: [
          new ExtendedKalmanFilter({
            transition: new BallisticModel({ accelPsdM2S3: BALLISTIC_ACCEL_PSD_M2S3 }),
          }),
          new ExtendedKalmanFilter({
            transition: new ConstantAccelerationModel({ psdM2S5: CA_JERK_PSD_M2S5 }),
          }),
          new ExtendedKalmanFilter({ transition: cv }),
        ],
        sojournTimesS: [30, 10, 20],
      });
  }
}

export function trackerOf(t: Tracking): Tracker<GaussianState> {
  return new Tracker({
    filter: trackingFilter(t),
    association: t.association,
    gateProbability: t.gateProbability,
    confirmHits: t.confirmHits,
    confirmWindow: t.confirmWindow,
    dropAfterS: t.dropAfter,
  });
}
