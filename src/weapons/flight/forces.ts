/**
 * The weapons' force models and small guidance plug-ins on the flight layer's open roles
 * (src/flight/propagation/types.ts): a weapon's lateral limit as the flight layer's
 * LateralAccelerationForce, a vertical-rise law for vertically launched missiles, and a detector that
 * stops a flyout at its closest approach to a fixed point.
 */
import { G0_MPS2 } from "../../flight/constants.js";
import { LateralAccelerationForce } from "../../flight/forces/lateralAcceleration.js";
import type { FlightContext, GuidanceCommand } from "../../flight/propagation/context.js";
import type { FlightEventDetector, FlightEventHandler, GuidanceLaw } from "../../flight/propagation/types.js";
import type { LateralLimitDefinition } from "../definitions.js";

/**
 * The flight layer's lateral-acceleration force for a weapon's limit: load factor a_struct / g0,
 * aerodynamic C_N S (as S C_L,max with C_L,max = 1: only the product matters), divert thrust over the
 * vehicle's mass at that stage. null when the vehicle has no means to turn (no aerodynamic control and
 * no thrusters): it then flies ballistically whatever its guidance commands.
 */
export function lateralForceOf(
  limit: LateralLimitDefinition,
  massKg: number,
): LateralAccelerationForce | null {
  if (!(limit.normalForceAreaM2 > 0) && !(limit.divertThrustN > 0)) return null;
  return new LateralAccelerationForce({
    maxLoadFactor: limit.structuralMps2 / G0_MPS2,
    aero: limit.normalForceAreaM2 > 0 ? { refAreaM2: limit.normalForceAreaM2, clMax: 1 } : undefined,
    divertAccelMps2: limit.divertThrustN > 0 ? limit.divertThrustN / massKg : undefined,
  });
}

/** Thrust along the local geocentric vertical: a vertically launched missile clearing its cell. */
export class VerticalRiseGuidance implements GuidanceLaw {
  readonly name = "vertical-rise";
  readonly needsAir = false;

  command(_ctx: FlightContext, _tS: number, y: Float64Array, cmd: GuidanceCommand): void {
    const r = Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
    cmd.thrustDirSet = true;
    cmd.thrustDir[0] = y[0] / r;
    cmd.thrustDir[1] = y[1] / r;
    cmd.thrustDir[2] = y[2] / r;
    cmd.accelSet = false;
  }
}

/**
 * The flight's closest approach to a fixed point P: g = (r - P) . v rises through zero at the minimum
 * distance; the handler (default: stop the flight) runs there, located to the integrator's event
 * tolerance.
 */
export class PointApproachDetector implements FlightEventDetector {
  readonly direction = 1 as const;
  readonly point = new Float64Array(3);
  handle: FlightEventHandler;

  constructor(pointEcefM: ArrayLike<number>, handle: FlightEventHandler = (f) => f.stop("stopped")) {
    this.point.set([pointEcefM[0], pointEcefM[1], pointEcefM[2]]);
    this.handle = handle;
  }

  g(_tS: number, y: Float64Array): number {
    const p = this.point;
    return (y[0] - p[0]) * y[3] + (y[1] - p[1]) * y[4] + (y[2] - p[2]) * y[5];
  }
}
