/**
 * A cheap, conservative pre-gate run before the filter's exact chi-square gate, so a tracker does not
 * predict every track to every sensor scan. The track's position is extrapolated linearly from its
 * last update, c = p + v dt, with an uncertainty radius
 *   rho = k sqrt(tr P_pp + 2 dt tr P_pv + dt^2 tr P_vv) + a_max dt^2 / 2
 * (k standard deviations of the predicted position, plus an unmodelled acceleration allowance). A
 * detection that fixes a point (its `initiation`, src/sensors/measurement.ts) passes when that point is
 * within rho plus k times its own position spread; a bearing when its perpendicular distance to c is
 * within rho plus k |along| times its angular spread. The bounds are deliberately generous: the exact
 * gate decides. They are not a proof: the extrapolation leaves out the filter's process noise, and
 * over a long coast in re-entry the prediction outgrows it (measured in docs/models.md 6.8: 39 of
 * 17.2 million refused pairs of a 200-threat raid were inside the exact gate, none changing a decision).
 *
 * Everything is computed once per scan: the track's reach (c, rho) once per track (a scan's detections
 * share one time), the detection's geometry (its point or ray and spread) once per detection, so a pair
 * costs a few multiplications (and the spatial index, spatialIndex.ts, skips most pairs altogether).
 */
import type { Detection } from "../../sensors/detection.js";

export interface CoarseGateOptions {
  /** Standard deviations in the radius; default 6. */
  sigmas: number;
  /** Unmodelled acceleration allowance, m/s^2; default 150 (about 15 g). */
  maxAccelMps2: number;
}

/** Geometry kinds of `ScanGeometry`. */
export const POINT = 0;
export const BEARING = 1;

/**
 * The pre-gate geometry of a scan's detections, computed once per detection: for a point, its ECEF
 * position and k times its position spread (m); for a bearing, its origin, unit direction and angular
 * spread (rad, not yet multiplied by k: the test multiplies in the historical order).
 */
export class ScanGeometry {
  count = 0;
  kind = new Uint8Array(16);
  /** Point position or bearing origin (3 per detection). */
  pos = new Float64Array(48);
  /** Bearing unit direction (3 per detection). */
  dir = new Float64Array(48);
  /** Point: k sigma_p (m); bearing: sigma_angle (rad). */
  spread = new Float64Array(16);

  /** Geometry of scan[0..D) for a pre-gate of `sigmas` standard deviations. */
  compute(scan: readonly Detection[], D: number, sigmas: number): void {
    if (this.kind.length < D) {
      this.kind = new Uint8Array(2 * D);
      this.pos = new Float64Array(6 * D);
      this.dir = new Float64Array(6 * D);
      this.spread = new Float64Array(2 * D);
    }
    this.count = D;
    const tmp = this.tmp;
    for (let k = 0; k < D; k++) {
      const d = scan[k];
      const init = d.initiation;
      if (init.kind === "point") {
        this.kind[k] = POINT;
        init.positionEcefInto(d.z, tmp);
        this.spread[k] = sigmas * init.positionSigmaM(d.z);
      } else {
        this.kind[k] = BEARING;
        const o = init.originEcefM;
        tmp[0] = o[0];
        tmp[1] = o[1];
        tmp[2] = o[2];
        init.directionEcefInto(d.z, this.dirTmp);
        this.dir[3 * k] = this.dirTmp[0];
        this.dir[3 * k + 1] = this.dirTmp[1];
        this.dir[3 * k + 2] = this.dirTmp[2];
        this.spread[k] = init.angleSigmaRad();
      }
      this.pos[3 * k] = tmp[0];
      this.pos[3 * k + 1] = tmp[1];
      this.pos[3 * k + 2] = tmp[2];
    }
  }
  private readonly tmp = new Float64Array(3);
  private readonly dirTmp = new Float64Array(3);
}

/**
 * A track's reach at a scan: out = [cx, cy, cz, rho], the position extrapolated from the moments `pv`
 * (positionVelocityMomentsInto: mean [p, v], then the traces of the PP, PV and VV blocks) taken at
 * `baseTimeS` to `scanTimeS`, and its pre-gate radius (see the file comment).
 */
export function trackReachInto(
  pv: Float64Array,
  baseTimeS: number,
  scanTimeS: number,
  options: CoarseGateOptions,
  out: Float64Array,
): Float64Array {
  const dt = scanTimeS - baseTimeS;
  out[0] = pv[0] + pv[3] * dt;
  out[1] = pv[1] + pv[4] * dt;
  out[2] = pv[2] + pv[5] * dt;
  const varPos = Math.max(0, pv[6] + 2 * dt * pv[7] + dt * dt * pv[8]);
  out[3] = options.sigmas * Math.sqrt(varPos) + 0.5 * options.maxAccelMps2 * dt * dt;
  return out;
}

/**
 * Whether detection k of the scan geometry `g` may fall in the gate of a track whose reach
 * (trackReachInto) is centre (px, py, pz) and radius `radius`; k is the pre-gate's sigmas.
 */
export function coarseGatePasses(
  px: number,
  py: number,
  pz: number,
  radius: number,
  g: ScanGeometry,
  k: number,
  sigmas: number,
): boolean {
  const o = 3 * k;
  const pos = g.pos;
  if (g.kind[k] === POINT) {
    const dx = pos[o] - px;
    const dy = pos[o + 1] - py;
    const dz = pos[o + 2] - pz;
    const lim = radius + g.spread[k];
    return dx * dx + dy * dy + dz * dz <= lim * lim;
  }
  // Bearing: distance of the centre from the ray s + t u, t > -radius.
  const dir = g.dir;
  const ux = dir[o];
  const uy = dir[o + 1];
  const uz = dir[o + 2];
  const wx = px - pos[o];
  const wy = py - pos[o + 1];
  const wz = pz - pos[o + 2];
  const along = wx * ux + wy * uy + wz * uz;
  if (along <= -radius) return false;
  const perp2 = wx * wx + wy * wy + wz * wz - along * along;
  const lim = radius + sigmas * Math.abs(along) * g.spread[k];
  return perp2 <= lim * lim;
}
