/**
 * Flies a FlightPlan: sequences the boost (burns, coasts, staging, cut-off), the post-boost modes of each
 * vehicle kind and the events that switch them, on one Dormand-Prince 5(4) integrator (src/math/ode).
 *
 * Discontinuities never fall inside a step: scheduled ones (ignition, burnout, staging, the kinks of the
 * pitch programme, retargeting) end an integration segment exactly (the integrator stops at tEnd); state-
 * dependent ones (cut-off speed, pull-up end, dive start, fuel out, impact) are terminal events located on
 * the dense output; the runner then changes the mode or drops mass and restarts. Non-terminal events
 * (apogee, re-entry level, pull-up start) are recorded and only relabel the phase.
 *
 * Samples are taken at a fixed interval from the dense output of each accepted step (the step size is not
 * restricted), plus one sample at every terminal event with the post-event state.
 */
import { DormandPrince54, type EventDetector } from "../math/ode/index.js";
import {
  MODE_BOOST,
  MODE_COAST,
  MODE_CRUISE,
  MODE_DIVE,
  MODE_GLIDE,
  MODE_GLIDER_COAST,
  PointMassDynamics,
} from "./dynamics.js";
import {
  AltitudeDown,
  DynamicPressureUp,
  MassDown,
  RadialVelocityZero,
  RangeToGoDown,
  SpeedUp,
} from "./detectors.js";
import type { FlightEarthModel } from "./earthModel.js";
import { PITCH_RAMP_FRACTION } from "./guidance/pitchProgram.js";
import { stagnationCoefficient, stagnationTempK } from "./heating.js";
import type { FlightPlan } from "./plan.js";
import {
  FlightSamples,
  phaseIndex,
  type FlightEvent,
  type FlightEventType,
  type FlightResult,
  type PhaseInterval,
  type TargetingReport,
} from "./result.js";
import { summarize } from "./summary.js";
import type { FlightPhase } from "./truth.js";

export interface FlyOptions {
  /** Output sample interval, s (default 1); 0 or less: no samples (targeting loops). */
  sampleIntervalS?: number;
  /** Integrator relative tolerance (default 1e-7) and absolute tolerance (default 0.1 in m, m/s, kg). */
  rtol?: number;
  atol?: number;
  /** Give up after this much flight time, s (default 4 h). */
  maxFlightTimeS?: number;
  /** Stop at the end of the pull-up (gliders; used by the boost planner). */
  stopAtGlide?: boolean;
}

/**
 * Default integration tolerances. With rtol 1e-7 (0.6 m on an Earth-radius position) and atol 0.1 (m, m/s,
 * kg) the impact point of a 3,000 km glide moves by under a metre against rtol 1e-9 / atol 1e-3 at half the
 * right-hand-side evaluations (measured; tests that compare with closed forms tighten them).
 */
export const DEFAULT_RTOL = 1e-7;
export const DEFAULT_ATOL = 0.1;

/** Altitude below which a descending unpowered vehicle is said to re-enter, m (a common convention). */
export const REENTRY_ALTITUDE_M = 100_000;

export class FlightRunner {
  readonly dyn: PointMassDynamics;
  private readonly dp: DormandPrince54;
  private readonly y = new Float64Array(7);
  private readonly ys = new Float64Array(7);
  private readonly dydt = new Float64Array(7);
  // Detectors (reused).
  private readonly impact: AltitudeDown;
  private readonly reentry: AltitudeDown;
  private readonly apogee = new RadialVelocityZero(-1, false);
  private readonly pullUpEnd = new RadialVelocityZero(1, true);
  private readonly pullUpStart: DynamicPressureUp;
  private readonly dive: RangeToGoDown;
  private readonly cutoff = new SpeedUp();
  private readonly fuelOut = new MassDown();
  // Per-flight state.
  private plan!: FlightPlan;
  private events: FlightEvent[] = [];
  private phases: PhaseInterval[] = [];
  private samples: FlightSamples | null = null;
  private sampleDt = 1;
  private nextSampleS = 0;
  private sampleCapacity = 1024;
  /** stagnationCoefficient of the plan's nose radius and emissivity. */
  private stagnationCoef = 0;
  /** phaseIndex of the current phase (kept by setPhase: samples store it). */
  private phaseIdx = 0;
  /** [altM, temperatureK, pressurePa, densityKgM3, speedOfSoundMps] of the sample being written. */
  private readonly air = new Float64Array(5);
  private rhsEvaluations = 0;
  private steps = 0;

  constructor(earth: FlightEarthModel) {
    this.dyn = new PointMassDynamics(earth);
    this.dp = new DormandPrince54(7, { rtol: DEFAULT_RTOL, atol: DEFAULT_ATOL, eventTolS: 1e-7 });
    this.impact = new AltitudeDown(this.dyn, true);
    this.reentry = new AltitudeDown(this.dyn, false, 20);
    this.reentry.levelM = REENTRY_ALTITUDE_M;
    this.pullUpStart = new DynamicPressureUp(this.dyn);
    this.dive = new RangeToGoDown(this.dyn);
    this.apogee.onEvent = (t, y) => {
      this.record("apogee", t, y);
      if (this.currentPhase() === "midcourse" && this.dyn.earth.altitudeM(y) < REENTRY_ALTITUDE_M) {
        this.setPhase("reentry", t);
      }
      // A glider whose arc stays low may pass its apogee with the pull-up dynamic pressure already
      // exceeded: the pull-up starts there (the q event only sees rising crossings).
      if (this.dyn.mode === MODE_GLIDER_COAST && this.pullUpStart.g(t, y) >= 0) this.startPullUp(t, y);
    };
    this.reentry.onEvent = (t, y) => {
      this.record("reentry", t, y);
      if (this.currentPhase() === "midcourse") this.setPhase("reentry", t);
    };
    this.pullUpStart.onEvent = (t, y) => {
      if (this.dyn.earth.altitudeM(y) > 0 && y[0] * y[3] + y[1] * y[4] + y[2] * y[5] < 0)
        this.startPullUp(t, y);
    };
  }

  private startPullUp(t: number, y: Float64Array): void {
    if (this.currentPhase() === "pull-up") return;
    this.record("pull-up-start", t, y);
    this.setPhase("pull-up", t);
  }

  private readonly onStep = (step: {
    t0S: number;
    t1S: number;
    interpolate(t: number, o: Float64Array): Float64Array;
  }) => {
    const s = this.samples;
    if (s === null) return;
    while (this.nextSampleS <= step.t1S) {
      const t = this.nextSampleS;
      this.pushSample(t, step.interpolate(t, this.ys));
      this.nextSampleS = t + this.sampleDt;
    }
  };

  /**
   * One output row. Cheap on purpose (a flight has about a thousand): altitude and one atmosphere lookup
   * give Mach and the stagnation temperature; thrust is known from the burn in boost; only in cruise, where
   * the throttle law sets it, is the right-hand side evaluated.
   */
  private pushSample(t: number, y: Float64Array): void {
    const s = this.samples as FlightSamples;
    const dyn = this.dyn;
    const earth = dyn.earth;
    const i = s.push(t, y, this.phaseIdx);
    const air = earth.airInto(y, this.air) as Float64Array;
    const speed = Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]);
    s.altM[i] = air[0];
    s.mach[i] = air[4] > 0 ? speed / air[4] : 0;
    let thrust = 0;
    if (dyn.mode === MODE_BOOST && dyn.thrustVacN > 0) {
      thrust = Math.max(0, dyn.thrustVacN - air[2] * dyn.exitAreaM2);
    } else if (dyn.mode === MODE_CRUISE) {
      dyn.rhs(t, y, this.dydt);
      thrust = dyn.lastThrustN;
    }
    s.thrustN[i] = thrust;
    // Sutton-Graves flux and radiative equilibrium (heating.ts), folded into one coefficient per flight.
    s.surfaceTempK[i] = stagnationTempK(this.stagnationCoef, air[3], speed, air[1]);
  }

  private record(type: FlightEventType, t: number, y: Float64Array): void {
    this.events.push({ type, timeS: t, state: Float64Array.from(y) });
  }

  private currentPhase(): FlightPhase {
    return this.phases[this.phases.length - 1].phase;
  }

  private setPhase(p: FlightPhase, t: number): void {
    const last = this.phases[this.phases.length - 1];
    if (last !== undefined) {
      if (last.phase === p) return;
      last.endS = t;
    }
    this.phases.push({ phase: p, startS: t, endS: t });
    this.phaseIdx = phaseIndex(p);
  }

  /** Integrates from t to tEnd with the given detectors; returns the index of the terminal detector or -1. */
  private segment(t: number, tEnd: number, detectors: EventDetector[]): { tS: number; hit: number } {
    const r = this.dp.integrate(this.dyn.rhs, t, this.y, tEnd, detectors, this.onStep);
    this.rhsEvaluations += r.rhsEvaluations;
    this.steps += r.steps;
    if (Number.isFinite(r.lastStepS) && r.lastStepS > 0) this.dp.initialStepS = r.lastStepS;
    return { tS: r.tS, hit: r.eventIndex };
  }

  /** Flies the plan. `targeting` is attached to the result unchanged. */
  run(plan: FlightPlan, options: FlyOptions = {}, targeting: TargetingReport | null = null): FlightResult {
    this.plan = plan;
    this.stagnationCoef = stagnationCoefficient(plan.noseRadiusM, plan.emissivity);
    this.events = [];
    this.phases = [];
    this.rhsEvaluations = 0;
    this.steps = 0;
    const dp = this.dp;
    dp.setTolerances(options.rtol ?? DEFAULT_RTOL, options.atol ?? DEFAULT_ATOL);
    dp.initialStepS = 0;
    this.sampleDt = options.sampleIntervalS ?? 1;
    // Sized from the previous flight of this runner (campaigns fly similar flights), so the columns are
    // rarely regrown.
    this.samples = this.sampleDt > 0 ? new FlightSamples(this.sampleCapacity) : null;
    this.nextSampleS = plan.startTimeS;
    const tMax = plan.startTimeS + (options.maxFlightTimeS ?? 4 * 3600);
    const dyn = this.dyn;
    this.configure(plan);
    const y = this.y;
    y.set(plan.y0);
    let t = plan.startTimeS;
    const impact = this.impact;
    impact.levelM = plan.impactAltM;
    let done = false;

    if (plan.launched) {
      this.setPhase("boost", t);
      this.record("launch", t, y);
      const p = plan.pitch;
      const tCut = plan.startTimeS + plan.cutoffAfterLaunchS;
      this.cutoff.levelMps = plan.cutoffSpeedMps;
      const boostDetectors: EventDetector[] = [impact];
      if (Number.isFinite(plan.cutoffSpeedMps)) boostDetectors.push(this.cutoff);
      const kinks = [
        plan.startTimeS + p.riseEndS,
        plan.startTimeS + p.kickEndS,
        plan.startTimeS + p.kickEndS + PITCH_RAMP_FRACTION * (p.endS - p.kickEndS),
      ];
      let cutAt: FlightEventType | null = null;
      for (let k = 0; k < plan.burns.length && !done && cutAt === null; k++) {
        const b = plan.burns[k];
        if (b.startS > t) {
          dyn.mode = MODE_BOOST;
          dyn.thrustVacN = 0;
          const r = this.segment(t, Math.min(b.startS, tCut), [impact]);
          t = r.tS;
          if (r.hit >= 0) {
            done = true;
            break;
          }
          if (t >= tCut) {
            cutAt = "cutoff";
            break;
          }
          this.record("ignition", t, y);
        }
        dyn.mode = MODE_BOOST;
        dyn.thrustVacN = b.thrustVacN;
        dyn.massFlowKgS = b.massFlowKgS;
        dyn.exitAreaM2 = b.exitAreaM2;
        const end = Math.min(b.endS, tCut);
        while (t < end) {
          let stop = end;
          for (const kt of kinks) if (kt > t && kt < stop) stop = kt;
          const r = this.segment(t, stop, boostDetectors);
          t = r.tS;
          if (r.hit === 0) {
            done = true;
            break;
          }
          if (r.hit === 1) {
            cutAt = "cutoff";
            break;
          }
        }
        if (done || cutAt !== null) break;
        if (t >= tCut && tCut < b.endS) cutAt = "cutoff";
        else if (k === plan.burns.length - 1) cutAt = "burnout";
        else {
          y[6] -= b.dropMassKg;
          this.record("staging", t, y);
          this.pushEventSample(t);
        }
      }
      dyn.thrustVacN = 0;
      if (!done) {
        y[6] = plan.payloadMassKg;
        this.record(cutAt ?? "burnout", t, y);
      }
    } else {
      this.record("burnout-start", t, y);
    }

    if (!done) {
      // Post-boost modes.
      const detectors: EventDetector[] = [impact];
      if (plan.afterBoost === "cruise") {
        this.setPhase("cruise", t);
        dyn.mode = MODE_CRUISE;
        dyn.drag = null;
        if (plan.targetEcef !== null) detectors.push(this.dive);
        this.fuelOut.levelKg = plan.cruise === null ? 0 : plan.cruise.dryMassKg;
        detectors.push(this.fuelOut);
      } else {
        const alt = dyn.earth.altitudeM(y);
        const descending = y[0] * y[3] + y[1] * y[4] + y[2] * y[5] < 0;
        this.setPhase(alt < REENTRY_ALTITUDE_M && descending ? "reentry" : "midcourse", t);
        dyn.mode = plan.afterBoost === "glider" ? MODE_GLIDER_COAST : MODE_COAST;
        dyn.drag = plan.afterBoost === "glider" ? null : plan.coastDrag;
        detectors.push(this.apogee, this.reentry);
        if (plan.afterBoost === "glider") {
          this.pullUpStart.levelPa = plan.glide === null ? 1000 : plan.glide.pullUpDynamicPressurePa;
          detectors.push(this.pullUpStart, this.pullUpEnd);
        }
      }
      this.pushEventSample(t);
      let retargetPending = plan.maneuver.retargetEcef !== null && plan.maneuver.retargetAtS > t;
      while (!done) {
        const tEnd = retargetPending ? Math.min(plan.maneuver.retargetAtS, tMax) : tMax;
        const r = this.segment(t, tEnd, detectors);
        t = r.tS;
        if (r.hit < 0) {
          if (retargetPending && t >= plan.maneuver.retargetAtS) {
            retargetPending = false;
            dyn.setTarget(plan.maneuver.retargetEcef as Float64Array);
            this.record("retarget", t, y);
            continue;
          }
          this.record("timeout", t, y);
          break;
        }
        const det = detectors[r.hit];
        if (det === impact) {
          done = true;
        } else if (det === this.pullUpEnd) {
          this.record("pull-up-end", t, y);
          if (options.stopAtGlide === true) break;
          this.setPhase("glide", t);
          dyn.mode = MODE_GLIDE;
          detectors.length = 0;
          detectors.push(impact);
          if (plan.targetEcef !== null) detectors.push(this.dive);
          this.pushEventSample(t);
        } else if (det === this.dive || det === this.fuelOut) {
          this.record(det === this.dive ? "dive" : "fuel-out", t, y);
          this.setPhase("dive", t);
          dyn.mode = plan.targetEcef !== null ? MODE_DIVE : MODE_GLIDE;
          detectors.length = 0;
          detectors.push(impact);
          this.pushEventSample(t);
        }
      }
    }
    if (done) {
      this.record("impact", t, y);
      this.setPhase("impact", t);
    }
    this.phases[this.phases.length - 1].endS = t;
    if (this.samples !== null) {
      this.pushEventSample(t);
      this.sampleCapacity = Math.max(256, this.samples.count + 16);
      this.samples.trim();
    }
    const samples = this.samples ?? new FlightSamples(0);
    return {
      id: plan.id,
      kind: plan.kind,
      vehicleName: plan.vehicleName,
      startTimeS: plan.startTimeS,
      endTimeS: t,
      events: this.events,
      phases: this.phases,
      samples,
      summary: summarize(dyn.earth, plan, this.events, this.phases, samples, done, dyn.targetEcef),
      targeting,
      rhsEvaluations: this.rhsEvaluations,
      steps: this.steps,
    };
  }

  /** A sample at an event (post-event state), kept in time order. */
  private pushEventSample(t: number): void {
    if (this.samples === null) return;
    this.pushSample(t, this.y);
    if (this.nextSampleS <= t) this.nextSampleS = t + this.sampleDt;
  }

  /** Sets the dynamics up for a plan (aero, laws, target, pitch programme). */
  private configure(plan: FlightPlan): void {
    const dyn = this.dyn;
    dyn.mode = MODE_COAST;
    dyn.drag = plan.launched ? plan.boostDrag : plan.coastDrag;
    dyn.lift = plan.lift;
    dyn.dragScale = plan.dragScale;
    dyn.liftScale = plan.liftScale;
    dyn.thrustVacN = 0;
    dyn.launchTimeS = plan.startTimeS;
    dyn.planeNormal.set(plan.planeNormal);
    const p = dyn.pitch;
    p.riseEndS = plan.pitch.riseEndS;
    p.kickEndS = plan.pitch.kickEndS;
    p.kickPitchRad = plan.pitch.kickPitchRad;
    p.finalPitchRad = plan.pitch.finalPitchRad;
    p.endS = plan.pitch.endS;
    if (plan.targetEcef !== null) dyn.setTarget(plan.targetEcef);
    const gl = dyn.glide;
    if (plan.glide !== null) {
      gl.pullUpAlphaRad = plan.glide.pullUpAlphaRad;
      gl.glideEndSpeedMps = plan.glide.glideEndSpeedMps;
      gl.diveRangeM = plan.glide.diveRangeM;
      gl.setBankMax(plan.glide.bankMaxRad);
      gl.headingGain = plan.glide.headingGain;
      gl.altitudeRateGain = plan.glide.altitudeRateGain;
      gl.navigationConstant = plan.glide.navigationConstant;
      this.dive.levelM = plan.glide.diveRangeM;
    }
    const m = plan.maneuver;
    gl.weaveAmplitudeRad = m.weaveAmplitudeRad;
    gl.weavePeriodS = m.weavePeriodS;
    gl.weaveStartS = m.weaveStartS;
    gl.jinkBankRad = m.jinkBankRad;
    gl.jinkStartS = m.jinkStartS;
    gl.jinkEndS = m.jinkEndS;
    gl.jinkRampS = m.jinkRampS;
    if (plan.cruise !== null) {
      const c = dyn.cruise;
      c.altitudeM = plan.cruise.altitudeM;
      c.speedMps = plan.cruise.speedMps;
      c.omegaRadS = plan.cruise.omegaRadS;
      c.damping = plan.cruise.damping;
      c.speedGain = plan.cruise.speedGain;
      c.maxThrustN = plan.cruise.maxThrustN;
      c.ispS = plan.cruise.ispS;
    }
  }
}
