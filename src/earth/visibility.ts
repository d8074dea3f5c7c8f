/**
 * Line of sight, elevation angle and radar horizon.
 *
 * Effective-Earth model (standard refraction): rays bend down with about a quarter of the Earth's
 * curvature, which is equivalent to straight rays over a sphere of radius k R with k = 4/3
 * (Skolnik, Introduction to Radar Systems, 3rd ed., sec. 8.2; Doerry, Sandia SAND2007-3785).
 * R is the mean Earth radius 6371 km (src/earth/wgs84.ts), as docs/design.md specifies.
 *
 * radarHorizonRangeM(h_r, h_t, k) is the largest slant range at which a target at height h_t is in line
 * of sight of a radar at h_r over that smooth sphere: the sum of the two tangent lengths,
 *   d = sqrt(2 k R h_r + h_r^2) + sqrt(2 k R h_t + h_t^2),
 * which for h << k R is the textbook d = sqrt(2 k R h_r) + sqrt(2 k R h_t) (about 4.12 (sqrt(h_r) +
 * sqrt(h_t)) km with heights in metres for k = 4/3); the h^2 terms keep it exact for targets in space.
 *
 * isAboveRadarHorizon(radar, target, k) carries the two geodetic heights and the true slant range over
 * to that sphere (the usual 4/3-Earth mapping) and is therefore exactly consistent with
 * radarHorizonRangeM: over a sphere, for fixed heights, the segment between the two points clears the
 * sphere if and only if the slant range does not exceed the sum of the tangent lengths.
 *
 * isLineOfSightClear(a, b, k): with k = 1 (the default) the exact test against the WGS-84 ellipsoid
 * (for space sensors, satellites, anything without refraction); with k != 1 the effective-sphere test
 * of isAboveRadarHorizon. Heights below zero count as zero in the horizon formula.
 */
import { finiteArg, finiteVec3Arg, positiveArg } from "../math/check.js";
import type { Vec3Like } from "../math/vec3.js";
import { ecefToGeodeticInto } from "./geodetic.js";
import { MEAN_EARTH_RADIUS_M, WGS84_A_M, WGS84_B_M } from "./wgs84.js";

/** Standard-refraction effective-Earth-radius factor. */
export const STANDARD_K_FACTOR = 4 / 3;

const scratchA = new Float64Array(3);
const scratchB = new Float64Array(3);
const inA = new Float64Array(3);
const inB = new Float64Array(3);

/** Copies a caller's vector into a module Float64Array, so ecefToGeodeticInto stays monomorphic. */
function load(dst: Float64Array, v: Vec3Like): Float64Array {
  dst[0] = v[0];
  dst[1] = v[1];
  dst[2] = v[2];
  return dst;
}

/** Tangent length from height h (m) to a sphere of radius rEff (m): sqrt(2 rEff h + h^2), 0 below the surface. */
function tangentLengthM(hM: number, rEffM: number): number {
  const h = hM > 0 ? hM : 0;
  return Math.sqrt(h * (2 * rEffM + h));
}

/** Maximum line-of-sight slant range (m) between heights radarAltM and targetAltM over a sphere of k R. */
export function radarHorizonRangeM(
  radarAltM: number,
  targetAltM: number,
  kFactor: number = STANDARD_K_FACTOR,
): number {
  // NaN heights used to give a plausible 1,307 km (issue 10 item 10): every argument is checked.
  finiteArg("radarHorizonRangeM", "radarAltM", radarAltM);
  finiteArg("radarHorizonRangeM", "targetAltM", targetAltM);
  positiveArg("radarHorizonRangeM", "kFactor", kFactor);
  const rEff = kFactor * MEAN_EARTH_RADIUS_M;
  return tangentLengthM(radarAltM, rEff) + tangentLengthM(targetAltM, rEff);
}

/**
 * Elevation (rad) of the target above the observer's geodetic horizontal plane (the plane normal to
 * the ellipsoid normal through the observer), in [-pi/2, pi/2]. No refraction. Allocation-free.
 */
export function elevationAngleRad(observerEcef: Vec3Like, targetEcef: Vec3Like): number {
  finiteVec3Arg("elevationAngleRad", "observerEcef", observerEcef);
  finiteVec3Arg("elevationAngleRad", "targetEcef", targetEcef);
  const g = ecefToGeodeticInto(load(inA, observerEcef), scratchA);
  const cLat = Math.cos(g[0]);
  const ux = cLat * Math.cos(g[1]);
  const uy = cLat * Math.sin(g[1]);
  const uz = Math.sin(g[0]);
  const dx = targetEcef[0] - observerEcef[0];
  const dy = targetEcef[1] - observerEcef[1];
  const dz = targetEcef[2] - observerEcef[2];
  const horizontal2 = dx * dx + dy * dy + dz * dz;
  const up = dx * ux + dy * uy + dz * uz;
  const across = Math.sqrt(Math.max(horizontal2 - up * up, 0));
  return Math.atan2(up, across);
}

/** True when the radar sees the target over the effective sphere of radius k R (see the file comment). */
export function isAboveRadarHorizon(
  radarEcef: Vec3Like,
  targetEcef: Vec3Like,
  kFactor: number = STANDARD_K_FACTOR,
): boolean {
  finiteVec3Arg("isAboveRadarHorizon", "radarEcef", radarEcef);
  finiteVec3Arg("isAboveRadarHorizon", "targetEcef", targetEcef);
  const hr = ecefToGeodeticInto(load(inA, radarEcef), scratchA)[2];
  const ht = ecefToGeodeticInto(load(inB, targetEcef), scratchB)[2];
  const dx = targetEcef[0] - radarEcef[0];
  const dy = targetEcef[1] - radarEcef[1];
  const dz = targetEcef[2] - radarEcef[2];
  const slant = Math.sqrt(dx * dx + dy * dy + dz * dz);
  return slant <= radarHorizonRangeM(hr, ht, kFactor);
}

/** Points this close (m, in the scaled frame) to the surface count as on it, so a radar at h = 0 sees out. */
const SURFACE_TOLERANCE_M = 1e-3;

/**
 * True when the straight segment a-b does not pass through the Earth. kFactor = 1: the WGS-84
 * ellipsoid, exactly (scaling z by a/b turns it into a sphere of radius a and keeps segments straight).
 * Otherwise the effective-sphere test (isAboveRadarHorizon). A point below the surface blocks its own
 * line of sight.
 */
export function isLineOfSightClear(aEcef: Vec3Like, bEcef: Vec3Like, kFactor = 1): boolean {
  finiteVec3Arg("isLineOfSightClear", "aEcef", aEcef);
  finiteVec3Arg("isLineOfSightClear", "bEcef", bEcef);
  positiveArg("isLineOfSightClear", "kFactor", kFactor);
  if (kFactor !== 1) return isAboveRadarHorizon(aEcef, bEcef, kFactor);
  const s = WGS84_A_M / WGS84_B_M;
  const ax = aEcef[0];
  const ay = aEcef[1];
  const az = aEcef[2] * s;
  const dx = bEcef[0] - ax;
  const dy = bEcef[1] - ay;
  const dz = bEcef[2] * s - az;
  const dd = dx * dx + dy * dy + dz * dz;
  // Closest approach of the segment to the centre, parameter t in [0, 1].
  let t = dd > 0 ? -(ax * dx + ay * dy + az * dz) / dd : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const cx = ax + t * dx;
  const cy = ay + t * dy;
  const cz = az + t * dz;
  const r = WGS84_A_M - SURFACE_TOLERANCE_M;
  return cx * cx + cy * cy + cz * cz >= r * r;
}
