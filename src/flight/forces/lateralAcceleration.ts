/**
 * Lateral acceleration of a steered missile or guided projectile, as a guidance law commands it
 * (GuidanceCommand.accel: proportional navigation and the like), within what the airframe can give: the
 * component perpendicular to the velocity (a point mass turns by lift or side force, not along its path),
 * scaled down, direction kept, to the limit
 *
 *   a_max = min(n_max g0, max(q S C_L,max / m, a_divert))
 *
 * n_max the structural load factor; q S C_L,max / m the aerodynamic limit, which falls with dynamic
 * pressure (altitude and speed: the reason endo-atmospheric interceptors lose agility high up, Zarchan,
 * "Tactical and Strategic Missile Guidance", 6th ed., ch. on the effect of altitude on guidance); a_divert
 * what side thrusters give at any dynamic pressure (an exo-atmospheric kill vehicle). Either of the last
 * two may be absent. The induced drag of the manoeuvre is not modelled (a body-drag force carries the
 * zero-lift drag); the limit is continuous, so the right-hand side stays continuous.
 */
import { nonNegativeArg, positiveArg } from "../../math/check.js";
import { G0_MPS2 } from "../constants.js";
import type { FlightContext, GuidanceCommand } from "../propagation/context.js";
import type { ForceModel } from "../propagation/types.js";

export interface LateralAccelerationLimits {
  /** Structural load-factor limit, multiples of g0 (> 0). */
  readonly maxLoadFactor: number;
  /** Aerodynamic limit q S C_L,max / m: reference area (m^2) and largest usable lift coefficient. */
  readonly aero?: { readonly refAreaM2: number; readonly clMax: number };
  /** Divert acceleration available at any dynamic pressure, m/s^2. */
  readonly divertAccelMps2?: number;
}

export class LateralAccelerationForce implements ForceModel {
  readonly name = "lateral-acceleration";
  readonly guided = true;
  readonly needsAir = true;
  readonly maxAccelMps2: number;
  /** S C_L,max, m^2 (0: no aerodynamic side force). */
  readonly aeroSClMax: number;
  readonly divertMps2: number;
  /** Neither an aerodynamic nor a divert limit: the load factor alone limits. */
  private readonly loadFactorOnly: boolean;

  constructor(limits: LateralAccelerationLimits) {
    const fn = "LateralAccelerationForce";
    positiveArg(fn, "limits.maxLoadFactor", limits.maxLoadFactor);
    if (limits.aero !== undefined) {
      positiveArg(fn, "limits.aero.refAreaM2", limits.aero.refAreaM2);
      positiveArg(fn, "limits.aero.clMax", limits.aero.clMax);
    }
    if (limits.divertAccelMps2 !== undefined)
      nonNegativeArg(fn, "limits.divertAccelMps2", limits.divertAccelMps2);
    this.maxAccelMps2 = limits.maxLoadFactor * G0_MPS2;
    const a = limits.aero;
    this.aeroSClMax = a === undefined ? 0 : a.refAreaM2 * a.clMax;
    this.divertMps2 = limits.divertAccelMps2 ?? 0;
    this.loadFactorOnly = a === undefined && limits.divertAccelMps2 === undefined;
  }

  /** The acceleration limit at dynamic pressure q (Pa) and mass m (kg), m/s^2. */
  limitMps2(dynamicPressurePa: number, massKg: number): number {
    if (this.loadFactorOnly) return this.maxAccelMps2;
    const aero = (dynamicPressurePa * this.aeroSClMax) / massKg;
    const avail = aero > this.divertMps2 ? aero : this.divertMps2;
    return avail < this.maxAccelMps2 ? avail : this.maxAccelMps2;
  }

  accumulate(
    ctx: FlightContext,
    cmd: GuidanceCommand,
    _tS: number,
    y: Float64Array,
    acc: Float64Array,
  ): void {
    if (!cmd.accelSet) return;
    const c = cmd.accel;
    let ax = c[0];
    let ay = c[1];
    let az = c[2];
    const speed = ctx.speedMps;
    if (speed > 0) {
      const ivs = 1 / speed;
      const vx = y[3] * ivs;
      const vy = y[4] * ivs;
      const vz = y[5] * ivs;
      const along = ax * vx + ay * vy + az * vz;
      ax -= along * vx;
      ay -= along * vy;
      az -= along * vz;
    }
    const mag = Math.sqrt(ax * ax + ay * ay + az * az);
    const lim = this.limitMps2(ctx.dynamicPressurePa, y[6]);
    let k = 1;
    if (mag > lim) k = lim / mag;
    acc[0] += k * ax;
    acc[1] += k * ay;
    acc[2] += k * az;
    ctx.lateralAccelMps2 = k * mag;
  }
}
