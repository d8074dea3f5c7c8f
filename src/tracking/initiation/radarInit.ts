/**
 * One-point track initiation from a radar detection. Position: the measured range, azimuth and
 * elevation converted to ECEF, p = s + R_enu^T r [cos(el) sin(az), cos(el) cos(az), sin(el)], with
 * covariance J R J^T (J the Jacobian of that conversion: the standard converted-measurement
 * linearisation, e.g. Bar-Shalom, Li and Kirubarajan 2001, section 10.4.3). Velocity: with a range rate,
 * its component along the line of sight is known (mean rdot u plus the radar's velocity, variance
 * sigma_rdot^2) and the two across it are unknown (variance `velocitySigmaMps`^2); without one,
 * the mean is the radar's velocity and every direction gets `velocitySigmaMps`^2. The large velocity
 * variance lets the first updates find the velocity (Stone Soup's single-point initiator does the same).
 */
import type { Detection } from "../../sensors/detection.js";

export interface InitialGaussian {
  /** [px, py, pz, vx, vy, vz] ECEF (m, m/s). */
  mean: Float64Array;
  /** 6 x 6 row-major covariance. */
  cov: Float64Array;
}

/** Position-velocity Gaussian of a target from one radar detection (z of length 3 or 4). */
export function radarInitialGaussian(detection: Detection, velocitySigmaMps = 3000): InitialGaussian {
  const z = detection.z;
  const R = detection.R;
  const m = z.length;
  const q = detection.rotEcefToLocal;
  const s = detection.sensorPosEcefM;
  const sv = detection.sensorVelEcefMps;
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
  const mean = new Float64Array(6);
  const cov = new Float64Array(36);
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
  return { mean, cov };
}
