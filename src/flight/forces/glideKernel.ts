/**
 * The hand-inlined glide kernel (kernels/glideRhs.ts) as a force model: gravity with the rotating-frame
 * terms, and lift and drag under the equilibrium-glide law (guidance/glide.ts), in one. It is the whole
 * right-hand side of a gliding flight (derivativesInto, used when it is the flight's only force and the
 * flight has no separate law), bit-identical to the composed path it stands for, GravityForce then
 * GlideGuidance then LiftDragForce (genericInto, its reference and its fallback where the kernel declines:
 * outside the atmosphere table's lower grid, at rest, or on an Earth model that is not an EarthModel).
 * Composed with other forces it adds its acceleration like any force (accumulate).
 */
import type { FlightContext, GuidanceCommand } from "../propagation/context.js";
import type { ForceModel } from "../propagation/types.js";
import type { GlideGuidance } from "../guidance/glide.js";
import { GlideRhsKernel } from "../kernels/glideRhs.js";
import type { GravityForce } from "./gravity.js";

export class GlideKernelForce implements ForceModel {
  readonly name = "glide-kernel";
  readonly guided = false;
  readonly needsAir = false;
  readonly gravity: GravityForce;
  readonly glide: GlideGuidance;
  /** The flat kernel; null: always the composed path. Setting it to null switches the kernel off. */
  kernel: GlideRhsKernel | null;
  private readonly acc = new Float64Array(4);
  private readonly d = new Float64Array(7);

  constructor(gravity: GravityForce, glide: GlideGuidance) {
    this.gravity = gravity;
    this.glide = glide;
    this.kernel = GlideRhsKernel.shared(gravity.earth, glide.lift.model);
  }

  derivativesInto(
    ctx: FlightContext,
    cmd: GuidanceCommand,
    tS: number,
    y: Float64Array,
    dydt: Float64Array,
  ): void {
    const k = this.kernel;
    if (k !== null && k.evaluate(this.glide, tS, y, dydt)) return;
    this.genericInto(ctx, cmd, tS, y, dydt);
  }

  /** The composed reference: air data, gravity, the glide law's command, lift and drag. */
  genericInto(
    ctx: FlightContext,
    cmd: GuidanceCommand,
    tS: number,
    y: Float64Array,
    dydt: Float64Array,
  ): void {
    ctx.update(y);
    const acc = this.acc;
    acc[0] = 0;
    acc[1] = 0;
    acc[2] = 0;
    acc[3] = 0;
    this.gravity.accumulate(ctx, cmd, tS, y, acc);
    this.glide.command(ctx, tS, y, cmd);
    this.glide.lift.accumulate(ctx, cmd, tS, y, acc);
    dydt[0] = y[3];
    dydt[1] = y[4];
    dydt[2] = y[5];
    dydt[3] = acc[0];
    dydt[4] = acc[1];
    dydt[5] = acc[2];
    dydt[6] = -acc[3];
  }

  accumulate(ctx: FlightContext, cmd: GuidanceCommand, tS: number, y: Float64Array, acc: Float64Array): void {
    const d = this.d;
    this.derivativesInto(ctx, cmd, tS, y, d);
    acc[0] += d[3];
    acc[1] += d[4];
    acc[2] += d[5];
    acc[3] -= d[6];
  }
}
