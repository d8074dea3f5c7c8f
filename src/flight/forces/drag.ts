/**
 * Drag of a body without lift, against the air-relative velocity (the air co-rotates with the Earth, no
 * winds: the ECEF velocity): a = -q (C_D A / m) v_hat, from a ballistic coefficient or a C_D(Mach) table
 * with a reference area (aero/models.ts DragModel). `scale` multiplies it (Monte Carlo dispersions).
 */
import { nonNegativeArg } from "../../math/check.js";
import type { DragModel } from "../aero/models.js";
import type { FlightContext, GuidanceCommand } from "../propagation/context.js";
import type { ForceModel } from "../propagation/types.js";

export class DragForce implements ForceModel {
  readonly name = "drag";
  readonly guided = false;
  readonly needsAir = true;
  readonly model: DragModel;
  scale: number;

  constructor(model: DragModel, scale = 1) {
    nonNegativeArg("DragForce", "scale", scale);
    this.model = model;
    this.scale = scale;
  }

  accumulate(
    ctx: FlightContext,
    _cmd: GuidanceCommand,
    _tS: number,
    y: Float64Array,
    acc: Float64Array,
  ): void {
    const speed = ctx.speedMps;
    const q = ctx.dynamicPressurePa;
    if (speed > 0 && q > 0) {
      const m = y[6];
      const dOverM = q * this.model.dragPerDynamicPressure(ctx.mach, m) * this.scale;
      ctx.dragN += dOverM * m;
      const k = dOverM / speed;
      acc[0] -= k * y[3];
      acc[1] -= k * y[4];
      acc[2] -= k * y[5];
    }
  }
}
