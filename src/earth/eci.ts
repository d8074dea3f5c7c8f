/**
 * The ECI frame and Greenwich Mean Sidereal Time.
 *
 * Convention (the one place Raijin defines it): ECI is the ECEF frame rotated back about the z axis by
 * the Greenwich Mean Sidereal Time of the instant, r_ECI = R3(-GMST) r_ECEF, with GMST from the IAU-82
 * expression (Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., eq. 3-47):
 *   GMST(s) = 67310.54841 + (876600 h + 8640184.812866 s) T + 0.093104 s T^2 - 6.2e-6 s T^3,
 *   T = (JD_UT1 - 2451545.0) / 36525.
 * It is a pseudo-inertial "mean equator, mean equinox of date with the GMST angle" frame. What it ignores:
 * - precession and nutation (so it is not J2000/GCRF: the difference grows from zero at 2000 to tens of
 *   km at LEO radius today, and the equation of the equinoxes, up to about 1.2 s of time, is left out);
 * - polar motion (up to about 15 m at the surface);
 * - UT1 - UTC (|DUT1| < 0.9 s, about 0.4 km at the equator): the Date's UTC is used as UT1.
 * None of that matters inside one engagement as long as every component uses this one frame, which is
 * why ECI exists only here. Velocities include the transport term omega x r with omega = WGS-84
 * 7.292115e-5 rad/s (the IAU-82 GMST rate is 7.2921158553e-5 rad/s; the difference is below 1e-11 rad/s).
 * The full-precision Julian date is kept by counting milliseconds from J2000.0 and separating whole days.
 */
import { finiteArg, finiteVec3Arg } from "../math/check.js";
import { inFrame, type InFrame } from "../math/frames.js";
import type { Vec3Like, Vec3Out } from "../math/vec3.js";
import type { EcefTuple } from "./geodetic.js";
import { WGS84_OMEGA_RADS } from "./wgs84.js";

export type EciTuple = InFrame<[number, number, number], "ECI">;

/** J2000.0 = JD 2451545.0 = 2000-01-01T12:00:00 (UT1, taken as UTC), in Unix milliseconds. */
const J2000_UNIX_MS = Date.UTC(2000, 0, 1, 12, 0, 0);
const MS_PER_DAY = 86400000;
const TWO_PI = 2 * Math.PI;

/** GMST (rad, in [0, 2 pi)) at an instant given as Unix milliseconds (UTC used as UT1). */
export function gmstRadFromUnixMs(unixMs: number): number {
  finiteArg("gmstRadFromUnixMs", "unixMs", unixMs);
  const days = (unixMs - J2000_UNIX_MS) / MS_PER_DAY;
  const t = days / 36525;
  // 876600 h * T = 86400 s * days: only the fraction of a day survives modulo 86400 s, which keeps
  // full precision decades away from J2000.
  const dayFraction = days - Math.floor(days);
  const seconds = 67310.54841 + 86400 * dayFraction + t * (8640184.812866 + t * (0.093104 - 6.2e-6 * t));
  const rad = ((seconds % 86400) / 86400) * TWO_PI;
  return rad < 0 ? rad + TWO_PI : rad;
}

/** GMST (rad, in [0, 2 pi)) at a Date (UTC used as UT1). */
export function gmstRad(date: Date): number {
  const ms = date instanceof Date ? date.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`gmstRad: date must be a valid Date, given ${String(date)}`);
  return gmstRadFromUnixMs(ms);
}

/** r_ECI = R3(-gmst) r_ECEF. Allocation-free; out may alias pEcef. */
export function ecefToEciInto<T extends Vec3Out>(pEcef: Vec3Like, gmstRadians: number, out: T): T {
  const c = Math.cos(gmstRadians);
  const s = Math.sin(gmstRadians);
  const x = pEcef[0];
  const y = pEcef[1];
  out[0] = c * x - s * y;
  out[1] = s * x + c * y;
  out[2] = pEcef[2];
  return out;
}

/** r_ECEF = R3(gmst) r_ECI. Allocation-free; out may alias pEci. */
export function eciToEcefInto<T extends Vec3Out>(pEci: Vec3Like, gmstRadians: number, out: T): T {
  const c = Math.cos(gmstRadians);
  const s = Math.sin(gmstRadians);
  const x = pEci[0];
  const y = pEci[1];
  out[0] = c * x + s * y;
  out[1] = -s * x + c * y;
  out[2] = pEci[2];
  return out;
}

/**
 * Position and velocity ECEF -> ECI: r_I = R r_E, v_I = R (v_E + omega x r_E), omega = (0, 0, omegaRadS).
 * Allocation-free; outputs must not alias the inputs.
 */
export function ecefToEciStateInto(
  pEcef: Vec3Like,
  vEcef: Vec3Like,
  gmstRadians: number,
  omegaRadS: number,
  outPos: Vec3Out,
  outVel: Vec3Out,
): void {
  const c = Math.cos(gmstRadians);
  const s = Math.sin(gmstRadians);
  const x = pEcef[0];
  const y = pEcef[1];
  const vx = vEcef[0] - omegaRadS * y;
  const vy = vEcef[1] + omegaRadS * x;
  outPos[0] = c * x - s * y;
  outPos[1] = s * x + c * y;
  outPos[2] = pEcef[2];
  outVel[0] = c * vx - s * vy;
  outVel[1] = s * vx + c * vy;
  outVel[2] = vEcef[2];
}

/**
 * Position and velocity ECI -> ECEF: r_E = R^T r_I, v_E = R^T v_I - omega x r_E.
 * Allocation-free; outputs must not alias the inputs.
 */
export function eciToEcefStateInto(
  pEci: Vec3Like,
  vEci: Vec3Like,
  gmstRadians: number,
  omegaRadS: number,
  outPos: Vec3Out,
  outVel: Vec3Out,
): void {
  const c = Math.cos(gmstRadians);
  const s = Math.sin(gmstRadians);
  const x = c * pEci[0] + s * pEci[1];
  const y = -s * pEci[0] + c * pEci[1];
  outPos[0] = x;
  outPos[1] = y;
  outPos[2] = pEci[2];
  outVel[0] = c * vEci[0] + s * vEci[1] + omegaRadS * y;
  outVel[1] = -s * vEci[0] + c * vEci[1] - omegaRadS * x;
  outVel[2] = vEci[2];
}

// Public forms work through these Float64Arrays so the hot-path functions keep monomorphic arguments.
const sp = new Float64Array(3);
const sv = new Float64Array(3);
const op = new Float64Array(3);
const ov = new Float64Array(3);

function load(dst: Float64Array, v: Vec3Like): Float64Array {
  dst[0] = v[0];
  dst[1] = v[1];
  dst[2] = v[2];
  return dst;
}

/** Public form: ECEF position (m) at a Date -> ECI position (m). */
export function ecefToEci(pEcef: Vec3Like, date: Date): EciTuple {
  finiteVec3Arg("ecefToEci", "pEcef", pEcef);
  const o = ecefToEciInto(load(sp, pEcef), gmstRad(date), op);
  return inFrame([o[0], o[1], o[2]], "ECI");
}

/** Public form: ECI position (m) at a Date -> ECEF position (m). */
export function eciToEcef(pEci: Vec3Like, date: Date): EcefTuple {
  finiteVec3Arg("eciToEcef", "pEci", pEci);
  const o = eciToEcefInto(load(sp, pEci), gmstRad(date), op);
  return inFrame([o[0], o[1], o[2]], "ECEF");
}

/** Public form: ECEF position (m) and velocity (m/s) -> ECI, with the Earth's rotation (WGS-84 omega). */
export function ecefToEciState(
  pEcef: Vec3Like,
  vEcef: Vec3Like,
  date: Date,
): { posM: EciTuple; velMps: EciTuple } {
  finiteVec3Arg("ecefToEciState", "pEcef", pEcef);
  finiteVec3Arg("ecefToEciState", "vEcef", vEcef);
  ecefToEciStateInto(load(sp, pEcef), load(sv, vEcef), gmstRad(date), WGS84_OMEGA_RADS, op, ov);
  return { posM: inFrame([op[0], op[1], op[2]], "ECI"), velMps: inFrame([ov[0], ov[1], ov[2]], "ECI") };
}

/** Public form: ECI position (m) and velocity (m/s) -> ECEF, with the Earth's rotation (WGS-84 omega). */
export function eciToEcefState(
  pEci: Vec3Like,
  vEci: Vec3Like,
  date: Date,
): { posM: EcefTuple; velMps: EcefTuple } {
  finiteVec3Arg("eciToEcefState", "pEci", pEci);
  finiteVec3Arg("eciToEcefState", "vEci", vEci);
  eciToEcefStateInto(load(sp, pEci), load(sv, vEci), gmstRad(date), WGS84_OMEGA_RADS, op, ov);
  return { posM: inFrame([op[0], op[1], op[2]], "ECEF"), velMps: inFrame([ov[0], ov[1], ov[2]], "ECEF") };
}
