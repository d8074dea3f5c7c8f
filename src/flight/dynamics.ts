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
 * Cost: one altitude (EarthModel hot path), one gravity, one atmosphere lookup, one Mach-row interpolation of
 * the C_L/C_D table then alpha lookups and inversions on that row, one atan2 (range to go) and one log (L/D
 * needed), no other trigonometry (bank from algebraic saturation), no allocation. Every evaluation leaves its
 * diagnostics in public fields (last*: thrust, drag, lift, alpha, bank, Mach, dynamic pressure).
 */
import { G0_MPS2 } from "./constants.js";
import type { DragModel, LiftDragModel } from "./aero/models.js";
import type { FlightEarthModel } from "./earthModel.js";
import { GLIDE_SCALE_HEIGHT_M, GlideLaw, requiredLiftToDrag, smoothStep } from "./guidance/glideLaw.js";
import { PitchProgram } from "./guidance/pitchProgram.js";

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

  // Diagnostics of the last evaluation.
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
  private readonly atm = new Float64Array(4);

  constructor(earth: FlightEarthModel) {
    this.earth = earth;
    this.omega = earth.omegaRadS;
    this.mu = earth.gmM3S2;
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

  /** The right-hand side (bound once; hand it to the integrator). */
  readonly rhs = (tS: number, y: Float64Array, dydt: Float64Array): void => {
    const earth = this.earth;
    const x = y[0];
    const yy = y[1];
    const z = y[2];
    const vx = y[3];
    const vy = y[4];
    const vz = y[5];
    const m = y[6];
    const g = this.grav;
    earth.gravityInto(y, g);
    const h = earth.altitudeM(y);
    const atm = this.atm;
    earth.atmosphereInto(h, atm);
    const rho = atm[2];
    const sound = atm[3];
    const v2 = vx * vx + vy * vy + vz * vz;
    const speed = Math.sqrt(v2);
    const mach = sound > 0 ? speed / sound : 0;
    const q = 0.5 * rho * v2;
    const w = this.omega;
    // Gravity + centrifugal - Coriolis (rotating frame).
    let ax = g[0] + w * w * x + 2 * w * vy;
    let ay = g[1] + w * w * yy - 2 * w * vx;
    let az = g[2];
    let mdot = 0;
    let thrust = 0;
    let alpha = 0;
    let bankCos = 1;
    let bankSin = 0;
    let liftN = 0;
    let dragN = 0;
    const mode = this.mode;

    if (mode === MODE_COAST || mode === MODE_BOOST) {
      if (speed > 0 && q > 0 && this.drag !== null) {
        const dOverM = q * this.drag.dragPerDynamicPressure(mach, m) * this.dragScale;
        dragN = dOverM * m;
        const k = dOverM / speed;
        ax -= k * vx;
        ay -= k * vy;
        az -= k * vz;
      }
      if (mode === MODE_BOOST && this.thrustVacN > 0) {
        thrust = this.thrustVacN - atm[1] * this.exitAreaM2;
        if (thrust < 0) thrust = 0;
        mdot = this.massFlowKgS;
        // Thrust direction: pitch above the horizontal in the launch plane.
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
        ax += tm * (c * dx + s * ux);
        ay += tm * (c * dy + s * uy);
        az += tm * (c * dz + s * uz);
      }
    } else if (speed > 0 && this.lift !== null) {
      const lm = this.lift;
      const table = lm.table;
      const r2 = x * x + yy * yy + z * z;
      const r = Math.sqrt(r2);
      const ux = x / r;
      const uy = yy / r;
      const uz = z / r;
      const vr = vx * ux + vy * uy + vz * uz;
      // Lift frame: u = vertical perpendicular to v, s = v_hat x u.
      const ivs = 1 / speed;
      const vhx = vx * ivs;
      const vhy = vy * ivs;
      const vhz = vz * ivs;
      const cu = vr * ivs;
      let px = ux - cu * vhx;
      let py = uy - cu * vhy;
      let pz = uz - cu * vhz;
      const pn = Math.sqrt(px * px + py * py + pz * pz);
      px /= pn;
      py /= pn;
      pz /= pn;
      const sx = vhy * pz - vhz * py;
      const sy = vhz * px - vhx * pz;
      const sz = vhx * py - vhy * px;
      const qs = q * lm.refAreaM2;
      // Range to go and heading error to the aimpoint (all modes below steer to it).
      const t = this.targetUnit;
      const ct = t[0] * ux + t[1] * uy + t[2] * uz;
      const dx = t[0] - ct * ux;
      const dy = t[1] - ct * uy;
      const dz = t[2] - ct * uz;
      const st = Math.sqrt(dx * dx + dy * dy + dz * dz);
      const rangeToGo = this.targetRadiusM * Math.atan2(st, ct);
      this.lastRangeToGoM = rangeToGo;
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
      const gl = this.glide;
      let lx = 0;
      let ly = 0;
      let lz = 0;
      let clWanted = 0;

      table.setMach(mach);
      if (mode === MODE_GLIDER_COAST) {
        alpha = gl.pullUpAlphaRad;
        table.rowLookup(alpha);
        lx = px;
        ly = py;
        lz = pz;
      } else if (mode === MODE_GLIDE || mode === MODE_CRUISE) {
        // Net downward non-aerodynamic acceleration: gravity, centrifugal and Coriolis along -u, less the
        // centripetal term of flight along the curved Earth (r'' = a.u + v_h^2 / r).
        const gEff = -(ax * ux + ay * uy + az * uz) - (v2 - vr * vr) / r;
        // Bank for heading: tan(bank) = T u / sqrt(1 + u^2), u = K e / T, T = tan(bankMax): bank = K dpsi for
        // small errors, saturating smoothly at bankMax; cos and sin follow algebraically (no trig).
        const tMax = gl.tanBankMax;
        const u = (gl.headingGain * headingErr) / tMax;
        const tb = (tMax * u) / Math.sqrt(1 + u * u);
        let cb = 1 / Math.sqrt(1 + tb * tb);
        let sb = tb * cb;
        if (mode === MODE_GLIDE) {
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
          const vf = gl.glideEndSpeedMps;
          const ldReq = requiredLiftToDrag(rangeToGo - gl.diveRangeM, r, v2, vf * vf, this.mu / r);
          const ld = ldReq / (cb > 0.3 ? cb : 0.3);
          alpha = table.rowAlphaForLiftToDrag(ld);
          table.rowLookup(alpha);
          const gRef = gEff > 0.5 ? gEff : 0.5;
          const vrEq = (-2 * GLIDE_SCALE_HEIGHT_M * gRef) / (speed * (table.cl / table.cd));
          let f = 1 - (gl.altitudeRateGain * (vr - vrEq)) / gRef;
          f = f < 0.2 ? 0.2 : f > 3 ? 3 : f;
          clWanted = table.cl * f;
        } else {
          // Cruise: vertical acceleration command of a damped second-order altitude hold.
          const cr = this.cruise;
          const aV = -2 * cr.damping * cr.omegaRadS * vr - cr.omegaRadS * cr.omegaRadS * (h - cr.altitudeM);
          const lv = (gEff + aV) * m;
          clWanted = qs > 0 ? lv / (qs * this.liftScale * (cb > 0.3 ? cb : 0.3)) : 0;
        }
        alpha = table.rowAlphaForLift(clWanted);
        table.rowLookup(alpha);
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
          // over the last kilometre (smoothly, so the integrator sees no kink), then fly ballistic.
          const fade = smoothStep((Math.sqrt(rr2) - DIVE_FADE_START_M) / DIVE_FADE_SPAN_M);
          // Soft saturation at the largest C_L of the table (tanh keeps the rhs smooth).
          const clMax = table.rowMaxLift();
          clWanted = clMax * Math.tanh((fade * cmag * m) / (qs * this.liftScale * clMax));
        }
        alpha = table.rowAlphaForLift(clWanted);
        table.rowLookup(alpha);
        bankSin = lx * sx + ly * sy + lz * sz;
        bankCos = lx * px + ly * py + lz * pz;
      }
      const lOverM = (qs * table.cl * this.liftScale) / m;
      const dOverM = (qs * table.cd * this.dragScale) / m;
      liftN = lOverM * m;
      dragN = dOverM * m;
      ax += lOverM * lx - dOverM * vhx;
      ay += lOverM * ly - dOverM * vhy;
      az += lOverM * lz - dOverM * vhz;
      if (mode === MODE_CRUISE && m > 0) {
        const cr = this.cruise;
        thrust = dragN + m * cr.speedGain * (cr.speedMps - speed);
        thrust = thrust < 0 ? 0 : thrust > cr.maxThrustN ? cr.maxThrustN : thrust;
        mdot = thrust / (cr.ispS * G0_MPS2);
        const tm = thrust / m;
        ax += tm * vhx;
        ay += tm * vhy;
        az += tm * vhz;
      }
    }

    dydt[0] = vx;
    dydt[1] = vy;
    dydt[2] = vz;
    dydt[3] = ax;
    dydt[4] = ay;
    dydt[5] = az;
    dydt[6] = -mdot;
    this.lastAltM = h;
    this.lastAmbientTempK = atm[0];
    this.lastDensityKgM3 = rho;
    this.lastPressurePa = atm[1];
    this.lastSpeedOfSoundMps = sound;
    this.lastSpeedMps = speed;
    this.lastMach = mach;
    this.lastDynamicPressurePa = q;
    this.lastThrustN = thrust;
    this.lastAlphaRad = alpha;
    this.lastBankCos = bankCos;
    this.lastBankSin = bankSin;
    this.lastLiftN = liftN;
    this.lastDragN = dragN;
  };
}
