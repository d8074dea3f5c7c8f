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

export interface ProportionalNavigationOptions {
  /** Effective navigation ratio N' (> 0; 3 to 5 in practice). */
  readonly navigationRatio: number;
  /** Add the target-acceleration term (APN). Default false. */
  readonly augmented?: boolean;
  /** "true" (perpendicular to the line of sight, scaled by the closing speed) or "pure". Default "true". */
  readonly form?: "true" | "pure";
  /** Largest commanded acceleration, m/s^2 (default: unlimited; the force has its own limit). */
  readonly maxAccelMps2?: number;
}

export class ProportionalNavigation implements TargetedGuidanceLaw {
  readonly name = "proportional-navigation";
  readonly needsAir = false;
  readonly navigationRatio: number;
  readonly augmented: boolean;
  readonly pure: boolean;
  readonly maxAccelMps2: number;
  revision = 0;
  private readonly p0 = new Float64Array(3);
  private readonly v0 = new Float64Array(3);
  private readonly a0 = new Float64Array(3);
  private t0 = 0;
  private hasTarget = false;
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
    this.maxAccelMps2 = lim;
  }

  setTarget(
    posEcefM: ArrayLike<number>,
    velEcefMps: ArrayLike<number>,
    accEcefMps2: ArrayLike<number> | null,
    timeS: number,
  ): void {
    if (!Number.isFinite(timeS)) throw new RangeError(`ProportionalNavigation.setTarget: timeS ${timeS}`);
    for (let i = 0; i < 3; i++) {
      const a = accEcefMps2 === null ? 0 : accEcefMps2[i];
      if (!Number.isFinite(posEcefM[i]) || !Number.isFinite(velEcefMps[i]) || !Number.isFinite(a))
        throw new RangeError("ProportionalNavigation.setTarget: the target state must be finite");
      this.p0[i] = posEcefM[i];
      this.v0[i] = velEcefMps[i];
      this.a0[i] = a;
    }
    this.t0 = timeS;
    this.hasTarget = true;
    this.revision++;
  }

  /** The extrapolated target position and velocity at tS into pos and vel (ECEF). */
  targetAt(tS: number, pos: Float64Array, vel: Float64Array): void {
    const dt = tS - this.t0;
    for (let i = 0; i < 3; i++) {
      pos[i] = this.p0[i] + dt * (this.v0[i] + 0.5 * dt * this.a0[i]);
      vel[i] = this.v0[i] + dt * this.a0[i];
    }
  }

  command(ctx: FlightContext, tS: number, y: Float64Array, cmd: GuidanceCommand): void {
    const a = cmd.accel;
    if (!this.hasTarget) {
      cmd.accelSet = false;
      return;
    }
    const dt = tS - this.t0;
    const p0 = this.p0;
    const v0 = this.v0;
    const a0 = this.a0;
    const rx = p0[0] + dt * (v0[0] + 0.5 * dt * a0[0]) - y[0];
    const ry = p0[1] + dt * (v0[1] + 0.5 * dt * a0[1]) - y[1];
    const rz = p0[2] + dt * (v0[2] + 0.5 * dt * a0[2]) - y[2];
    const wx0 = v0[0] + dt * a0[0] - y[3];
    const wy0 = v0[1] + dt * a0[1] - y[4];
    const wz0 = v0[2] + dt * a0[2] - y[5];
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
    }
    if (this.augmented) {
      const f = ctx.fieldAccel;
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
