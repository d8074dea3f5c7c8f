/**
 * Geodetic (latitude, longitude, height above the ellipsoid) <-> ECEF on an ellipsoid of revolution.
 *
 * ECEF -> geodetic: Bowring's method (B. R. Bowring, "Transformation from spatial to geographical
 * coordinates", Survey Review 23(181):323-327, 1976) written without trigonometric functions:
 *   start from the parametric latitude beta0 with tan beta0 = (a z) / (b rho),
 *   tan lat = (z + e'^2 b sin^3 beta) / (rho - e^2 a cos^3 beta)            (Bowring eq. 8)
 *   tan beta = (1 - f) tan lat                                               (definition of beta)
 * and one refinement of beta. The height is h = rho cos lat + z sin lat - a sqrt(1 - e^2 sin^2 lat)
 * (exact for any point on the normal through the foot point; NGA TR8350.2 / Vallado eq. 3-14 rewritten
 * without N so it has no division). With that single refinement the result is exact to rounding
 * (tens of nanometres; tests/earth/geodetic.test.ts checks 1e-6 m) from 1,000 km below the surface to
 * beyond 40,000 km, poles and equator included; this fixed work (no data-dependent loop) is what makes
 * the 10 million calls per second target. More than about 1,350 km below the surface (r < 5,000 km,
 * never reached by a simulated object) the refinement is iterated; within about a e^2 = 43 km of the
 * centre the problem has several solutions and a valid, not necessarily nearest, one is returned.
 *
 * Geodetic -> ECEF is the textbook closed form (TR8350.2 eq. 4-14; Vallado eq. 3-7):
 * N = a / sqrt(1 - e^2 sin^2 lat), x = (N + h) cos lat cos lon, y = (N + h) cos lat sin lon,
 * z = (N (1 - e^2) + h) sin lat.
 *
 * Longitude uses one Math.atan through the half-angle identity tan(lon/2) = sin lon / (1 + cos lon) =
 * y / (rho + x) instead of Math.atan2(y, x) (see longitudeRad): in V8, atan2 costs about three atans.
 *
 * Height only (bowringHeightM, EarthModel.altitudeM): the same formulas without the refinement and
 * without the arctangents (the height is second order in the latitude error: within 3e-8 m).
 *
 * Every function either takes the ellipsoid explicitly (`...WithInto`) or uses WGS-84; a sphere is
 * the case f = 0 (geodetic latitude = geocentric latitude, height = r - R).
 */
import { checkGeodetic, finiteVec3Arg } from "../math/check.js";
import { inFrame, type InFrame } from "../math/frames.js";
import type { Vec3Like, Vec3Out } from "../math/vec3.js";
import { DEG_PER_RAD, RAD_PER_DEG, WGS84_A_M, WGS84_F } from "./wgs84.js";

/** A geodetic position in degrees and metres (the public, human-facing form). */
export interface Geodetic {
  latDeg: number;
  lonDeg: number;
  altM: number;
}

/** A plain ECEF position tuple, metres, branded with its frame. */
export type EcefTuple = InFrame<[number, number, number], "ECEF">;

/** An ellipsoid of revolution with the derived constants the hot paths need. */
export interface Ellipsoid {
  /** Equatorial radius, m. */
  readonly aM: number;
  /** Flattening (0 for a sphere). */
  readonly f: number;
  /** Polar radius a (1 - f), m. */
  readonly bM: number;
  /** First eccentricity squared f (2 - f). */
  readonly e2: number;
  /** Second eccentricity squared e^2 / (1 - e^2). */
  readonly ep2: number;
}

export function makeEllipsoid(aM: number, f: number): Ellipsoid {
  if (!(aM > 0) || aM === Infinity)
    throw new RangeError(`makeEllipsoid: aM must be a finite number > 0, given ${aM}`);
  if (!(f >= 0 && f < 1)) throw new RangeError(`makeEllipsoid: f must be a number in [0, 1), given ${f}`);
  const e2 = f * (2 - f);
  return Object.freeze({ aM, f, bM: aM * (1 - f), e2, ep2: e2 / (1 - e2) });
}

export const WGS84_ELLIPSOID: Ellipsoid = makeEllipsoid(WGS84_A_M, WGS84_F);

/** Below this distance from the centre (m^2) the fixed single refinement is not enough. */
const DEEP_R2_M2 = 5.0e6 * 5.0e6;

/**
 * atan2(y, x) for a point at distance rho = sqrt(x^2 + y^2) from the axis, from one Math.atan:
 * east of the 90-degree meridians (x >= 0) tan(lon/2) = y / (rho + x), the half-angle identity
 * tan(u/2) = sin u / (1 + cos u); west of them rho + x would cancel, so the same identity is applied to
 * the angle from the 180-degree meridian, pi - |lon|: lon = +-pi - 2 atan(y / (rho - x)). Both
 * denominators are sums of non-negative terms, so no precision is lost (error of the order of one ulp of
 * pi, like atan2); on the axis (rho = 0) the longitude is 0, as atan2(0, 0).
 */
function longitudeRad(x: number, y: number, rho: number): number {
  if (x >= 0) return rho > 0 ? 2 * Math.atan(y / (rho + x)) : 0;
  return (y >= 0 ? Math.PI : -Math.PI) - 2 * Math.atan(y / (rho - x));
}

/**
 * The shared core. c1 = e'^2 b, c2 = e^2 a, bOverA = b / a are passed precomputed so the hot path
 * does no division by constants. Straight-line code: no loop, one branch. Exported for EarthModel.
 */
export function bowringInto<T extends Vec3Out>(
  x: number,
  y: number,
  z: number,
  aM: number,
  bM: number,
  e2: number,
  c1: number,
  c2: number,
  bOverA: number,
  out: T,
): T {
  const rho2 = x * x + y * y;
  if (rho2 + z * z < DEEP_R2_M2) return deepInto(x, y, z, aM, bM, e2, c1, c2, bOverA, out);
  const rho = Math.sqrt(rho2);
  // beta0: tan beta0 = (a z) / (b rho), the parametric latitude of the radial projection.
  let sb = aM * z;
  let cb = bM * rho;
  let inv = 1 / Math.sqrt(sb * sb + cb * cb);
  sb *= inv;
  cb *= inv;
  // Bowring eq. 8 with beta0, then one refinement tan beta1 = (b / a) tan lat1.
  sb = bOverA * (z + c1 * sb * sb * sb);
  cb = rho - c2 * cb * cb * cb;
  inv = 1 / Math.sqrt(sb * sb + cb * cb);
  sb *= inv;
  cb *= inv;
  const num = z + c1 * sb * sb * sb;
  const den = rho - c2 * cb * cb * cb;
  inv = 1 / Math.sqrt(num * num + den * den);
  const sLat = num * inv;
  // For WGS-84 and the sphere den >= 0 here (see ecefToGeodeticInto); the fallback keeps other
  // ellipsoids correct.
  out[0] = den >= 0 ? Math.atan(num / den) : Math.atan2(num, den);
  out[1] = longitudeRad(x, y, rho);
  out[2] = rho * den * inv + z * sLat - aM * Math.sqrt(1 - e2 * sLat * sLat);
  return out;
}

/**
 * Height above the ellipsoid only, for the flight right-hand side (EarthModel.altitudeM), which needs
 * no latitude or longitude: Bowring's eq. 8 from beta0 without the refinement, then the height formula
 * of bowringInto. No trigonometric call: three square roots and two divisions, a shorter dependency chain
 * than the full conversion. The height is second order in the latitude error, so the single step is
 * already exact to rounding: within 3e-8 m of ecefToGeodeticInto from 1 km below the surface to 40,000 km
 * at every latitude (tests/earth/geodetic.test.ts).
 */
export function bowringHeightM(
  x: number,
  y: number,
  z: number,
  aM: number,
  bM: number,
  e2: number,
  c1: number,
  c2: number,
  bOverA: number,
): number {
  const rho2 = x * x + y * y;
  if (rho2 + z * z < DEEP_R2_M2) return deepInto(x, y, z, aM, bM, e2, c1, c2, bOverA, deepScratch)[2];
  const rho = Math.sqrt(rho2);
  // beta0 (tan beta0 = a z / (b rho)), then Bowring eq. 8 for the latitude.
  let sb = aM * z;
  let cb = bM * rho;
  let inv = 1 / Math.sqrt(sb * sb + cb * cb);
  sb *= inv;
  cb *= inv;
  const num = z + c1 * sb * sb * sb;
  const den = rho - c2 * cb * cb * cb;
  inv = 1 / Math.sqrt(num * num + den * den);
  const sLat = num * inv;
  return rho * den * inv + z * sLat - aM * Math.sqrt(1 - e2 * sLat * sLat);
}

const deepScratch = new Float64Array(3);

/** Points deep inside the Earth (r < 5,000 km): iterate the same refinement to convergence. */
function deepInto<T extends Vec3Out>(
  x: number,
  y: number,
  z: number,
  aM: number,
  bM: number,
  e2: number,
  c1: number,
  c2: number,
  bOverA: number,
  out: T,
): T {
  const rho = Math.sqrt(x * x + y * y);
  // Same start as the fast path: (b/a) num : den = a z : b rho.
  let num = (aM * z) / bOverA;
  let den = bM * rho;
  for (let i = 0; i < 16; i++) {
    let sb = bOverA * num;
    let cb = den;
    const inv = 1 / Math.sqrt(sb * sb + cb * cb);
    if (!(inv < Infinity)) break;
    sb *= inv;
    cb *= inv;
    num = z + c1 * sb * sb * sb;
    den = rho - c2 * cb * cb * cb;
  }
  // Only inside the evolute near the centre can den go negative; keep latitude in [-90, 90] deg there.
  if (den < 0) den = 0;
  const hyp = Math.sqrt(num * num + den * den);
  if (!(hyp > 0)) {
    // The centre, or the equatorial plane inside the evolute: lat = 0 is a valid normal.
    out[0] = 0;
    out[1] = Math.atan2(y, x);
    out[2] = rho - aM;
    return out;
  }
  const sLat = num / hyp;
  out[0] = Math.atan2(num, den);
  out[1] = Math.atan2(y, x);
  out[2] = (rho * den) / hyp + z * sLat - aM * Math.sqrt(1 - e2 * sLat * sLat);
  return out;
}

/**
 * ECEF -> [latRad, lonRad, altM] on the given ellipsoid. Allocation-free.
 * Longitude in (-pi, pi]; at the poles (x = y = 0) longitude is atan2(0, 0) = 0.
 */
export function ecefToGeodeticWithInto<T extends Vec3Out>(pEcef: Vec3Like, ell: Ellipsoid, out: T): T {
  return bowringInto(
    pEcef[0],
    pEcef[1],
    pEcef[2],
    ell.aM,
    ell.bM,
    ell.e2,
    ell.ep2 * ell.bM,
    ell.e2 * ell.aM,
    1 - ell.f,
    out,
  );
}

const W_A = WGS84_ELLIPSOID.aM;
const W_B = WGS84_ELLIPSOID.bM;
const W_E2 = WGS84_ELLIPSOID.e2;
const W_C1 = WGS84_ELLIPSOID.ep2 * WGS84_ELLIPSOID.bM;
const W_C2 = WGS84_ELLIPSOID.e2 * WGS84_ELLIPSOID.aM;
const W_BA = 1 - WGS84_ELLIPSOID.f;

/**
 * ECEF (m) -> [latRad, lonRad, altM] on WGS-84. Allocation-free hot path.
 * The same steps as bowringInto, written out with the WGS-84 constants: V8 does not reliably inline the
 * ten-argument core, and this function is the one the 10 million calls per second target is about.
 * On this path (r >= 5,000 km) den > 0 or den = +0 at the poles, so atan(num / den) is the latitude
 * (atan(+-Infinity) = +-pi/2 exactly) and is cheaper than atan2.
 */
export function ecefToGeodeticInto<T extends Vec3Out>(pEcef: Vec3Like, out: T): T {
  const x = pEcef[0];
  const y = pEcef[1];
  const z = pEcef[2];
  const rho2 = x * x + y * y;
  if (rho2 + z * z < DEEP_R2_M2) return deepInto(x, y, z, W_A, W_B, W_E2, W_C1, W_C2, W_BA, out);
  const rho = Math.sqrt(rho2);
  let sb = W_A * z;
  let cb = W_B * rho;
  let inv = 1 / Math.sqrt(sb * sb + cb * cb);
  sb *= inv;
  cb *= inv;
  sb = W_BA * (z + W_C1 * sb * sb * sb);
  cb = rho - W_C2 * cb * cb * cb;
  inv = 1 / Math.sqrt(sb * sb + cb * cb);
  sb *= inv;
  cb *= inv;
  const num = z + W_C1 * sb * sb * sb;
  const den = rho - W_C2 * cb * cb * cb;
  inv = 1 / Math.sqrt(num * num + den * den);
  const sLat = num * inv;
  out[0] = Math.atan(num / den);
  out[1] = longitudeRad(x, y, rho);
  out[2] = rho * den * inv + z * sLat - W_A * Math.sqrt(1 - W_E2 * sLat * sLat);
  return out;
}

/** (latRad, lonRad, altM) -> ECEF (m) on the given ellipsoid. Allocation-free hot path. */
export function geodeticToEcefWithInto<T extends Vec3Out>(
  latRad: number,
  lonRad: number,
  altM: number,
  ell: Ellipsoid,
  out: T,
): T {
  return geodeticCore(latRad, lonRad, altM, ell.aM, ell.e2, out);
}

function geodeticCore<T extends Vec3Out>(
  latRad: number,
  lonRad: number,
  altM: number,
  aM: number,
  e2: number,
  out: T,
): T {
  const sLat = Math.sin(latRad);
  const cLat = Math.cos(latRad);
  const n = aM / Math.sqrt(1 - e2 * sLat * sLat);
  const rc = (n + altM) * cLat;
  out[0] = rc * Math.cos(lonRad);
  out[1] = rc * Math.sin(lonRad);
  out[2] = (n * (1 - e2) + altM) * sLat;
  return out;
}

/** (latRad, lonRad, altM) -> ECEF (m) on WGS-84. Allocation-free hot path. */
export function geodeticToEcefInto<T extends Vec3Out>(
  latRad: number,
  lonRad: number,
  altM: number,
  out: T,
): T {
  return geodeticCore(latRad, lonRad, altM, W_A, W_E2, out);
}

/**
 * Module scratch vectors. The public forms copy through these Float64Arrays so the hot-path functions
 * only ever see Float64Array arguments from this module: mixing plain arrays into their call sites would
 * make V8's element accesses polymorphic and slow every caller down.
 */
const scratchIn = new Float64Array(3);
const scratchOut = new Float64Array(3);

/** Public form: { latDeg, lonDeg, altM } -> [x, y, z] ECEF (m), WGS-84. Throws RangeError on a bad latitude. */
export function geodeticToEcef(g: Geodetic): EcefTuple {
  checkGeodetic("geodeticToEcef", "g", g);
  const o = geodeticToEcefInto(g.latDeg * RAD_PER_DEG, g.lonDeg * RAD_PER_DEG, g.altM, scratchOut);
  return inFrame([o[0], o[1], o[2]], "ECEF");
}

/** Public form: [x, y, z] ECEF (m) -> { latDeg, lonDeg, altM }, WGS-84; longitude in (-180, 180]. */
export function ecefToGeodetic(pEcef: Vec3Like): Geodetic {
  finiteVec3Arg("ecefToGeodetic", "pEcef", pEcef);
  scratchIn[0] = pEcef[0];
  scratchIn[1] = pEcef[1];
  scratchIn[2] = pEcef[2];
  const o = ecefToGeodeticInto(scratchIn, scratchOut);
  return { latDeg: o[0] * DEG_PER_RAD, lonDeg: o[1] * DEG_PER_RAD, altM: o[2] };
}

/** Height above the WGS-84 ellipsoid of an ECEF point (m). */
export function altitudeAboveEllipsoidM(pEcef: Vec3Like): number {
  finiteVec3Arg("altitudeAboveEllipsoidM", "pEcef", pEcef);
  scratchIn[0] = pEcef[0];
  scratchIn[1] = pEcef[1];
  scratchIn[2] = pEcef[2];
  return ecefToGeodeticInto(scratchIn, scratchOut)[2];
}
