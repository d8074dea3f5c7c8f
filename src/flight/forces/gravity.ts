/**
 * Gravity with the rotating-frame terms: the flight is integrated in ECEF, a frame turning at omega about
 * z, so the acceleration of a point is g(r) - 2 omega x v - omega x (omega x r) (Vallado, "Fundamentals
 * of Astrodynamics and Applications", sec. 3.7; Zipfel, "Modeling and Simulation of Aerospace Vehicle
 * Dynamics", ch. 8). With omega = (0, 0, W): centrifugal W^2 (x, y, 0), Coriolis 2 W (vy, -vx, 0).
 * g(r) is the Earth model's (point mass or J2, src/earth); W = 0 when `rotation: false`.
 *
 * The sum is also left in ctx.fieldAccel: the non-aerodynamic acceleration guidance laws compensate.
 */
import type { FlightEarthModel } from "../earthModel.js";
import type { FlightContext, GuidanceCommand } from "../propagation/context.js";
import type { ForceModel } from "../propagation/types.js";

const shared = new WeakMap<FlightEarthModel, GravityForce>();

export class GravityForce implements ForceModel {
  /**
   * The gravity force of an Earth model, shared by every flight on it (its scratch vector lives only
   * within an evaluation), so it stays in cache when many flights are stepped in turn.
   */
  static of(earth: FlightEarthModel): GravityForce {
    let g = shared.get(earth);
    if (g === undefined) {
      g = new GravityForce(earth);
      shared.set(earth, g);
    }
    return g;
  }

  readonly name = "gravity";
  readonly guided = false;
  readonly needsAir = false;
  readonly earth: FlightEarthModel;
  private readonly omega: number;
  private readonly g = new Float64Array(3);

  constructor(earth: FlightEarthModel) {
    this.earth = earth;
    this.omega = earth.omegaRadS;
  }

  accumulate(
    ctx: FlightContext,
    _cmd: GuidanceCommand,
    _tS: number,
    y: Float64Array,
    acc: Float64Array,
  ): void {
    const g = this.g;
    this.earth.gravityInto(y, g);
    const w = this.omega;
    const fx = g[0] + w * w * y[0] + 2 * w * y[4];
    const fy = g[1] + w * w * y[1] - 2 * w * y[3];
    const fz = g[2];
    const f = ctx.fieldAccel;
    f[0] = fx;
    f[1] = fy;
    f[2] = fz;
    acc[0] += fx;
    acc[1] += fy;
    acc[2] += fz;
  }
}
