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
 * Two ways to use it (other layers code against both):
 *
 * Whole integrations:
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
 *
 * Step by step (what integrate is a loop over; a propagator that is advanced in increments uses it
 * directly, so that its steps do not depend on how often it is asked for a state):
 *   dp.start(rhs, t0S, y0, tEndS)   (re)starts at (t0S, y0); the segment ends exactly at tEndS
 *   dp.step()                        one accepted step [stepStartS, stepEndS] (rejected tries inside)
 *   dp.interpolate(tS, out)          the dense output of that step, valid until the next step()
 *   dp.endState                      the state at stepEndS
 *   dp.cut(tS)                       ends the step early at tS (an event): start() again to go on
 *   dp.interpolateHistory(tS, out)   any of the last `historySteps` steps (option, default 1)
 *   dp.stepsTaken, rejectedTotal, rhsEvaluationsTotal, proposedStepS (the controller's next step)
 * A step's stages and its dense output live in the stepper's buffers; the buffers are swapped (FSAL)
 * only when the next step begins, so the dense output of the last step stays valid in between.
 *
 * Steps taken ahead (a propagator that integrates past the time it has been asked for while its data are
 * in cache, and keeps the steps beyond its own clock out of sight):
 *   dp.keptStepsFrom(tS)             how many of the latest kept steps start at or after tS
 *   dp.interpolateHistory(tS, out, skip, count), dp.keptStartS(skip, count): the kept steps without
 *                                    the latest `skip`, at most `count` of them
 *   dp.countersBeforeLatest(k, out) stepsTaken and rhsEvaluationsTotal as they were before the latest k
 *   dp.forgetLatest(k, startOut)     drops the latest k kept steps: the stepper is as before they were
 *                                    taken (counters, proposedStepS), the last remaining step can be cut
 *
 * The options are also public mutable fields (hMaxS, hMinS, initialStepS, maxSteps, eventTolS;
 * tolerances through setTolerances). tEndS < t0S integrates backward. All buffers are allocated once
 * per instance, in one ArrayBuffer, and reused by every integrate call, so restarting after a terminal
 * event (drop a stage, restart) allocates nothing.
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
  /** Maximum step attempts (accepted + rejected) per integrate call (per start). Default 100000. */
  maxSteps?: number;
  /** Event time tolerance: width of the final root bracket (s). Default 1e-6. */
  eventTolS?: number;
  /**
   * Steps whose dense output interpolateHistory keeps (the last one included). Default 1. Above 1,
   * every step's continuous-extension coefficients are computed (a few dozen flops per component).
   */
  historySteps?: number;
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
    return this.owner.interpolate(tS, out);
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

/** Stepping states. */
const IDLE = 0; // not started, or the segment is complete / cut: start() before step()
const READY = 1; // at a point, ready to step
const STEPPED = 2; // a step was accepted; its buffers await the FSAL swap at the next step()
const REWOUND = 3; // steps were forgotten: the last kept step can be read and cut, not continued

// A ring slot's numbers, a row of SLOT_FIELDS doubles: its step's start, end and size, and the counters
// and the controller's proposal as they were before the step was taken (its attempts, rejected ones
// included: what forgetLatest restores and countersBeforeLatest reads).
const SLOT_T0 = 0;
const SLOT_T1 = 1;
const SLOT_H = 2;
const SLOT_STEPS_BEFORE = 3;
const SLOT_REJECTED_BEFORE = 4;
const SLOT_EVALS_BEFORE = 5;
const SLOT_PROPOSED_BEFORE = 6;
const SLOT_FIELDS = 7;

export class DormandPrince54 {
  readonly dim: number;
  rtol: Float64Array;
  atol: Float64Array;
  hMaxS: number;
  hMinS: number;
  initialStepS: number;
  maxSteps: number;
  eventTolS: number;
  readonly historySteps: number;

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
  /**
   * Dense-output coefficients (Hairer's RCONT: 5 x dim per step) of the last `historySteps` steps, in
   * a ring, 5 x dim a slot; slot `slot` is the current step's. A slot's coefficients are computed on
   * first use, or when the step is retired (history > 1). One array for the ring, and one for its slots'
   * numbers (SLOT_FIELDS a slot), not one a slot: each typed array is an object the collector copies and
   * marks, and a propagator may hold thousands of steppers.
   */
  private readonly coef: Float64Array;
  private readonly slots: Float64Array;
  private readonly slotReady: Uint8Array;
  private slot = 0;
  /** Slots holding a step (at most historySteps). */
  private slotsUsed = 0;
  /**
   * Whether `slot` awaits the next step (a restart retired the last one into the ring): it holds no
   * step, though slotsUsed still counts it.
   */
  private slotPending = false;
  private readonly dense = new Dp54Dense(this);
  private readonly locator: EventLocator;
  /** integrate's result, made on first use (a stepper driven step by step never needs it). */
  private resultObj: IntegrationResult | null = null;

  // Stepping state.
  private phase = IDLE;
  private rhsFn: OdeRhs | null = null;
  /** Time of y0 (the start of the next step, or of the accepted one while STEPPED). */
  private t = 0;
  private tEnd = 0;
  private dir = 1;
  private hMax = Infinity;
  /** Signed size of the next step attempt. */
  private h = 0;
  private facOld = 1e-4;
  private reject = false;
  private attempts = 0;
  /** Accepted step: its end time and whether it ended the segment. */
  private t1 = 0;
  private lastOfSegment = false;

  /** Step size the controller proposed after the last accepted step (s, signed, before the hMax clip). */
  proposedStepS = NaN;
  /** Counters since construction (integrate reports its own differences). */
  stepsTaken = 0;
  rejectedTotal = 0;
  rhsEvaluationsTotal = 0;

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
    this.historySteps = options.historySteps ?? 1;
    if (!(this.hMaxS > 0)) throw new RangeError("DormandPrince54: hMaxS must be > 0");
    if (!(this.hMinS >= 0)) throw new RangeError("DormandPrince54: hMinS must be >= 0");
    if (!(this.eventTolS > 0)) throw new RangeError("DormandPrince54: eventTolS must be > 0");
    if (!Number.isInteger(this.historySteps) || this.historySteps < 1 || this.historySteps > 1024)
      throw new RangeError(
        `DormandPrince54: historySteps must be an integer in [1, 1024], given ${this.historySteps}`,
      );
    // One buffer for every vector (a typed array with its own buffer costs V8 a separately tracked
    // backing store; a propagator may hold thousands of steppers).
    const nh = this.historySteps;
    const buf = new ArrayBuffer(8 * (dim * (10 + 5 * nh) + SLOT_FIELDS * nh));
    const vd = 8 * dim;
    this.y0 = new Float64Array(buf, 0, dim);
    this.y1 = new Float64Array(buf, vd, dim);
    this.k1 = new Float64Array(buf, 2 * vd, dim);
    this.k2 = new Float64Array(buf, 3 * vd, dim);
    this.k3 = new Float64Array(buf, 4 * vd, dim);
    this.k4 = new Float64Array(buf, 5 * vd, dim);
    this.k5 = new Float64Array(buf, 6 * vd, dim);
    this.k6 = new Float64Array(buf, 7 * vd, dim);
    this.k7 = new Float64Array(buf, 8 * vd, dim);
    this.ys = new Float64Array(buf, 9 * vd, dim);
    this.coef = new Float64Array(buf, 10 * vd, 5 * dim * nh);
    this.slots = new Float64Array(buf, (10 + 5 * nh) * vd, SLOT_FIELDS * nh);
    this.slotReady = new Uint8Array(nh);
    this.locator = new EventLocator(dim);
  }

  /** Replaces the tolerances (scalar or per component). */
  setTolerances(rtol: number | ArrayLike<number>, atol: number | ArrayLike<number>): void {
    if (
      typeof rtol === "number" &&
      typeof atol === "number" &&
      rtol >= 0 &&
      atol >= 0 &&
      rtol < Infinity &&
      atol < Infinity
    ) {
      // Scalars (the common case) fill the existing arrays: nothing allocated.
      this.rtol.fill(rtol);
      this.atol.fill(atol);
      return;
    }
    this.rtol = toTolerance(rtol, 1e-6, this.dim, "rtol");
    this.atol = toTolerance(atol, 1e-6, this.dim, "atol");
  }

  /**
   * Forgets every integration (counters, the last proposed step, the kept steps, the first-step option)
   * so the stepper can serve a new, independent propagation exactly as a new one would.
   */
  reset(): void {
    this.phase = IDLE;
    this.rhsFn = null;
    this.initialStepS = 0;
    this.proposedStepS = NaN;
    this.stepsTaken = 0;
    this.rejectedTotal = 0;
    this.rhsEvaluationsTotal = 0;
    this.slot = 0;
    this.slotsUsed = 0;
    this.slotPending = false;
    this.slotReady.fill(0);
    this.lastOfSegment = false;
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
    if (this.resultObj === null) this.resultObj = new IntegrationResult();
    const res = this.resultObj;
    res.tS = t0S;
    res.eventIndex = -1;
    res.steps = 0;
    res.rejectedSteps = 0;
    res.rhsEvaluations = 0;
    res.lastStepS = NaN;
    res.events.clear();
    if (tEndS === t0S) return res;
    const steps0 = this.stepsTaken;
    const rejected0 = this.rejectedTotal;
    const evals0 = this.rhsEvaluationsTotal;
    const count = () => {
      res.steps = this.stepsTaken - steps0;
      res.rejectedSteps = this.rejectedTotal - rejected0;
      res.rhsEvaluations = this.rhsEvaluationsTotal - evals0;
      res.lastStepS = this.proposedStepS;
    };
    this.start(rhs, t0S, y, tEndS);
    const hasEvents = events !== undefined && events.length > 0;
    if (hasEvents) this.locator.begin(events, t0S, this.y0, this.dir);
    const dense = this.dense;
    for (;;) {
      this.step();
      const tNew = this.t1;
      dense.t0S = this.t;
      dense.t1S = tNew;
      if (hasEvents) {
        const hit = this.locator.afterStep(dense, tNew, this.y1, this.eventTolS, res.events);
        if (hit >= 0) {
          const tEv = this.locator.terminalTimeS;
          this.cut(tEv);
          dense.t1S = tEv;
          this.interpolate(tEv, y);
          res.tS = tEv;
          res.eventIndex = hit;
          count();
          if (onStep !== undefined) onStep(dense);
          return res;
        }
      }
      if (onStep !== undefined) onStep(dense);
      if (this.lastOfSegment) {
        y.set(this.y1);
        res.tS = tEndS;
        count();
        this.phase = IDLE;
        return res;
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Step by step.

  /** Start of the last accepted step (s). */
  get stepStartS(): number {
    return this.t;
  }

  /** End of the last accepted step (s): the segment end or the cut time when it was cut. */
  get stepEndS(): number {
    return this.slots[SLOT_FIELDS * this.slot + SLOT_T1];
  }

  /** Whether the last accepted step ended the segment (reached tEndS). */
  get segmentDone(): boolean {
    return this.lastOfSegment;
  }

  /** The state at the end of the last accepted step (valid until the next step or start). */
  get endState(): Float64Array {
    return this.y1;
  }

  /** The DenseOutput view of the last accepted step (for event location). */
  get denseOutput(): DenseOutput {
    return this.dense;
  }

  /** The event locator of this stepper (the propagator drives it step by step). */
  get eventLocator(): EventLocator {
    return this.locator;
  }

  /**
   * (Re)starts at (t0S, y0): evaluates rhs there (the first stage of the first step) and, when
   * initialStepS is 0, estimates the first step (one more evaluation). The segment ends exactly at
   * tEndS (a discontinuity or the end of the integration): the step that reaches it is shortened to it.
   * The last accepted step's dense output stays readable through interpolateHistory.
   */
  start(rhs: OdeRhs, t0S: number, y0: ArrayLike<number>, tEndS: number): void {
    if (y0.length !== this.dim)
      throw new RangeError(`DormandPrince54: state has ${y0.length} entries, need ${this.dim}`);
    if (!Number.isFinite(t0S) || Number.isNaN(tEndS) || tEndS === -Infinity) {
      throw new RangeError(`DormandPrince54: times must be finite (t0S=${t0S}, tEndS=${tEndS})`);
    }
    this.retire();
    this.rhsFn = rhs;
    this.t = t0S;
    this.tEnd = tEndS;
    this.dir = tEndS >= t0S ? 1 : -1;
    this.facOld = 1e-4;
    this.reject = false;
    this.attempts = 0;
    this.lastOfSegment = false;
    if (y0 !== this.y0) this.y0.set(y0);
    if (tEndS === t0S) {
      this.phase = IDLE;
      return;
    }
    const span = Math.abs(tEndS - t0S);
    this.hMax = Math.min(this.hMaxS, span);
    rhs(t0S, this.y0, this.k1);
    this.rhsEvaluationsTotal++;
    if (this.initialStepS > 0) {
      this.h = this.dir * Math.min(this.initialStepS, this.hMax);
    } else {
      this.h = this.dir * this.initialStep(rhs, t0S, this.dir, this.hMax);
      this.rhsEvaluationsTotal++;
    }
    this.phase = READY;
  }

  /**
   * Takes one accepted step (retrying rejected attempts with smaller steps). Afterwards the step is
   * [stepStartS, stepEndS], its end state `endState` and its dense output `interpolate`. Throws
   * OdeError as integrate does, and RangeError when not started or the segment is complete.
   */
  step(): void {
    if (this.phase === STEPPED) {
      if (this.lastOfSegment)
        throw new RangeError("DormandPrince54.step: the segment is complete; start again");
      this.retire();
      // FSAL: k7 of the step just taken is k1 of the next; swap buffers instead of copying.
      let tmp = this.k1;
      this.k1 = this.k7;
      this.k7 = tmp;
      tmp = this.y0;
      this.y0 = this.y1;
      this.y1 = tmp;
      this.t = this.t1;
    } else if (this.phase !== READY) {
      throw new RangeError("DormandPrince54.step: not started (or cut): call start first");
    }
    const rhs = this.rhsFn as OdeRhs;
    const dir = this.dir;
    const tEnd = this.tEnd;
    let h = this.h;
    const t = this.t;
    const stepsBefore = this.stepsTaken;
    const rejectedBefore = this.rejectedTotal;
    const evalsBefore = this.rhsEvaluationsTotal;
    const proposedBefore = this.proposedStepS;
    for (;;) {
      if (this.attempts >= this.maxSteps) {
        throw new OdeError(
          `DormandPrince54: more than maxSteps=${this.maxSteps} step attempts before ` +
            `t=${t} s (target ${tEnd} s, step ${h} s); raise maxSteps or loosen the tolerances`,
          t,
        );
      }
      this.attempts++;
      const absH = Math.abs(h);
      if (absH < this.hMinS || absH <= ULP_GUARD * Math.abs(t) || !(absH > 0)) {
        throw new OdeError(
          `DormandPrince54: step size underflow at t=${t} s (step ${h} s, hMinS ${this.hMinS} s); ` +
            `the solution may be singular or the rhs non-finite`,
          t,
        );
      }
      let last = false;
      if ((t + 1.01 * h - tEnd) * dir > 0) {
        h = tEnd - t;
        last = true;
      }

      const err = this.stepStages(rhs, t, h);
      this.rhsEvaluationsTotal += 6;

      if (err <= 1) {
        // Accepted: PI controller (Hairer-Wanner IV.2, eq. 2.43c form used in DOPRI5).
        const fac11 = Math.pow(err, EXPO1);
        let fac = fac11 / Math.pow(this.facOld, BETA);
        fac = Math.max(FAC_MAX_INV, Math.min(FAC_MIN_INV, fac / SAFE));
        let hNew = h / fac;
        this.facOld = Math.max(err, 1e-4);
        this.stepsTaken++;
        const tNew = last ? tEnd : t + h;
        const s = this.slot;
        const row = SLOT_FIELDS * s;
        const slots = this.slots;
        slots[row + SLOT_T0] = t;
        slots[row + SLOT_T1] = tNew;
        slots[row + SLOT_H] = h;
        slots[row + SLOT_STEPS_BEFORE] = stepsBefore;
        slots[row + SLOT_REJECTED_BEFORE] = rejectedBefore;
        slots[row + SLOT_EVALS_BEFORE] = evalsBefore;
        slots[row + SLOT_PROPOSED_BEFORE] = proposedBefore;
        this.slotReady[s] = 0;
        this.slotPending = false;
        if (this.slotsUsed < this.historySteps) this.slotsUsed++;
        this.t1 = tNew;
        this.lastOfSegment = last;
        this.proposedStepS = hNew;
        if (Math.abs(hNew) > this.hMax) hNew = dir * this.hMax;
        if (this.reject) hNew = dir * Math.min(Math.abs(hNew), Math.abs(h));
        this.reject = false;
        this.h = hNew;
        this.phase = STEPPED;
        const dense = this.dense;
        dense.t0S = t;
        dense.t1S = tNew;
        return;
      }
      // Rejected (or non-finite error estimate: shrink hard and retry).
      this.rejectedTotal++;
      this.reject = true;
      h = err === err ? h / Math.min(FAC_MIN_INV, Math.pow(err, EXPO1) / SAFE) : h * 0.1;
    }
  }

  /**
   * Ends the last accepted step at tS (an event inside it): its dense output stays valid on
   * [stepStartS, tS]; call start again (from the state there, possibly changed) to go on.
   */
  cut(tS: number): void {
    if (this.phase !== STEPPED && (this.phase !== REWOUND || this.slotsUsed === 0))
      throw new RangeError("DormandPrince54.cut: no step to cut");
    const row = SLOT_FIELDS * this.slot;
    const t0 = this.slots[row + SLOT_T0];
    const t1 = this.slots[row + SLOT_T1];
    if (!((tS - t0) * this.dir >= 0 && (t1 - tS) * this.dir >= 0))
      throw new RangeError(`DormandPrince54.cut: ${tS} s is outside the step [${t0}, ${t1}] s`);
    this.slots[row + SLOT_T1] = tS;
    this.dense.t1S = tS;
    this.lastOfSegment = false;
    this.phase = IDLE;
  }

  /** The last step's slot leaves the ring's head: keep its coefficients when there is a history. */
  private retire(): void {
    if (this.slotsUsed === 0) return;
    if (this.historySteps > 1) {
      if (this.slotReady[this.slot] === 0) this.denseCoefficients(this.slot);
      this.slot = (this.slot + 1) % this.historySteps;
    }
    this.slotReady[this.slot] = 0;
    this.slotPending = true;
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

  /** Hairer's RCONT of the step in `slot`, from the stage buffers (valid while that step is the last). */
  private denseCoefficients(slot: number): void {
    const n = this.dim;
    const h = this.slots[SLOT_FIELDS * slot + SLOT_H];
    const c = this.coef;
    const o = 5 * n * slot;
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
      c[o + i] = y0[i];
      c[o + n + i] = ydiff;
      c[o + 2 * n + i] = bspl;
      c[o + 3 * n + i] = ydiff - h * k7[i] - bspl;
      c[o + 4 * n + i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
    }
    this.slotReady[slot] = 1;
  }

  private evaluateSlot(slot: number, tS: number, out: Float64Array): Float64Array {
    const n = this.dim;
    const c = this.coef;
    const o = 5 * n * slot;
    const row = SLOT_FIELDS * slot;
    const s = (tS - this.slots[row + SLOT_T0]) / this.slots[row + SLOT_H];
    const s1 = 1 - s;
    for (let i = 0; i < n; i++) {
      const j = o + i;
      out[i] = c[j] + s * (c[j + n] + s1 * (c[j + 2 * n] + s * (c[j + 3 * n] + s1 * c[j + 4 * n])));
    }
    return out;
  }

  /**
   * Dense output of the last accepted step at tS (Hairer's CONTD5), valid until the next step() or
   * start(); tS should lie in [stepStartS, stepEndS].
   */
  interpolate(tS: number, out: Float64Array): Float64Array {
    const s = this.slot;
    if (this.slotReady[s] === 0) this.denseCoefficients(s);
    return this.evaluateSlot(s, tS, out);
  }

  /** Earliest time interpolateHistory can answer (NaN before the first step). */
  get historyStartS(): number {
    return this.keptStartS(0, this.slotsUsed);
  }

  /**
   * Start of the oldest of the kept steps interpolateHistory(tS, out, skipLatest, count) searches (NaN
   * when there is none).
   */
  keptStartS(skipLatest: number, count: number): number {
    const n = Math.min(this.slotsUsed, skipLatest + count);
    if (n <= skipLatest) return NaN;
    const oldest = (this.slot - n + 1 + this.historySteps) % this.historySteps;
    return this.slots[SLOT_FIELDS * oldest + SLOT_T0];
  }

  /**
   * Dense output at tS from the latest of the kept steps (historySteps) whose interval holds it;
   * returns false, writing nothing, when none does. skipLatest: leave out the latest steps (taken ahead
   * of the caller's clock); count: search at most this many after them.
   */
  interpolateHistory(tS: number, out: Float64Array, skipLatest = 0, count = Infinity): boolean {
    const nh = this.historySteps;
    const dir = this.dir;
    const n = Math.min(this.slotsUsed, skipLatest + count);
    // A slot awaiting the next step holds an old step's times without its coefficients (retire marked
    // them stale): it answers nothing. (With one slot it is the only one: left as it was.)
    const from = this.slotPending && nh > 1 ? Math.max(skipLatest, 1) : skipLatest;
    for (let k = from; k < n; k++) {
      const s = (this.slot - k + nh) % nh;
      const row = SLOT_FIELDS * s;
      if ((tS - this.slots[row + SLOT_T0]) * dir >= 0 && (this.slots[row + SLOT_T1] - tS) * dir >= 0) {
        if (k === 0) this.interpolate(tS, out);
        else this.evaluateSlot(s, tS, out);
        return true;
      }
    }
    return false;
  }

  /** Steps kept (at most historySteps). */
  get keptSteps(): number {
    return this.slotsUsed;
  }

  /**
   * How many of the latest kept steps start at or after tS (in the direction of integration); none while
   * a restart awaits its first step (steps after it would fill the slot it holds).
   */
  keptStepsFrom(tS: number): number {
    if (this.slotPending) return 0;
    const nh = this.historySteps;
    let k = 0;
    const slots = this.slots;
    while (
      k < this.slotsUsed &&
      (slots[SLOT_FIELDS * ((this.slot - k + nh) % nh) + SLOT_T0] - tS) * this.dir >= 0
    )
      k++;
    return k;
  }

  /**
   * stepsTaken (out[0]) and rhsEvaluationsTotal (out[1]) as they were before the latest k kept steps
   * were taken (k = 0: now).
   */
  countersBeforeLatest(k: number, out: Float64Array): Float64Array {
    if (k <= 0) {
      out[0] = this.stepsTaken;
      out[1] = this.rhsEvaluationsTotal;
      return out;
    }
    const row = SLOT_FIELDS * this.keptSlot(k);
    out[0] = this.slots[row + SLOT_STEPS_BEFORE];
    out[1] = this.slots[row + SLOT_EVALS_BEFORE];
    return out;
  }

  /**
   * Drops the latest k kept steps (steps taken ahead that a change at an earlier time makes void): the
   * counters and proposedStepS are as they were before the first of them was taken, and the last
   * remaining step is the last accepted one again, to be read (interpolate, interpolateHistory) or cut;
   * start() again to go on. startOut, when given, receives the state the first dropped step started
   * from (the end state of the step before it, exactly). Needs historySteps > 1 when steps remain.
   */
  forgetLatest(k: number, startOut?: Float64Array): void {
    if (!(Number.isInteger(k) && k >= 1 && k <= this.slotsUsed))
      throw new RangeError(`DormandPrince54.forgetLatest: ${k} is not in [1, ${this.slotsUsed}]`);
    const nh = this.historySteps;
    const first = this.keptSlot(k);
    if (startOut !== undefined) {
      // A kept step's first coefficient block is a copy of its start state; the latest step's may not
      // be computed yet, but then its start state is still in y0.
      const n = this.dim;
      const ready = this.slotReady[first] === 1;
      for (let i = 0; i < n; i++) startOut[i] = ready ? this.coef[5 * n * first + i] : this.y0[i];
    }
    const row = SLOT_FIELDS * first;
    const slots = this.slots;
    this.stepsTaken = slots[row + SLOT_STEPS_BEFORE];
    this.rejectedTotal = slots[row + SLOT_REJECTED_BEFORE];
    this.rhsEvaluationsTotal = slots[row + SLOT_EVALS_BEFORE];
    this.proposedStepS = slots[row + SLOT_PROPOSED_BEFORE];
    this.slot = (this.slot - k + nh) % nh;
    this.slotsUsed -= k;
    this.slotPending = false;
    this.lastOfSegment = false;
    this.phase = REWOUND;
    if (this.slotsUsed > 0) {
      // Retired, so its coefficients are computed (historySteps > 1): its stages are gone.
      const last = SLOT_FIELDS * this.slot;
      this.t = slots[last + SLOT_T0];
      this.t1 = slots[last + SLOT_T1];
      this.dense.t0S = this.t;
      this.dense.t1S = this.t1;
    }
  }

  /** The ring slot of the k-th latest kept step (k = 1: the latest). */
  private keptSlot(k: number): number {
    return (this.slot - k + 1 + this.historySteps) % this.historySteps;
  }
}
