/**
 * Equilibrium-glide guidance as a law (the parameters and the scalar formulas are in glideLaw.ts): the
 * lift coefficient that flies the L/D the range to go needs (on the table's high-alpha branch, divided by
 * cos(bank)), damped by the phugoid term, and the bank that turns the heading onto the great circle to
 * the aimpoint, with the law's weave or jink on top. Without an aimpoint (a free flight from a burnout
 * state) it flies the best L/D with no heading to hold.
 *
 * forces/glideKernel.ts computes the same thing, with gravity and the lift and drag, as one flat function
 * (bit-identical); this is its reference and the path it falls back on outside its domain.
 */
import type { FlightEarthModel } from "../earthModel.js";
import type { LiftDragForce } from "../forces/liftDrag.js";
import { FlightContext, GuidanceCommand, LIFT_CL } from "../propagation/context.js";
import type { GuidanceLaw } from "../propagation/types.js";
import type { Aimpoint } from "./aimpoint.js";
import { GLIDE_SCALE_HEIGHT_M, type GlideLaw, requiredLiftToDrag } from "./glideLaw.js";

export class GlideGuidance implements GuidanceLaw {
  readonly name = "equilibrium-glide";
  readonly needsAir = true;
  readonly law: GlideLaw;
  readonly aim: Aimpoint;
  readonly lift: LiftDragForce;
  private readonly mu: number;
  private readonly w2: number;
  private readonly twoW: number;
  /** Ground range to go of the last evaluation, m. */
  rangeToGoM = 0;
  /** Of the last evaluation: heading error (2 tan(dpsi/2)), cos of the heading law's bank, and the
   * energy-management bank's cosine (L/D needed over the steepest L/D; below the first: energy mode). */
  headingErr = 0;
  headingBankCos = 1;
  energyBankCos = Infinity;
  /**
   * The evaluation those three figures are of: (t, x, y, vx). The kernel and this law write them at every
   * evaluation, so the events read them at a step's end, where the integrator has just evaluated the
   * right-hand side (the step's last stage), without evaluating the law again.
   */
  figuresT = NaN;
  figuresX = NaN;
  figuresY = NaN;
  figuresVx = NaN;
  private readonly earth: FlightEarthModel;
  /** The probe's own context and command, made on first use. */
  private probeCtx: FlightContext | null = null;
  private probeCmd: GuidanceCommand | null = null;

  constructor(earth: FlightEarthModel, law: GlideLaw, aim: Aimpoint, lift: LiftDragForce) {
    this.earth = earth;
    this.mu = earth.gmM3S2;
    this.w2 = earth.omegaRadS * earth.omegaRadS;
    this.twoW = 2 * earth.omegaRadS;
    this.law = law;
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
    const speed = ctx.speedMps;
    const v2 = vx * vx + vy * vy + vz * vz;
    const fa = ctx.fieldAccel;
    const r2 = x * x + yy * yy + z * z;
    const ir = 1 / Math.sqrt(r2);
    const r = r2 * ir;
    const ux = x * ir;
    const uy = yy * ir;
    const uz = z * ir;
    const vr = vx * ux + vy * uy + vz * uz;
    // Range to go along the great circle to the aimpoint.
    const t = this.aim.unit;
    const ct = t[0] * ux + t[1] * uy + t[2] * uz;
    const dx = t[0] - ct * ux;
    const dy = t[1] - ct * uy;
    const dz = t[2] - ct * uz;
    const st = Math.sqrt(dx * dx + dy * dy + dz * dz);
    // Central angle atan2(st, ct) from one Math.atan by the half-angle identity tan(theta/2) = sin / (1 +
    // cos); past 90 degrees the same identity for pi - theta. Both denominators lie in [1, 2].
    const theta = ct >= 0 ? 2 * Math.atan(st / (1 + ct)) : Math.PI - 2 * Math.atan(st / (1 - ct));
    const rangeToGo = this.aim.radiusM * theta;
    this.rangeToGoM = rangeToGo;
    const gl = this.law;
    const ivs = 1 / speed;
    // Rotating frame: gravity less the centrifugal term's vertical part, and the Coriolis term's vertical
    // part per unit speed (glideLaw.ts glideDistancePerLiftToDragM).
    const gp = this.mu * ir * ir - this.w2 * (x * x + yy * yy) * ir;
    const bc = this.twoW * (x * vy - yy * vx) * ir * ivs;
    // Without an aimpoint the glide is free: the best L/D (an infinite requirement saturates there).
    const free = !this.aim.isSet;
    const ldReq = free
      ? Infinity
      : requiredLiftToDrag(rangeToGo - gl.diveRangeM, r, speed, gl.glideEndSpeedMps, gp, bc);
    // Lift frame: p = vertical perpendicular to v, s = v_hat x p.
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
    // Signed heading error e = 2 tan(dpsi/2) = 2 sin / (1 + cos) (positive: aimpoint to the right).
    const hx = vx - vr * ux;
    const hy = vy - vr * uy;
    const hz = vz - vr * uz;
    const sinH = ux * (dy * hz - dz * hy) + uy * (dz * hx - dx * hz) + uz * (dx * hy - dy * hx);
    const cosH = dx * hx + dy * hy + dz * hz;
    const dh = st * Math.sqrt(hx * hx + hy * hy + hz * hz);
    const den = dh + cosH;
    const headingErr = free ? 0 : den > 1e-9 * dh ? (2 * sinH) / den : sinH >= 0 ? 1e6 : -1e6;
    const row = this.lift.model.row;
    row.setMach(ctx.mach);
    // Net downward non-aerodynamic acceleration less the centripetal term of flight along the Earth.
    const gEff = -(fa[0] * ux + fa[1] * uy + fa[2] * uz) - (v2 - vr * vr) * ir;
    // Bank for heading: tan(bank) = T u / sqrt(1 + u^2), u = K e / T, T = tan(bankMax) (glideLaw.ts).
    const tMax = gl.tanBankMax;
    const u = (gl.headingGain * headingErr) / tMax;
    const u2 = u * u;
    const iw = 1 / Math.sqrt(1 + (1 + tMax * tMax) * u2);
    let cb = Math.sqrt(1 + u2) * iw;
    let sb = tMax * u * iw;
    // Energy management: bank further when the steepest L/D at the heading bank is still too much.
    const cN = ldReq / row.liftToDragAtMaxAlpha();
    this.headingErr = headingErr;
    this.headingBankCos = cb;
    this.energyBankCos = cN;
    this.figuresT = tS;
    this.figuresX = x;
    this.figuresY = yy;
    this.figuresVx = vx;
    if (cN < cb) {
      const ce = cN > gl.minEnergyBankCos ? cN : gl.minEnergyBankCos;
      cb = ce;
      sb = gl.reversalSign * Math.sqrt(1 - ce * ce);
    }
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
    const icb = 1 / (cb > 0.3 ? cb : 0.3);
    const gRef = gEff > 0.5 ? gEff : 0.5;
    const k = gl.altitudeRateGain;
    const kvg = (k * vr) / gRef;
    const k2hv = 2 * k * GLIDE_SCALE_HEIGHT_M * ivs;
    row.setLiftToDrag(ldReq * icb);
    // Phugoid damping: f = 1 - k v_r / g - (2 k H / V) C_D / C_L.
    let f = 1 - kvg - k2hv * (row.cd / row.cl);
    f = f < 0.2 ? 0.2 : f > 3 ? 3 : f;
    cmd.liftMode = LIFT_CL;
    cmd.cl = row.cl * f;
    const l = cmd.liftDir;
    l[0] = cb * px + sb * sx;
    l[1] = cb * py + sb * sy;
    l[2] = cb * pz + sb * sz;
  }

  /**
   * The law's mode figures (headingErr, headingBankCos, energyBankCos) at a state, for the energy-
   * management events: those of the last evaluation when it was at this state, else one evaluation of the
   * command on a private context (no gravity field: the figures do not depend on it).
   */
  probe(tS: number, y: Float64Array): void {
    if (tS === this.figuresT && y[0] === this.figuresX && y[1] === this.figuresY && y[3] === this.figuresVx)
      return;
    if (this.probeCtx === null) this.probeCtx = new FlightContext(this.earth);
    if (this.probeCmd === null) this.probeCmd = new GuidanceCommand();
    this.probeCtx.update(y);
    this.command(this.probeCtx, tS, y, this.probeCmd);
  }
}
