/**
 * Midcourse guidance to the predicted intercept point: zero-effort-miss (ZEM) steering with gravity
 * (Zarchan, "Tactical and Strategic Missile Guidance", 6th ed., ch. 8, optimal guidance; the ZEM form of
 * Hawkins, Wie & Guo, IJASS 13(2), 2012):
 *   ZEM = rho + rho' t_go + (1/2) (a_T - g_M) t_go^2,      a_c = N' ZEM_perp / t_go^2,
 * rho = r_T - r_M, rho' = v_T - v_M, g_M the missile's own non-aerodynamic acceleration (gravity and the
 * rotating-frame terms, FlightContext.fieldAccel), a_T the target's (zero for a point at rest), ZEM_perp
 * the part across the missile's velocity (a point mass steers across its path), N' = 3 (the energy-
 * optimal gain for a fixed time to go). Unlike PN it needs no small heading error: a vertically launched
 * missile turns onto its collision course from the cell. The time to go is the planned intercept time
 * minus now when one is set (`interceptTimeS`, from the PIP solution), else |rho| / max(v, v_plan)
 * (a smooth function of the state, so the right-hand side stays smooth), floored at `minTimeToGoS`.
 *
 * While a motor burns, the law tilts the thrust off the velocity (a body at angle of attack, or thrust
 * vectoring) by up to `thrustVectorMaxRad` to give part of the command, sin(delta) = a_c / (T/m), with
 * T/m the motor's vacuum thrust over the mass, and leaves the rest to the lateral-acceleration force
 * (aerodynamic control within its limit).
 */
import type { StagedMotorForce } from "../../flight/forces/motor.js";
import type { FlightContext, GuidanceCommand } from "../../flight/propagation/context.js";
import type { TargetedGuidanceLaw } from "../../flight/propagation/types.js";
import { ExtrapolatedTarget } from "../../flight/guidance/extrapolatedTarget.js";

export interface ZemGuidanceOptions {
  /** Gain N' (default 3). */
  readonly navigationRatio?: number;
  /** Largest thrust tilt from the velocity while burning, rad (default 0: no thrust steering). */
  readonly thrustVectorMaxRad?: number;
  /** The motor whose thrust may be tilted (null: none). */
  readonly motor?: StagedMotorForce | null;
  /** Floor on the time to go, s (default 1). */
  readonly minTimeToGoS?: number;
  /**
   * Speed the missile will average to the target when no intercept time is set: the time to go is then
   * |rho| / max(speed now, this), m/s (default 1000).
   */
  readonly planningSpeedMps?: number;
}

export class ZemGuidance implements TargetedGuidanceLaw {
  readonly name = "zem-midcourse";
  readonly needsAir = false;
  readonly navigationRatio: number;
  readonly thrustVectorMaxRad: number;
  readonly minTimeToGoS: number;
  readonly planningSpeedMps: number;
  revision = 0;
  /** Planned intercept time, s (set before the target update that uses it). */
  interceptTimeS = NaN;
  private readonly motor: StagedMotorForce | null;
  private readonly target = new ExtrapolatedTarget();
  private readonly rel = new Float64Array(6);

  constructor(o: ZemGuidanceOptions = {}) {
    this.navigationRatio = o.navigationRatio ?? 3;
    this.thrustVectorMaxRad = o.thrustVectorMaxRad ?? 0;
    this.minTimeToGoS = o.minTimeToGoS ?? 1;
    this.motor = o.motor ?? null;
    this.planningSpeedMps = o.planningSpeedMps ?? 1000;
    if (!(this.planningSpeedMps > 0)) throw new RangeError(`ZemGuidance: planningSpeedMps must be > 0`);
    if (!(this.navigationRatio > 0)) throw new RangeError(`ZemGuidance: navigationRatio must be > 0`);
    if (!(this.thrustVectorMaxRad >= 0 && this.thrustVectorMaxRad < Math.PI / 2))
      throw new RangeError(`ZemGuidance: thrustVectorMaxRad must be in [0, pi/2)`);
    if (!(this.minTimeToGoS > 0)) throw new RangeError(`ZemGuidance: minTimeToGoS must be > 0`);
  }

  setTarget(
    posEcefM: ArrayLike<number>,
    velEcefMps: ArrayLike<number>,
    accEcefMps2: ArrayLike<number> | null,
    timeS: number,
  ): void {
    this.target.set("ZemGuidance", posEcefM, velEcefMps, accEcefMps2, timeS);
    this.revision++;
  }

  command(ctx: FlightContext, tS: number, y: Float64Array, cmd: GuidanceCommand): void {
    const target = this.target;
    if (!target.isSet) {
      cmd.accelSet = false;
      cmd.thrustDirSet = false;
      return;
    }
    const rel = this.rel;
    target.relativeInto(tS, y, rel);
    const a0 = target.a0;
    const rx = rel[0];
    const ry = rel[1];
    const rz = rel[2];
    const speed = Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]);
    let tgo = this.interceptTimeS - tS;
    if (!(tgo === tgo)) tgo = Math.sqrt(rx * rx + ry * ry + rz * rz) / Math.max(speed, this.planningSpeedMps);
    if (!(tgo >= this.minTimeToGoS)) tgo = this.minTimeToGoS;
    const f = ctx.fieldAccel;
    const h = 0.5 * tgo * tgo;
    let zx = rx + rel[3] * tgo + (a0[0] - f[0]) * h;
    let zy = ry + rel[4] * tgo + (a0[1] - f[1]) * h;
    let zz = rz + rel[5] * tgo + (a0[2] - f[2]) * h;
    let ux = 0;
    let uy = 0;
    let uz = 1;
    if (speed > 0) {
      ux = y[3] / speed;
      uy = y[4] / speed;
      uz = y[5] / speed;
      const along = zx * ux + zy * uy + zz * uz;
      zx -= along * ux;
      zy -= along * uy;
      zz -= along * uz;
    }
    const k = this.navigationRatio / (tgo * tgo);
    let ax = k * zx;
    let ay = k * zy;
    let az = k * zz;
    const a = cmd.accel;
    const m = this.motor;
    const tm = m !== null && m.thrustVacN > 0 ? m.thrustVacN / y[6] : 0;
    const mag = Math.sqrt(ax * ax + ay * ay + az * az);
    if (tm > 0 && this.thrustVectorMaxRad > 0 && mag > 0 && speed > 0) {
      // Tilt the thrust towards the command: lateral share T/m sin(delta), delta at most the limit.
      const s = Math.min(Math.sin(this.thrustVectorMaxRad), mag / tm);
      const c = Math.sqrt(1 - s * s);
      const nx = ax / mag;
      const ny = ay / mag;
      const nz = az / mag;
      cmd.thrustDirSet = true;
      cmd.thrustDir[0] = c * ux + s * nx;
      cmd.thrustDir[1] = c * uy + s * ny;
      cmd.thrustDir[2] = c * uz + s * nz;
      const rest = 1 - (tm * s) / mag;
      ax *= rest;
      ay *= rest;
      az *= rest;
    } else {
      cmd.thrustDirSet = false;
    }
    cmd.accelSet = true;
    a[0] = ax;
    a[1] = ay;
    a[2] = az;
  }
}
