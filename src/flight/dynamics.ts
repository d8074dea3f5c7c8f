/**
 * 3-DOF point-mass dynamics over a rotating Earth, integrated in ECEF.
 *
 * State y = [x, y, z, vx, vy, vz, m] (ECEF position m, ECEF velocity m/s, mass kg) in a Float64Array.
 * Equations (e.g. Vallado, "Fundamentals of Astrodynamics", sec. 3.7; Zipfel, "Modeling and Simulation of
 * Aerospace Vehicle Dynamics", ch. 8, rotating-frame form):
 *   dr/dt = v,   dv/dt = g(r) + (L + D + T)/m - 2 omega x v - omega x (omega x r),   dm/dt = -mdot,
 * with omega = (0, 0, Omega) (Omega = 0 when `rotation: false`). The air co-rotates with the Earth (no
 * winds), so the air-relative velocity is the ECEF velocity: drag opposes v, lift is perpendicular to it.
 *
 * Lift direction: u = the component of the local geocentric vertical r/|r| perpendicular to v (unit),
 * s = v_hat x u (to the right of the flight direction), lift along cos(bank) u + sin(bank) s: positive bank
 * turns right. (The geocentric vertical differs from the geodetic one by at most 0.19 deg; guidance
 * absorbs it.)
 *
 * Modes (set by the flight runner at events; the rhs itself is a smooth function of t and y within a mode):
 *   COAST       unpowered, drag only (re-entry vehicle or booster between burns, thrust off)
 *   BOOST       thrust along the pitch programme, stack drag only
 *   GLIDER_COAST lifting body at the fixed pull-up angle of attack, zero bank (midcourse, re-entry, pull-up)
 *   GLIDE       equilibrium-glide guidance (glideLaw.ts)
 *   DIVE        proportional navigation to the aimpoint with the lift vector
 *   CRUISE      air-breathing: altitude hold by angle of attack, throttle for thrust = drag + speed hold
 *
 * Cost: one gravity and one "air" call (altitude and atmosphere table, EarthModel hot paths), the Mach row
 * of the C_L/C_D table (aero/row.ts) with its alpha questions, one atan (range to go) and one log (L/D
 * needed), no other trigonometry (bank from algebraic saturation), no allocation. Every evaluation leaves its
 * diagnostics in public fields (last*: thrust, drag, lift, alpha, bank, Mach, dynamic pressure).
 *
 * Written for V8's optimising compiler (the target is five million glide evaluations a second, 200 ns
 * each): the shared part and each family of modes are separate methods, so each gets its own inlining
 * budget; values cross between them in typed arrays and fields, never as arguments or return values of
 * calls that may stay calls (a double there is a heap allocation); divisions are turned into one
 * reciprocal and products where the value is used more than once; the two calls out of compiled code
 * (atan, log) are made early, while few values are live.
 */
import { G0_MPS2 } from "./constants.js";
import type { DragModel, LiftDragModel } from "./aero/models.js";
import type { FlightEarthModel } from "./earthModel.js";
import { GLIDE_SCALE_HEIGHT_M, GlideLaw, requiredLiftToDrag, smoothStep } from "./guidance/glideLaw.js";
import { PitchProgram } from "./guidance/pitchProgram.js";
import { GlideRhsKernel } from "./kernels/glideRhs.js";

/** Proportional navigation fades out between these distances from the aimpoint (m). */
const DIVE_FADE_START_M = 1000;
const DIVE_FADE_SPAN_M = 2000;

export const MODE_COAST = 0;
export const MODE_BOOST = 1;
export const MODE_GLIDER_COAST = 2;
export const MODE_GLIDE = 3;
export const MODE_DIVE = 4;
export const MODE_CRUISE = 5;

/** Cruise law parameters (set from the vehicle definition). */
export class CruiseLaw {
  altitudeM = 25_000;
  speedMps = 1800;
  omegaRadS = 0.05;
  damping = 0.8;
  speedGain = 0.05;
  maxThrustN = 10_000;
  ispS = 1200;
}

export class PointMassDynamics {
  readonly earth: FlightEarthModel;
  private readonly omega: number;
  private readonly mu: number;
  mode = MODE_COAST;

  // Aerodynamics in use.
  drag: DragModel | null = null;
  lift: LiftDragModel | null = null;
  /** Multipliers for Monte Carlo dispersions. */
  dragScale = 1;
  liftScale = 1;

  // Propulsion in use (BOOST): vacuum thrust, nozzle exit area, mass flow; 0 thrust = coasting stack.
  thrustVacN = 0;
  exitAreaM2 = 0;
  massFlowKgS = 0;
  readonly pitch = new PitchProgram();
  launchTimeS = 0;
  /** Unit normal of the launch plane (ECEF): downrange direction = normalize(n x r_hat). */
  readonly planeNormal = new Float64Array(3);

  // Guidance.
  readonly glide = new GlideLaw();
  readonly cruise = new CruiseLaw();
  /** Aimpoint (ECEF, m), its unit vector and radius. */
  readonly targetEcef = new Float64Array(3);
  readonly targetUnit = new Float64Array(3);
  targetRadiusM = 6.371e6;

  // Diagnostics of the last evaluation by the generic path (rhsGeneric): they pass values between its
  // pieces and tell a test or a sampler what the forces were. The glide kernel does not write them; call
  // rhsGeneric to read them for a glide state.
  lastAltM = 0;
  lastAmbientTempK = 0;
  lastDensityKgM3 = 0;
  lastPressurePa = 0;
  lastSpeedOfSoundMps = 0;
  lastSpeedMps = 0;
  lastMach = 0;
  lastDynamicPressurePa = 0;
  lastThrustN = 0;
  lastAlphaRad = 0;
  /** Bank of the last evaluation as cosine and sine (read lastBankRad for the angle). */
  lastBankCos = 1;
  lastBankSin = 0;
  lastLiftN = 0;
  lastDragN = 0;
  /** Ground range to go to the aimpoint along the great circle (glide, dive, cruise), m. */
  lastRangeToGoM = 0;

  get lastBankRad(): number {
    return Math.atan2(this.lastBankSin, this.lastBankCos);
  }

  private readonly grav = new Float64Array(3);
  /** [altM, temperatureK, pressurePa, densityKgM3, speedOfSoundMps] of the current evaluation. */
  private readonly air = new Float64Array(5);

  constructor(earth: FlightEarthModel) {
    this.earth = earth;
    this.omega = earth.omegaRadS;
    this.mu = earth.gmM3S2;
    this.glideKernel = GlideRhsKernel.forEarth(earth);
  }

  setTarget(pEcef: ArrayLike<number>): void {
    const t = this.targetEcef;
    t[0] = pEcef[0];
    t[1] = pEcef[1];
    t[2] = pEcef[2];
    const r = Math.hypot(t[0], t[1], t[2]);
    this.targetRadiusM = r;
    this.targetUnit[0] = t[0] / r;
    this.targetUnit[1] = t[1] / r;
    this.targetUnit[2] = t[2] / r;
  }

  /**
   * Accelerations of the current evaluation, m/s^2, and the mass flow, kg/s: [ax, ay, az, mdot]. The mode
   * methods add into it (a typed array, not arguments and return values: V8 passes doubles across calls
   * that it does not inline as heap-allocated numbers).
   */
  private readonly acc = new Float64Array(4);

  /**
   * The glide kernel (kernels/glideRhs.ts): MODE_GLIDE's right-hand side written out flat, derivatives
   * bit-identical to rhsGeneric's and about 1.5 times faster (no diagnostics); null when the Earth model is not an EarthModel. Setting it
   * to null makes rhs take the generic path in every mode.
   */
  glideKernel: GlideRhsKernel | null;

  /**
   * The right-hand side (bound once; hand it to the integrator): the glide kernel in MODE_GLIDE, the
   * generic path otherwise (and wherever the kernel declines).
   */
  readonly rhs = (tS: number, y: Float64Array, dydt: Float64Array): void => {
    const k = this.glideKernel;
    if (this.mode === MODE_GLIDE && k !== null && k.evaluate(this, tS, y, dydt)) return;
    this.rhsGeneric(tS, y, dydt);
  };

  /**
   * The right-hand side of every mode, and the reference implementation of the glide kernel. The part
   * every mode shares is here; the forces of each kind of mode are separate methods (ballisticForces,
   * liftingForces), so each is compiled with its own inlining budget.
   */
  readonly rhsGeneric = (tS: number, y: Float64Array, dydt: Float64Array): void => {
    const earth = this.earth;
    const g = this.grav;
    earth.gravityInto(y, g);
    const air = this.air;
    earth.airInto(y, air);
    const h = air[0];
    const vx = y[3];
    const vy = y[4];
    const vz = y[5];
    const sound = air[4];
    const v2 = vx * vx + vy * vy + vz * vz;
    const speed = Math.sqrt(v2);
    const mach = sound > 0 ? speed / sound : 0;
    const q = 0.5 * air[3] * v2;
    const w = this.omega;
    // Gravity + centrifugal - Coriolis (rotating frame).
    const acc = this.acc;
    acc[0] = g[0] + w * w * y[0] + 2 * w * vy;
    acc[1] = g[1] + w * w * y[1] - 2 * w * vx;
    acc[2] = g[2];
    acc[3] = 0;
    this.lastAltM = h;
    this.lastAmbientTempK = air[1];
    this.lastDensityKgM3 = air[3];
    this.lastPressurePa = air[2];
    this.lastSpeedOfSoundMps = sound;
    this.lastSpeedMps = speed;
    this.lastMach = mach;
    this.lastDynamicPressurePa = q;
    this.lastThrustN = 0;
    this.lastAlphaRad = 0;
    this.lastBankCos = 1;
    this.lastBankSin = 0;
    this.lastLiftN = 0;
    this.lastDragN = 0;
    const mode = this.mode;
    if (mode === MODE_COAST || mode === MODE_BOOST) this.ballisticForces(tS, y);
    else if (speed > 0 && this.lift !== null) this.liftingForces(tS, y);
    dydt[0] = vx;
    dydt[1] = vy;
    dydt[2] = vz;
    dydt[3] = acc[0];
    dydt[4] = acc[1];
    dydt[5] = acc[2];
    dydt[6] = -acc[3];
  };

  /** COAST and BOOST: drag of the non-lifting body, and thrust along the pitch programme. */
  private ballisticForces(tS: number, y: Float64Array): void {
    const acc = this.acc;
    const m = y[6];
    const speed = this.lastSpeedMps;
    const q = this.lastDynamicPressurePa;
    if (speed > 0 && q > 0 && this.drag !== null) {
      const dOverM = q * this.drag.dragPerDynamicPressure(this.lastMach, m) * this.dragScale;
      this.lastDragN = dOverM * m;
      const k = dOverM / speed;
      acc[0] -= k * y[3];
      acc[1] -= k * y[4];
      acc[2] -= k * y[5];
    }
    if (this.mode === MODE_BOOST && this.thrustVacN > 0) {
      let thrust = this.thrustVacN - this.lastPressurePa * this.exitAreaM2;
      if (thrust < 0) thrust = 0;
      this.lastThrustN = thrust;
      acc[3] = this.massFlowKgS;
      // Thrust direction: pitch above the horizontal in the launch plane.
      const x = y[0];
      const yy = y[1];
      const z = y[2];
      const r = Math.sqrt(x * x + yy * yy + z * z);
      const ux = x / r;
      const uy = yy / r;
      const uz = z / r;
      const n = this.planeNormal;
      let dx = n[1] * uz - n[2] * uy;
      let dy = n[2] * ux - n[0] * uz;
      let dz = n[0] * uy - n[1] * ux;
      const dn = Math.sqrt(dx * dx + dy * dy + dz * dz);
      dx /= dn;
      dy /= dn;
      dz /= dn;
      const th = this.pitch.pitchAt(tS - this.launchTimeS);
      const c = Math.cos(th);
      const s = Math.sin(th);
      const tm = thrust / m;
      acc[0] += tm * (c * dx + s * ux);
      acc[1] += tm * (c * dy + s * uy);
      acc[2] += tm * (c * dz + s * uz);
    }
  }

  /** GLIDER_COAST, GLIDE, DIVE and CRUISE: lift and drag from the C_L/C_D table, steered by the mode's law. */
  private liftingForces(tS: number, y: Float64Array): void {
    const acc = this.acc;
    const mode = this.mode;
    const x = y[0];
    const yy = y[1];
    const z = y[2];
    const vx = y[3];
    const vy = y[4];
    const vz = y[5];
    const m = y[6];
    const speed = this.lastSpeedMps;
    const v2 = vx * vx + vy * vy + vz * vz;
    const q = this.lastDynamicPressurePa;
    const h = this.lastAltM;
    const lm = this.lift as LiftDragModel;
    const row = lm.row;
    let ax = acc[0];
    let ay = acc[1];
    let az = acc[2];
    let alpha = 0;
    let bankCos = 1;
    let bankSin = 0;
    // Reciprocals once, then products: divisions are the slowest arithmetic on the critical path.
    const r2 = x * x + yy * yy + z * z;
    const ir = 1 / Math.sqrt(r2);
    const r = r2 * ir;
    const ux = x * ir;
    const uy = yy * ir;
    const uz = z * ir;
    const vr = vx * ux + vy * uy + vz * uz;
    // Lift frame: u = vertical perpendicular to v, s = v_hat x u.
    // Range to go to the aimpoint (all modes below steer to it).
    const t = this.targetUnit;
    const ct = t[0] * ux + t[1] * uy + t[2] * uz;
    const dx = t[0] - ct * ux;
    const dy = t[1] - ct * uy;
    const dz = t[2] - ct * uz;
    const st = Math.sqrt(dx * dx + dy * dy + dz * dz);
    // Central angle atan2(st, ct) from one Math.atan (about a third of atan2's cost in V8) by the
    // half-angle identity tan(theta/2) = sin / (1 + cos); past 90 degrees, where 1 + cos would cancel,
    // the same identity for pi - theta. Both denominators lie in [1, 2]: no precision is lost.
    const theta = ct >= 0 ? 2 * Math.atan(st / (1 + ct)) : Math.PI - 2 * Math.atan(st / (1 - ct));
    const rangeToGo = this.targetRadiusM * theta;
    this.lastRangeToGoM = rangeToGo;
    // GLIDE: the L/D the range to go needs. The arctangent above and the logarithm inside are calls out of
    // the compiled code that save every live floating-point register, so both come first, while few
    // values are live.
    const gl = this.glide;
    let ldReq = 0;
    if (mode === MODE_GLIDE) {
      const vf = gl.glideEndSpeedMps;
      ldReq = requiredLiftToDrag(rangeToGo - gl.diveRangeM, r, v2, vf * vf, this.mu * ir);
    }
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
    const qs = q * lm.refAreaM2;
    // Horizontal velocity and signed heading error (positive: aimpoint to the right), as
    // e = 2 tan(dpsi/2) = 2 sin / (1 + cos): equal to dpsi to second order, smooth, and free of trig.
    const hx = vx - vr * ux;
    const hy = vy - vr * uy;
    const hz = vz - vr * uz;
    const sinH = ux * (dy * hz - dz * hy) + uy * (dz * hx - dx * hz) + uz * (dx * hy - dy * hx);
    const cosH = dx * hx + dy * hy + dz * hz;
    const dh = st * Math.sqrt(hx * hx + hy * hy + hz * hz);
    const den = dh + cosH;
    const headingErr = den > 1e-9 * dh ? (2 * sinH) / den : sinH >= 0 ? 1e6 : -1e6;
    let lx = 0;
    let ly = 0;
    let lz = 0;
    let clWanted = 0;

    row.setMach(this.lastMach);
    if (mode === MODE_GLIDER_COAST) {
      alpha = gl.pullUpAlphaRad;
      row.lookup(alpha);
      lx = px;
      ly = py;
      lz = pz;
    } else if (mode === MODE_GLIDE || mode === MODE_CRUISE) {
      // Net downward non-aerodynamic acceleration: gravity, centrifugal and Coriolis along -u, less the
      // centripetal term of flight along the curved Earth (r'' = a.u + v_h^2 / r).
      const gEff = -(ax * ux + ay * uy + az * uz) - (v2 - vr * vr) * ir;
      // Bank for heading: tan(bank) = T u / sqrt(1 + u^2), u = K e / T, T = tan(bankMax): bank = K dpsi for
      // small errors, saturating smoothly at bankMax; cos and sin follow algebraically (no trig):
      // with 1 + tan^2 = (1 + (1 + T^2) u^2) / (1 + u^2),
      //   sin(bank) = T u / sqrt(1 + (1 + T^2) u^2),  cos(bank) = sqrt(1 + u^2) / sqrt(1 + (1 + T^2) u^2).
      const tMax = gl.tanBankMax;
      const u = (gl.headingGain * headingErr) / tMax;
      const u2 = u * u;
      const iw = 1 / Math.sqrt(1 + (1 + tMax * tMax) * u2);
      let cb = Math.sqrt(1 + u2) * iw;
      let sb = tMax * u * iw;
      // Weave and jink act in glide and in cruise (both fly banked lift); not in the dive.
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
      bankCos = cb;
      bankSin = sb;
      if (mode === MODE_GLIDE) {
        // Reciprocals that do not depend on the L/D just flown, so that the path from the table query
        // to the lift coefficient keeps only products (and one division, C_D / C_L).
        const icb = 1 / (cb > 0.3 ? cb : 0.3);
        const gRef = gEff > 0.5 ? gEff : 0.5;
        const k = gl.altitudeRateGain;
        const kvg = (k * vr) / gRef;
        const k2hv = 2 * k * GLIDE_SCALE_HEIGHT_M * ivs;
        row.setLiftToDrag(ldReq * icb);
        // f = 1 - k (v_r - v_r,eq) / g with v_r,eq = -2 H g / (V L/D), L/D = C_L / C_D of the row just
        // flown: f = 1 - k v_r / g - (2 k H / V) C_D / C_L.
        let f = 1 - kvg - k2hv * (row.cd / row.cl);
        f = f < 0.2 ? 0.2 : f > 3 ? 3 : f;
        clWanted = row.cl * f;
      } else {
        // Cruise: vertical acceleration command of a damped second-order altitude hold.
        const cr = this.cruise;
        const aV = -2 * cr.damping * cr.omegaRadS * vr - cr.omegaRadS * cr.omegaRadS * (h - cr.altitudeM);
        const lv = (gEff + aV) * m;
        clWanted = qs > 0 ? lv / (qs * this.liftScale * (cb > 0.3 ? cb : 0.3)) : 0;
      }
      lx = cb * px + sb * sx;
      ly = cb * py + sb * sy;
      lz = cb * pz + sb * sz;
    } else {
      // DIVE: pure proportional navigation, a = N omega_los x v, with gravity (and frame terms)
      // compensated; the lift vector supplies the perpendicular acceleration, limited by C_L max.
      const rx = this.targetEcef[0] - x;
      const ry = this.targetEcef[1] - yy;
      const rz = this.targetEcef[2] - z;
      const rr2 = rx * rx + ry * ry + rz * rz;
      // omega_los = (rho x rhoDot) / |rho|^2 with rhoDot = -v.
      const wx = -(ry * vz - rz * vy) / rr2;
      const wy = -(rz * vx - rx * vz) / rr2;
      const wz = -(rx * vy - ry * vx) / rr2;
      const nav = gl.navigationConstant;
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
      if (cmag > 0 && qs > 0) {
        lx = cx / cmag;
        ly = cy / cmag;
        lz = cz / cmag;
        // The PN command grows without bound as the range closes on any residual miss: fade it out
        // between 3 km and 1 km from the aimpoint (smoothly, so the integrator sees no kink), then fly ballistic.
        const fade = smoothStep((Math.sqrt(rr2) - DIVE_FADE_START_M) / DIVE_FADE_SPAN_M);
        // Soft saturation at the largest C_L of the table (tanh keeps the rhs smooth).
        const clMax = row.maxLift();
        clWanted = clMax * Math.tanh((fade * cmag * m) / (qs * this.liftScale * clMax));
      }
      bankSin = lx * sx + ly * sy + lz * sz;
      bankCos = lx * px + ly * py + lz * pz;
    }
    // Every mode but the fixed-alpha coast flies the lift coefficient its law asked for (one call site,
    // so V8 inlines it once).
    if (mode !== MODE_GLIDER_COAST) {
      row.setLift(clWanted);
      alpha = row.alphaRad;
    }
    const qsm = qs / m;
    const lOverM = qsm * row.cl * this.liftScale;
    const dOverM = qsm * row.cd * this.dragScale;
    const dragN = dOverM * m;
    ax += lOverM * lx - dOverM * vhx;
    ay += lOverM * ly - dOverM * vhy;
    az += lOverM * lz - dOverM * vhz;
    if (mode === MODE_CRUISE && m > 0) {
      const cr = this.cruise;
      let thrust = dragN + m * cr.speedGain * (cr.speedMps - speed);
      thrust = thrust < 0 ? 0 : thrust > cr.maxThrustN ? cr.maxThrustN : thrust;
      acc[3] = thrust / (cr.ispS * G0_MPS2);
      this.lastThrustN = thrust;
      const tm = thrust / m;
      ax += tm * vhx;
      ay += tm * vhy;
      az += tm * vhz;
    }
    acc[0] = ax;
    acc[1] = ay;
    acc[2] = az;
    this.lastAlphaRad = alpha;
    this.lastBankCos = bankCos;
    this.lastBankSin = bankSin;
    this.lastLiftN = lOverM * m;
    this.lastDragN = dragN;
  }
}
