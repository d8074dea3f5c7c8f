/**
 * The glide right-hand side as one flat function: gravity with the rotating-frame terms, lift and drag
 * under equilibrium-glide guidance (forces/gravity.ts, forces/liftDrag.ts, guidance/glide.ts: the phase
 * most of a boost-glide vehicle's flight is in), with every call they make written out. It is served to the
 * flight as a force model (forces/glideKernel.ts).
 *
 * Why it exists (the project's rule: hand-write only hot numeric loops, with a benchmark that shows why):
 * the issue's figure is five million evaluations a second of the full aero dynamics (bench
 * `flight.rhs.glide-full-aero`, 200 ns each). The generic path (the flight's composition of those force
 * models and that law) is layered: EarthModel.gravityInto -> gravityJ2WithInto, EarthModel.airInto ->
 * bowringHeightM + ussa1976TableInto, LiftDragRow.setMach / setLiftToDrag / setLift, requiredLiftToDrag. V8's optimising compiler inlines at
 * most about 920 bytes of bytecode into one function (its cumulative inlining budget), and those calls do
 * not all fit: several stay calls, each passing doubles as heap numbers and reloading the constants. It
 * ran at about 3e6/s. Here nothing is left to the inliner: the Earth constants and the table arrays sit
 * in fields of this object, prepared once, and the only calls left are Math.atan and Math.log (which no
 * layout avoids) and, when a weave or jink is set, GlideLaw.manoeuvreBankRad.
 *
 * Same mathematics, the same operations in the same order: the derivatives are bit-identical to the
 * generic path's, which stays the reference implementation (tests/flight/glideKernel.test.ts compares
 * the two on thousands of states for every environment switch, both lift tables, with and without
 * manoeuvres). Each block below names the function it inlines; the equations are documented there. The
 * kernel does not write the FlightContext diagnostics: nothing reads them in glide, and the stores cost
 * about 8% of an evaluation.
 *
 * Measured (bench flight.rhs.glide-full-aero, best of 10 x 200 ms, 2-core AMD EPYC VM): about 5.1e6
 * evaluations a second, against 3.0e6 for the generic path on the same states. What
 * that took beyond the flattening: no diagnostics stores, and no global Infinity (see ldReq).
 *
 * Outside its domain the kernel declines (evaluate returns false, having written nothing) and the
 * generic path runs: no aimpoint (a free glide), zero speed, points more than 370 km below the surface (the deep
 * branch of bowringHeightM), and altitudes outside the atmosphere table's lower grid (-6 to 86 km),
 * where ussa1976TableInto takes its upper grids.
 */
import { USSA1976_TABLE_LOWER_GRID } from "../../earth/atmosphereTable.js";
import { EarthModel } from "../../earth/model.js";
import type { LiftDragModel } from "../aero/models.js";
import type { FlightEarthModel } from "../earthModel.js";
import type { GlideGuidance } from "../guidance/glide.js";
import { GLIDE_SCALE_HEIGHT_M } from "../guidance/glideLaw.js";

/**
 * Below this distance from the centre (m^2) the kernel declines. bowringHeightM iterates below 5,000 km
 * (its deep branch); every point the kernel serves (altitude above -6 km) lies above 6,350 km.
 */
const MIN_R2_M2 = 6.0e6 * 6.0e6;

const NO_F64: Float64Array = new Float64Array(0);
const sharedKernels = new WeakMap<EarthModel, WeakMap<LiftDragModel, GlideRhsKernel>>();
const NO_I32: Int32Array = new Int32Array(0);

export class GlideRhsKernel {
  // EarthModel constants (gravityInto, airInto), read once.
  private readonly negMu: number;
  private readonly mu: number;
  /** 1.5 J2 Re^2 (gravityJ2WithInto's factor before 1 / r^2, same association). */
  private readonly j2Factor: number;
  private readonly w2: number;
  private readonly twoW: number;
  private readonly aM: number;
  private readonly bM: number;
  private readonly e2: number;
  private readonly c1: number;
  private readonly c2: number;
  private readonly bOverA: number;
  private readonly densityScale: number;

  // The atmosphere table below 86 km (atmosphereTable.ts).
  private readonly atm: Readonly<Float64Array>;
  private readonly atmR0: number;
  private readonly atmH0: number;
  private readonly atmStep: number;
  private readonly atmInvStep: number;
  private readonly atmLastCell: number;
  private readonly atmMinAlt: number;
  private readonly atmMaxAlt: number;

  // The C_L/C_D row of the lift model in use (aero/row.ts), rebound when the model changes.
  private lift: LiftDragModel | null = null;
  private machs = NO_F64;
  private invDm = NO_F64;
  private alphas = NO_F64;
  private c0 = NO_F64;
  private dc = NO_F64;
  private d0 = NO_F64;
  private dd = NO_F64;
  private bestFixed = NO_I32;
  private bestStart = NO_I32;
  private bestCols = NO_I32;
  private nAlpha = 0;
  private refAreaM2 = 0;
  /** Mach interval of the last evaluation: the start of the next search (a hint only, as in LiftDragRow). */
  private interval = 0;

  /** The kernel for an Earth model, or null when it is not an EarthModel (its constants are unknown). */
  static forEarth(earth: FlightEarthModel): GlideRhsKernel | null {
    return earth instanceof EarthModel ? new GlideRhsKernel(earth) : null;
  }

  /**
   * The kernel shared by every flight of one Earth model and one lift model (null when the Earth model is
   * not an EarthModel). Sharing is safe (an evaluation leaves nothing behind but a search hint, which
   * changes no result) and keeps the kernel's fields in cache when many flights are stepped in turn.
   */
  static shared(earth: FlightEarthModel, lift: LiftDragModel): GlideRhsKernel | null {
    if (!(earth instanceof EarthModel)) return null;
    let byLift = sharedKernels.get(earth);
    if (byLift === undefined) {
      byLift = new WeakMap();
      sharedKernels.set(earth, byLift);
    }
    let k = byLift.get(lift);
    if (k === undefined) {
      k = new GlideRhsKernel(earth);
      byLift.set(lift, k);
    }
    return k;
  }

  constructor(earth: EarthModel) {
    this.mu = earth.gmM3S2;
    this.negMu = -earth.gmM3S2;
    this.j2Factor = 1.5 * earth.j2 * earth.j2RefRadiusM * earth.j2RefRadiusM;
    this.w2 = earth.omegaRadS * earth.omegaRadS;
    this.twoW = 2 * earth.omegaRadS;
    this.aM = earth.aM;
    this.bM = earth.bM;
    this.e2 = earth.e2;
    this.c1 = earth.c1;
    this.c2 = earth.c2;
    this.bOverA = earth.bOverA;
    this.densityScale = earth.densityScale;
    const g = USSA1976_TABLE_LOWER_GRID;
    if (g.stride !== 8) throw new Error("glide kernel: atmosphere table layout changed");
    this.atm = g.cells;
    this.atmR0 = g.r0M;
    this.atmH0 = g.h0M;
    this.atmStep = g.stepM;
    this.atmInvStep = 1 / g.stepM;
    this.atmLastCell = g.cellCount - 1;
    this.atmMinAlt = g.minAltM;
    this.atmMaxAlt = g.maxAltM;
  }

  private bind(lm: LiftDragModel): void {
    const row = lm.row;
    this.lift = lm;
    this.machs = row.machs;
    this.invDm = row.invDm;
    this.alphas = row.alphas;
    this.c0 = row.c0;
    this.dc = row.dc;
    this.d0 = row.d0;
    this.dd = row.dd;
    this.bestFixed = row.bestFixed;
    this.bestStart = row.bestStart;
    this.bestCols = row.bestCols;
    this.nAlpha = row.nAlpha;
    this.refAreaM2 = lm.refAreaM2;
    this.interval = 0;
  }

  /**
   * dydt = f(tS, y) of a glide under `law` (its lift force, aimpoint and parameters), as the generic path
   * computes it. Returns false, having written nothing, outside the kernel's domain (see the file comment).
   */
  evaluate(law: GlideGuidance, tS: number, y: Float64Array, dydt: Float64Array): boolean {
    const liftForce = law.lift;
    const lm = liftForce.model;
    if (!law.aim.isSet) return false;
    if (lm !== this.lift) this.bind(lm);
    const x = y[0];
    const yy = y[1];
    const z = y[2];
    const vx = y[3];
    const vy = y[4];
    const vz = y[5];
    const m = y[6];
    const r2 = x * x + yy * yy + z * z;
    if (!(r2 >= MIN_R2_M2)) return false;

    // --- EarthModel.airInto, part 1: bowringHeightM (Bowring 1976 eq. 8 from beta0, then the height
    // h = rho cos lat + z sin lat - a sqrt(1 - e^2 sin^2 lat)).
    const rho = Math.sqrt(x * x + yy * yy);
    let sb = this.aM * z;
    let cb = this.bM * rho;
    let inv = 1 / Math.sqrt(sb * sb + cb * cb);
    sb *= inv;
    cb *= inv;
    const num = z + this.c1 * sb * sb * sb;
    const den0 = rho - this.c2 * cb * cb * cb;
    inv = 1 / Math.sqrt(num * num + den0 * den0);
    const sLat = num * inv;
    const h = rho * den0 * inv + z * sLat - this.aM * Math.sqrt(1 - this.e2 * sLat * sLat);
    if (!(h >= this.atmMinAlt && h <= this.atmMaxAlt)) return false;
    const v2 = vx * vx + vy * vy + vz * vz;
    const speed = Math.sqrt(v2);
    if (!(speed > 0)) return false;

    // --- EarthModel.airInto, part 2: ussa1976TableInto below 86 km (cell of the geopotential grid,
    // USSA 1976 eq. 18; density rho_k exp(u) by its Taylor polynomial), then the density switch.
    const ax0 = (this.atmR0 * h) / (this.atmR0 + h) - this.atmH0;
    const cell = Math.min((ax0 * this.atmInvStep) | 0, this.atmLastCell);
    const adx = ax0 - cell * this.atmStep;
    const c = this.atm;
    const j = 8 * cell;
    const uu = c[j + 1] * adx;
    const rhoAir = c[j] * (1 + uu * (1 + uu * (0.5 + uu * (1 / 6 + uu * (1 / 24)))));
    const density = rhoAir * this.densityScale;
    const sound = c[j + 6] + c[j + 7] * adx;

    // --- EarthModel.gravityInto: gravityJ2WithInto (Vallado eq. 8-31, J2 term; point mass when J2 = 0).
    const invR2 = 1 / r2;
    const invR = Math.sqrt(invR2);
    const kg = this.negMu * invR2 * invR;
    const fj = this.j2Factor * invR2;
    const zz = 5 * z * z * invR2;
    const kxy = kg * (1 + fj * (1 - zz));

    // --- GravityForce: gravity + centrifugal - Coriolis (rotating frame).
    const mach = sound > 0 ? speed / sound : 0;
    const q = 0.5 * density * v2;
    let ax = kxy * x + this.w2 * x + this.twoW * vy;
    let ay = kxy * yy + this.w2 * yy - this.twoW * vx;
    let az = kg * (1 + fj * (3 - zz)) * z;

    // --- GlideGuidance: lift frame and range to go.
    const ir = 1 / Math.sqrt(r2);
    const r = r2 * ir;
    const ux = x * ir;
    const uy = yy * ir;
    const uz = z * ir;
    const vr = vx * ux + vy * uy + vz * uz;
    const aim = law.aim;
    const t = aim.unit;
    const ct = t[0] * ux + t[1] * uy + t[2] * uz;
    const dx = t[0] - ct * ux;
    const dy = t[1] - ct * uy;
    const dz = t[2] - ct * uz;
    const st = Math.sqrt(dx * dx + dy * dy + dz * dz);
    // Central angle atan2(st, ct) by the half-angle identity (one Math.atan).
    const theta = ct >= 0 ? 2 * Math.atan(st / (1 + ct)) : Math.PI - 2 * Math.atan(st / (1 - ct));
    const rangeToGo = aim.radiusM * theta;

    // --- GlideGuidance and requiredLiftToDrag (glideLaw.ts): L/D for equilibrium glide over the range to
    // go on the rotating Earth, s = (L/D) r [Vc ln((Vc - vf)/(Vc - v)) + V2 ln((v - V2)/(vf - V2))] / (Vc - V2),
    // Vc, V2 the roots of V^2 + b r V - g' r = 0.
    const gl = law.law;
    const vf = gl.glideEndSpeedMps;
    const rangeLeft = rangeToGo - gl.diveRangeM;
    const ivs = 1 / speed;
    const gp = this.mu * ir * ir - this.w2 * (x * x + yy * yy) * ir;
    const bCor = this.twoW * (x * vy - yy * vx) * ir * ivs;
    const br = bCor * r;
    const disc = Math.sqrt(br * br + 4 * gp * r);
    const vcr = 0.5 * (disc - br);
    const v2r = -0.5 * (disc + br);
    let ldReq: number;
    // Infinity as arithmetic (1 / 0), not the global: a never-executed load of the global Infinity
    // compiles to an inline-cache call, which makes ldReq a tagged value that every evaluation then boxed
    // in a fresh heap number (measured: 4.7e6 -> 5.1e6 evaluations/s).
    if (!(speed > vf) || !(speed < vcr)) ldReq = 1 / 0;
    else if (rangeLeft <= 0) ldReq = 0;
    else
      ldReq =
        rangeLeft /
        ((r * (vcr * Math.log((vcr - vf) / (vcr - speed)) + v2r * Math.log((speed - v2r) / (vf - v2r)))) /
          disc);

    // --- GlideGuidance: unit vectors along v, lift-frame u (vertical perpendicular to v), s = v_hat x u.
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
    const qs = q * this.refAreaM2;
    // Signed heading error e = 2 tan(dpsi/2) from the horizontal velocity.
    const hx = vx - vr * ux;
    const hy = vy - vr * uy;
    const hz = vz - vr * uz;
    const sinH = ux * (dy * hz - dz * hy) + uy * (dz * hx - dx * hz) + uz * (dx * hy - dy * hx);
    const cosH = dx * hx + dy * hy + dz * hz;
    const dh = st * Math.sqrt(hx * hx + hy * hy + hz * hz);
    const den = dh + cosH;
    const headingErr = den > 1e-9 * dh ? (2 * sinH) / den : sinH >= 0 ? 1e6 : -1e6;

    // --- LiftDragRow.setMach: the Mach interval (searched from the last one) and its weight.
    const ms = this.machs;
    const lastI = ms.length - 2;
    let iv = this.interval;
    while (iv > 0 && mach < ms[iv]) iv--;
    while (iv < lastI && mach >= ms[iv + 1]) iv++;
    const tm0 = (mach - ms[iv]) * this.invDm[iv];
    this.interval = iv;
    const r0 = iv * this.nAlpha;
    const tm = tm0 < 0 ? 0 : tm0 > 1 ? 1 : tm0;

    // --- GlideGuidance: net downward non-aero acceleration, bank for heading (algebraic
    // saturation at bankMax), manoeuvre bank.
    const gEff = -(ax * ux + ay * uy + az * uz) - (v2 - vr * vr) * ir;
    const tMax = gl.tanBankMax;
    const ub = (gl.headingGain * headingErr) / tMax;
    const ub2 = ub * ub;
    const iw = 1 / Math.sqrt(1 + (1 + tMax * tMax) * ub2);
    let bc = Math.sqrt(1 + ub2) * iw;
    let bs = tMax * ub * iw;
    const c0 = this.c0;
    const dc = this.dc;
    const d0 = this.d0;
    const dd = this.dd;
    // --- GlideGuidance, energy management: LiftDragRow.liftToDragAtMaxAlpha, then bank further when the
    // steepest L/D at the heading bank is still too much.
    const kl = r0 + this.nAlpha - 1;
    const cN = ldReq / ((c0[kl] + tm * dc[kl]) / (d0[kl] + tm * dd[kl]));
    // The law's mode figures, for its events (GlideGuidance.probe).
    law.headingErr = headingErr;
    law.headingBankCos = bc;
    law.energyBankCos = cN;
    law.figuresT = tS;
    law.figuresX = x;
    law.figuresY = yy;
    law.figuresVx = vx;
    if (cN < bc) {
      const ce = cN > gl.minEnergyBankCos ? cN : gl.minEnergyBankCos;
      bc = ce;
      bs = gl.reversalSign * Math.sqrt(1 - ce * ce);
    }
    if (gl.weaveAmplitudeRad !== 0 || gl.jinkBankRad !== 0) {
      const mb = gl.manoeuvreBankRad(tS);
      if (mb !== 0) {
        const cm = Math.cos(mb);
        const sm = Math.sin(mb);
        const c2 = bc * cm - bs * sm;
        bs = bs * cm + bc * sm;
        bc = c2;
      }
    }
    const icb = 1 / (bc > 0.3 ? bc : 0.3);
    const gRef = gEff > 0.5 ? gEff : 0.5;
    const kAlt = gl.altitudeRateGain;
    const kvg = (kAlt * vr) / gRef;
    const k2hv = 2 * kAlt * GLIDE_SCALE_HEIGHT_M * ivs;
    const as = this.alphas;
    const lastA = as.length - 1;

    // --- LiftDragRow.setLiftToDrag(ldReq / cos bank): the high-alpha crossing of L/D, solved exactly
    // between columns ((a0 + (a1 - a0) t) = ld (e0 + (e1 - e0) t)); only C_L and C_D are used.
    const ldW = ldReq * icb;
    let jc = this.bestFixed[iv];
    if (jc < 0) {
      // LiftDragRow.bestColumn: the candidate column of maximum L/D (the first one on a tie).
      const cols = this.bestCols;
      const end = this.bestStart[iv + 1];
      let best = -1 / 0;
      jc = 0;
      for (let cc = this.bestStart[iv]; cc < end; cc++) {
        const kk = r0 + cols[cc];
        const clc = c0[kk] + tm * dc[kk];
        const cdc = d0[kk] + tm * dd[kk];
        if (clc > best * cdc) {
          best = clc / cdc;
          jc = cols[cc];
        }
      }
    }
    let kc = r0 + jc;
    let a0 = c0[kc] + tm * dc[kc];
    let e0 = d0[kc] + tm * dd[kc];
    let ldCl = a0;
    let ldCd = e0;
    if (ldW * e0 < a0) {
      for (; jc < lastA; jc++) {
        kc = r0 + jc + 1;
        const a1 = c0[kc] + tm * dc[kc];
        const e1 = d0[kc] + tm * dd[kc];
        if (a1 <= ldW * e1) {
          const dn = a1 - a0 - ldW * (e1 - e0);
          let tl = dn !== 0 ? (ldW * e0 - a0) / dn : 0;
          tl = tl < 0 ? 0 : tl > 1 ? 1 : tl;
          ldCl = a0 + tl * (a1 - a0);
          ldCd = e0 + tl * (e1 - e0);
          break;
        }
        a0 = a1;
        e0 = e1;
        ldCl = a0;
        ldCd = e0;
      }
    }

    // --- GlideGuidance: phugoid damping f = 1 - k v_r / g - (2 k H / V) C_D / C_L.
    let fd = 1 - kvg - k2hv * (ldCd / ldCl);
    fd = fd < 0.2 ? 0.2 : fd > 3 ? 3 : fd;
    const clWanted = ldCl * fd;
    const lx = bc * px + bs * sx;
    const ly = bc * py + bs * sy;
    const lz = bc * pz + bs * sz;

    // --- LiftDragRow.setLift(clWanted): the alpha where the row's C_L equals it, and C_L, C_D there.
    let prev = c0[r0] + tm * dc[r0];
    let ja = 0;
    let ta = 0;
    if (clWanted > prev) {
      for (;;) {
        const next = c0[r0 + ja + 1] + tm * dc[r0 + ja + 1];
        if (clWanted <= next) {
          ta = next > prev ? (clWanted - prev) / (next - prev) : 0;
          break;
        }
        prev = next;
        if (++ja === lastA) {
          ja = lastA - 1;
          ta = 1;
          break;
        }
      }
    }
    const ka = r0 + ja;
    const cl0 = c0[ka] + tm * dc[ka];
    const cd0 = d0[ka] + tm * dd[ka];
    const cl = cl0 + ta * (c0[ka + 1] + tm * dc[ka + 1] - cl0);
    const cd = cd0 + ta * (d0[ka + 1] + tm * dd[ka + 1] - cd0);

    // --- LiftDragForce: lift along the banked lift direction, drag against v.
    const qsm = qs / m;
    const lOverM = qsm * cl * liftForce.liftScale;
    const dOverM = qsm * cd * liftForce.dragScale;
    ax += lOverM * lx - dOverM * vhx;
    ay += lOverM * ly - dOverM * vhy;
    az += lOverM * lz - dOverM * vhz;

    dydt[0] = vx;
    dydt[1] = vy;
    dydt[2] = vz;
    dydt[3] = ax;
    dydt[4] = ay;
    dydt[5] = az;
    dydt[6] = -0;
    return true;
  }
}
