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
export { FlightRunner, REENTRY_ALTITUDE_M, type FlyOptions } from "./runner.js";
export { PointMassDynamics } from "./dynamics.js";
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
export { flyThreat, threatSteering, resolveVehicle, runnerFor, type FlyThreatOptions } from "./fly.js";
export * from "./catalog/index.js";
