/**
 * Proportional navigation against a moving target whose state is supplied from outside (a track, or
 * another flight's truth): the interceptor's and the guided projectile's homing law.
 *
 * With rho = r_T - r the line of sight, rhoDot = v_T - v, the line-of-sight rate
 * omega = (rho x rhoDot) / |rho|^2 and the closing speed V_c = -(rho . rhoDot) / |rho|:
 * - true PN (Zarchan, "Tactical and Strategic Missile Guidance", 6th ed., ch. 2, n_c = N' V_c lambda-dot,
 *   in 3-D): a = N' V_c (omega x u_los), perpendicular to the line of sight;
 * - pure PN: a = N' (omega x v), perpendicular to the interceptor's velocity;
 * - augmented (APN, Zarchan ch. 8): + (N'/2) a_T,perp, the target's acceleration perpendicular to the
 *   line of sight, taken relative to what the interceptor itself feels of gravity and the frame terms
 *   (a ballistic target and the interceptor fall alike: only the difference needs steering).
 * - lead-compensated true PN (`leadCompensated`): an airframe that steers only across its own path (a
 *   lateral-acceleration force keeps the part of the command perpendicular to the velocity) gets from a
 *   true-PN command as little as cos^2(L) of it across the line of sight, L the lead angle between its
 *   velocity and the line of sight: at L = 50 deg, 0.41, so N' = 4 navigates as 1.65, below the 2 that
 *   PN needs to converge (Zarchan ch. 2). The command is then given perpendicular to the velocity,
 *   scaled so that its component along the true-PN command is the whole command,
 *   a_perp / (1 - (a.u_v)^2 / |a|^2), the factor held within MAX_LEAD_GAIN (a lead of 60 deg).
 * The command is limited in magnitude (maxAccelMps2, direction kept); a lateral-acceleration force
 * (forces/lateralAcceleration.ts) applies it within the airframe's limits.
 *
 * Between updates the target is extrapolated with constant acceleration from its last supplied state,
 * r_T(t) = r0 + v0 (t - t0) + a0 (t - t0)^2 / 2, so the right-hand side is smooth within an integration
 * step; each update increases `revision`, and the flight restarts its integration at the update (see
 * Flight.setTarget).
 */
import type { FlightContext, GuidanceCommand } from "../propagation/context.js";
import type { TargetedGuidanceLaw } from "../propagation/types.js";
import { ExtrapolatedTarget } from "./extrapolatedTarget.js";

/** Largest gain of the lead compensation, 1 / cos^2(60 deg): beyond, the target is nearly abeam. */
export const MAX_LEAD_GAIN = 4;

export interface ProportionalNavigationOptions {
  /** Effective navigation ratio N' (> 0; 3 to 5 in practice). */
  readonly navigationRatio: number;
  /** Add the target-acceleration term (APN). Default false. */
  readonly augmented?: boolean;
  /** "true" (perpendicular to the line of sight, scaled by the closing speed) or "pure". Default "true". */
  readonly form?: "true" | "pure";
  /** Largest commanded acceleration, m/s^2 (default: unlimited; the force has its own limit). */
  readonly maxAccelMps2?: number;
  /**
   * True PN given across the interceptor's own path with the lead compensated (see the file comment),
   * for an airframe that steers only across its path. Default false; ignored by pure PN.
   */
  readonly leadCompensated?: boolean;
}

export class ProportionalNavigation implements TargetedGuidanceLaw {
  readonly name = "proportional-navigation";
  readonly needsAir = false;
  readonly navigationRatio: number;
  readonly augmented: boolean;
  readonly pure: boolean;
  readonly leadCompensated: boolean;
  readonly maxAccelMps2: number;
  revision = 0;
  private readonly target = new ExtrapolatedTarget();
  private readonly rel = new Float64Array(6);
  /** Range to the target (m), closing speed (m/s) and line-of-sight rate (rad/s) of the last evaluation. */
  rangeM = NaN;
  closingSpeedMps = NaN;
  losRateRadS = NaN;

  constructor(o: ProportionalNavigationOptions) {
    if (!(o.navigationRatio > 0) || !Number.isFinite(o.navigationRatio))
      throw new RangeError(`ProportionalNavigation: navigationRatio must be > 0, given ${o.navigationRatio}`);
    const lim = o.maxAccelMps2 ?? Infinity;
    // Infinity (the default) is unlimited: the force has its own limit.
    if (!(lim > 0))
      throw new RangeError(`ProportionalNavigation: options.maxAccelMps2 must be > 0, given ${lim}`);
    this.navigationRatio = o.navigationRatio;
    this.augmented = o.augmented ?? false;
    this.pure = (o.form ?? "true") === "pure";
    this.leadCompensated = o.leadCompensated ?? false;
    this.maxAccelMps2 = lim;
  }

  setTarget(
    posEcefM: ArrayLike<number>,
    velEcefMps: ArrayLike<number>,
    accEcefMps2: ArrayLike<number> | null,
    timeS: number,
  ): void {
    this.target.set("ProportionalNavigation", posEcefM, velEcefMps, accEcefMps2, timeS);
    this.revision++;
  }

  /** The extrapolated target position and velocity at tS into pos and vel (ECEF). */
  targetAt(tS: number, pos: Float64Array, vel: Float64Array): void {
    this.target.stateAt(tS, pos, vel);
  }

  command(ctx: FlightContext, tS: number, y: Float64Array, cmd: GuidanceCommand): void {
    const a = cmd.accel;
    const target = this.target;
    if (!target.isSet) {
      cmd.accelSet = false;
      return;
    }
    const rel = this.rel;
    target.relativeInto(tS, y, rel);
    const rx = rel[0];
    const ry = rel[1];
    const rz = rel[2];
    const wx0 = rel[3];
    const wy0 = rel[4];
    const wz0 = rel[5];
    const r2 = rx * rx + ry * ry + rz * rz;
    cmd.accelSet = true;
    if (!(r2 > 0)) {
      a[0] = 0;
      a[1] = 0;
      a[2] = 0;
      return;
    }
    const r = Math.sqrt(r2);
    const ir = 1 / r;
    // omega = (rho x rhoDot) / |rho|^2
    const ox = (ry * wz0 - rz * wy0) / r2;
    const oy = (rz * wx0 - rx * wz0) / r2;
    const oz = (rx * wy0 - ry * wx0) / r2;
    const vc = -(rx * wx0 + ry * wy0 + rz * wz0) * ir;
    this.rangeM = r;
    this.closingSpeedMps = vc;
    this.losRateRadS = Math.sqrt(ox * ox + oy * oy + oz * oz);
    const n = this.navigationRatio;
    const ux = rx * ir;
    const uy = ry * ir;
    const uz = rz * ir;
    let ax: number;
    let ay: number;
    let az: number;
    if (this.pure) {
      ax = n * (oy * y[5] - oz * y[4]);
      ay = n * (oz * y[3] - ox * y[5]);
      az = n * (ox * y[4] - oy * y[3]);
    } else {
      const k = n * vc;
      ax = k * (oy * uz - oz * uy);
      ay = k * (oz * ux - ox * uz);
      az = k * (ox * uy - oy * ux);
      if (this.leadCompensated) {
        // p = a - (a.u_v) u_v, scaled by |a|^2 / (p.a) = 1 / sin^2 of the angle between a and u_v.
        const vm = Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]);
        if (vm > 0) {
          const vx = y[3] / vm;
          const vy = y[4] / vm;
          const vz = y[5] / vm;
          const av = ax * vx + ay * vy + az * vz;
          const px = ax - av * vx;
          const py = ay - av * vy;
          const pz = az - av * vz;
          const pa = px * ax + py * ay + pz * az;
          const a2 = ax * ax + ay * ay + az * az;
          if (pa > 0) {
            const g = Math.min(MAX_LEAD_GAIN, a2 / pa);
            ax = g * px;
            ay = g * py;
            az = g * pz;
          }
        }
      }
    }
    if (this.augmented) {
      const f = ctx.fieldAccel;
      const a0 = target.a0;
      const tx = a0[0] - f[0];
      const ty = a0[1] - f[1];
      const tz = a0[2] - f[2];
      const along = tx * ux + ty * uy + tz * uz;
      const h = 0.5 * n;
      ax += h * (tx - along * ux);
      ay += h * (ty - along * uy);
      az += h * (tz - along * uz);
    }
    const mag = Math.sqrt(ax * ax + ay * ay + az * az);
    const k = mag > this.maxAccelMps2 ? this.maxAccelMps2 / mag : 1;
    a[0] = k * ax;
    a[1] = k * ay;
    a[2] = k * az;
  }
}
