/**
 * A cheap, conservative pre-gate run before the filter's exact chi-square gate, so a tracker does not
 * predict every track to every sensor scan. The track's position is extrapolated linearly from its
 * last update, p + v dt, with an uncertainty radius
 *   k sqrt(tr P_pp + 2 dt tr P_pv + dt^2 tr P_vv) + a_max dt^2 / 2
 * (k standard deviations of the predicted position, plus an unmodelled acceleration allowance). A
 * radar detection passes when its converted position is within that radius plus k times its own
 * position spread; a line of sight when its perpendicular distance to the point is. The bounds are
 * deliberately generous: the exact gate decides.
 */
import type { Detection } from "../../sensors/detection.js";

export interface CoarseGateOptions {
  /** Standard deviations in the radius; default 6. */
  sigmas: number;
  /** Unmodelled acceleration allowance, m/s^2; default 150 (about 15 g). */
  maxAccelMps2: number;
}

/**
 * Whether detection d may fall in the gate of a track with position-velocity moments `pv` at time
 * `timeS` (positionVelocityMomentsInto: mean [p, v], then the traces of the PP, PV and VV blocks).
 */
export function coarseGatePasses(
  pv: Float64Array,
  timeS: number,
  d: Detection,
  options: CoarseGateOptions,
): boolean {
  const dt = d.timeS - timeS;
  const px = pv[0] + pv[3] * dt;
  const py = pv[1] + pv[4] * dt;
  const pz = pv[2] + pv[5] * dt;
  const trPP = pv[6];
  const trPV = pv[7];
  const trVV = pv[8];
  const k = options.sigmas;
  const varPos = Math.max(0, trPP + 2 * dt * trPV + dt * dt * trVV);
  const radius = k * Math.sqrt(varPos) + 0.5 * options.maxAccelMps2 * dt * dt;
  const s = d.sensorPosEcefM;
  const q = d.rotEcefToLocal;
  const z = d.z;
  const R = d.R;
  const m = z.length;
  if (d.kind === "radar") {
    const r = z[0];
    const ce = Math.cos(z[2]);
    const l0 = r * ce * Math.sin(z[1]);
    const l1 = r * ce * Math.cos(z[1]);
    const l2 = r * Math.sin(z[2]);
    const dx = s[0] + q[0] * l0 + q[3] * l1 + q[6] * l2 - px;
    const dy = s[1] + q[1] * l0 + q[4] * l1 + q[7] * l2 - py;
    const dz = s[2] + q[2] * l0 + q[5] * l1 + q[8] * l2 - pz;
    const spread = k * Math.sqrt(R[0] + r * r * (R[m + 1] + R[2 * m + 2]));
    const lim = radius + spread;
    return dx * dx + dy * dy + dz * dz <= lim * lim;
  }
  // Line of sight: u = R^T [cos b cos a, cos b sin a, sin b].
  const cb = Math.cos(z[1]);
  const l0 = cb * Math.cos(z[0]);
  const l1 = cb * Math.sin(z[0]);
  const l2 = Math.sin(z[1]);
  const ux = q[0] * l0 + q[3] * l1 + q[6] * l2;
  const uy = q[1] * l0 + q[4] * l1 + q[7] * l2;
  const uz = q[2] * l0 + q[5] * l1 + q[8] * l2;
  const wx = px - s[0];
  const wy = py - s[1];
  const wz = pz - s[2];
  const along = wx * ux + wy * uy + wz * uz;
  if (along <= -radius) return false;
  const perp2 = wx * wx + wy * wy + wz * wz - along * along;
  const lim = radius + k * Math.abs(along) * Math.sqrt(R[0] + R[3]);
  return perp2 <= lim * lim;
}
