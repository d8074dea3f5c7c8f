/**
 * Air-breathing engine of a cruise missile, throttled to hold speed: thrust = drag + m k (V_set - V),
 * limited to [0, T_max], along the velocity; fuel flow T / (Isp g0) (Isp of the fuel alone). The set speed
 * and gain come from the guidance command (guidance/cruise.ts); the drag is this evaluation's drag of the
 * lift-and-drag force, which must come before this force in the flight's list.
 */
import { nonNegativeArg, positiveArg } from "../../math/check.js";
import { G0_MPS2 } from "../constants.js";
import type { FlightContext, GuidanceCommand } from "../propagation/context.js";
import type { ForceModel } from "../propagation/types.js";

export class CruiseEngineForce implements ForceModel {
  readonly name = "cruise-engine";
  readonly guided = true;
  readonly needsAir = true;
  readonly propulsive = true;
  readonly maxThrustN: number;
  readonly ispS: number;

  constructor(maxThrustN: number, ispS: number) {
    nonNegativeArg("CruiseEngineForce", "maxThrustN", maxThrustN);
    positiveArg("CruiseEngineForce", "ispS", ispS);
    this.maxThrustN = maxThrustN;
    this.ispS = ispS;
  }

  accumulate(
    ctx: FlightContext,
    cmd: GuidanceCommand,
    _tS: number,
    y: Float64Array,
    acc: Float64Array,
  ): void {
    const speed = ctx.speedMps;
    const m = y[6];
    if (!(speed > 0) || !(m > 0) || Number.isNaN(cmd.speedSetMps)) return;
    let thrust = ctx.dragN + m * cmd.speedGainPerS * (cmd.speedSetMps - speed);
    thrust = thrust < 0 ? 0 : thrust > this.maxThrustN ? this.maxThrustN : thrust;
    acc[3] += thrust / (this.ispS * G0_MPS2);
    ctx.thrustN += thrust;
    const ivs = 1 / speed;
    const tm = thrust / m;
    acc[0] += tm * (y[3] * ivs);
    acc[1] += tm * (y[4] * ivs);
    acc[2] += tm * (y[5] * ivs);
  }
}
