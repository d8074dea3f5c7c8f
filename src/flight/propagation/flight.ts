/**
 * Flight: one vehicle's 3-DOF point-mass propagation that advances to a given time and can be asked for
 * its state, in the manner of Orekit's `propagate(target)` (AbstractIntegratedPropagator): its own
 * Dormand-Prince 5(4) integrator state, composed force models, a plug-in guidance law, and event
 * detectors whose handlers say what happens. Thousands may be alive at once and advanced alternately in
 * small increments.
 *
 *   const f = new Flight({ id, kind, earth, startTimeS, initialState: [x, y, z, vx, vy, vz, m],
 *                          forces: [new GravityForce(earth), new DragForce(model), ...],
 *                          guidance: law, detectors, scheduled, sampleIntervalS: 1 });
 *   f.advanceTo(tS);               // integrate to tS, or to the flight's end if it comes first
 *   f.timeS, f.ended, f.endReason, f.phase, f.state
 *   f.stateAt(tS, out); f.truthInto(tS, truth)   // inside the kept steps (dense output)
 *   f.setTarget(pos, vel, acc, tS) // homing law target update (a restart, see below)
 *   f.terminate(tS, reason)        // a kill: ends the flight at tS
 *   f.result()                     // FlightResult: samples, events, phases, summary
 *
 * Stepping. The integrator takes its own adaptive steps; advanceTo does not cut them at its target: the
 * state at a time inside the last step comes from the step's dense output, and events and output samples
 * are handled lazily, in time order, as the flight's clock passes them. So the sequence of steps does not
 * depend on how the flight is advanced: stepping it in any increments gives bit-identical steps, events
 * and samples to flying it whole (tests/flight/stepping.test.ts), and stepping costs little more than
 * flying whole. Discontinuities end integration segments exactly: a scheduled event (ignition, staging,
 * a pitch-programme kink, a retarget, the time limit) is a segment end the integrator lands on; a state
 * event whose handler changes the dynamics cuts the step at the event and restarts there.
 *
 * Steps ahead (option aheadSteps). Each time a flight among thousands is advanced past the end of its
 * step, its integrator, forces and samples come back from memory, not cache: that, more than the
 * arithmetic, is what stepping costs beyond flying whole. A flight given aheadSteps takes up to that many
 * further steps while it is in cache, as long as none holds an event or a segment end, and writes their
 * samples; its clock stays where it was asked to go, and what it shows (states, truth, the kept history,
 * the counters, a snapshot result) is what it would show without them. A change from outside, or a
 * kill, at the clock forgets the steps ahead (the integrator is as it was before them) and goes on as it
 * would have; the steps themselves are those of flying whole either way.
 *
 * Changes from outside (a target update, other forces or another law) are discontinuities at the flight's
 * current time: the step in progress is cut there, the state interpolated, and the integration restarts
 * from it with the new right-hand side (one evaluation and a first step from the last proposed size). A
 * homing law's target is extrapolated with constant acceleration between updates, so the right-hand side
 * stays smooth within a step.
 *
 * The right-hand side (rightHandSide.ts): air data once, the unguided forces, the guidance law's command,
 * the guided forces; or a hand-inlined kernel alone (forces/glideKernel.ts).
 */
import { argError } from "../../math/check.js";
import { checkFlightOptions } from "../optionChecks.js";
import { DormandPrince54 } from "../../math/ode/index.js";
import type { FlightEarthModel } from "../earthModel.js";
import { stagnationCoefficient, stagnationTempK } from "../heating.js";
import {
  FlightSamples,
  phaseIndex,
  type FlightEvent,
  type FlightEventType,
  type FlightResult,
  type PhaseInterval,
  type TargetingReport,
} from "../result.js";
import { summarize } from "../summary.js";
import type { FlightPhase, VehicleKind } from "../truth.js";
import type { MutableTruthState } from "../truthAt.js";
import type { FlightContext } from "./context.js";
import { FlightDynamics } from "./rightHandSide.js";
import { FlightSampleWriter } from "./sampleWriter.js";
import type {
  EventAction,
  FlightControl,
  FlightEndReason,
  FlightEventDetector,
  FlightEventHandler,
  ForceModel,
  GuidanceLaw,
  ScheduledEvent,
  TargetedGuidanceLaw,
} from "./types.js";

/**
 * Default integration tolerances. With rtol 1e-7 (0.6 m on an Earth-radius position) and atol 0.1 (m, m/s,
 * kg) the impact point of a 3,000 km glide moves by under a metre against rtol 1e-9 / atol 1e-3 at half the
 * right-hand-side evaluations (measured; tests that compare with closed forms tighten them).
 */
export const DEFAULT_RTOL = 1e-7;
export const DEFAULT_ATOL = 0.1;
/** Default flight-time limit, s (4 h: longer than any suborbital flight). */
export const DEFAULT_MAX_FLIGHT_TIME_S = 4 * 3600;
/** A scheduled event this many ulp of the time after a restart runs at the restart. */
const SCHEDULE_SLACK_ULP = 64;
/** Width of the final bracket of a located event, s. */
const EVENT_TOL_S = 1e-7;
/** Altitude of perigee above which a vehicle at its time limit is said to be in orbit, m. */
const ORBIT_PERIGEE_ALT_M = 100_000;
/** Most steps a DormandPrince54 keeps (its historySteps limit). */
const MAX_KEPT_STEPS = 1024;

export interface FlightOptions {
  readonly id: string;
  readonly kind: VehicleKind;
  readonly vehicleName?: string;
  readonly earth: FlightEarthModel;
  readonly startTimeS: number;
  /** [x, y, z (m), vx, vy, vz (m/s), mass (kg)], ECEF, at startTimeS. */
  readonly initialState: ArrayLike<number>;
  readonly forces: readonly ForceModel[];
  readonly guidance?: GuidanceLaw | null;
  readonly detectors?: readonly FlightEventDetector[];
  readonly scheduled?: readonly ScheduledEvent[];
  /** Phase at the start (default "boost"). */
  readonly phase?: FlightPhase;
  /** Event recorded at the start (default "launch"). */
  readonly startEvent?: FlightEventType;
  /**
   * Height (m above the model's ellipsoid) at which a descending flight impacts: the flight records
   * `impact`, enters the impact phase and ends. null: no impact detector. Default 0.
   */
  readonly impactAltM?: number | null;
  /** Output sample interval, s (default 1); 0: no samples. */
  readonly sampleIntervalS?: number;
  /**
   * Initial capacity of the sample columns (rows; they grow by doubling). Default: the largest row count
   * of the flights that ended with the same sampleCapacityKey (plus room), else 256.
   */
  readonly sampleCapacity?: number;
  /** Key of the capacity hint (e.g. the vehicle's name: flights of one vehicle are alike). */
  readonly sampleCapacityKey?: string;
  /** Flight-time limit after the start, s (default 4 h); the flight ends with a `timeout` event. */
  readonly maxFlightTimeS?: number;
  /** Absolute time limit, s (e.g. the end of a scenario); the earlier of the two limits applies. */
  readonly endTimeS?: number;
  /** Integrator tolerances (defaults DEFAULT_RTOL, DEFAULT_ATOL). */
  readonly rtol?: number;
  readonly atol?: number;
  /** Integration steps whose dense output stateAt can read (default 4; at least 1). */
  readonly historySteps?: number;
  /**
   * Integration steps the flight may take ahead of its clock (default 0; see the file header): for a
   * flight advanced in small increments among many. Its integrator keeps historySteps + aheadSteps
   * steps (a given integrator that keeps fewer limits the steps ahead).
   */
  readonly aheadSteps?: number;
  /** Stagnation-point heating for the surface temperature (heating.ts): nose radius (m), emissivity. */
  readonly noseRadiusM?: number;
  readonly emissivity?: number;
  /**
   * The aimpoint (ECEF, m) as a live array the vehicle's guidance may change (a retarget): the summary's
   * miss distance is measured to its value at the end. null or absent: no miss distance.
   */
  readonly aimEcef?: Float64Array | null;
  /** Attached to the result unchanged (boost targeting of a threat). */
  readonly targeting?: TargetingReport | null;
  /**
   * An integrator to use (7 states, with at least historySteps kept steps), reset for this flight; it
   * must serve no other flight while this one is alive (a runner that flies one flight at a time reuses
   * one). Default: a new one.
   */
  readonly integrator?: DormandPrince54;
}

const CONTINUE: EventAction = "continue";

export class Flight implements FlightControl {
  // The fields advanceTo's common case reads come first, so they share the object's first cache line
  // (V8 lays fields out in the order they are initialised).
  /** The flight's clock: the time it has been advanced to (its end time once ended), s. */
  timeS = 0;
  /**
   * The next time advanceTo must act at (the open step's next event, or its end; -Infinity when no step
   * is open): below it, an advance only moves the clock.
   */
  private nextStopS = -Infinity;
  /** Whether the law has a revision counter to watch (a homing law whose target is set from outside). */
  private lawTracked = false;
  ended = false;
  readonly id: string;
  readonly kind: VehicleKind;
  readonly vehicleName: string;
  readonly earth: FlightEarthModel;
  readonly startTimeS: number;
  /** The time limit (start + maxFlightTimeS, or endTimeS if earlier), s. */
  readonly limitS: number;
  endReason: FlightEndReason | null = null;
  /** Evaluation context: air data and the diagnostics of the last evaluation (thrust, drag, lift...). */
  readonly context: FlightContext;

  private readonly dp: DormandPrince54;
  /** Kept steps stateAt and truthInto read (the latest at or before the clock). */
  private readonly historyWindow: number;
  /** Most steps taken ahead of the clock (0: none). */
  private readonly aheadMax: number;
  /** countersBeforeLatest's output. */
  private readonly counters = new Float64Array(2);
  /** The state at yTimeS (a restart point or an event). */
  private readonly y = new Float64Array(7);
  private yTimeS: number;
  private readonly now = new Float64Array(7);
  private readonly before = new Float64Array(7);
  private readonly scratch = new Float64Array(7);
  private readonly air = new Float64Array(5);

  // Configuration.
  /** The right-hand side: forces and law. */
  private readonly dyn: FlightDynamics;
  private lawRevision: number | undefined = undefined;
  private readonly impactDetector: FlightEventDetector | null;
  private detectorList: FlightEventDetector[] = [];
  /** Scheduled events not yet handled, by time (stable for equal times). */
  private readonly queue: ScheduledEvent[] = [];
  private readonly limitEvent: ScheduledEvent;
  /** Time since which the forces and guidance are unchanged (truthInto answers from there on), s. */
  private configSinceS: number;
  private segmentEndS = NaN;

  // Event handling.
  private inHandler = false;
  private configChanged = false;
  private stopReason: FlightEndReason | null = null;
  private stepOpen = false;
  private pendCount = 0;
  private pendNext = 0;
  /** Time of the last restart. */
  private restartS = NaN;

  // Records.
  private readonly eventList: FlightEvent[] = [];
  private readonly phaseList: PhaseInterval[] = [];
  private phaseIdx = 0;
  /** The output rows (null: no samples). */
  private readonly sampler: FlightSampleWriter | null;
  private readonly capacityKey: string | null;
  private readonly stagnationCoef: number;
  private readonly aim: Float64Array | null;
  private readonly startAimSet: boolean;
  private readonly targeting: TargetingReport | null;
  private finalResult: FlightResult | null = null;

  constructor(o: FlightOptions) {
    if (typeof o.id !== "string") throw new RangeError("Flight: id must be a string");
    checkFlightOptions(`Flight ${o.id}`, o);
    if (o.noseRadiusM !== undefined && !(o.noseRadiusM > 0 && Number.isFinite(o.noseRadiusM)))
      throw argError(`Flight ${o.id}`, "options.noseRadiusM", "a finite number > 0", o.noseRadiusM);
    if (o.emissivity !== undefined && !(o.emissivity > 0 && o.emissivity <= 1))
      throw argError(`Flight ${o.id}`, "options.emissivity", "a number in (0, 1]", o.emissivity);
    if (!Number.isFinite(o.startTimeS))
      throw new RangeError(`Flight ${o.id}: startTimeS must be finite, given ${o.startTimeS}`);
    if (o.initialState.length !== 7)
      throw new RangeError(
        `Flight ${o.id}: initialState needs 7 entries [x, y, z, vx, vy, vz, m], given ${o.initialState.length}`,
      );
    for (let i = 0; i < 7; i++)
      if (!Number.isFinite(o.initialState[i]))
        throw new RangeError(`Flight ${o.id}: initialState[${i}] must be finite, given ${o.initialState[i]}`);
    if (!(o.initialState[6] > 0))
      throw new RangeError(`Flight ${o.id}: mass (initialState[6]) must be positive`);
    const maxT = o.maxFlightTimeS ?? DEFAULT_MAX_FLIGHT_TIME_S;
    if (!(maxT > 0) || !Number.isFinite(maxT))
      throw new RangeError(`Flight ${o.id}: maxFlightTimeS must be positive and finite, given ${maxT}`);
    const endT = o.endTimeS ?? Infinity;
    if (Number.isNaN(endT) || !(endT > o.startTimeS))
      throw new RangeError(
        `Flight ${o.id}: endTimeS must be after the start (${o.startTimeS} s), given ${endT}`,
      );
    const dt = o.sampleIntervalS ?? 1;
    if (Number.isNaN(dt)) throw new RangeError(`Flight ${o.id}: sampleIntervalS is NaN`);
    this.id = o.id;
    this.kind = o.kind;
    this.vehicleName = o.vehicleName ?? o.kind;
    this.earth = o.earth;
    this.startTimeS = o.startTimeS;
    this.limitS = Math.min(o.startTimeS + maxT, endT);
    this.timeS = o.startTimeS;
    this.yTimeS = o.startTimeS;
    this.configSinceS = o.startTimeS;
    this.dyn = new FlightDynamics(o.earth);
    this.context = this.dyn.context;
    const history = o.historySteps ?? 4;
    const ahead = o.aheadSteps ?? 0;
    if (!(Number.isInteger(ahead) && ahead >= 0))
      throw argError(`Flight ${o.id}`, "options.aheadSteps", "a whole number >= 0", ahead);
    const given = o.integrator;
    if (given !== undefined) {
      if (given.dim !== 7 || given.historySteps < history)
        throw new RangeError(
          `Flight ${o.id}: the integrator given must have 7 states and keep ${history} steps`,
        );
      // The steps it keeps beyond the history are the room for steps ahead.
      this.aheadMax = Math.min(ahead, given.historySteps - history);
      given.reset();
      given.setTolerances(o.rtol ?? DEFAULT_RTOL, o.atol ?? DEFAULT_ATOL);
      given.eventTolS = EVENT_TOL_S;
      given.hMaxS = Infinity;
      given.hMinS = 0;
      given.maxSteps = 100_000;
      this.dp = given;
    } else {
      // The integrator's ring holds at most MAX_KEPT_STEPS steps.
      this.aheadMax = Math.max(0, Math.min(ahead, MAX_KEPT_STEPS - history));
      this.dp = new DormandPrince54(7, {
        rtol: o.rtol ?? DEFAULT_RTOL,
        atol: o.atol ?? DEFAULT_ATOL,
        eventTolS: EVENT_TOL_S,
        historySteps: history + this.aheadMax,
      });
    }
    this.historyWindow = this.dp.historySteps - this.aheadMax;
    for (let i = 0; i < 7; i++) this.y[i] = o.initialState[i];
    this.capacityKey = o.sampleCapacityKey ?? null;
    const hint = this.capacityKey !== null ? capacityHints.get(this.capacityKey) : undefined;
    this.stagnationCoef =
      o.noseRadiusM !== undefined ? stagnationCoefficient(o.noseRadiusM, o.emissivity) : 0;
    this.sampler =
      dt > 0
        ? new FlightSampleWriter(
            new FlightSamples(Math.max(16, o.sampleCapacity ?? hint ?? 256)),
            dt,
            o.startTimeS,
            o.earth,
            this.dyn,
            this.dp,
            this.stagnationCoef,
          )
        : null;
    this.aim = o.aimEcef ?? null;
    this.startAimSet = this.aim !== null;
    this.targeting = o.targeting ?? null;
    const impactAlt = o.impactAltM === undefined ? 0 : o.impactAltM;
    if (impactAlt !== null) {
      if (!Number.isFinite(impactAlt)) throw new RangeError(`Flight ${o.id}: impactAltM must be finite`);
      const earth = o.earth;
      this.impactDetector = {
        direction: -1,
        g: (_tS, y) => earth.altitudeM(y) - impactAlt,
        handle: impactHandler,
      };
    } else {
      this.impactDetector = null;
    }
    this.limitEvent = { timeS: this.limitS, handle: timeoutHandler };
    this.dyn.setForces(o.forces);
    this.applyGuidance(o.guidance ?? null);
    this.applyDetectors(o.detectors ?? []);
    this.enqueue(this.limitEvent);
    for (const ev of o.scheduled ?? []) {
      if (!(ev.timeS >= o.startTimeS))
        throw new RangeError(`Flight ${o.id}: a scheduled event at ${ev.timeS} s precedes the start`);
      this.enqueue(ev);
    }
    this.setPhase(o.phase ?? "boost");
    this.record(o.startEvent ?? "launch");
    this.restart(this.startTimeS);
  }

  // ----------------------------------------------------------------------------------------------
  // Reading.

  /** The flight's phase at its current time. */
  get phase(): FlightPhase {
    return this.phaseList[this.phaseList.length - 1].phase;
  }

  get forces(): readonly ForceModel[] {
    return this.dyn.forces;
  }

  get guidance(): GuidanceLaw | null {
    return this.dyn.law;
  }

  get detectors(): readonly FlightEventDetector[] {
    return this.detectorList;
  }

  /** Events recorded so far (time order). */
  get events(): readonly FlightEvent[] {
    return this.eventList;
  }

  get phases(): readonly PhaseInterval[] {
    return this.phaseList;
  }

  /** The state [x, y, z, vx, vy, vz, m] (ECEF) at the flight's time (a buffer the flight reuses). */
  get state(): Float64Array {
    return this.stateAt(this.timeS, this.now);
  }

  /** Right-hand-side evaluations and accepted integration steps so far (not counting steps ahead). */
  get rhsEvaluations(): number {
    return this.dp.countersBeforeLatest(this.stepsAhead(), this.counters)[1];
  }

  get steps(): number {
    return this.dp.countersBeforeLatest(this.stepsAhead(), this.counters)[0];
  }

  /** Earliest time stateAt can answer now (the start of the kept steps). */
  get historyStartS(): number {
    const h = this.dp.keptStartS(this.stepsAhead(), this.historyWindow);
    return Number.isNaN(h) ? this.yTimeS : Math.min(h, this.yTimeS);
  }

  /** The earliest time truthInto answers for: the last change of forces or guidance, or the kept steps. */
  get truthValidFromS(): number {
    return Math.max(this.configSinceS, this.historyStartS);
  }

  /**
   * The state at tS (in [historyStartS, timeS]) into out: the dense output of the integration step that
   * holds it (after an event that changed the state, the state after it). RangeError outside.
   */
  stateAt(tS: number, out: Float64Array): Float64Array {
    if (tS === this.yTimeS) {
      out.set(this.y);
      return out;
    }
    if (!(tS <= this.timeS))
      throw new RangeError(`Flight ${this.id}: stateAt(${tS}) is after the flight's time ${this.timeS} s`);
    if (!this.dp.interpolateHistory(tS, out, this.stepsAhead(), this.historyWindow))
      throw new RangeError(
        `Flight ${this.id}: stateAt(${tS}) is before the kept integration steps (from ${this.historyStartS} s)`,
      );
    return out;
  }

  /**
   * The truth sensors read at tS (phase, position, velocity, altitude, Mach, thrust, surface temperature,
   * mass) into out. tS from the last change of the flight's forces or guidance (usually its last event)
   * up to its time; after the end, the vehicle where it ended (at rest after an impact). Allocates
   * nothing; costs one dense-output interpolation and one air-data call (and one evaluation while a motor
   * whose thrust depends on the other forces is running).
   */
  truthInto(tS: number, out: MutableTruthState): MutableTruthState {
    out.id = this.id;
    out.kind = this.kind;
    out.timeS = tS;
    const s = this.scratch;
    const after = this.ended && tS > this.timeS;
    if (after) {
      s.set(this.y);
    } else {
      const from = Math.max(this.configSinceS, this.historyStartS);
      if (!(tS >= from))
        throw new RangeError(
          `Flight ${this.id}: truthInto(${tS}) is before ${from} s (the last change of its forces or guidance, or the kept steps)`,
        );
      this.stateAt(tS, s);
    }
    const air = this.earth.airInto(s, this.air) as Float64Array;
    const speed = Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]);
    for (let c = 0; c < 3; c++) {
      out.posEcefM[c] = s[c];
      out.velEcefMps[c] = s[3 + c];
    }
    out.massKg = s[6];
    out.altM = air[0];
    out.airspeedMps = speed;
    out.mach = air[4] > 0 ? speed / air[4] : 0;
    out.surfaceTempK = stagnationTempK(this.stagnationCoef, air[3], speed, air[1]);
    out.thrustN = after ? 0 : this.dyn.thrustAt(tS, s, air[2]);
    out.phase = this.phaseAt(tS);
    if (after) {
      out.velEcefMps.fill(0);
      out.airspeedMps = 0;
      out.mach = 0;
    }
    return out;
  }

  /** Phase at tS from the phase intervals (the last one starting at or before tS). */
  phaseAt(tS: number): FlightPhase {
    const ph = this.phaseList;
    for (let k = ph.length - 1; k > 0; k--) if (ph[k].startS <= tS) return ph[k].phase;
    return ph[0].phase;
  }

  /**
   * dy/dt at (tS, y) with the flight's current forces and guidance (the integrator's right-hand side);
   * leaves the diagnostics of the evaluation in `context` (not for the glide kernel).
   */
  evaluate(tS: number, y: Float64Array, dydt: Float64Array): void {
    this.dyn.rhs(tS, y, dydt);
  }

  // ----------------------------------------------------------------------------------------------
  // Advancing.

  /**
   * Integrates to tS (or to the flight's end, whichever is first), handling the events and output samples
   * up to it; returns the time reached. tS before the flight's time is a RangeError; Infinity flies to the
   * end (the time limit ends every flight).
   */
  advanceTo(tS: number): number {
    // The common case, touching only this object: inside the open step, before its next event and its
    // end (output samples are written when the clock passes the step's end or an event, as a burst:
    // writing them one advance at a time, alternating between many flights, costs a cache miss per column).
    if (tS < this.nextStopS && tS >= this.timeS && !this.lawTracked) {
      this.timeS = tS;
      return tS;
    }
    this.nextStopS = -Infinity;
    if (Number.isNaN(tS)) throw new RangeError(`Flight ${this.id}: advanceTo: tS must be a time, given NaN`);
    if (this.inHandler) throw new RangeError(`Flight ${this.id}: advanceTo from inside an event handler`);
    if (this.ended) return this.timeS;
    if (tS < this.timeS)
      throw new RangeError(
        `Flight ${this.id}: advanceTo: tS (${tS} s) is before the flight's time ${this.timeS} s`,
      );
    const law = this.dyn.law;
    if (law !== null && law.revision !== this.lawRevision) this.discontinuity();
    const dp = this.dp;
    const loc = dp.eventLocator;
    for (;;) {
      if (this.stepOpen) {
        // The events of the step, in time order, as the clock passes them.
        while (this.pendNext < this.pendCount) {
          const te = loc.candidateTime(this.pendNext);
          if (te > tS) {
            this.nextStopS = te;
            this.timeS = tS;
            return tS;
          }
          this.sampler?.before(te, this.phaseIdx);
          const det = this.detectorList[loc.candidateDetector(this.pendNext)];
          this.pendNext++;
          dp.interpolate(te, this.y);
          this.yTimeS = te;
          this.timeS = te;
          const action = this.dispatch(det.handle, te);
          if (action !== CONTINUE) {
            dp.cut(te);
            this.stepOpen = false;
            this.nextStopS = -Infinity;
            if (action === "stop") {
              this.finish(te);
              return te;
            }
            this.restart(te);
            if (this.ended) return this.timeS;
            break;
          }
        }
        if (!this.stepOpen) continue;
        const t1 = dp.stepEndS;
        if (t1 > tS) {
          // The clock stops inside the step. With room for a step ahead, and unless the step ends at a
          // scheduled time (handlers to run when the clock gets there), write its samples and take the
          // next step now, while the flight is in cache; the clock stays at tS (see the file header).
          if (dp.segmentDone || !this.roomAhead(tS)) {
            this.nextStopS = t1;
            this.timeS = tS;
            return tS;
          }
          this.sampler?.through(t1, this.phaseIdx);
          this.stepOpen = false;
          loc.commit();
        } else {
          // At a scheduled time the samples before it are the step's; the one at it follows the handlers
          // (their event sample, or the next step's first), so that it carries the state and phase after.
          if (dp.segmentDone) this.sampler?.before(t1, this.phaseIdx);
          else this.sampler?.through(t1, this.phaseIdx);
          this.timeS = t1;
          this.stepOpen = false;
          this.nextStopS = -Infinity;
          if (dp.segmentDone) {
            // A scheduled time: the integrator landed on it exactly.
            this.y.set(dp.endState);
            this.yTimeS = t1;
            this.runScheduled(t1);
            if (this.ended) return this.timeS;
            this.restart(t1);
            if (this.ended) return this.timeS;
            continue;
          }
          loc.commit();
          if (this.timeS >= tS && !this.roomAhead(tS)) return this.timeS;
        }
      } else if (this.timeS >= tS && !this.roomAhead(tS)) return this.timeS;
      dp.step();
      this.pendCount = loc.locateInOrder(dp.denseOutput, dp.stepEndS, dp.endState, EVENT_TOL_S);
      this.pendNext = 0;
      this.stepOpen = true;
    }
  }

  /** Flies to the end and returns the result. */
  run(): FlightResult {
    this.advanceTo(Infinity);
    return this.result();
  }

  /**
   * Ends the flight at tS (a kill): the state there interpolated, a `terminated` event recorded with the
   * reason, a last sample, nothing after it. tS may lie ahead (the flight is advanced to it) or back to
   * the last change of its forces or guidance within the kept steps (what was recorded after tS is
   * dropped). Returns false when the flight had already ended (at or before tS).
   */
  terminate(tS: number, reason: string): boolean {
    if (!Number.isFinite(tS)) throw new RangeError(`Flight ${this.id}: terminate at ${tS} s`);
    if (this.inHandler) throw new RangeError(`Flight ${this.id}: terminate from inside an event handler`);
    if (this.ended) return false;
    if (tS > this.timeS) {
      this.advanceTo(tS);
      if (this.ended) return false;
    }
    const from = Math.max(this.configSinceS, this.historyStartS);
    if (!(tS >= from))
      throw new RangeError(
        `Flight ${this.id}: terminate at ${tS} s is before ${from} s (its last change of forces or guidance, or the kept steps)`,
      );
    // Steps ahead of the clock are void (the counters as before them); their samples lie after tS and
    // go below with the others there.
    const ahead = this.stepsAhead();
    if (ahead > 0) {
      this.dp.forgetLatest(ahead);
      this.stepOpen = false;
    }
    // Samples not yet written lie in the open step; then drop what was recorded after tS (only samples
    // and continue-events can lie there).
    if (this.stepOpen) this.sampler?.before(tS, this.phaseIdx);
    const ev = this.eventList;
    while (ev.length > 1 && ev[ev.length - 1].timeS > tS) ev.pop();
    const ph = this.phaseList;
    while (ph.length > 1 && ph[ph.length - 1].startS > tS) ph.pop();
    this.phaseIdx = phaseIndex(ph[ph.length - 1].phase);
    this.sampler?.dropFrom(tS);
    this.stateAt(tS, this.y);
    this.yTimeS = tS;
    this.timeS = tS;
    this.stepOpen = false;
    this.record("terminated", reason);
    this.endReason = "terminated";
    this.finish(tS);
    return true;
  }

  /**
   * Target update of a homing guidance law (TargetedGuidanceLaw): the target's position, velocity and
   * acceleration (null: zero) at targetTimeS, applied from the flight's current time (a restart there).
   */
  setTarget(
    posEcefM: ArrayLike<number>,
    velEcefMps: ArrayLike<number>,
    accEcefMps2: ArrayLike<number> | null,
    targetTimeS: number,
  ): void {
    const law = this.dyn.law as TargetedGuidanceLaw | null;
    if (law === null || typeof law.setTarget !== "function")
      throw new RangeError(`Flight ${this.id}: its guidance law (${law?.name ?? "none"}) takes no target`);
    law.setTarget(posEcefM, velEcefMps, accEcefMps2, targetTimeS);
    if (!this.inHandler) this.discontinuity();
    else this.configChanged = true;
  }

  /** Something in the forces or the guidance law was changed from outside: restart at the flight's time. */
  invalidate(): void {
    if (this.inHandler) this.configChanged = true;
    else this.discontinuity();
  }

  // ----------------------------------------------------------------------------------------------
  // FlightControl: what handlers (and callers between advances) change.

  record(type: FlightEventType, detail?: string): void {
    const state = Float64Array.from(this.y);
    this.eventList.push(
      detail === undefined ? { type, timeS: this.timeS, state } : { type, timeS: this.timeS, state, detail },
    );
  }

  setPhase(p: FlightPhase): void {
    const ph = this.phaseList;
    const last = ph[ph.length - 1];
    if (last !== undefined) {
      if (last.phase === p) return;
      last.endS = this.timeS;
    }
    ph.push({ phase: p, startS: this.timeS, endS: this.timeS });
    this.phaseIdx = phaseIndex(p);
  }

  sampleNow(): void {
    const w = this.sampler;
    if (w === null) return;
    if (this.stepOpen) w.before(this.timeS, this.phaseIdx);
    w.now(this.timeS, this.y, this.phaseIdx);
  }

  setForces(forces: readonly ForceModel[]): void {
    this.dyn.setForces(forces);
    this.changed();
  }

  setGuidance(law: GuidanceLaw | null): void {
    this.applyGuidance(law);
    this.changed();
  }

  setDetectors(detectors: readonly FlightEventDetector[]): void {
    this.applyDetectors(detectors);
    this.changed();
  }

  schedule(event: ScheduledEvent): void {
    if (!(event.timeS >= this.timeS))
      throw new RangeError(
        `Flight ${this.id}: cannot schedule at ${event.timeS} s, before the flight's time ${this.timeS} s`,
      );
    this.enqueue(event);
    if (event.timeS < this.segmentEndS) this.changed();
  }

  cancel(events: readonly ScheduledEvent[]): void {
    for (const e of events) {
      const i = this.queue.indexOf(e);
      if (i >= 0 && e !== this.limitEvent) this.queue.splice(i, 1);
    }
  }

  stop(reason: FlightEndReason): EventAction {
    this.stopReason = reason;
    return "stop";
  }

  /** Builds the FlightResult of the flight so far (the final one, cached, once it has ended). */
  result(): FlightResult {
    if (this.finalResult !== null) return this.finalResult;
    const ended = this.ended;
    const w = this.sampler;
    if (this.stepOpen) w?.through(this.timeS, this.phaseIdx);
    let samples: FlightSamples;
    let events: FlightEvent[];
    let phases: PhaseInterval[];
    if (ended) {
      samples = w?.rows ?? new FlightSamples(0);
      samples.trim();
      events = this.eventList;
      phases = this.phaseList;
    } else {
      samples = w === null ? new FlightSamples(0) : w.rows.copy(w.shownAt(this.timeS));
      events = this.eventList.slice();
      phases = this.phaseList.map((p) => ({ ...p }));
      phases[phases.length - 1].endS = this.timeS;
    }
    const res: FlightResult = {
      id: this.id,
      kind: this.kind,
      vehicleName: this.vehicleName,
      startTimeS: this.startTimeS,
      endTimeS: this.timeS,
      events,
      phases,
      samples,
      summary: summarize(
        this.earth,
        { startTimeS: this.startTimeS, targetEcef: this.startAimSet ? this.aim : null },
        events,
        phases,
        samples,
        ended && this.endReason === "impact",
        this.aim,
      ),
      targeting: this.targeting,
      rhsEvaluations: this.rhsEvaluations,
      steps: this.steps,
    };
    if (ended) this.finalResult = res;
    return res;
  }

  // ----------------------------------------------------------------------------------------------
  // Internals.

  private applyGuidance(law: GuidanceLaw | null): void {
    this.dyn.setLaw(law);
    this.lawTracked = law !== null && law.revision !== undefined;
  }

  private applyDetectors(detectors: readonly FlightEventDetector[]): void {
    this.detectorList =
      this.impactDetector !== null ? [this.impactDetector, ...detectors] : detectors.slice();
  }

  private changed(): void {
    if (this.inHandler) this.configChanged = true;
    else this.discontinuity();
  }

  private enqueue(ev: ScheduledEvent): void {
    const q = this.queue;
    let i = q.length;
    while (i > 0 && q[i - 1].timeS > ev.timeS) i--;
    q.splice(i, 0, ev);
  }

  /** Calls a handler at tS with the state in y; returns the action, upgraded when it understates it. */
  private dispatch(handle: FlightEventHandler, tS: number): EventAction {
    this.configChanged = false;
    this.stopReason = null;
    this.before.set(this.y);
    this.inHandler = true;
    let action: EventAction;
    try {
      action = handle(this, tS, this.y);
    } finally {
      this.inHandler = false;
    }
    if (this.stopReason !== null) {
      this.endReason = this.stopReason;
      return "stop";
    }
    if (action === "stop") {
      this.endReason = "stopped";
      return action;
    }
    if (action === CONTINUE) {
      for (let i = 0; i < 7; i++) if (!Object.is(this.y[i], this.before[i])) action = "reset-state";
      if (action === CONTINUE && this.configChanged) action = "reset-derivatives";
    }
    if (action !== CONTINUE) this.configSinceS = tS;
    return action;
  }

  /** Handles every scheduled event at t (the segment end the integrator landed on). */
  /** Runs the scheduled events due by `dueS`, at the flight's own time `t` (dueS >= t, a few ulp at most). */
  private runScheduled(dueS: number, t: number = dueS): void {
    const q = this.queue;
    while (q.length > 0 && q[0].timeS <= dueS) {
      const ev = q.shift() as ScheduledEvent;
      const action = this.dispatch(ev.handle, t);
      if (action === "stop") {
        this.finish(t);
        return;
      }
    }
  }

  /** Starts integrating from (t, y) to the next scheduled time, handling any scheduled at t first. */
  private restart(t: number): void {
    const q = this.queue;
    // A scheduled event a few ulp after the restart (a change from outside at a time that rounds just
    // short of it) is run now: the segment to it would be too short for the integrator to step.
    const near = t + SCHEDULE_SLACK_ULP * Number.EPSILON * Math.max(1, Math.abs(t));
    while (q.length > 0 && q[0].timeS <= near) {
      this.runScheduled(near, t);
      if (this.ended) return;
    }
    // The time limit is always queued (cancel keeps it), so the segment end is finite.
    const seg = q[0].timeS;
    const dp = this.dp;
    const p = dp.proposedStepS;
    if (Number.isFinite(p) && p > 0) dp.initialStepS = p;
    dp.start(this.dyn.rhs, t, this.y, seg);
    dp.eventLocator.begin(this.detectorList, t, this.y, 1);
    this.segmentEndS = seg;
    this.yTimeS = t;
    this.stepOpen = false;
    this.nextStopS = -Infinity;
    this.pendCount = 0;
    this.pendNext = 0;
    this.lawRevision = this.dyn.law?.revision;
    this.restartS = t;
  }

  /** A change from outside at the flight's time: cut the step in progress there and restart. */
  private discontinuity(): void {
    if (this.ended) return;
    const t = this.timeS;
    const ahead = this.stepsAhead();
    if (ahead > 0) {
      // The steps ahead of the clock are void: the integrator as it was before them, their samples
      // dropped. The clock is then inside the last kept step (cut there below) or at its end (the
      // exact end state is where the first step ahead started from).
      const dp = this.dp;
      this.sampler?.keepFirst(this.sampler.shownAt(t));
      dp.forgetLatest(ahead, this.before);
      this.nextStopS = -Infinity;
      this.stepOpen = dp.keptSteps > 0 && t < dp.stepEndS;
      if (!this.stepOpen && this.yTimeS !== t) {
        this.y.set(this.before);
        this.yTimeS = t;
      }
    }
    if (this.stepOpen) {
      this.sampler?.through(t, this.phaseIdx);
      this.dp.interpolate(t, this.y);
      this.dp.cut(t);
      this.stepOpen = false;
      this.nextStopS = -Infinity;
    } else if (this.yTimeS !== t) {
      // The clock is at the end of a step that was passed whole.
      this.y.set(this.dp.endState);
    }
    this.yTimeS = t;
    this.configSinceS = t;
    this.restart(t);
  }

  /** Ends the flight at t (y holds the final state). */
  private finish(t: number): void {
    this.ended = true;
    this.nextStopS = -Infinity;
    if (this.endReason === null) this.endReason = this.stopReason ?? "stopped";
    this.timeS = t;
    this.yTimeS = t;
    this.stepOpen = false;
    this.phaseList[this.phaseList.length - 1].endS = t;
    const w = this.sampler;
    if (w !== null) {
      w.push(t, this.y, this.phaseIdx);
      w.nextS = Infinity;
      const key = this.capacityKey;
      if (key !== null) capacityHints.set(key, Math.max(capacityHints.get(key) ?? 0, w.rows.count + 16));
    }
  }

  /** Steps taken ahead of the clock: the latest kept steps that start at or after it (none once ended). */
  private stepsAhead(): number {
    return this.aheadMax > 0 && !this.ended ? this.dp.keptStepsFrom(this.timeS) : 0;
  }

  /**
   * Whether the flight may take a step ahead of a clock at tS: not with a homing law (its target moves
   * between advances), nor from a restart at tS (the step after a restart is the clock's own: its first
   * sample, and the integrator's slot for it, belong to the flight as shown), nor beyond aheadMax.
   */
  private roomAhead(tS: number): boolean {
    return (
      this.aheadMax > 0 &&
      !this.lawTracked &&
      this.restartS !== tS &&
      this.dp.keptStepsFrom(tS) < this.aheadMax
    );
  }

  /** Words for a timeout: in orbit (perigee above the atmosphere), escaping, or still flying. */
  describeTimeout(y: ArrayLike<number>): string {
    const e = this.earth;
    const w = e.omegaRadS;
    const x = y[0];
    const yy = y[1];
    const z = y[2];
    // Inertial velocity at the instant: v_ECEF + omega x r.
    const vx = y[3] - w * yy;
    const vy = y[4] + w * x;
    const vz = y[5];
    const r = Math.sqrt(x * x + yy * yy + z * z);
    const v2 = vx * vx + vy * vy + vz * vz;
    const energy = 0.5 * v2 - e.gmM3S2 / r;
    const alt = e.altitudeM(y);
    if (energy >= 0) return `on an escape trajectory at ${(alt / 1000).toFixed(0)} km`;
    const hx = yy * vz - z * vy;
    const hy = z * vx - x * vz;
    const hz = x * vy - yy * vx;
    const h2 = hx * hx + hy * hy + hz * hz;
    const a = -e.gmM3S2 / (2 * energy);
    const ecc = Math.sqrt(Math.max(0, 1 - h2 / (e.gmM3S2 * a)));
    const perigeeAlt = a * (1 - ecc) - e.aM;
    if (perigeeAlt > ORBIT_PERIGEE_ALT_M)
      return `in orbit (perigee ${(perigeeAlt / 1000).toFixed(0)} km, apogee ${((a * (1 + ecc) - e.aM) / 1000).toFixed(0)} km above the equator's radius)`;
    return `still flying at ${(alt / 1000).toFixed(1)} km, ${Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]).toFixed(0)} m/s`;
  }
}

/**
 * The most sample rows a flight with this capacity key ended with: the next one's initial capacity, so
 * that a raid's flights rarely regrow (and copy) their columns. A size hint only: it changes no result.
 */
const capacityHints = new Map<string, number>();

/** The built-in impact detector's handler: record, impact phase, end. */
const impactHandler: FlightEventHandler = (f) => {
  f.record("impact");
  f.setPhase("impact");
  return f.stop("impact");
};

/** The time limit's handler: a timeout event saying where the vehicle is, then the end. */
const timeoutHandler: FlightEventHandler = (f, _tS, y) => {
  f.record("timeout", (f as Flight).describeTimeout(y));
  return f.stop("timeout");
};
