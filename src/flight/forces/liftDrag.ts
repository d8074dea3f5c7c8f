/**
 * Lift and drag of a lifting body from its C_L/C_D table (aero/models.ts LiftDragModel, read through the
 * row view aero/row.ts), steered by the guidance command: an angle of attack (LIFT_ALPHA) or a lift
 * coefficient (LIFT_CL; the table gives the angle), and the lift direction (unit, perpendicular to the
 * velocity: the law's bank). L = q S C_L along the lift direction, D = q S C_D against the velocity.
 * `liftScale` and `dragScale` multiply them (dispersions); lifting laws that command an acceleration read
 * them, as an autopilot closing on measured acceleration would.
 */
import { nonNegativeArg } from "../../math/check.js";
import type { LiftDragModel } from "../aero/models.js";
import { LIFT_ALPHA, type FlightContext, type GuidanceCommand } from "../propagation/context.js";
import type { ForceModel } from "../propagation/types.js";

export class LiftDragForce implements ForceModel {
  readonly name = "lift-drag";
  readonly guided = true;
  readonly needsAir = true;
  readonly model: LiftDragModel;
  liftScale: number;
  dragScale: number;

  constructor(model: LiftDragModel, liftScale = 1, dragScale = 1) {
    nonNegativeArg("LiftDragForce", "liftScale", liftScale);
    nonNegativeArg("LiftDragForce", "dragScale", dragScale);
    this.model = model;
    this.liftScale = liftScale;
    this.dragScale = dragScale;
  }

  accumulate(
    ctx: FlightContext,
    cmd: GuidanceCommand,
    _tS: number,
    y: Float64Array,
    acc: Float64Array,
  ): void {
    const speed = ctx.speedMps;
    if (!(speed > 0)) return;
    const lm = this.model;
    const row = lm.row;
    const m = y[6];
    const ivs = 1 / speed;
    const vhx = y[3] * ivs;
    const vhy = y[4] * ivs;
    const vhz = y[5] * ivs;
    const qs = ctx.dynamicPressurePa * lm.refAreaM2;
    row.setMach(ctx.mach);
    if (cmd.liftMode === LIFT_ALPHA) row.lookup(cmd.alphaRad);
    else row.setLift(cmd.cl);
    const l = cmd.liftDir;
    const qsm = qs / m;
    const lOverM = qsm * row.cl * this.liftScale;
    const dOverM = qsm * row.cd * this.dragScale;
    acc[0] += lOverM * l[0] - dOverM * vhx;
    acc[1] += lOverM * l[1] - dOverM * vhy;
    acc[2] += lOverM * l[2] - dOverM * vhz;
    ctx.dragN += dOverM * m;
    ctx.liftN += lOverM * m;
    ctx.alphaRad = row.alphaRad;
  }
}
