/**
 * Test-side references for the weapons tests, written independently of src/flight: a fixed-step RK4
 * point-mass integrator in an inertial Earth-centred frame (non-rotating Earth: the test switches),
 * point-mass gravity and an optional drag, and launch states from a site's geodetic position.
 */
import { makeEarthModel, type EarthModel } from "../../src/earth/model.js";
import { enuRotationInto } from "../../src/earth/enu.js";
import { geodeticToEcefInto } from "../../src/earth/geodetic.js";

export const DEG = Math.PI / 180;
export const MU = 3.986004418e14;

/** Sphere, no rotation, point gravity, no air: Keplerian flight. */
export const VACUUM = makeEarthModel({
  earth: "sphere",
  rotation: false,
  gravity: "point",
  atmosphere: "none",
});
/** Sphere, no rotation, point gravity, the 1976 atmosphere. */
export const AIR = makeEarthModel({
  earth: "sphere",
  rotation: false,
  gravity: "point",
  atmosphere: "ussa1976",
});

export interface Sampled {
  readonly t: number[];
  readonly pos: number[][];
  readonly vel: number[][];
}

/**
 * Integrates r'' = -mu r / |r|^3 - k(r, v) |v| v (drag per unit mass `dragPerSpeed(altM, speed) = rho C_D A
 * / (2 m)`) with classical RK4 at step dtS until `stop(t, pos)` or tMaxS. Returns every step.
 */
export function integrate(
  earth: EarthModel,
  pos0: ArrayLike<number>,
  vel0: ArrayLike<number>,
  dtS: number,
  tMaxS: number,
  dragPerSpeed: ((altM: number, speedMps: number) => number) | null = null,
  stop: (t: number, pos: number[]) => boolean = (_t, p) => earth.altitudeM(p) < -1,
): Sampled {
  const acc = (p: number[], v: number[]): number[] => {
    const r = Math.hypot(p[0], p[1], p[2]);
    const g = -MU / (r * r * r);
    const a = [g * p[0], g * p[1], g * p[2]];
    if (dragPerSpeed !== null) {
      const speed = Math.hypot(v[0], v[1], v[2]);
      const k = dragPerSpeed(earth.altitudeM(p), speed) * speed;
      for (let i = 0; i < 3; i++) a[i] -= k * v[i];
    }
    return a;
  };
  let p = [pos0[0], pos0[1], pos0[2]];
  let v = [vel0[0], vel0[1], vel0[2]];
  const out: Sampled = { t: [0], pos: [p], vel: [v] };
  let t = 0;
  while (t < tMaxS) {
    const h = Math.min(dtS, tMaxS - t);
    const a1 = acc(p, v);
    const p2 = p.map((x, i) => x + (h / 2) * v[i]);
    const v2 = v.map((x, i) => x + (h / 2) * a1[i]);
    const a2 = acc(p2, v2);
    const p3 = p.map((x, i) => x + (h / 2) * v2[i]);
    const v3 = v.map((x, i) => x + (h / 2) * a2[i]);
    const a3 = acc(p3, v3);
    const p4 = p.map((x, i) => x + h * v3[i]);
    const v4 = v.map((x, i) => x + h * a3[i]);
    const a4 = acc(p4, v4);
    p = p.map((x, i) => x + (h / 6) * (v[i] + 2 * v2[i] + 2 * v3[i] + v4[i]));
    v = v.map((x, i) => x + (h / 6) * (a1[i] + 2 * a2[i] + 2 * a3[i] + a4[i]));
    t += h;
    out.t.push(t);
    out.pos.push(p);
    out.vel.push(v);
    if (stop(t, p)) break;
  }
  return out;
}

/** A launcher on `earth` at (latDeg, lonDeg, altM): ECEF position and ECEF->ENU rotation. */
export function launcher(earth: EarthModel, latDeg: number, lonDeg: number, altM = 0) {
  const posEcefM = new Float64Array(3);
  earth.ecefFromGeodeticInto(latDeg * DEG, lonDeg * DEG, altM, posEcefM);
  const rotEcefToEnu = new Float64Array(9);
  enuRotationInto(latDeg * DEG, lonDeg * DEG, rotEcefToEnu);
  return { posEcefM, rotEcefToEnu };
}

/** ECEF velocity of speed v at elevation el above the local horizontal and azimuth az (ENU at the launcher). */
export function launchVelocity(
  rot: ArrayLike<number>,
  speed: number,
  elRad: number,
  azRad: number,
): number[] {
  const e = speed * Math.cos(elRad) * Math.sin(azRad);
  const n = speed * Math.cos(elRad) * Math.cos(azRad);
  const u = speed * Math.sin(elRad);
  // v_ecef = R^T v_enu
  return [0, 1, 2].map((c) => rot[c] * e + rot[3 + c] * n + rot[6 + c] * u);
}

export { geodeticToEcefInto };
