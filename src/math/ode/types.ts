/**
 * Shared types of the ODE integrators (src/math/ode).
 *
 * Conventions (see docs/design.md "Hot loops"): the state is a Float64Array of a fixed dimension chosen
 * when the stepper is built; the right-hand side writes its derivative into a caller-owned array and
 * must allocate nothing; time is in seconds.
 */

/**
 * Right-hand side of y' = f(t, y). Writes f(tS, y) into `dydt` (same length as `y`). Must not keep
 * references to `y` or `dydt` (the integrator reuses them) and must not modify `y`.
 */
export type OdeRhs = (tS: number, y: Float64Array, dydt: Float64Array) => void;

/**
 * A switching function: an event is a root of g(t, y(t)) crossed in `direction` (Orekit's
 * EventDetector.g, Hairer-Nørsett-Wanner II.6 "dense output and event location"). The integrator
 * evaluates `g` at every accepted step end and, when its sign changes in the wanted direction,
 * locates the root on the dense output. What happens at the event is the user's: an EventDetector
 * (below) says it for `integrate`; a propagator driving the stepper handles it itself.
 */
export interface SwitchingFunction {
  /** Switching function; the event is a root of g(t, y(t)). Must not modify `y`. */
  g(tS: number, y: Float64Array): number;
  /** +1: only g rising through 0 (as t increases); -1: only falling; 0: both. */
  readonly direction: 1 | -1 | 0;
  /**
   * Optional largest interval (s) between evaluations of g inside a step (Orekit's maxCheck). By
   * default g is evaluated only at step ends, so two roots inside one step cancel out and are
   * missed; with maxCheckS, g is also sampled on the dense output (no extra rhs evaluations) so
   * that any pair of roots further apart than maxCheckS is resolved. Use it for crossings the
   * trajectory may make twice in quick succession (an altitude level near apogee).
   */
  readonly maxCheckS?: number;
}

/** An event detector for `integrate`: a switching function and what the integration does at its events. */
export interface EventDetector extends SwitchingFunction {
  /** true: stop the integration at the event (then change the dynamics and restart); false: record. */
  terminal: boolean;
  /**
   * Optional: called once per located event, in time order, with the state interpolated at the
   * event time. `y` is a scratch buffer valid only during the call (copy what you keep).
   */
  onEvent?(tS: number, y: Float64Array): void;
}

/**
 * The continuous extension of one accepted step, valid on [t0S, t1S] (t1S is the step end, or the
 * terminal event time when a terminal event cut the step short).
 */
export interface DenseOutput {
  readonly t0S: number;
  readonly t1S: number;
  /** Writes y(tS) into `out` (length = dimension) and returns it; tS should lie in [t0S, t1S]. */
  interpolate(tS: number, out: Float64Array): Float64Array;
}

/** Called once per accepted step, after the events of that step were handled. */
export type StepCallback = (step: DenseOutput) => void;

/** Thrown when an integration cannot proceed (too many steps, step size underflow, bad input). */
export class OdeError extends Error {
  constructor(
    message: string,
    /** Time reached when the integrator gave up (s). */
    readonly tS: number,
  ) {
    super(message);
    this.name = "OdeError";
  }
}
