/**
 * A glider's midcourse, re-entry and pull-up: zero bank (lift in the vertical plane of the velocity, along
 * the local vertical's component perpendicular to it) at the pull-up angle of attack, the most lift the
 * table gives, so the glider levels off as high as it can; within the vehicle's load-factor limit: where
 * the aerodynamic force q S sqrt((C_L)^2 + (C_D)^2) would exceed n_max m g0, the lift coefficient is
 * lowered to meet it (C_D at the lowered C_L from the table: two passes leave the force within a fraction
 * of a percent of the limit). The dynamic-pressure limit is the boost planner's (gliderBoost.ts: a flatter
 * boost); the law cannot lift harder than the limit allows.
 */
import { G0_MPS2 } from "../constants.js";
import type { LiftDragForce } from "../forces/liftDrag.js";
import { LIFT_ALPHA, LIFT_CL, type FlightContext, type GuidanceCommand } from "../propagation/context.js";
import type { GuidanceLaw } from "../propagation/types.js";
import { liftPlaneInto } from "./fixedAttitude.js";

export class PullUpGuidance implements GuidanceLaw {
  readonly name = "pull-up";
  readonly needsAir = true;
  alphaRad: number;
  /** Load-factor limit, g0 (Infinity: none). */
  maxLoadFactor: number;
  readonly lift: LiftDragForce;
  /** Load factor of the last evaluation, g0 (diagnostics). */
  loadFactor = 0;

  constructor(alphaRad: number, maxLoadFactor: number, lift: LiftDragForce) {
    if (!(maxLoadFactor > 0))
      throw new RangeError(`PullUpGuidance: maxLoadFactor must be > 0, given ${maxLoadFactor}`);
    this.alphaRad = alphaRad;
    this.maxLoadFactor = maxLoadFactor;
    this.lift = lift;
  }

  command(ctx: FlightContext, _tS: number, y: Float64Array, cmd: GuidanceCommand): void {
    liftPlaneInto(ctx.speedMps, y, cmd.liftDir);
    cmd.liftMode = LIFT_ALPHA;
    cmd.alphaRad = this.alphaRad;
    const qs = ctx.dynamicPressurePa * this.lift.model.refAreaM2;
    if (!(qs > 0)) return;
    const row = this.lift.model.row;
    row.setMach(ctx.mach);
    row.lookup(this.alphaRad);
    const ls = this.lift.liftScale;
    const ds = this.lift.dragScale;
    const fMax = this.maxLoadFactor * y[6] * G0_MPS2;
    const force = qs * Math.sqrt(ls * row.cl * (ls * row.cl) + ds * row.cd * (ds * row.cd));
    this.loadFactor = force / (y[6] * G0_MPS2);
    if (force <= fMax) return;
    // Lower C_L so that the force meets the limit: scale, then solve L^2 = F^2 - D^2 with the drag there.
    row.setLift((row.cl * fMax) / force);
    const f = fMax / qs;
    const d = ds * row.cd;
    cmd.liftMode = LIFT_CL;
    cmd.cl = Math.sqrt(Math.max(0, f * f - d * d)) / ls;
    this.loadFactor = this.maxLoadFactor;
  }
}
