/**
 * Local East-North-Up frames. The ENU axes at geodetic (lat, lon) are the rows of
 *   R = [ -sin lon,           cos lon,          0       ]   (East)
 *       [ -sin lat cos lon,  -sin lat sin lon,  cos lat ]   (North)
 *       [  cos lat cos lon,   cos lat sin lon,  sin lat ]   (Up, the ellipsoid normal)
 * so v_ENU = R v_ECEF and v_ECEF = R^T v_ENU (the standard local-level rotation, e.g. Vallado,
 * Fundamentals of Astrodynamics and Applications, 4th ed., sec. 3.4 with SEZ reordered to ENU; GeographicLib's
 * LocalCartesian uses the same axes, which tests/earth/enu.test.ts checks against its manual).
 * Positions are taken relative to the origin's ECEF position first; directions (velocities) rotate only.
 * Matrices are row-major Float64Array(9).
 */
import { checkGeodetic, finiteVec3Arg } from "../math/check.js";
import { inFrame, type InFrame } from "../math/frames.js";
import type { Vec3Like, Vec3Out } from "../math/vec3.js";
import { geodeticToEcefInto, type EcefTuple, type Geodetic } from "./geodetic.js";
import { RAD_PER_DEG } from "./wgs84.js";

/** A plain ENU tuple (m or m/s), branded with its frame. */
export type EnuTuple = InFrame<[number, number, number], "ENU">;

/** Writes the ECEF -> ENU rotation at (latRad, lonRad) into out9 (row-major; rows E, N, U). */
export function enuRotationInto<T extends { [index: number]: number }>(
  latRad: number,
  lonRad: number,
  out9: T,
): T {
  const sLat = Math.sin(latRad);
  const cLat = Math.cos(latRad);
  const sLon = Math.sin(lonRad);
  const cLon = Math.cos(lonRad);
  out9[0] = -sLon;
  out9[1] = cLon;
  out9[2] = 0;
  out9[3] = -sLat * cLon;
  out9[4] = -sLat * sLon;
  out9[5] = cLat;
  out9[6] = cLat * cLon;
  out9[7] = cLat * sLon;
  out9[8] = sLat;
  return out9;
}

/** out = R v (ECEF direction -> ENU). out may alias v. */
export function ecefVectorToEnuInto<T extends Vec3Out>(rot9: ArrayLike<number>, v: Vec3Like, out: T): T {
  const x = v[0];
  const y = v[1];
  const z = v[2];
  out[0] = rot9[0] * x + rot9[1] * y + rot9[2] * z;
  out[1] = rot9[3] * x + rot9[4] * y + rot9[5] * z;
  out[2] = rot9[6] * x + rot9[7] * y + rot9[8] * z;
  return out;
}

/** out = R^T v (ENU direction -> ECEF). out may alias v. */
export function enuVectorToEcefInto<T extends Vec3Out>(rot9: ArrayLike<number>, v: Vec3Like, out: T): T {
  const e = v[0];
  const n = v[1];
  const u = v[2];
  out[0] = rot9[0] * e + rot9[3] * n + rot9[6] * u;
  out[1] = rot9[1] * e + rot9[4] * n + rot9[7] * u;
  out[2] = rot9[2] * e + rot9[5] * n + rot9[8] * u;
  return out;
}

/** ENU position of pEcef relative to an origin given by its ECEF position and rotation. out may alias pEcef. */
export function ecefToEnuInto<T extends Vec3Out>(
  pEcef: Vec3Like,
  originEcef: Vec3Like,
  rot9: ArrayLike<number>,
  out: T,
): T {
  const dx = pEcef[0] - originEcef[0];
  const dy = pEcef[1] - originEcef[1];
  const dz = pEcef[2] - originEcef[2];
  out[0] = rot9[0] * dx + rot9[1] * dy + rot9[2] * dz;
  out[1] = rot9[3] * dx + rot9[4] * dy + rot9[5] * dz;
  out[2] = rot9[6] * dx + rot9[7] * dy + rot9[8] * dz;
  return out;
}

/** ECEF position of an ENU offset from an origin given by its ECEF position and rotation. out may alias enu. */
export function enuToEcefInto<T extends Vec3Out>(
  enu: Vec3Like,
  originEcef: Vec3Like,
  rot9: ArrayLike<number>,
  out: T,
): T {
  enuVectorToEcefInto(rot9, enu, out);
  out[0] += originEcef[0];
  out[1] += originEcef[1];
  out[2] += originEcef[2];
  return out;
}

// Public forms work through these Float64Arrays so the hot-path functions keep monomorphic arguments.
const rotScratch = new Float64Array(9);
const originScratch = new Float64Array(3);
const inScratch = new Float64Array(3);
const outScratch = new Float64Array(3);

function loadOrigin(origin: Geodetic): void {
  const lat = origin.latDeg * RAD_PER_DEG;
  const lon = origin.lonDeg * RAD_PER_DEG;
  enuRotationInto(lat, lon, rotScratch);
  geodeticToEcefInto(lat, lon, origin.altM, originScratch);
}

/** Public form: ECEF position (m) -> [e, n, u] (m) relative to a WGS-84 geodetic origin. */
export function ecefToEnu(pEcef: Vec3Like, originGeodetic: Geodetic): EnuTuple {
  finiteVec3Arg("ecefToEnu", "pEcef", pEcef);
  checkGeodetic("ecefToEnu", "originGeodetic", originGeodetic);
  loadOrigin(originGeodetic);
  inScratch[0] = pEcef[0];
  inScratch[1] = pEcef[1];
  inScratch[2] = pEcef[2];
  const o = ecefToEnuInto(inScratch, originScratch, rotScratch, outScratch);
  return inFrame([o[0], o[1], o[2]], "ENU");
}

/** Public form: [e, n, u] (m) relative to a WGS-84 geodetic origin -> ECEF position (m). */
export function enuToEcef(enu: Vec3Like, originGeodetic: Geodetic): EcefTuple {
  finiteVec3Arg("enuToEcef", "enu", enu);
  checkGeodetic("enuToEcef", "originGeodetic", originGeodetic);
  loadOrigin(originGeodetic);
  inScratch[0] = enu[0];
  inScratch[1] = enu[1];
  inScratch[2] = enu[2];
  const o = enuToEcefInto(inScratch, originScratch, rotScratch, outScratch);
  return inFrame([o[0], o[1], o[2]], "ECEF");
}
