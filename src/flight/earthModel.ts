/**
 * What the flight layer needs from the Earth model (src/earth/model.ts `makeEarthModel(env)`); declared
 * structurally so the flight code depends only on these hot-path members. The environment switches
 * (sphere or WGS-84, rotation, point or J2 gravity, atmosphere or none) live entirely behind them: the
 * flight code never branches on a switch.
 */
export interface FlightEarthModel {
  /** Equatorial radius of the model's ellipsoid (sphere radius for `earth: sphere`), m. */
  readonly aM: number;
  readonly e2: number;
  /** Earth rotation rate, rad/s (0 when `rotation: false`). */
  readonly omegaRadS: number;
  readonly gmM3S2: number;
  /** Gravitational acceleration (no centrifugal term) at an ECEF point, m/s^2, into out3. */
  gravityInto(pEcef: ArrayLike<number>, out3: Float64Array): unknown;
  /** ECEF -> [latRad, lonRad, altM] into out3. */
  geodeticInto(pEcef: ArrayLike<number>, out3: Float64Array): unknown;
  /** (latRad, lonRad, altM) -> ECEF into out3. */
  ecefFromGeodeticInto(latRad: number, lonRad: number, altM: number, out3: Float64Array): unknown;
  /** Height above the model's ellipsoid, m. */
  altitudeM(pEcef: ArrayLike<number>): number;
  /** [temperatureK, pressurePa, densityKgM3, speedOfSoundMps] at altM into out4. */
  atmosphereInto(altM: number, out4: Float64Array): unknown;
  /** [altM, temperatureK, pressurePa, densityKgM3, speedOfSoundMps] at an ECEF point into out5 (one call). */
  airInto(pEcef: ArrayLike<number>, out5: Float64Array): unknown;
}
