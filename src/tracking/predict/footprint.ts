/**
 * Reachable footprint of a gliding target from its track: the ground a lifting vehicle with the
 * track's speed, altitude and heading can still reach, for a target whose ballistic impact point
 * means nothing (./motion.ts says it lifts). It answers "which defended assets can this vehicle still
 * reach" (project issue 14) without knowing the vehicle: only a bound on its lift-to-drag ratio.
 *
 * Model: equilibrium glide (lift balances gravity less the centrifugal relief, L cos(sigma) =
 * m (g - v^2 / r); flight-path angle small) at constant L/D and bank angle sigma over a sphere, g and
 * r held at their values at the track (Vinh, Busemann and Culp, Hypersonic and Planetary Entry
 * Flight Mechanics, 1980, ch. 7; the constant-L/D glide of Tracy and Wright, Science & Global Security
 * 28(3), 2020). With the speed v as the variable (dv/dt = -D/m = -(g - v^2/r) / ((L/D) cos sigma)):
 *   ground range  s(v) = (L/D) cos(sigma) (r / 2) ln[(g r - v^2) / (g r - v0^2)],
 *   heading       psi(v) = psi0 + (L/D) sin(sigma) ln(v0 / v),
 * the second from d psi/dt = L sin(sigma) / (m v) = (g - v^2/r) tan(sigma) / v. The ground track of a
 * constant bank is stepped along these on the sphere; the footprint is bounded by the tracks at the
 * largest bank either way and by the end points of the tracks at every bank between them, each flown
 * at the largest L/D to the end speed. A point inside is reachable: flying a smaller L/D (or diving
 * earlier) shortens a track, and bank reversals mix the two sides.
 *
 * The energy of height above the glide is counted as speed, v0^2 = v^2 + 2 g max(0, h - h_glide), so a
 * target still in its pull-up is not under-reached (h_glide = 30 km [N], below the 40-50 km equilibrium
 * glide of Tracy and Wright's and Acton's HTV-2 fits, so the bound stays outside).
 *
 * Defaults (each an option):
 * - L/D max: Kuchemann's empirical hypersonic barrier (L/D)max = 4 (M + 3) / M at the track's Mach
 *   number (Kuchemann, The Aerodynamic Design of Aircraft, Pergamon, 1978): 5.2 at Mach 10, 4.6 at
 *   Mach 20, above every glider fit of the catalog (HTV-2 2.6: Tracy and Wright 2020; CAV-H 3.3; the
 *   notional waverider cruise missile 4.1), so the footprint bounds any vehicle of today's technology.
 *   Give the catalog value for a known vehicle (a tighter footprint).
 * - largest bank 60 deg (a load factor of 2 in equilibrium glide) [N].
 * - end speed 1,000 m/s [N]: below about Mach 3 a glider has little energy left to extend its reach,
 *   and the equilibrium-glide model (hypersonic L/D) stops being a description of its flight.
 */
import { DEFAULT_EARTH_ENVIRONMENT, EarthModel } from "../../earth/model.js";
import type { GaussianState } from "../types.js";

export interface GlideFootprintOptions {
  /** The scenario's Earth; default WGS-84. */
  earth?: EarthModel;
  /** Largest lift-to-drag ratio; default Kuchemann's 4 (M + 3) / M at the track's Mach number. */
  liftToDragMax?: number;
  /** Largest bank angle, rad; default 60 deg. */
  maxBankRad?: number;
  /** Speed at which the glide ends, m/s; default 1,000. */
  endSpeedMps?: number;
  /** Altitude above which height counts as extra speed, m; default 30 km. */
  glideAltM?: number;
  /** Banks between the extremes on the far edge (odd, >= 3); default 25. */
  banks?: number;
  /** Steps along each track; default 60. */
  steps?: number;
}

export interface FootprintPoint {
  readonly latDeg: number;
  readonly lonDeg: number;
}

export interface GlideFootprint {
  /** The footprint's edge, closed (first point = the target's ground point = last), clockwise seen
   *  from above: out along the largest right bank, the far edge from right to left, back along the
   *  largest left bank. */
  readonly boundary: readonly FootprintPoint[];
  /** The target's ground point and heading (deg from north). */
  readonly origin: FootprintPoint;
  readonly headingDeg: number;
  /** Farthest reach straight ahead and the largest sideways offset of the edge, m. */
  readonly maxDownrangeM: number;
  readonly maxCrossrangeM: number;
  /** The L/D and start speed (with the height's energy) the footprint was flown with. */
  readonly liftToDrag: number;
  readonly startSpeedMps: number;
  /** Whether a ground point lies inside the footprint. */
  contains(latDeg: number, lonDeg: number): boolean;
}

const D2R = Math.PI / 180;
let defaultEarth: EarthModel | null = null;

function option(name: string, v: number | undefined, fallback: number, ok: (v: number) => boolean): number {
  if (v === undefined) return fallback;
  if (!(Number.isFinite(v) && ok(v))) throw new RangeError(`glideFootprint: ${name} is out of range: ${v}`);
  return v;
}

/** Kuchemann's hypersonic L/D barrier, 4 (M + 3) / M (see the file comment). */
export function kuchemannLiftToDrag(mach: number): number {
  if (!(mach > 0)) throw new RangeError(`kuchemannLiftToDrag: mach must be > 0, got ${mach}`);
  return (4 * (mach + 3)) / mach;
}

/** Equilibrium-glide ground range from v0 to v (m) at L/D and bank sigma (see the file comment). */
export function bankedGlideRangeM(
  v0Mps: number,
  vMps: number,
  liftToDrag: number,
  bankRad: number,
  gMps2: number,
  radiusM: number,
): number {
  const vc2 = gMps2 * radiusM;
  return (
    liftToDrag * Math.cos(bankRad) * (radiusM / 2) * Math.log((vc2 - vMps * vMps) / (vc2 - v0Mps * v0Mps))
  );
}

/** The footprint a gliding track can still reach (see the file comment). */
export function glideFootprint(state: GaussianState, options: GlideFootprintOptions = {}): GlideFootprint {
  const x = state?.x;
  if (x === undefined || x.length < 6)
    throw new RangeError("glideFootprint: state.x needs position and velocity");
  for (let i = 0; i < 6; i++)
    if (!Number.isFinite(x[i])) throw new RangeError(`glideFootprint: state.x[${i}] is not finite`);
  if (!Number.isFinite(state.timeS))
    throw new RangeError(`glideFootprint: state.timeS must be a finite time, given ${state.timeS}`);
  const earth = options.earth ?? (defaultEarth ??= new EarthModel(DEFAULT_EARTH_ENVIRONMENT));
  const maxBank = option("maxBankRad", options.maxBankRad, 60 * D2R, (v) => v >= 0 && v < Math.PI / 2);
  const endSpeed = option("endSpeedMps", options.endSpeedMps, 1000, (v) => v > 0);
  const glideAlt = option("glideAltM", options.glideAltM, 30e3, (v) => v >= 0);
  const banks = Math.round(option("banks", options.banks, 25, (v) => v >= 3 && v <= 1001));
  const steps = Math.round(option("steps", options.steps, 60, (v) => v >= 2 && v <= 10000));

  const geo = earth.geodeticInto(x, new Float64Array(3));
  const altM = geo[2];
  const r = Math.hypot(x[0], x[1], x[2]);
  const gv = earth.gravityInto(x, new Float64Array(3));
  const g = Math.hypot(gv[0], gv[1], gv[2]);
  // Local frame at the ground point (geocentric up, for the sphere the steps run on).
  const up = [x[0] / r, x[1] / r, x[2] / r];
  const vUp = x[3] * up[0] + x[4] * up[1] + x[5] * up[2];
  const hv = [x[3] - vUp * up[0], x[4] - vUp * up[1], x[5] - vUp * up[2]];
  const hs = Math.hypot(hv[0], hv[1], hv[2]);
  const speed = Math.hypot(x[3], x[4], x[5]);
  const air = earth.atmosphereInto(Math.max(0, altM), new Float64Array(4));
  const mach = speed / air[3];
  const ld = option(
    "liftToDragMax",
    options.liftToDragMax,
    kuchemannLiftToDrag(Math.max(mach, 1)),
    (v) => v > 0 && v < 20,
  );
  const v0 = Math.min(
    Math.sqrt(speed * speed + 2 * g * Math.max(0, altM - glideAlt)),
    0.999 * Math.sqrt(g * r),
  );
  // Heading: along the horizontal velocity (north if there is none).
  const north = [-up[0] * up[2], -up[1] * up[2], 1 - up[2] * up[2]];
  const nn = Math.hypot(north[0], north[1], north[2]) || 1;
  for (let i = 0; i < 3; i++) north[i] /= nn;
  const east = [
    north[1] * up[2] - north[2] * up[1],
    north[2] * up[0] - north[0] * up[2],
    north[0] * up[1] - north[1] * up[0],
  ];
  const e0 = hs > 1e-6 ? [hv[0] / hs, hv[1] / hs, hv[2] / hs] : north;
  const headingDeg =
    (((Math.atan2(
      e0[0] * east[0] + e0[1] * east[1] + e0[2] * east[2],
      e0[0] * north[0] + e0[1] * north[1] + e0[2] * north[2],
    ) /
      D2R) %
      360) +
      360) %
    360;
  const surfaceR = r - altM;
  const toGeo = (px: number, py: number, pz: number): FootprintPoint => {
    const q = earth.geodeticInto([px * surfaceR, py * surfaceR, pz * surfaceR], new Float64Array(3));
    return { latDeg: q[0] / D2R, lonDeg: q[1] / D2R };
  };

  // The ring of edge points on the unit sphere, xyz after xyz: out along the largest right bank, the
  // far edge's end points from right to left, back along the largest left bank (reversed).
  const trackPoints = v0 <= endSpeed ? 1 : steps + 1;
  const edgePoints = banks - 2;
  const ringCount = 2 * trackPoints + edgePoints;
  const ring = new Float64Array(3 * ringCount);
  /**
   * Ground track at bank sigma (positive: right) on the unit sphere from v0 to endSpeed, into ring from
   * point `at` on in steps of `stride` points (-1 writes it backwards), or with stride 0 only its end
   * point, at `at`.
   */
  const fly = (sigma: number, at: number, stride: number): void => {
    let px = up[0];
    let py = up[1];
    let pz = up[2];
    let ex = e0[0];
    let ey = e0[1];
    let ez = e0[2];
    const keepAll = stride !== 0;
    let k = at;
    const put = () => {
      ring[3 * k] = px;
      ring[3 * k + 1] = py;
      ring[3 * k + 2] = pz;
    };
    if (keepAll) put();
    if (v0 <= endSpeed) {
      // No glide left: the track is its start.
      if (!keepAll) put();
      return;
    }
    const lnRatio = Math.log(v0 / endSpeed) / steps;
    let vPrev = v0;
    for (let j = 1; j <= steps; j++) {
      const v = v0 * Math.exp(-lnRatio * j);
      const ds = bankedGlideRangeM(vPrev, v, ld, sigma, g, r);
      // Half the turn, the step along the great circle, the other half (second order in the step).
      // The turn rotates e about p by a (right-handed): e cos(a) + (p x e) sin(a).
      const dpsi = ld * Math.sin(sigma) * Math.log(vPrev / v);
      const ct = Math.cos(-0.5 * dpsi);
      const st = Math.sin(-0.5 * dpsi);
      let cx = py * ez - pz * ey;
      let cy = pz * ex - px * ez;
      let cz = px * ey - py * ex;
      ex = ex * ct + cx * st;
      ey = ey * ct + cy * st;
      ez = ez * ct + cz * st;
      const d = ds / surfaceR;
      const c = Math.cos(d);
      const s = Math.sin(d);
      const nx = px * c + ex * s;
      const ny = py * c + ey * s;
      const nz = pz * c + ez * s;
      ex = ex * c - px * s;
      ey = ey * c - py * s;
      ez = ez * c - pz * s;
      px = nx;
      py = ny;
      pz = nz;
      cx = py * ez - pz * ey;
      cy = pz * ex - px * ez;
      cz = px * ey - py * ex;
      ex = ex * ct + cx * st;
      ey = ey * ct + cy * st;
      ez = ez * ct + cz * st;
      vPrev = v;
      if (keepAll) {
        k += stride;
        put();
      }
    }
    if (!keepAll) put();
  };

  fly(maxBank, 0, 1);
  for (let b = 1; b < banks - 1; b++) {
    const sigma = maxBank - (2 * maxBank * b) / (banks - 1);
    fly(sigma, trackPoints + b - 1, 0);
  }
  fly(-maxBank, ringCount - 1, -1);
  // Local plane (azimuthal, x east y north, m) for the extents and the containment test.
  const planeInto = (qx: number, qy: number, qz: number, out: Float64Array, at: number): void => {
    const cosC = Math.min(1, Math.max(-1, qx * up[0] + qy * up[1] + qz * up[2]));
    const cAng = Math.acos(cosC);
    const ex = qx * east[0] + qy * east[1] + qz * east[2];
    const ny = qx * north[0] + qy * north[1] + qz * north[2];
    const h = Math.hypot(ex, ny);
    out[at] = h > 0 ? (surfaceR * cAng * ex) / h : 0;
    out[at + 1] = h > 0 ? (surfaceR * cAng * ny) / h : 0;
  };
  const poly = new Float64Array(2 * ringCount);
  for (let i = 0; i < ringCount; i++) planeInto(ring[3 * i], ring[3 * i + 1], ring[3 * i + 2], poly, 2 * i);
  const ahead = [
    e0[0] * east[0] + e0[1] * east[1] + e0[2] * east[2],
    e0[0] * north[0] + e0[1] * north[1] + e0[2] * north[2],
  ];
  let maxDown = 0;
  let maxCross = 0;
  for (let i = 0; i < ringCount; i++) {
    const px = poly[2 * i];
    const py = poly[2 * i + 1];
    maxDown = Math.max(maxDown, px * ahead[0] + py * ahead[1]);
    maxCross = Math.max(maxCross, Math.abs(-px * ahead[1] + py * ahead[0]));
  }
  const q = new Float64Array(3);
  const qPlane = new Float64Array(2);
  // The edge in latitude and longitude only when asked for (a threat evaluation needs only
  // `contains` and the extents).
  let boundary: FootprintPoint[] | null = null;
  return {
    get boundary(): readonly FootprintPoint[] {
      if (boundary === null) {
        boundary = [];
        for (let i = 0; i < ringCount; i++)
          boundary.push(toGeo(ring[3 * i], ring[3 * i + 1], ring[3 * i + 2]));
      }
      return boundary;
    },
    origin: toGeo(up[0], up[1], up[2]),
    headingDeg,
    maxDownrangeM: maxDown,
    maxCrossrangeM: maxCross,
    liftToDrag: ld,
    startSpeedMps: v0,
    contains(latDeg: number, lonDeg: number): boolean {
      if (!(Number.isFinite(latDeg) && Number.isFinite(lonDeg))) {
        throw new RangeError("GlideFootprint.contains: latitude and longitude must be finite");
      }
      earth.ecefFromGeodeticInto(latDeg * D2R, lonDeg * D2R, 0, q);
      const n = Math.hypot(q[0], q[1], q[2]);
      const ux = q[0] / n;
      const uy = q[1] / n;
      const uz = q[2] / n;
      // Beyond a quarter of the globe from the origin the azimuthal plane folds: outside.
      if (ux * up[0] + uy * up[1] + uz * up[2] < 0) return false;
      planeInto(ux, uy, uz, qPlane, 0);
      return pointInPolygon(qPlane[0], qPlane[1], poly);
    },
  };
}

/** Even-odd ray casting (Shimrat, "Algorithm 112: position of point relative to polygon", CACM 1962);
 *  poly holds x, y after x, y. */
function pointInPolygon(x: number, y: number, poly: Float64Array): boolean {
  let inside = false;
  const n = poly.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = poly[2 * i];
    const yi = poly[2 * i + 1];
    const xj = poly[2 * j];
    const yj = poly[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
