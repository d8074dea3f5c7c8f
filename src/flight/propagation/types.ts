/**
 * The open roles of the flight propagator (propagation/flight.ts), each an interface any module may
 * implement without editing the propagator:
 * - ForceModel: one force (or a group of forces) adding its acceleration and mass flow;
 * - GuidanceLaw: turns the state (and, for homing laws, a target supplied from outside) into a command
 *   the steered forces read;
 * - FlightEventDetector: a switching function located by the integrator and a handler that says what
 *   happens at the event (Orekit's EventDetector and EventHandler.Action);
 * - ScheduledEvent: the same for a time known in advance (ignition, staging, a pitch-programme kink, a
 *   retarget), which ends an integration segment exactly.
 *
 * Rules every implementation keeps (the integrator relies on them): within an integration step the
 * right-hand side is a smooth function of (t, y): a force or a law changes its configuration only in an
 * event handler (or through the flight's methods between advances), never inside an evaluation; and an
 * evaluation allocates nothing.
 */
import type { FlightEventType } from "../result.js";
import type { FlightPhase } from "../truth.js";
import type { FlightContext, GuidanceCommand } from "./context.js";

/**
 * One force model. `accumulate` adds its acceleration (m/s^2, ECEF, the rotating frame) into acc[0..2]
 * and its mass flow (kg/s consumed, >= 0) into acc[3]. It runs before the guidance law (guided false:
 * gravity, a body's drag) or after it (guided true: it reads the command: thrust direction, lift, a
 * lateral acceleration), in the order the flight's list gives within each group.
 */
export interface ForceModel {
  /** Short name (diagnostics and documentation). */
  readonly name: string;
  /** Whether the force reads the guidance command (then it runs after the law). */
  readonly guided: boolean;
  /** Whether it reads ctx's air data (altitude, atmosphere, speed, Mach, dynamic pressure). */
  readonly needsAir: boolean;
  /** Whether it produces thrust (it then adds its thrust to ctx.thrustN). */
  readonly propulsive?: boolean;
  accumulate(ctx: FlightContext, cmd: GuidanceCommand, tS: number, y: Float64Array, acc: Float64Array): void;
  /**
   * Optional: thrust at this ambient pressure without an evaluation (N), for samples and truth; a
   * propulsive force without it is asked through a full evaluation (its thrust depends on other forces).
   */
  thrustAtPressureN?(pressurePa: number): number;
  /**
   * Optional: the whole derivative dy/dt of a flight in one flat function (a hand-inlined kernel that
   * includes gravity and its own guidance). Used when the force is the flight's only force and the flight
   * has no guidance law; it must equal what `accumulate` adds (bit for bit, for the kernel in this layer).
   */
  derivativesInto?(
    ctx: FlightContext,
    cmd: GuidanceCommand,
    tS: number,
    y: Float64Array,
    dydt: Float64Array,
  ): void;
}

/** A guidance law: writes the command of one evaluation (a smooth function of t and y within a step). */
export interface GuidanceLaw {
  readonly name: string;
  /** Whether it reads ctx's air data. */
  readonly needsAir: boolean;
  command(ctx: FlightContext, tS: number, y: Float64Array, cmd: GuidanceCommand): void;
  /**
   * Optional: a counter the law increases whenever it is changed from outside between advances (a target
   * update): the flight sees it at its next advance and restarts its integration there, since the
   * right-hand side has changed (see Flight.setTarget, the direct way).
   */
  readonly revision?: number;
}

/** A homing law: the target's state is supplied from outside (a track, another flight's truth). */
export interface TargetedGuidanceLaw extends GuidanceLaw {
  /**
   * The target's position (m), velocity (m/s) and acceleration (m/s^2, or null: zero), ECEF, at timeS;
   * between updates the law extrapolates them (constant acceleration) so the right-hand side stays smooth.
   */
  setTarget(
    posEcefM: ArrayLike<number>,
    velEcefMps: ArrayLike<number>,
    accEcefMps2: ArrayLike<number> | null,
    timeS: number,
  ): void;
}

/**
 * What happens at an event (Orekit's EventHandler.Action):
 * - "continue": nothing changes (the event is recorded, a phase relabelled); integration goes on;
 * - "reset-derivatives": the forces, the guidance or their settings changed: the integration restarts at
 *   the event time from the same state;
 * - "reset-state": the state was changed by the handler (a stage's mass dropped): restart from it;
 * - "stop": the flight ends at the event time (use Flight.stop(reason) to give the reason).
 * A handler that changes the flight's forces, guidance or detectors and returns "continue" is treated as
 * "reset-derivatives" (the propagator sees the change).
 */
export type EventAction = "continue" | "reset-derivatives" | "reset-state" | "stop";

/** The part of a flight an event handler acts through (implemented by Flight). */
export interface FlightControl {
  readonly id: string;
  readonly timeS: number;
  /** The flight's phase at its current time. */
  readonly phase: FlightPhase;
  readonly forces: readonly ForceModel[];
  readonly guidance: GuidanceLaw | null;
  /** Records an event (its state is the flight's current state, after any change the handler made). */
  record(type: FlightEventType, detail?: string): void;
  /** Starts a phase at the current time (no effect when it is the current phase). */
  setPhase(phase: FlightPhase): void;
  /** Pushes an output sample of the current state now (a post-event sample). */
  sampleNow(): void;
  setForces(forces: readonly ForceModel[]): void;
  setGuidance(law: GuidanceLaw | null): void;
  /** Replaces the detectors (the flight's impact detector, when it has one, is kept). */
  setDetectors(detectors: readonly FlightEventDetector[]): void;
  /** Adds a scheduled event (a time at or after the current one). */
  schedule(event: ScheduledEvent): void;
  /** Removes scheduled events that have not happened yet. */
  cancel(events: readonly ScheduledEvent[]): void;
  /** Ends the flight at the current time with a reason; returns "stop" for the handler to return. */
  stop(reason: FlightEndReason): EventAction;
}

/**
 * Handles an event at tS; y is the flight's state there (the handler may change it and return
 * "reset-state").
 */
export type FlightEventHandler = (flight: FlightControl, tS: number, y: Float64Array) => EventAction;

/** A state event: a switching function located by the integrator, and its handler. */
export interface FlightEventDetector {
  g(tS: number, y: Float64Array): number;
  readonly direction: 1 | -1 | 0;
  /** See SwitchingFunction.maxCheckS (src/math/ode/types.ts). */
  readonly maxCheckS?: number;
  handle: FlightEventHandler;
}

/** A time event: the integration segment ends exactly there and the handler runs. */
export interface ScheduledEvent {
  readonly timeS: number;
  handle: FlightEventHandler;
}

/**
 * Why a flight ended: it reached the surface; it outlived its time limit (a `timeout` event says whether
 * it was in orbit or still flying); it was terminated from outside (a kill); or a handler stopped it
 * (e.g. the boost planner's flights stop at the end of the pull-up).
 */
export type FlightEndReason = "impact" | "timeout" | "terminated" | "stopped";
