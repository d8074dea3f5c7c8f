/**
 * Gravitational acceleration in ECEF (m/s^2), without the centrifugal term (add it in the rotating
 * frame if you integrate there).
 *
 * Point mass: a = -GM r / |r|^3.
 * J2 (zonal, degree 2): the gradient of U = (GM/r) [1 - J2 (Re/r)^2 P2(z/r)], P2(s) = (3 s^2 - 1)/2,
 *   a_x = -GM x / r^3 [1 + 3/2 J2 (Re/r)^2 (1 - 5 z^2/r^2)]
 *   a_y = -GM y / r^3 [1 + 3/2 J2 (Re/r)^2 (1 - 5 z^2/r^2)]
 *   a_z = -GM z / r^3 [1 + 3/2 J2 (Re/r)^2 (3 - 5 z^2/r^2)]
 * (Vallado, Fundamentals of Astrodynamics, 4th ed., eq. 8-31 with the J2 term only; Montenbruck & Gill,
 * Satellite Orbits, sec. 3.2). Constants: WGS-84 GM, EGM96 J2 and its reference radius Re = a (src/earth/wgs84.ts).
 */
import { finiteArg, finiteVec3Arg, positiveArg } from "../math/check.js";
import type { Vec3Like, Vec3Out } from "../math/vec3.js";
import { WGS84_A_M, WGS84_GM_M3S2, WGS84_J2 } from "./wgs84.js";

/** J2 acceleration for explicit constants. With j2 = 0 it is exactly the point-mass field. Allocation-free. */
export function gravityJ2WithInto<T extends Vec3Out>(
  pEcef: Vec3Like,
  gmM3S2: number,
  j2: number,
  refRadiusM: number,
  out: T,
): T {
  const x = pEcef[0];
  const y = pEcef[1];
  const z = pEcef[2];
  const r2 = x * x + y * y + z * z;
  const invR2 = 1 / r2;
  const invR = Math.sqrt(invR2);
  const k = -gmM3S2 * invR2 * invR;
  const f = 1.5 * j2 * refRadiusM * refRadiusM * invR2;
  const zz = 5 * z * z * invR2;
  const kxy = k * (1 + f * (1 - zz));
  out[0] = kxy * x;
  out[1] = kxy * y;
  out[2] = k * (1 + f * (3 - zz)) * z;
  return out;
}

/** Point-mass gravity, WGS-84 GM. Allocation-free. */
export function gravityPointInto<T extends Vec3Out>(pEcef: Vec3Like, out: T): T {
  const x = pEcef[0];
  const y = pEcef[1];
  const z = pEcef[2];
  const r2 = x * x + y * y + z * z;
  const k = -WGS84_GM_M3S2 / (r2 * Math.sqrt(r2));
  out[0] = k * x;
  out[1] = k * y;
  out[2] = k * z;
  return out;
}

/** Point mass plus J2, WGS-84 GM and EGM96 J2 with Re = WGS-84 a. Allocation-free. */
export function gravityJ2Into<T extends Vec3Out>(pEcef: Vec3Like, out: T): T {
  return gravityJ2WithInto(pEcef, WGS84_GM_M3S2, WGS84_J2, WGS84_A_M, out);
}

/**
 * Point mass plus J2 gravity (WGS-84 GM, EGM96 J2) at `pEcef` (m), as a new ECEF vector, m/s^2: the
 * checked public form of gravityJ2Into. RangeError on a non-finite position or the Earth's centre.
 */
export function gravityJ2(pEcef: Vec3Like): [number, number, number] {
  checkPosition("gravityJ2", pEcef);
  return gravityJ2Into(pEcef, [0, 0, 0]);
}

/** Point-mass gravity (WGS-84 GM) at `pEcef` (m), m/s^2: the checked public form of gravityPointInto. */
export function gravityPoint(pEcef: Vec3Like): [number, number, number] {
  checkPosition("gravityPoint", pEcef);
  return gravityPointInto(pEcef, [0, 0, 0]);
}

function checkPosition(fn: string, pEcef: Vec3Like): void {
  finiteVec3Arg(fn, "pEcef", pEcef);
  if (pEcef[0] === 0 && pEcef[1] === 0 && pEcef[2] === 0)
    throw new RangeError(`${fn}: pEcef must not be the Earth's centre, given [0, 0, 0]`);
}

/**
 * The J2 potential U (m^2/s^2, positive, a = +grad U) for explicit constants; for checks and energy
 * diagnostics.
 */
export function gravityPotentialJ2(pEcef: Vec3Like, gmM3S2: number, j2: number, refRadiusM: number): number {
  finiteVec3Arg("gravityPotentialJ2", "pEcef", pEcef);
  positiveArg("gravityPotentialJ2", "gmM3S2", gmM3S2);
  finiteArg("gravityPotentialJ2", "j2", j2);
  positiveArg("gravityPotentialJ2", "refRadiusM", refRadiusM);
  if (pEcef[0] === 0 && pEcef[1] === 0 && pEcef[2] === 0)
    throw new RangeError("gravityPotentialJ2: pEcef must not be the Earth's centre, given [0, 0, 0]");
  const x = pEcef[0];
  const y = pEcef[1];
  const z = pEcef[2];
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  const s2 = (z * z) / r2;
  return (gmM3S2 / r) * (1 - ((j2 * refRadiusM * refRadiusM) / r2) * 0.5 * (3 * s2 - 1));
}
