/**
 * Cruise guidance of an air-breathing missile: altitude hold by the lift coefficient (the vertical
 * acceleration command of a damped second-order loop, a_v = -2 zeta w v_r - w^2 (h - h_set), plus the net
 * downward non-aerodynamic acceleration, divided by cos(bank)), heading onto the great circle to the
 * aimpoint by bank (as the glide law, with its weave or jink), and a speed hold for the engine
 * (forces/cruiseEngine.ts: thrust = drag + m k (V_set - V)).
 */
import type { LiftDragForce } from "../forces/liftDrag.js";
import { LIFT_CL, type FlightContext, type GuidanceCommand } from "../propagation/context.js";
import type { GuidanceLaw } from "../propagation/types.js";
import type { Aimpoint } from "./aimpoint.js";
import type { GlideLaw } from "./glideLaw.js";

/** Cruise law parameters (set from the vehicle definition). */
export class CruiseLaw {
  altitudeM = 25_000;
  speedMps = 1800;
  omegaRadS = 0.05;
  damping = 0.8;
  speedGain = 0.05;
}

export class CruiseGuidance implements GuidanceLaw {
  readonly name = "cruise";
  readonly needsAir = true;
  readonly cruise: CruiseLaw;
  /** Heading gains, bank limit and manoeuvres (the glide law's). */
  readonly heading: GlideLaw;
  readonly aim: Aimpoint;
  readonly lift: LiftDragForce;

  constructor(cruise: CruiseLaw, heading: GlideLaw, aim: Aimpoint, lift: LiftDragForce) {
    this.cruise = cruise;
    this.heading = heading;
    this.aim = aim;
    this.lift = lift;
  }

  command(ctx: FlightContext, tS: number, y: Float64Array, cmd: GuidanceCommand): void {
    const x = y[0];
    const yy = y[1];
    const z = y[2];
    const vx = y[3];
    const vy = y[4];
    const vz = y[5];
    const m = y[6];
    const speed = ctx.speedMps;
    const v2 = vx * vx + vy * vy + vz * vz;
    const fa = ctx.fieldAccel;
    const r2 = x * x + yy * yy + z * z;
    const ir = 1 / Math.sqrt(r2);
    const ux = x * ir;
    const uy = yy * ir;
    const uz = z * ir;
    const vr = vx * ux + vy * uy + vz * uz;
    const t = this.aim.unit;
    const ct = t[0] * ux + t[1] * uy + t[2] * uz;
    const dx = t[0] - ct * ux;
    const dy = t[1] - ct * uy;
    const dz = t[2] - ct * uz;
    const st = Math.sqrt(dx * dx + dy * dy + dz * dz);
    const ivs = 1 / speed;
    const vhx = vx * ivs;
    const vhy = vy * ivs;
    const vhz = vz * ivs;
    const cu = vr * ivs;
    let px = ux - cu * vhx;
    let py = uy - cu * vhy;
    let pz = uz - cu * vhz;
    const ipn = 1 / Math.sqrt(px * px + py * py + pz * pz);
    px *= ipn;
    py *= ipn;
    pz *= ipn;
    const sx = vhy * pz - vhz * py;
    const sy = vhz * px - vhx * pz;
    const sz = vhx * py - vhy * px;
    const qs = ctx.dynamicPressurePa * this.lift.model.refAreaM2;
    const hx = vx - vr * ux;
    const hy = vy - vr * uy;
    const hz = vz - vr * uz;
    const sinH = ux * (dy * hz - dz * hy) + uy * (dz * hx - dx * hz) + uz * (dx * hy - dy * hx);
    const cosH = dx * hx + dy * hy + dz * hz;
    const dh = st * Math.sqrt(hx * hx + hy * hy + hz * hz);
    const den = dh + cosH;
    // Without an aimpoint (a free flight) there is no heading to hold.
    const headingErr = !this.aim.isSet ? 0 : den > 1e-9 * dh ? (2 * sinH) / den : sinH >= 0 ? 1e6 : -1e6;
    const gEff = -(fa[0] * ux + fa[1] * uy + fa[2] * uz) - (v2 - vr * vr) * ir;
    const gl = this.heading;
    const tMax = gl.tanBankMax;
    const u = (gl.headingGain * headingErr) / tMax;
    const u2 = u * u;
    const iw = 1 / Math.sqrt(1 + (1 + tMax * tMax) * u2);
    let cb = Math.sqrt(1 + u2) * iw;
    let sb = tMax * u * iw;
    if (gl.hasManoeuvre()) {
      const mb = gl.manoeuvreBankRad(tS);
      if (mb !== 0) {
        const cm = Math.cos(mb);
        const sm = Math.sin(mb);
        const c2 = cb * cm - sb * sm;
        sb = sb * cm + cb * sm;
        cb = c2;
      }
    }
    const cr = this.cruise;
    const aV = -2 * cr.damping * cr.omegaRadS * vr - cr.omegaRadS * cr.omegaRadS * (ctx.altM - cr.altitudeM);
    const lv = (gEff + aV) * m;
    cmd.liftMode = LIFT_CL;
    cmd.cl = qs > 0 ? lv / (qs * this.lift.liftScale * (cb > 0.3 ? cb : 0.3)) : 0;
    const l = cmd.liftDir;
    l[0] = cb * px + sb * sx;
    l[1] = cb * py + sb * sy;
    l[2] = cb * pz + sb * sz;
    cmd.speedSetMps = cr.speedMps;
    cmd.speedGainPerS = cr.speedGain;
  }
}
