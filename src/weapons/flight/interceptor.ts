/**
 * An interceptor missile in flight, on the flight layer's steppable propagator.
 *
 * Forces: gravity with the rotating-frame terms; the stack's drag (its C_D(Mach) table); the staged
 * motor (the flight layer's StagedMotorForce and its scheduled ignition, staging and burnout events:
 * thrust T_vac - p A_e along the velocity, each stage's dry mass dropped at separation); and a
 * lateral-acceleration force within the stack's limit (load factor, q C_N S / m: thinner air, less
 * agility). At the last burnout the payload takes over: its own drag and lateral limit (a kill vehicle's
 * divert thrusters), and a separating kill vehicle leaves the last stage's dry mass behind (the state's
 * mass set to the kill vehicle's).
 *
 * Guidance, switched by the engagement:
 * - vertical rise out of the launch cell (thrust along the local vertical) for `verticalRiseS`;
 * - midcourse: zero-effort-miss steering with gravity to the predicted intercept point
 *   (guidance/zemGuidance.ts), a point at rest re-solved at each track update (guidance/midcourse.ts;
 *   Flight.setTarget restarts the integration there), tilting the thrust while a motor burns;
 * - terminal homing after seeker acquisition: true PN (or APN) on the homing estimator's target state.
 */
import { finiteArg, finiteVec3Arg } from "../../math/check.js";
import { DragModel } from "../../flight/aero/models.js";
import type { FlightEarthModel } from "../../flight/earthModel.js";
import { DragForce } from "../../flight/forces/drag.js";
import { GravityForce } from "../../flight/forces/gravity.js";
import { StagedMotorForce, stagedMotorEvents } from "../../flight/forces/motor.js";
import { ProportionalNavigation } from "../../flight/guidance/proportionalNavigation.js";
import { Flight } from "../../flight/propagation/flight.js";
import type {
  EventAction,
  FlightEventDetector,
  ForceModel,
  ScheduledEvent,
} from "../../flight/propagation/types.js";
import { burnSchedule, stackMassKg } from "../../flight/propulsion.js";
import { idealDeltaVMps } from "../../flight/propulsion.js";
import type { InterceptorDefinition } from "../definitions.js";
import { ZemGuidance } from "../guidance/zemGuidance.js";
import { weaponFlightRunOptions, type WeaponFlightRunOptions } from "./runOptions.js";
import { lateralForceOf, VerticalRiseGuidance } from "./forces.js";

/**
 * Fraction of the ideal velocity increment a missile is taken to average to its target when the time to
 * go is estimated from its range (gravity and drag losses, and the slow start) [N].
 */
export const PLANNING_SPEED_FRACTION = 0.6;

export interface InterceptorLaunch extends WeaponFlightRunOptions {
  readonly id: string;
  readonly definition: InterceptorDefinition;
  readonly earth: FlightEarthModel;
  readonly startTimeS: number;
  /** The launcher's position and velocity (a ship's), ECEF. */
  readonly launcherPosEcefM: ArrayLike<number>;
  readonly launcherVelEcefMps: ArrayLike<number>;
  readonly detectors?: readonly FlightEventDetector[];
}

export interface InterceptorFlight {
  readonly flight: Flight;
  readonly midcourse: ZemGuidance;
  readonly terminal: ProportionalNavigation;
  /** Time the vertical rise ends and midcourse guidance may start, s. */
  readonly riseEndS: number;
  /** Time of the last burnout (the payload's separation), s. */
  readonly burnoutS: number;
  /** Every scheduled time of the flight (ignitions, burn ends, rise end), s: changes from outside keep
   *  clear of them (engagement/rounds.ts). */
  readonly scheduledTimesS: readonly number[];
}

export function createInterceptorFlight(o: InterceptorLaunch): InterceptorFlight {
  const def = o.definition;
  const earth = o.earth;
  finiteArg(`interceptor ${o.id}`, "launch.startTimeS", o.startTimeS);
  finiteVec3Arg(`interceptor ${o.id}`, "launch.launcherPosEcefM", o.launcherPosEcefM);
  finiteVec3Arg(`interceptor ${o.id}`, "launch.launcherVelEcefMps", o.launcherVelEcefMps);
  const payloadMass = def.payload.massKg;
  const m0 = stackMassKg(def.stages, payloadMass);
  const motor = new StagedMotorForce();
  const gravity = new GravityForce(earth);
  const stackForces: ForceModel[] = [gravity, new DragForce(new DragModel(def.aero)), motor];
  const stackLateral = lateralForceOf(def.lateralLimit, m0);
  if (stackLateral !== null) stackForces.push(stackLateral);
  const payloadForces: ForceModel[] = [gravity, new DragForce(new DragModel(def.payload.aero))];
  const payloadLateral = lateralForceOf(def.payload.lateralLimit, payloadMass);
  if (payloadLateral !== null) payloadForces.push(payloadLateral);

  const riseEndS = o.startTimeS + def.guidance.verticalRiseS;
  const burns = burnSchedule(def.stages);
  const burnoutS = o.startTimeS + burns[burns.length - 1].endS;
  const midcourse = new ZemGuidance({
    motor,
    thrustVectorMaxRad: def.guidance.thrustVectorMaxRad,
    planningSpeedMps: PLANNING_SPEED_FRACTION * idealDeltaVMps(def.stages, payloadMass),
  });
  const terminal = new ProportionalNavigation({
    navigationRatio: def.guidance.navigationRatio,
    augmented: def.guidance.augmented,
  });
  const scheduled: ScheduledEvent[] = [...stagedMotorEvents(motor, def.stages, o.startTimeS)];
  // After the motor's own burnout handler (scheduled first at that time): the payload takes over.
  scheduled.push({
    timeS: burnoutS,
    handle: (f, _t, y): EventAction => {
      f.setForces(payloadForces);
      f.setPhase("midcourse");
      if (def.payload.separates) {
        y[6] = payloadMass;
        f.record("staging", "kill vehicle separates");
        return "reset-state";
      }
      return "reset-derivatives";
    },
  });
  if (def.guidance.verticalRiseS > 0) {
    scheduled.push({
      timeS: riseEndS,
      handle: (f): EventAction => {
        // Midcourse steering starts here (its target is supplied by the engagement).
        if (f.guidance instanceof VerticalRiseGuidance) f.setGuidance(midcourse);
        return "reset-derivatives";
      },
    });
  }
  const y0 = [
    o.launcherPosEcefM[0],
    o.launcherPosEcefM[1],
    o.launcherPosEcefM[2],
    o.launcherVelEcefMps[0],
    o.launcherVelEcefMps[1],
    o.launcherVelEcefMps[2],
    m0,
  ];
  const flight = new Flight({
    id: o.id,
    kind: "interceptor",
    vehicleName: def.name,
    earth,
    startTimeS: o.startTimeS,
    initialState: y0,
    forces: stackForces,
    guidance: def.guidance.verticalRiseS > 0 ? new VerticalRiseGuidance() : midcourse,
    detectors: o.detectors,
    scheduled,
    phase: "boost",
    ...weaponFlightRunOptions(o, def.envelope.maxTimeOfFlightS),
    noseRadiusM: 0.05,
    impactAltM: Math.min(0, earth.altitudeM(y0) - 1),
  });
  return { flight, midcourse, terminal, riseEndS, burnoutS, scheduledTimesS: scheduled.map((e) => e.timeS) };
}
