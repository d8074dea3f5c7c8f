/**
 * A threat's flight on the steppable propagator (propagation/flight.ts): the FlightPlan's sequence of
 * boost (burns, coasts, staging, cut-off), post-boost phases and terminal dive, expressed as force models,
 * guidance laws, and events whose handlers switch them.
 *
 * - Boost: gravity, the stack's drag and the motor, thrust along the pitch programme. Ignition, burn ends
 *   (staging: the dry mass dropped; burnout), the pitch programme's kinks, the thrust-termination time and
 *   a retarget are scheduled events, so the integrator lands on them; the energy cut-off (a speed) is a
 *   state event.
 * - After the boost, by vehicle kind: a re-entry vehicle coasts with its drag; a glider holds its pull-up
 *   angle of attack (midcourse, re-entry, pull-up) until its radial velocity turns positive (end of the
 *   pull-up), then glides under the equilibrium-glide law (the flat glide kernel) and dives on the aimpoint
 *   by proportional navigation within the dive range; a cruise missile cruises (altitude and speed hold)
 *   until the dive range or its fuel runs out.
 * - Apogee, the re-entry level and the pull-up start only record and relabel the phase (handlers return
 *   "continue"); the others change the forces or the guidance ("reset-derivatives") or the state
 *   ("reset-state": a mass drop); impact ends the flight (the propagator's impact detector).
 */
import type { DormandPrince54 } from "../math/ode/index.js";
import type { FlightEarthModel } from "./earthModel.js";
import { CruiseEngineForce } from "./forces/cruiseEngine.js";
import { DragForce } from "./forces/drag.js";
import { GlideKernelForce } from "./forces/glideKernel.js";
import { GravityForce } from "./forces/gravity.js";
import { LiftDragForce } from "./forces/liftDrag.js";
import { StagedMotorForce } from "./forces/motor.js";
import { Aimpoint } from "./guidance/aimpoint.js";
import { CruiseGuidance, CruiseLaw } from "./guidance/cruise.js";
import { DiveGuidance } from "./guidance/dive.js";
import { PullUpGuidance } from "./guidance/pullUp.js";
import { GlideGuidance } from "./guidance/glide.js";
import { GlideLaw } from "./guidance/glideLaw.js";
import { PITCH_RAMP_FRACTION, PitchProgram, PitchProgramGuidance } from "./guidance/pitchProgram.js";
import type { FlightPlan } from "./plan.js";
import {
  AltitudeCrossing,
  DynamicPressureCrossing,
  MassCrossing,
  RadialVelocityZero,
  RangeToGoCrossing,
  SpeedCrossing,
} from "./propagation/detectors.js";
import { Flight } from "./propagation/flight.js";
import type {
  EventAction,
  FlightControl,
  FlightEventDetector,
  ForceModel,
  GuidanceLaw,
  ScheduledEvent,
} from "./propagation/types.js";
import type { FlightEventType, TargetingReport } from "./result.js";
import type { FlightPhase } from "./truth.js";

/** Altitude below which a descending unpowered vehicle is said to re-enter, m (a common convention). */
export const REENTRY_ALTITUDE_M = 100_000;

/**
 * Integration steps a sampled threat flight may take ahead of its clock (propagation/flight.ts): an
 * engine advances a raid's flights alternately in small increments, and each flight woken past its
 * step's end comes back from memory. Eight steps a waking leave mostly the wakings no step ahead can
 * save (events, scheduled times): on the raid benchmark (bench/flight.bench.ts) 4 made stepping about
 * 1.45 times flying whole, 8 about 1.3, 16 no better; each costs 336 bytes of kept steps a flight.
 */
const AHEAD_STEPS = 8;

/** Options of a threat's flight (and of the whole-flight call, flyThreat). */
export interface FlyOptions {
  /** Output sample interval, s (default 1); 0 or less: no samples (targeting loops). */
  sampleIntervalS?: number;
  /** Integrator relative tolerance (default 1e-7) and absolute tolerance (default 0.1 in m, m/s, kg). */
  rtol?: number;
  atol?: number;
  /** Give up after this much flight time, s (default 4 h): the flight ends with a `timeout` event. */
  maxFlightTimeS?: number;
  /** Absolute time limit, s (the run loop passes the scenario's end); the earlier limit applies. */
  endTimeS?: number;
  /** Stop at the end of the pull-up (gliders; used by the boost planner). */
  stopAtGlide?: boolean;
  /** Integration steps whose dense output the flight keeps for stateAt (default 4; 1 without samples). */
  historySteps?: number;
  /** Initial capacity of the sample columns (rows). */
  sampleCapacity?: number;
  /** An integrator to reuse (propagation/flight.ts FlightOptions.integrator). */
  integrator?: DormandPrince54;
}

interface PostBoost {
  phase: FlightPhase;
  forces: ForceModel[];
  guidance: GuidanceLaw | null;
  detectors: FlightEventDetector[];
}

/** The plan's forces, laws and detectors, and the handlers that switch between them. */
class ThreatProgram {
  readonly aim = new Aimpoint();
  readonly gravity: GravityForce;
  readonly motor = new StagedMotorForce();
  readonly boostForces: ForceModel[];
  readonly boostCoastForces: ForceModel[];
  readonly coastForces: ForceModel[];
  readonly lift: LiftDragForce | null;
  readonly glideLaw = new GlideLaw();
  readonly pitch: PitchProgramGuidance;
  readonly coastAttitude: PullUpGuidance | null;
  readonly glide: GlideGuidance | null;
  readonly glideKernel: GlideKernelForce | null;
  readonly dive: DiveGuidance | null;
  readonly cruise: CruiseGuidance | null;
  readonly cruiseEngine: CruiseEngineForce | null;
  // Detectors (the propagator adds its impact detector in front).
  readonly cutoff: SpeedCrossing;
  readonly apogee: RadialVelocityZero;
  readonly reentry: AltitudeCrossing;
  readonly pullUpStart: DynamicPressureCrossing;
  readonly pullUpEnd: RadialVelocityZero;
  readonly diveStart: RangeToGoCrossing;
  readonly fuelOut: MassCrossing;
  /** The pull-up's dynamic-pressure limit exceeded (flagged; null without a limit). */
  readonly qLimit: DynamicPressureCrossing | null;
  /** Energy management in the glide: entering or leaving it, and the bank reversals. */
  readonly energyMode: FlightEventDetector | null;
  readonly reversal: FlightEventDetector | null;
  /** Scheduled events of the boost (cancelled at the cut-off or burnout). */
  readonly boostEvents: ScheduledEvent[] = [];
  /** True while a glider holds its pull-up angle of attack (between the boost and the end of the pull-up). */
  private gliderCoasting = false;

  constructor(
    readonly plan: FlightPlan,
    readonly earth: FlightEarthModel,
    readonly stopAtGlide: boolean,
  ) {
    if (plan.targetEcef !== null) this.aim.set(plan.targetEcef);
    this.gravity = GravityForce.of(earth);
    const boostDrag = plan.boostDrag !== null ? new DragForce(plan.boostDrag, plan.dragScale) : null;
    const coastDrag = plan.coastDrag !== null ? new DragForce(plan.coastDrag, plan.dragScale) : null;
    this.boostForces =
      boostDrag !== null ? [this.gravity, boostDrag, this.motor] : [this.gravity, this.motor];
    this.boostCoastForces = boostDrag !== null ? [this.gravity, boostDrag] : [this.gravity];
    this.coastForces = coastDrag !== null ? [this.gravity, coastDrag] : [this.gravity];
    this.lift = plan.lift !== null ? new LiftDragForce(plan.lift, plan.liftScale, plan.dragScale) : null;
    const p = plan.pitch;
    const program = new PitchProgram();
    program.riseEndS = p.riseEndS;
    program.kickEndS = p.kickEndS;
    program.kickPitchRad = p.kickPitchRad;
    program.finalPitchRad = p.finalPitchRad;
    program.endS = p.endS;
    this.pitch = new PitchProgramGuidance(program, plan.startTimeS, plan.planeNormal);
    const gl = this.glideLaw;
    if (plan.glide !== null) {
      gl.pullUpAlphaRad = plan.glide.pullUpAlphaRad;
      gl.glideEndSpeedMps = plan.glide.glideEndSpeedMps;
      gl.diveRangeM = plan.glide.diveRangeM;
      gl.setBankMax(plan.glide.bankMaxRad);
      gl.headingGain = plan.glide.headingGain;
      gl.altitudeRateGain = plan.glide.altitudeRateGain;
      gl.navigationConstant = plan.glide.navigationConstant;
    }
    const m = plan.maneuver;
    gl.weaveAmplitudeRad = m.weaveAmplitudeRad;
    gl.weavePeriodS = m.weavePeriodS;
    gl.weaveStartS = m.weaveStartS;
    gl.jinkBankRad = m.jinkBankRad;
    gl.jinkStartS = m.jinkStartS;
    gl.jinkEndS = m.jinkEndS;
    gl.jinkRampS = m.jinkRampS;
    const lift = this.lift;
    this.coastAttitude =
      lift !== null
        ? new PullUpGuidance(gl.pullUpAlphaRad, plan.glide?.maxLoadFactor ?? Infinity, lift)
        : null;
    this.glide = lift !== null ? new GlideGuidance(earth, gl, this.aim, lift) : null;
    this.glideKernel = this.glide !== null ? new GlideKernelForce(this.gravity, this.glide) : null;
    this.dive = lift !== null ? new DiveGuidance(gl.navigationConstant, this.aim, lift) : null;
    if (plan.cruise !== null && lift !== null) {
      const c = new CruiseLaw();
      c.altitudeM = plan.cruise.altitudeM;
      c.speedMps = plan.cruise.speedMps;
      c.omegaRadS = plan.cruise.omegaRadS;
      c.damping = plan.cruise.damping;
      c.speedGain = plan.cruise.speedGain;
      this.cruise = new CruiseGuidance(c, gl, this.aim, lift);
      this.cruiseEngine = new CruiseEngineForce(plan.cruise.maxThrustN, plan.cruise.ispS);
    } else {
      this.cruise = null;
      this.cruiseEngine = null;
    }
    this.cutoff = new SpeedCrossing(plan.cutoffSpeedMps, 1, (f, _t, y) => this.boostEnd(f, y, "cutoff"));
    this.apogee = new RadialVelocityZero(-1, (f, t, y) => this.onApogee(f, t, y));
    this.reentry = new AltitudeCrossing(earth, REENTRY_ALTITUDE_M, -1, (f) => this.onReentry(f), 20);
    this.pullUpStart = new DynamicPressureCrossing(
      earth,
      plan.glide === null ? 1000 : plan.glide.pullUpDynamicPressurePa,
      1,
      (f, _t, y) => this.onPullUpStart(f, y),
    );
    this.pullUpEnd = new RadialVelocityZero(1, (f, _t, y) => this.onPullUpEnd(f, y));
    this.diveStart = new RangeToGoCrossing(this.aim, gl.diveRangeM, -1, (f) => this.onDive(f, "dive"));
    this.fuelOut = new MassCrossing(plan.cruise === null ? 0 : plan.cruise.dryMassKg, -1, (f) =>
      this.onDive(f, "fuel-out"),
    );
    const qMax = plan.glide?.maxDynamicPressurePa ?? Infinity;
    this.qLimit =
      plan.afterBoost === "glider" && Number.isFinite(qMax)
        ? new DynamicPressureCrossing(earth, qMax, 1, (f) => {
            f.record(
              "limit-exceeded",
              `dynamic pressure above the vehicle's ${(qMax / 1000).toFixed(0)} kPa pull-up limit (the entry is too steep for it)`,
            );
            return "continue";
          })
        : null;
    const glide = this.glide;
    if (glide !== null && plan.glide !== null) {
      gl.reversalHeadingErr = 2 * Math.tan(0.5 * plan.glide.reversalHeadingErrorRad);
      // g > 0 in energy mode (the L/D needed, over the steepest, below the heading bank's cosine).
      this.energyMode = {
        direction: 0,
        g: (t, y) => {
          glide.probe(t, y);
          return glide.headingBankCos - glide.energyBankCos;
        },
        handle: (_f, t, y) => {
          // Entering: bank on the side the heading law banks (continuous); leaving: the heading law
          // takes over (a restart either way).
          glide.probe(t, y);
          gl.reversalSign = glide.headingErr >= 0 ? 1 : -1;
          return "reset-derivatives";
        },
      };
      // The bank on side s turns the heading error towards -s: reverse when it leaves the corridor there.
      this.reversal = {
        direction: 1,
        g: (t, y) => {
          glide.probe(t, y);
          return -gl.reversalSign * glide.headingErr - gl.reversalHeadingErr;
        },
        handle: (f, t, y) => {
          glide.probe(t, y);
          if (!(glide.energyBankCos < glide.headingBankCos)) return "continue";
          gl.reversalSign = -gl.reversalSign;
          f.record("bank-reversal");
          return "reset-derivatives";
        },
      };
    } else {
      this.energyMode = null;
      this.reversal = null;
    }
  }

  /** The flight's options: the boost (launched) or the post-boost phase (burnout start), and the schedule. */
  flight(options: FlyOptions, targeting: TargetingReport | null): Flight {
    const plan = this.plan;
    let phase: FlightPhase;
    let forces: ForceModel[];
    let guidance: GuidanceLaw | null;
    let detectors: FlightEventDetector[];
    const scheduled: ScheduledEvent[] = [];
    if (plan.launched) {
      phase = "boost";
      this.scheduleBoost();
      const b0 = plan.burns[0];
      if (b0.startS > plan.startTimeS) {
        forces = this.boostCoastForces;
        guidance = null;
        detectors = [];
      } else {
        this.motor.ignite(b0.thrustVacN, b0.massFlowKgS, b0.exitAreaM2);
        forces = this.boostForces;
        guidance = this.pitch;
        detectors = this.burnDetectors();
      }
      scheduled.push(...this.boostEvents);
    } else {
      const pb = this.postBoost(plan.y0);
      phase = pb.phase;
      forces = pb.forces;
      guidance = pb.guidance;
      detectors = pb.detectors;
    }
    const r = plan.maneuver.retargetEcef;
    if (r !== null && plan.maneuver.retargetAtS >= plan.startTimeS)
      scheduled.push({
        timeS: plan.maneuver.retargetAtS,
        handle: (f, t, y) => {
          this.aim.set(r);
          f.record("retarget");
          this.alignReversal(t, y);
          return "reset-derivatives";
        },
      });
    const dt = options.sampleIntervalS ?? 1;
    return new Flight({
      id: plan.id,
      kind: plan.kind,
      vehicleName: plan.vehicleName,
      earth: this.earth,
      startTimeS: plan.startTimeS,
      initialState: plan.y0,
      forces,
      guidance,
      detectors,
      scheduled,
      phase,
      startEvent: plan.launched ? "launch" : "burnout-start",
      impactAltM: plan.impactAltM,
      sampleIntervalS: dt > 0 ? dt : 0,
      ...(options.sampleCapacity !== undefined ? { sampleCapacity: options.sampleCapacity } : {}),
      sampleCapacityKey: plan.vehicleName,
      ...(options.maxFlightTimeS !== undefined ? { maxFlightTimeS: options.maxFlightTimeS } : {}),
      ...(options.endTimeS !== undefined ? { endTimeS: options.endTimeS } : {}),
      ...(options.rtol !== undefined ? { rtol: options.rtol } : {}),
      ...(options.atol !== undefined ? { atol: options.atol } : {}),
      historySteps: options.historySteps ?? (dt > 0 ? 4 : 1),
      // Unsampled flights are flown whole (targeting): no room kept for steps ahead.
      aheadSteps: dt > 0 ? AHEAD_STEPS : 0,
      ...(options.integrator !== undefined ? { integrator: options.integrator } : {}),
      noseRadiusM: plan.noseRadiusM,
      emissivity: plan.emissivity,
      aimEcef: plan.targetEcef !== null ? this.aim.ecef : null,
      targeting,
    });
  }

  private burnDetectors(): FlightEventDetector[] {
    return Number.isFinite(this.plan.cutoffSpeedMps) ? [this.cutoff] : [];
  }

  /**
   * The boost's scheduled events: for each burn, its ignition after a coast, the pitch programme's kinks
   * inside it, and its end (staging, burnout, or the thrust-termination time when that comes first; a
   * termination during a coast ends the boost there).
   */
  private scheduleBoost(): void {
    const plan = this.plan;
    const p = plan.pitch;
    const t0 = plan.startTimeS;
    const tCut = plan.startTimeS + plan.cutoffAfterLaunchS;
    const kinks = [
      t0 + p.riseEndS,
      t0 + p.kickEndS,
      t0 + p.kickEndS + PITCH_RAMP_FRACTION * (p.endS - p.kickEndS),
    ];
    const ev = this.boostEvents;
    let t = t0;
    // A kink changes nothing but the smoothness of the pitch: the segment end alone is what it needs.
    const kink = (): EventAction => "continue";
    for (let k = 0; k < plan.burns.length; k++) {
      const b = plan.burns[k];
      if (b.startS > t) {
        if (tCut <= b.startS) {
          ev.push({ timeS: tCut, handle: (f, _t, y) => this.boostEnd(f, y, "cutoff") });
          return;
        }
        ev.push({ timeS: b.startS, handle: (f) => this.ignite(f, k, true) });
        t = b.startS;
      }
      const end = Math.min(b.endS, tCut);
      for (const kt of kinks) if (kt > t && kt < end) ev.push({ timeS: kt, handle: kink });
      if (end === tCut && tCut < b.endS) {
        ev.push({ timeS: tCut, handle: (f, _t, y) => this.boostEnd(f, y, "cutoff") });
        return;
      }
      const last = k === plan.burns.length - 1;
      if (last) {
        ev.push({ timeS: end, handle: (f, _t, y) => this.boostEnd(f, y, "burnout") });
        return;
      }
      const next = plan.burns[k + 1];
      ev.push({ timeS: end, handle: (f, _t, y) => this.stage(f, y, b.dropMassKg, k + 1, next.startS > end) });
      t = end;
    }
  }

  /** Lights burn k (after a coast, with an `ignition` event). */
  private ignite(f: FlightControl, k: number, record: boolean): EventAction {
    const b = this.plan.burns[k];
    this.motor.ignite(b.thrustVacN, b.massFlowKgS, b.exitAreaM2);
    if (record) f.record("ignition");
    f.setForces(this.boostForces);
    f.setGuidance(this.pitch);
    f.setDetectors(this.burnDetectors());
    return "reset-derivatives";
  }

  /** Stage separation: the dry mass dropped; the next burn lit at once or after a coast. */
  private stage(
    f: FlightControl,
    y: Float64Array,
    dropKg: number,
    next: number,
    coast: boolean,
  ): EventAction {
    y[6] -= dropKg;
    f.record("staging");
    f.sampleNow();
    if (coast) {
      this.motor.shutDown();
      f.setForces(this.boostCoastForces);
      f.setGuidance(null);
      f.setDetectors([]);
    } else {
      this.ignite(f, next, false);
    }
    return "reset-state";
  }

  /** End of the boost (thrust termination or burnout): the payload flies on. */
  private boostEnd(f: FlightControl, y: Float64Array, type: FlightEventType): EventAction {
    this.motor.shutDown();
    y[6] = this.plan.payloadMassKg;
    f.record(type);
    f.cancel(this.boostEvents);
    const pb = this.postBoost(y);
    f.setPhase(pb.phase);
    f.setForces(pb.forces);
    f.setGuidance(pb.guidance);
    f.setDetectors(pb.detectors);
    f.sampleNow();
    return "reset-state";
  }

  /** The post-boost configuration at state y. */
  private postBoost(y: ArrayLike<number>): PostBoost {
    const plan = this.plan;
    const lift = this.lift;
    if (plan.afterBoost === "cruise" && lift !== null && this.cruise !== null && this.cruiseEngine !== null) {
      const detectors: FlightEventDetector[] = [];
      if (plan.targetEcef !== null) detectors.push(this.diveStart);
      detectors.push(this.fuelOut);
      return {
        phase: "cruise",
        forces: [this.gravity, lift, this.cruiseEngine],
        guidance: this.cruise,
        detectors,
      };
    }
    const alt = this.earth.altitudeM(y);
    const descending = y[0] * y[3] + y[1] * y[4] + y[2] * y[5] < 0;
    const phase: FlightPhase = alt < REENTRY_ALTITUDE_M && descending ? "reentry" : "midcourse";
    if (plan.afterBoost === "glider" && lift !== null && this.coastAttitude !== null) {
      this.gliderCoasting = true;
      return {
        phase,
        forces: [this.gravity, lift],
        guidance: this.coastAttitude,
        detectors:
          this.qLimit !== null
            ? [this.apogee, this.reentry, this.pullUpStart, this.pullUpEnd, this.qLimit]
            : [this.apogee, this.reentry, this.pullUpStart, this.pullUpEnd],
      };
    }
    return { phase, forces: this.coastForces, guidance: null, detectors: [this.apogee, this.reentry] };
  }

  private onApogee(f: FlightControl, t: number, y: Float64Array): EventAction {
    f.record("apogee");
    if (f.phase === "midcourse" && this.earth.altitudeM(y) < REENTRY_ALTITUDE_M) f.setPhase("reentry");
    // A glider whose arc stays low may pass its apogee with the pull-up dynamic pressure already
    // exceeded: the pull-up starts there (the q event only sees rising crossings).
    if (this.gliderCoasting && this.pullUpStart.g(t, y) >= 0) this.startPullUp(f);
    return "continue";
  }

  private onReentry(f: FlightControl): EventAction {
    f.record("reentry");
    if (f.phase === "midcourse") f.setPhase("reentry");
    return "continue";
  }

  private onPullUpStart(f: FlightControl, y: Float64Array): EventAction {
    if (this.earth.altitudeM(y) > 0 && y[0] * y[3] + y[1] * y[4] + y[2] * y[5] < 0) this.startPullUp(f);
    return "continue";
  }

  private startPullUp(f: FlightControl): void {
    if (f.phase === "pull-up") return;
    f.record("pull-up-start");
    f.setPhase("pull-up");
  }

  private onPullUpEnd(f: FlightControl, y: Float64Array): EventAction {
    f.record("pull-up-end");
    if (this.stopAtGlide) return f.stop("stopped");
    this.gliderCoasting = false;
    f.setPhase("glide");
    this.setGlide(f);
    this.alignReversal(f.timeS, y);
    f.setDetectors(this.glideDetectors());
    f.sampleNow();
    return "reset-derivatives";
  }

  /**
   * Energy management's bank side at the start of a glide or after a retarget: towards the aimpoint (the
   * side the heading law banks), so that an energy mode already on banks the right way and its reversal
   * event sees the heading error cross the corridor's far edge.
   */
  private alignReversal(tS: number, y: Float64Array): void {
    const glide = this.glide;
    if (glide === null || !this.aim.isSet) return;
    glide.probe(tS, y);
    this.glideLaw.reversalSign = glide.headingErr >= 0 ? 1 : -1;
  }

  /** The glide's detectors: the dive range, and the energy management's mode and reversals. */
  private glideDetectors(): FlightEventDetector[] {
    if (this.plan.targetEcef === null || this.energyMode === null || this.reversal === null) return [];
    return [this.diveStart, this.energyMode, this.reversal];
  }

  /** The glide: the flat kernel alone when the Earth model allows it, else the composed law. */
  private setGlide(f: FlightControl): void {
    if (this.glideKernel !== null && this.glideKernel.kernel !== null && this.aim.isSet) {
      f.setForces([this.glideKernel]);
      f.setGuidance(null);
    } else {
      f.setForces([this.gravity, this.lift as LiftDragForce]);
      f.setGuidance(this.glide);
    }
  }

  private onDive(f: FlightControl, type: "dive" | "fuel-out"): EventAction {
    f.record(type);
    f.setPhase("dive");
    if (this.plan.targetEcef !== null) {
      f.setForces([this.gravity, this.lift as LiftDragForce]);
      f.setGuidance(this.dive);
    } else {
      this.setGlide(f);
    }
    f.setDetectors([]);
    f.sampleNow();
    return "reset-derivatives";
  }
}

/** A threat's flight from its plan (steering already solved), ready to be advanced. */
export function buildThreatFlight(
  plan: FlightPlan,
  earth: FlightEarthModel,
  options: FlyOptions = {},
  targeting: TargetingReport | null = null,
): Flight {
  return new ThreatProgram(plan, earth, options.stopAtGlide === true).flight(options, targeting);
}
