/**
 * Terminal dive of a lifting vehicle onto a fixed aimpoint: pure proportional navigation,
 * a = N omega_los x v with omega_los = (rho x rhoDot) / |rho|^2, rho the line of sight to the aimpoint and
 * rhoDot = -v (Zarchan, "Tactical and Strategic Missile Guidance", ch. 2 and its 3-D form), with the
 * non-aerodynamic acceleration perpendicular to v compensated (the aimpoint does not fall); the lift
 * vector supplies the perpendicular acceleration, softly saturated at the table's largest C_L
 * (C_L = C_L,max tanh(a m / (q S C_L,max))). The command fades out between 3 km and 1 km from the aimpoint
 * (a smooth step, so the right-hand side has no kink), since it grows without bound as the range closes
 * on any residual miss; the last kilometre is ballistic.
 */
import { positiveArg } from "../../math/check.js";
import type { LiftDragForce } from "../forces/liftDrag.js";
import { LIFT_CL, type FlightContext, type GuidanceCommand } from "../propagation/context.js";
import type { GuidanceLaw } from "../propagation/types.js";
import type { Aimpoint } from "./aimpoint.js";
import { smoothStep } from "./glideLaw.js";

/** Proportional navigation fades out between these distances from the aimpoint (m). */
const DIVE_FADE_START_M = 1000;
const DIVE_FADE_SPAN_M = 2000;

export class DiveGuidance implements GuidanceLaw {
  readonly name = "dive";
  readonly needsAir = true;
  navigationConstant: number;
  readonly aim: Aimpoint;
  readonly lift: LiftDragForce;

  constructor(navigationConstant: number, aim: Aimpoint, lift: LiftDragForce) {
    positiveArg("DiveGuidance", "navigationConstant", navigationConstant);
    this.navigationConstant = navigationConstant;
    this.aim = aim;
    this.lift = lift;
  }

  command(ctx: FlightContext, _tS: number, y: Float64Array, cmd: GuidanceCommand): void {
    const x = y[0];
    const yy = y[1];
    const z = y[2];
    const vx = y[3];
    const vy = y[4];
    const vz = y[5];
    const m = y[6];
    const fa = ctx.fieldAccel;
    const ax = fa[0];
    const ay = fa[1];
    const az = fa[2];
    const ivs = 1 / ctx.speedMps;
    const vhx = vx * ivs;
    const vhy = vy * ivs;
    const vhz = vz * ivs;
    const lm = this.lift.model;
    const row = lm.row;
    row.setMach(ctx.mach);
    const qs = ctx.dynamicPressurePa * lm.refAreaM2;
    const target = this.aim.ecef;
    const rx = target[0] - x;
    const ry = target[1] - yy;
    const rz = target[2] - z;
    const rr2 = rx * rx + ry * ry + rz * rz;
    // omega_los = (rho x rhoDot) / |rho|^2 with rhoDot = -v.
    const wx = -(ry * vz - rz * vy) / rr2;
    const wy = -(rz * vx - rx * vz) / rr2;
    const wz = -(rx * vy - ry * vx) / rr2;
    const nav = this.navigationConstant;
    let cx = nav * (wy * vz - wz * vy);
    let cy = nav * (wz * vx - wx * vz);
    let cz = nav * (wx * vy - wy * vx);
    // Remove the component of the non-aero acceleration perpendicular to v.
    const ga = ax * vhx + ay * vhy + az * vhz;
    cx -= ax - ga * vhx;
    cy -= ay - ga * vhy;
    cz -= az - ga * vhz;
    const cp = cx * vhx + cy * vhy + cz * vhz;
    cx -= cp * vhx;
    cy -= cp * vhy;
    cz -= cp * vhz;
    const cmag = Math.sqrt(cx * cx + cy * cy + cz * cz);
    const l = cmd.liftDir;
    cmd.liftMode = LIFT_CL;
    if (cmag > 0 && qs > 0) {
      l[0] = cx / cmag;
      l[1] = cy / cmag;
      l[2] = cz / cmag;
      const fade = smoothStep((Math.sqrt(rr2) - DIVE_FADE_START_M) / DIVE_FADE_SPAN_M);
      const clMax = row.maxLift();
      cmd.cl = clMax * Math.tanh((fade * cmag * m) / (qs * this.lift.liftScale * clMax));
    } else {
      l[0] = 0;
      l[1] = 0;
      l[2] = 0;
      cmd.cl = 0;
    }
  }
}
