/**
 * One-point track initiation from a detection that fixes a point (a radar's range, azimuth and
 * elevation): the detection's own `PointInitiation` (src/sensors/measurement.ts) gives the
 * position-velocity Gaussian. For the radar (src/sensors/models/radar.ts): position
 * p = s + R_enu^T r [cos(el) sin(az), cos(el) cos(az), sin(el)] with covariance J R J^T (J the Jacobian
 * of that conversion: the converted-measurement linearisation, Bar-Shalom, Li and Kirubarajan 2001,
 * section 10.4.3); with a range rate, its component along the line of sight is known (mean rdot u plus
 * the radar's velocity, variance sigma_rdot^2) and the two across it are unknown (variance
 * `velocitySigmaMps`^2); without one, the mean is the radar's velocity and every direction gets
 * `velocitySigmaMps`^2. The large velocity variance lets the first updates find the velocity (Stone
 * Soup's single-point initiator does the same).
 */
import type { Detection } from "../../sensors/detection.js";

export interface InitialGaussian {
  /** [px, py, pz, vx, vy, vz] ECEF (m, m/s). */
  mean: Float64Array;
  /** 6 x 6 row-major covariance. */
  cov: Float64Array;
}

/** Position-velocity Gaussian of a target from one detection that fixes a point (allocates). */
export function radarInitialGaussian(detection: Detection, velocitySigmaMps = 3000): InitialGaussian {
  const init = detection.initiation;
  if (init.kind !== "point") {
    throw new RangeError(`radarInitialGaussian: detection of ${detection.sensorId} does not fix a point`);
  }
  const mean = new Float64Array(6);
  const cov = new Float64Array(36);
  init.initialGaussianInto(detection.z, velocitySigmaMps, mean, cov);
  return { mean, cov };
}
