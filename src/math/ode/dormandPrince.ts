/**
 * Adaptive Dormand-Prince 5(4) integrator with dense output and event location.
 *
 * Method: J. R. Dormand & P. J. Prince, "A family of embedded Runge-Kutta formulae", J. Comp. Appl.
 * Math. 6 (1980) 19-26; tableau, error estimate, step-size control, initial step and continuous
 * extension as in E. Hairer, S. P. Nørsett & G. Wanner, "Solving Ordinary Differential Equations I",
 * 2nd ed., Springer 1993: Table II.5.2 (tableau), II.4 (error norm, eq. 4.11, and the initial step
 * algorithm), IV.2 / II.4 (PI step-size control with beta = 0.04 as in their DOPRI5 code), II.6
 * (dense output; the 4th-order continuous extension of L. F. Shampine, "Some practical Runge-Kutta
 * formulas", Math. Comp. 46 (1986) 135-150). Seven stages, the last one reused as the first of the
 * next step (FSAL), so an accepted step costs six right-hand-side evaluations.
 *
 * API (other layers code against this):
 *   const dp = new DormandPrince54(dim, { rtol, atol, hMaxS, hMinS, initialStepS, maxSteps, eventTolS });
 *   const r = dp.integrate(rhs, t0S, y, tEndS, events?, onStep?);
 *   - rhs(tS, y, dydtOut) writes y' and allocates nothing (types.ts OdeRhs).
 *   - y: in = state at t0S, out = state at r.tS (tEndS, or the terminal event time, interpolated).
 *   - events: EventDetector[] ({ g(tS, y), direction, terminal, onEvent?, maxCheckS? }); events.ts.
 *   - onStep(step): per accepted step; step.interpolate(tS, out) for any tS in [step.t0S, step.t1S].
 *   - r (the same IntegrationResult object every call; copy what you keep): tS, eventIndex (index of
 *     the terminal detector, -1 if tEndS was reached), steps, rejectedSteps, rhsEvaluations,
 *     lastStepS (the last step-size proposal, a good initialStepS for a restart with the same
 *     dynamics), events (EventLog: every located event in time order, the terminal one last).
 *   - Throws OdeError when maxSteps attempts are used up or the step size underflows hMinS (or 16 ulp
 *     of t), and RangeError on a wrong-length y or non-finite times.
 * The options are also public mutable fields (hMaxS, hMinS, initialStepS, maxSteps, eventTolS;
 * tolerances through setTolerances). tEndS < t0S integrates backward. All buffers are allocated once per instance and reused by every
 * integrate call, so restarting after a terminal event (drop a stage, restart) allocates nothing.
 * Not re-entrant: do not call integrate on the same instance from inside rhs, g or onStep.
 */
import { EventLocator, EventLog } from "./events.js";
import type { DenseOutput, EventDetector, OdeRhs, StepCallback } from "./types.js";
import { OdeError } from "./types.js";
import * as K from "./dormandPrinceTableau.js";

// Tableau and continuous-extension coefficients as module constants (see dormandPrinceTableau.ts).
const { C2, C3, C4, C5, A21, A31, A32, A41, A42, A43, A51, A52, A53, A54 } = K;
const { A61, A62, A63, A64, A65, A71, A73, A74, A75, A76 } = K;
const { E1, E3, E4, E5, E6, E7, D1, D3, D4, D5, D6, D7 } = K;

// Step-size controller constants (Hairer's DOPRI5 defaults): safety factor, PI exponent beta, and
// the limits on the step-size ratio, 0.2 <= hNew / h <= 10.
const SAFE = 0.9;
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;
const FAC_MIN_INV = 1 / 0.2; // hNew >= h / 5 (shrink at most 5x per step)
const FAC_MAX_INV = 1 / 10; // hNew <= 10 h
const ULP_GUARD = 16 * Number.EPSILON;

export interface DormandPrinceOptions {
  /** Relative tolerance, scalar or per component. Default 1e-6. */
  rtol?: number | ArrayLike<number>;
  /** Absolute tolerance (state units), scalar or per component. Default 1e-6. */
  atol?: number | ArrayLike<number>;
  /** Largest step (s). Default: unbounded (the whole span). */
  hMaxS?: number;
  /** Smallest step (s) before giving up with OdeError. Default 0 (16 ulp of t still applies). */
  hMinS?: number;
  /** First step (s); 0 = Hairer's automatic estimate (costs one extra rhs evaluation). Default 0. */
  initialStepS?: number;
  /** Maximum step attempts (accepted + rejected) per integrate call. Default 100000. */
  maxSteps?: number;
  /** Event time tolerance: width of the final root bracket (s). Default 1e-6. */
  eventTolS?: number;
}

/** Outcome of one integrate call. One object per stepper, overwritten by each call. */
export class IntegrationResult {
  /** Time reached (s): tEndS, or the terminal event time. */
  tS = NaN;
  /** Index of the terminal event detector that stopped the integration; -1 if tEndS was reached. */
  eventIndex = -1;
  /** Accepted steps. */
  steps = 0;
  /** Rejected step attempts. */
  rejectedSteps = 0;
  /** Right-hand-side evaluations. */
  rhsEvaluations = 0;
  /** Step size the controller proposed last (s, signed); useful as initialStepS for a restart. */
  lastStepS = NaN;
  /** Every located event (detector index, time) in time order; a terminal one is the last. */
  readonly events = new EventLog();
}

/** The continuous extension of the current step (reads the stepper's buffers). */
class Dp54Dense implements DenseOutput {
  t0S = 0;
  t1S = 0;
  constructor(private readonly owner: DormandPrince54) {}
  interpolate(tS: number, out: Float64Array): Float64Array {
    return this.owner.interpolateCurrent(tS, out);
  }
}

function toTolerance(v: number | ArrayLike<number> | undefined, dflt: number, dim: number, name: string) {
  const out = new Float64Array(dim);
  if (v === undefined || typeof v === "number") {
    const s = v ?? dflt;
    if (!(s >= 0) || !Number.isFinite(s)) throw new RangeError(`DormandPrince54: ${name} must be >= 0`);
    out.fill(s);
    return out;
  }
  if (v.length !== dim) throw new RangeError(`DormandPrince54: ${name} has ${v.length} entries, need ${dim}`);
  for (let i = 0; i < dim; i++) {
    if (!(v[i] >= 0) || !Number.isFinite(v[i])) throw new RangeError(`DormandPrince54: ${name} must be >= 0`);
    out[i] = v[i];
  }
  return out;
}

export class DormandPrince54 {
  readonly dim: number;
  rtol: Float64Array;
  atol: Float64Array;
  hMaxS: number;
  hMinS: number;
  initialStepS: number;
  maxSteps: number;
  eventTolS: number;

  private y0: Float64Array;
  private y1: Float64Array;
  private k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private k7: Float64Array;
  private readonly ys: Float64Array;
  // Dense-output coefficients (Hairer's RCONT), computed on first use in a step.
  private readonly r1: Float64Array;
  private readonly r2: Float64Array;
  private readonly r3: Float64Array;
  private readonly r4: Float64Array;
  private readonly r5: Float64Array;
  private denseReady = false;
  private hStep = 0;
  private readonly dense = new Dp54Dense(this);
  private readonly locator: EventLocator;
  private readonly result = new IntegrationResult();

  constructor(dim: number, options: DormandPrinceOptions = {}) {
    if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`DormandPrince54: bad dimension ${dim}`);
    this.dim = dim;
    this.rtol = toTolerance(options.rtol, 1e-6, dim, "rtol");
    this.atol = toTolerance(options.atol, 1e-6, dim, "atol");
    this.hMaxS = options.hMaxS ?? Infinity;
    this.hMinS = options.hMinS ?? 0;
    this.initialStepS = options.initialStepS ?? 0;
    this.maxSteps = options.maxSteps ?? 100_000;
    this.eventTolS = options.eventTolS ?? 1e-6;
    if (!(this.hMaxS > 0)) throw new RangeError("DormandPrince54: hMaxS must be > 0");
    if (!(this.hMinS >= 0)) throw new RangeError("DormandPrince54: hMinS must be >= 0");
    if (!(this.eventTolS > 0)) throw new RangeError("DormandPrince54: eventTolS must be > 0");
    const b = () => new Float64Array(dim);
    this.y0 = b();
    this.y1 = b();
    this.k1 = b();
    this.k2 = b();
    this.k3 = b();
    this.k4 = b();
    this.k5 = b();
    this.k6 = b();
    this.k7 = b();
    this.ys = b();
    this.r1 = b();
    this.r2 = b();
    this.r3 = b();
    this.r4 = b();
    this.r5 = b();
    this.locator = new EventLocator(dim);
  }

  /** Replaces the tolerances (scalar or per component). */
  setTolerances(rtol: number | ArrayLike<number>, atol: number | ArrayLike<number>): void {
    this.rtol = toTolerance(rtol, 1e-6, this.dim, "rtol");
    this.atol = toTolerance(atol, 1e-6, this.dim, "atol");
  }

  /**
   * Integrates y' = rhs(t, y) from t0S to tEndS (see the file header). `y` is read as the initial
   * state and overwritten with the final one. Returns the stepper's reused IntegrationResult.
   */
  integrate(
    rhs: OdeRhs,
    t0S: number,
    y: Float64Array,
    tEndS: number,
    events?: readonly EventDetector[],
    onStep?: StepCallback,
  ): IntegrationResult {
    const n = this.dim;
    if (y.length !== n) throw new RangeError(`DormandPrince54: state has ${y.length} entries, need ${n}`);
    if (!Number.isFinite(t0S) || !Number.isFinite(tEndS)) {
      throw new RangeError(`DormandPrince54: times must be finite (t0S=${t0S}, tEndS=${tEndS})`);
    }
    const res = this.result;
    res.tS = t0S;
    res.eventIndex = -1;
    res.steps = 0;
    res.rejectedSteps = 0;
    res.rhsEvaluations = 0;
    res.lastStepS = NaN;
    res.events.clear();
    if (tEndS === t0S) return res;

    const dir = tEndS > t0S ? 1 : -1;
    const span = Math.abs(tEndS - t0S);
    const hMax = Math.min(this.hMaxS, span);
    const hasEvents = events !== undefined && events.length > 0;
    const tolS = this.eventTolS;

    this.y0.set(y);
    rhs(t0S, this.y0, this.k1);
    res.rhsEvaluations = 1;
    if (hasEvents) this.locator.begin(events, t0S, this.y0, dir);

    let h: number;
    if (this.initialStepS > 0) {
      h = dir * Math.min(this.initialStepS, hMax);
    } else {
      h = dir * this.initialStep(rhs, t0S, dir, hMax);
      res.rhsEvaluations++;
    }

    let t = t0S;
    let facOld = 1e-4;
    let reject = false;
    let attempts = 0;
    const dense = this.dense;

    for (;;) {
      if (attempts >= this.maxSteps) {
        throw new OdeError(
          `DormandPrince54: more than maxSteps=${this.maxSteps} step attempts between t=${t0S} s and ` +
            `t=${t} s (target ${tEndS} s, step ${h} s); raise maxSteps or loosen the tolerances`,
          t,
        );
      }
      attempts++;
      const absH = Math.abs(h);
      if (absH < this.hMinS || absH <= ULP_GUARD * Math.abs(t) || !(absH > 0)) {
        throw new OdeError(
          `DormandPrince54: step size underflow at t=${t} s (step ${h} s, hMinS ${this.hMinS} s); ` +
            `the solution may be singular or the rhs non-finite`,
          t,
        );
      }
      let last = false;
      if ((t + 1.01 * h - tEndS) * dir > 0) {
        h = tEndS - t;
        last = true;
      }

      const err = this.stepStages(rhs, t, h);
      res.rhsEvaluations += 6;

      if (err <= 1) {
        // Accepted: PI controller (Hairer-Wanner IV.2, eq. 2.43c form used in DOPRI5).
        const fac11 = Math.pow(err, EXPO1);
        let fac = fac11 / Math.pow(facOld, BETA);
        fac = Math.max(FAC_MAX_INV, Math.min(FAC_MIN_INV, fac / SAFE));
        let hNew = h / fac;
        facOld = Math.max(err, 1e-4);
        res.steps++;
        const tNew = last ? tEndS : t + h;
        this.hStep = h;
        this.denseReady = false;
        dense.t0S = t;
        dense.t1S = tNew;

        if (hasEvents) {
          const hit = this.locator.afterStep(dense, tNew, this.y1, tolS, res.events);
          if (hit >= 0) {
            const tEv = this.locator.terminalTimeS;
            dense.t1S = tEv;
            this.interpolateCurrent(tEv, y);
            res.tS = tEv;
            res.eventIndex = hit;
            res.lastStepS = hNew;
            if (onStep !== undefined) onStep(dense);
            return res;
          }
        }
        if (onStep !== undefined) onStep(dense);

        // FSAL: k7 of this step is k1 of the next; swap buffers instead of copying.
        let tmp = this.k1;
        this.k1 = this.k7;
        this.k7 = tmp;
        tmp = this.y0;
        this.y0 = this.y1;
        this.y1 = tmp;
        t = tNew;
        if (last) {
          y.set(this.y0);
          res.tS = tEndS;
          res.lastStepS = hNew;
          return res;
        }
        if (Math.abs(hNew) > hMax) hNew = dir * hMax;
        if (reject) hNew = dir * Math.min(Math.abs(hNew), Math.abs(h));
        reject = false;
        h = hNew;
      } else {
        // Rejected (or non-finite error estimate: shrink hard and retry).
        res.rejectedSteps++;
        reject = true;
        h = err === err ? h / Math.min(FAC_MIN_INV, Math.pow(err, EXPO1) / SAFE) : h * 0.1;
      }
    }
  }

  /**
   * One Dormand-Prince step of size h from (t, y0) with k1 = f(t, y0): writes y1 and k7 = f(t+h, y1)
   * and returns the scaled RMS error estimate (Hairer-Nørsett-Wanner eq. II.4.11).
   */
  private stepStages(rhs: OdeRhs, t: number, h: number): number {
    const n = this.dim;
    const y0 = this.y0;
    const y1 = this.y1;
    const ys = this.ys;
    const k1 = this.k1;
    const k2 = this.k2;
    const k3 = this.k3;
    const k4 = this.k4;
    const k5 = this.k5;
    const k6 = this.k6;
    const k7 = this.k7;
    for (let i = 0; i < n; i++) ys[i] = y0[i] + h * A21 * k1[i];
    rhs(t + C2 * h, ys, k2);
    for (let i = 0; i < n; i++) ys[i] = y0[i] + h * (A31 * k1[i] + A32 * k2[i]);
    rhs(t + C3 * h, ys, k3);
    for (let i = 0; i < n; i++) ys[i] = y0[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    rhs(t + C4 * h, ys, k4);
    for (let i = 0; i < n; i++) {
      ys[i] = y0[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    }
    rhs(t + C5 * h, ys, k5);
    for (let i = 0; i < n; i++) {
      ys[i] = y0[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    }
    rhs(t + h, ys, k6);
    for (let i = 0; i < n; i++) {
      y1[i] = y0[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
    }
    rhs(t + h, y1, k7);
    const rtol = this.rtol;
    const atol = this.atol;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
      const sk = atol[i] + rtol[i] * Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
      const q = e / sk;
      sum += q * q;
    }
    return Math.sqrt(sum / n);
  }

  /**
   * Hairer-Nørsett-Wanner's starting step (section II.4, "Starting step size"; DOPRI5 HINIT): an
   * explicit Euler probe estimates the second derivative so that the first step's local error is
   * about the tolerance. Uses k1 = f(t0, y0); costs one rhs evaluation. Returns |h|.
   */
  private initialStep(rhs: OdeRhs, t0: number, dir: number, hMax: number): number {
    const n = this.dim;
    const y0 = this.y0;
    const f0 = this.k1;
    const rtol = this.rtol;
    const atol = this.atol;
    let dnf = 0;
    let dny = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol[i] + rtol[i] * Math.abs(y0[i]);
      dnf += (f0[i] / sk) ** 2;
      dny += (y0[i] / sk) ** 2;
    }
    let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
    h = Math.min(h, hMax);
    const ys = this.ys;
    for (let i = 0; i < n; i++) ys[i] = y0[i] + dir * h * f0[i];
    rhs(t0 + dir * h, ys, this.k2);
    let der2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol[i] + rtol[i] * Math.abs(y0[i]);
      der2 += ((this.k2[i] - f0[i]) / sk) ** 2;
    }
    der2 = Math.sqrt(der2) / h;
    const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
    const h1 = der12 <= 1e-15 || !Number.isFinite(der12) ? Math.max(1e-6, h * 1e-3) : (0.01 / der12) ** 0.2;
    return Math.min(100 * h, h1, hMax);
  }

  /**
   * Dense output of the current step at tS (Hairer's CONTD5). Internal: reach it through the
   * DenseOutput handed to onStep / onEvent, which is valid only during that callback.
   */
  interpolateCurrent(tS: number, out: Float64Array): Float64Array {
    const n = this.dim;
    const h = this.hStep;
    if (!this.denseReady) {
      const y0 = this.y0;
      const y1 = this.y1;
      const k1 = this.k1;
      const k3 = this.k3;
      const k4 = this.k4;
      const k5 = this.k5;
      const k6 = this.k6;
      const k7 = this.k7;
      for (let i = 0; i < n; i++) {
        const ydiff = y1[i] - y0[i];
        const bspl = h * k1[i] - ydiff;
        this.r1[i] = y0[i];
        this.r2[i] = ydiff;
        this.r3[i] = bspl;
        this.r4[i] = ydiff - h * k7[i] - bspl;
        this.r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
      }
      this.denseReady = true;
    }
    const s = (tS - this.dense.t0S) / h;
    const s1 = 1 - s;
    for (let i = 0; i < n; i++) {
      out[i] = this.r1[i] + s * (this.r2[i] + s1 * (this.r3[i] + s * (this.r4[i] + s1 * this.r5[i])));
    }
    return out;
  }
}
