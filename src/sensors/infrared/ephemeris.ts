/**
 * What a sensor constellation needs from its orbits: each satellite's ECEF position and velocity at
 * a simulation time. Walker patterns (./walker.ts) and TLE sets (./tle.ts) both provide it.
 *
 * ECI here is Raijin's frame of date (src/math/frames.ts): ECEF rotated about z by the Greenwich mean
 * sidereal angle. The angle advances at the sidereal rate from its value at the scenario epoch,
 *     theta(t) = GMST(epoch) + omega_sid t,   omega_sid = 7.2921158553e-5 rad/s,
 * the IAU-82 GMST rate, 1.002737909350795 revolutions per UT1 day (Vallado, Fundamentals of
 * Astrodynamics and Applications, 4th ed., eq. 3-40); over a 30 minute raid this matches a full GMST
 * evaluation to well below a metre at LEO radius, and it avoids a Date per step.
 */

export const SIDEREAL_RATE_RADS = 7.2921158553e-5;

export interface SatelliteEphemeris {
  /** Number of satellites. */
  readonly count: number;
  /** One id per satellite, stable (used as sensor ids: `${constellationId}/${id}`). */
  readonly ids: readonly string[];
  /** Writes satellite `index`'s ECEF position (m) and velocity (m/s) at `timeS` from the scenario epoch. */
  positionVelocityEcefInto(index: number, timeS: number, posOut: Float64Array, velOut: Float64Array): void;
  /**
   * Optional batch form: every satellite's ECEF position and velocity at `timeS`, three numbers per
   * satellite in index order (a constellation can share work between satellites, e.g. the Earth
   * rotation angle).
   */
  allPositionsVelocitiesEcefInto?(timeS: number, posOut: Float64Array, velOut: Float64Array): void;
  /**
   * Optional: groups of satellite indices that always share one orbital plane through the Earth's
   * centre (a Walker plane). Sensors use them to skip a whole plane for a target far from it.
   */
  readonly planes?: readonly (readonly number[])[];
}

/**
 * ECI (frame of date) position and velocity to ECEF at Earth rotation angle `thetaRad`:
 * r_ecef = R3(theta) r_eci, v_ecef = R3(theta) v_eci - omega x r_ecef (Vallado eq. 3-80 without
 * polar motion). Writes into posOut/velOut; inputs may alias nothing else.
 */
export function eciToEcefAtAngleInto(
  posEci: ArrayLike<number>,
  velEci: ArrayLike<number>,
  thetaRad: number,
  omegaRadS: number,
  posOut: Float64Array,
  velOut: Float64Array,
): void {
  const c = Math.cos(thetaRad);
  const s = Math.sin(thetaRad);
  const x = c * posEci[0] + s * posEci[1];
  const y = -s * posEci[0] + c * posEci[1];
  const z = posEci[2];
  const vx = c * velEci[0] + s * velEci[1] + omegaRadS * y;
  const vy = -s * velEci[0] + c * velEci[1] - omegaRadS * x;
  posOut[0] = x;
  posOut[1] = y;
  posOut[2] = z;
  velOut[0] = vx;
  velOut[1] = vy;
  velOut[2] = velEci[2];
}
