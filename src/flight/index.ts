/** Threat flight (src/flight): public API. */
export * from "./truth.js";
export { FlightRefusalError, type FlightRefusalField } from "./errors.js";
export * from "./constants.js";
export * from "./definitions.js";
export type { FlightEarthModel } from "./earthModel.js";
export { LiftDragTable, Table1D } from "./aero/table.js";
export { LiftDragRow } from "./aero/row.js";
export { DragModel, LiftDragModel, polarTable } from "./aero/models.js";
export * from "./propulsion.js";
export * from "./heating.js";
export * from "./kepler.js";
export * from "./result.js";
export { truthAt, createTruthState, phaseAt, type MutableTruthState } from "./truthAt.js";
export { surfaceDistanceM } from "./summary.js";
export { FlightRunner, REENTRY_ALTITUDE_M, DEFAULT_ATOL, DEFAULT_RTOL, type FlyOptions } from "./runner.js";
// The steppable propagator and its open roles.
export { Flight, DEFAULT_MAX_FLIGHT_TIME_S, type FlightOptions } from "./propagation/flight.js";
export { FlightContext, GuidanceCommand, LIFT_ALPHA, LIFT_CL, LIFT_NONE } from "./propagation/context.js";
export type {
  EventAction,
  FlightControl,
  FlightEndReason,
  FlightEventDetector,
  FlightEventHandler,
  ForceModel,
  GuidanceLaw,
  ScheduledEvent,
  TargetedGuidanceLaw,
} from "./propagation/types.js";
export {
  AltitudeCrossing,
  DynamicPressureCrossing,
  MassCrossing,
  RadialVelocityZero,
  RangeToGoCrossing,
  SpeedCrossing,
} from "./propagation/detectors.js";
export { GravityForce } from "./forces/gravity.js";
export { DragForce } from "./forces/drag.js";
export { LiftDragForce } from "./forces/liftDrag.js";
export { StagedMotorForce, stagedMotorEvents } from "./forces/motor.js";
export { CruiseEngineForce } from "./forces/cruiseEngine.js";
export { LateralAccelerationForce, type LateralAccelerationLimits } from "./forces/lateralAcceleration.js";
export { GlideKernelForce } from "./forces/glideKernel.js";
export { Aimpoint } from "./guidance/aimpoint.js";
export { PitchProgram, PitchProgramGuidance } from "./guidance/pitchProgram.js";
export { FixedAttitudeGuidance } from "./guidance/fixedAttitude.js";
export { GlideLaw } from "./guidance/glideLaw.js";
export { GlideGuidance } from "./guidance/glide.js";
export { CruiseGuidance, CruiseLaw } from "./guidance/cruise.js";
export { DiveGuidance } from "./guidance/dive.js";
export {
  ProportionalNavigation,
  type ProportionalNavigationOptions,
} from "./guidance/proportionalNavigation.js";
export { buildThreatFlight } from "./threatFlight.js";
export { buildPlan, defaultSteering, type BoostSteering, type Dispersions } from "./planBuilder.js";
export {
  TargetingCache,
  defaultTargetingCache,
  solveBallisticSteering,
  solveGliderBoost,
  steeringCacheKey,
  TARGETING_TOLERANCE_M,
  type SolvedSteering,
} from "./targeting.js";
export {
  createThreatFlight,
  flyThreat,
  threatSteering,
  resolveVehicle,
  runnerFor,
  type FlyThreatOptions,
} from "./fly.js";
export * from "./catalog/index.js";
