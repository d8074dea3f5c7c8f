/**
 * Launcher-centred geometry of an intercept point, as the flyout tables index it:
 * - ground range: the launcher's geocentric radius times the geocentric angle between the launcher and
 *   the point, s = |r_L| atan2(|r_L x r_P|, r_L . r_P) (the arc of the sphere through the launcher; on
 *   the ellipsoid it differs from the geodesic distance by well under 1 % at these ranges, and tables
 *   and solutions use this same definition, so the difference cancels);
 * - altitude: the point's height above the Earth model's ellipsoid (or sphere);
 * - azimuth: of the point from the launcher in the launcher's local ENU frame, from north to east.
 * Allocation-free.
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";

/** Ground range from the launcher at `launcherEcefM` to `pointEcefM`, m (see the file comment). */
export function groundRangeM(launcherEcefM: ArrayLike<number>, pointEcefM: ArrayLike<number>): number {
  const ax = launcherEcefM[0];
  const ay = launcherEcefM[1];
  const az = launcherEcefM[2];
  const bx = pointEcefM[0];
  const by = pointEcefM[1];
  const bz = pointEcefM[2];
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  const ra = Math.sqrt(ax * ax + ay * ay + az * az);
  return ra * Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ax * bx + ay * by + az * bz);
}

/**
 * Ground-range rate and altitude rate of a point moving with velocity `velEcefMps`, seen from a fixed
 * launcher: d s / dt and d h / dt, written into out2 (h taken as the geocentric radial rate, which
 * differs from the geodetic height rate by the cosine of the deflection of the vertical, < 0.19 deg).
 */
export function rangeAltitudeRatesInto(
  launcherEcefM: ArrayLike<number>,
  pointEcefM: ArrayLike<number>,
  velEcefMps: ArrayLike<number>,
  out2: Float64Array,
): Float64Array {
  const ax = launcherEcefM[0];
  const ay = launcherEcefM[1];
  const az = launcherEcefM[2];
  const px = pointEcefM[0];
  const py = pointEcefM[1];
  const pz = pointEcefM[2];
  const vx = velEcefMps[0];
  const vy = velEcefMps[1];
  const vz = velEcefMps[2];
  const ra = Math.sqrt(ax * ax + ay * ay + az * az);
  const rp = Math.sqrt(px * px + py * py + pz * pz);
  // Unit radial of the point and the unit horizontal direction away from the launcher at the point.
  const ux = px / rp;
  const uy = py / rp;
  const uz = pz / rp;
  const radial = vx * ux + vy * uy + vz * uz;
  // Launcher direction projected on the point's horizontal plane; away = -(that), normalised.
  const la = (ax * ux + ay * uy + az * uz) / ra;
  let hx = -(ax / ra - la * ux);
  let hy = -(ay / ra - la * uy);
  let hz = -(az / ra - la * uz);
  const hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
  let horizontal = 0;
  if (hn > 1e-12) {
    hx /= hn;
    hy /= hn;
    hz /= hn;
    // Angular rate of the central angle times the launcher's radius.
    horizontal = ((vx * hx + vy * hy + vz * hz) * ra) / rp;
  }
  out2[0] = horizontal;
  out2[1] = radial;
  return out2;
}

/** Azimuth of `pointEcefM` from the launcher, rad in (-pi, pi], from north to east; rot9 = ECEF->ENU at the launcher. */
export function azimuthFromRad(
  launcherEcefM: ArrayLike<number>,
  rot9: ArrayLike<number>,
  pointEcefM: ArrayLike<number>,
): number {
  const dx = pointEcefM[0] - launcherEcefM[0];
  const dy = pointEcefM[1] - launcherEcefM[1];
  const dz = pointEcefM[2] - launcherEcefM[2];
  const e = rot9[0] * dx + rot9[1] * dy + rot9[2] * dz;
  const n = rot9[3] * dx + rot9[4] * dy + rot9[5] * dz;
  return Math.atan2(e, n);
}

/** Altitude of a point above the Earth model's surface, m. */
export function altitudeOf(earth: FlightEarthModel, pointEcefM: ArrayLike<number>): number {
  return earth.altitudeM(pointEcefM);
}
