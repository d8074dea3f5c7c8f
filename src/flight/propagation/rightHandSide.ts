/**
 * A flight's right-hand side, dy/dt of y = [x, y, z, vx, vy, vz, m] (ECEF, rotating frame): air data
 * once (FlightContext.update), the unguided forces (gravity, a body's drag), the guidance law's command,
 * then the guided forces (motor, lift, lateral acceleration) reading it; or, when the only force is a
 * hand-inlined kernel and there is no law, the kernel's flat function (forces/glideKernel.ts). Also the
 * thrust an output sample reports. Owned by one flight (flight.ts), which decides when the forces and
 * the law change; nothing here is allocated per evaluation.
 */
import type { OdeRhs } from "../../math/ode/index.js";
import type { FlightEarthModel } from "../earthModel.js";
import { FlightContext, GuidanceCommand } from "./context.js";
import type { ForceModel, GuidanceLaw } from "./types.js";

export class FlightDynamics {
  /** Evaluation context: air data and the diagnostics of the last evaluation (thrust, drag, lift...). */
  readonly context: FlightContext;
  private readonly cmd = new GuidanceCommand();
  /** Acceleration (m/s^2, ECEF) and mass flow (kg/s) the forces add up. */
  private readonly acc = new Float64Array(4);
  private readonly dydt = new Float64Array(7);
  private forceList: readonly ForceModel[] = [];
  private pre: ForceModel[] = [];
  private post: ForceModel[] = [];
  private whole: ForceModel | null = null;
  private needsAir = false;
  private propulsiveForces: ForceModel[] = [];
  private thrustNeedsEvaluation = false;
  private lawNow: GuidanceLaw | null = null;

  constructor(earth: FlightEarthModel) {
    this.context = new FlightContext(earth);
  }

  get forces(): readonly ForceModel[] {
    return this.forceList;
  }

  get law(): GuidanceLaw | null {
    return this.lawNow;
  }

  /** The forces from now on (copied). */
  setForces(forces: readonly ForceModel[]): void {
    this.forceList = forces.slice();
    this.pre = forces.filter((f) => !f.guided);
    this.post = forces.filter((f) => f.guided);
    this.propulsiveForces = forces.filter((f) => f.propulsive === true);
    this.thrustNeedsEvaluation = this.propulsiveForces.some((f) => f.thrustAtPressureN === undefined);
    this.updateDerived();
  }

  /** The guidance law from now on; the command is cleared, so no force reads a previous law's fields. */
  setLaw(law: GuidanceLaw | null): void {
    this.lawNow = law;
    this.cmd.clear();
    this.updateDerived();
  }

  private updateDerived(): void {
    const f = this.forceList;
    this.whole = f.length === 1 && f[0].derivativesInto !== undefined && this.lawNow === null ? f[0] : null;
    this.needsAir = f.some((x) => x.needsAir) || (this.lawNow !== null && this.lawNow.needsAir);
  }

  readonly rhs: OdeRhs = (tS, y, dydt) => {
    const whole = this.whole;
    if (whole !== null) {
      (whole.derivativesInto as NonNullable<ForceModel["derivativesInto"]>)(
        this.context,
        this.cmd,
        tS,
        y,
        dydt,
      );
      return;
    }
    const ctx = this.context;
    const cmd = this.cmd;
    if (this.needsAir) ctx.update(y);
    const acc = this.acc;
    acc[0] = 0;
    acc[1] = 0;
    acc[2] = 0;
    acc[3] = 0;
    // The first two forces of each group through their own call sites: each site then sees few classes
    // (gravity first, a body's drag second; a motor or the lift first, an engine second), so V8 inlines
    // them, where one loop's site would see every class and call through a megamorphic stub.
    const pre = this.pre;
    const np = pre.length;
    if (np > 0) {
      pre[0].accumulate(ctx, cmd, tS, y, acc);
      if (np > 1) {
        pre[1].accumulate(ctx, cmd, tS, y, acc);
        for (let i = 2; i < np; i++) pre[i].accumulate(ctx, cmd, tS, y, acc);
      }
    }
    const law = this.lawNow;
    if (law !== null) law.command(ctx, tS, y, cmd);
    const post = this.post;
    const nq = post.length;
    if (nq > 0) {
      post[0].accumulate(ctx, cmd, tS, y, acc);
      if (nq > 1) {
        post[1].accumulate(ctx, cmd, tS, y, acc);
        for (let i = 2; i < nq; i++) post[i].accumulate(ctx, cmd, tS, y, acc);
      }
    }
    dydt[0] = y[3];
    dydt[1] = y[4];
    dydt[2] = y[5];
    dydt[3] = acc[0];
    dydt[4] = acc[1];
    dydt[5] = acc[2];
    dydt[6] = -acc[3];
  };

  /**
   * Whether a sample's thrust comes from an evaluation at its state, whose air data (context.air) the
   * sample then reads instead of looking it up again.
   */
  get thrustFromEvaluation(): boolean {
    return this.thrustNeedsEvaluation && this.needsAir && this.whole === null;
  }

  /** Thrust from one evaluation of the right-hand side at (t, y) (the forces' diagnostics), N. */
  thrustEvaluated(t: number, y: Float64Array): number {
    this.context.thrustN = 0;
    this.rhs(t, y, this.dydt);
    return this.context.thrustN;
  }

  /** Thrust at (t, y) in air of pressurePa: the motors' own, or from an evaluation when a motor's thrust
   *  depends on the other forces (an air-breathing engine holding speed against drag), N. */
  thrustAt(t: number, y: Float64Array, pressurePa: number): number {
    const pf = this.propulsiveForces;
    if (pf.length === 0) return 0;
    if (this.thrustNeedsEvaluation) return this.thrustEvaluated(t, y);
    let thrust = 0;
    for (let i = 0; i < pf.length; i++)
      thrust += (pf[i].thrustAtPressureN as (p: number) => number)(pressurePa);
    return thrust;
  }
}
