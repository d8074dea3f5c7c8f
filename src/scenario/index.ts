/**
 * Scenario files: YAML with units, validated against schemas declared once (zod), with every problem
 * reported by file, line, column and field path.
 */
export { loadScenario, type LoadOptions } from "./load.js";
export {
  ScenarioError,
  type ScenarioIssue,
  formatIssue,
  formatIssues,
  escapeControls,
  MAX_LISTED_ISSUES,
} from "./errors.js";
export { SCENARIO_LIMITS } from "./limits.js";
export { unsimulatedWarnings } from "./unsimulated.js";
export { feasibilityIssues, MIN_TARGET_RANGE_M } from "./feasibility.js";
export {
  analyseScenario,
  locateWarnings,
  formatWarning,
  type ScenarioWarning,
  type LocatedWarning,
} from "./analyse.js";
export type { ScenarioCatalog } from "./crossref.js";
export { scenarioSchema, type Scenario } from "./schema/scenario.js";
export { environmentSchema, type Environment } from "./schema/environment.js";
export { assetSchema, type Asset } from "./schema/assets.js";
export {
  threatSchema,
  type Threat,
  type VehicleRef,
  type InlineVehicle,
  type Target,
  type Maneuver,
  type Trajectory,
} from "./schema/threats.js";
export {
  sensorSchema,
  type Sensor,
  type RadarSensor,
  type InfraredConstellation,
  type Walker,
} from "./schema/sensors.js";
export { weaponSchema, type Weapon, type Railgun, type InterceptorBattery } from "./schema/weapons.js";
export { trackingSchema, type Tracking } from "./schema/tracking.js";
export { doctrineSchema, type Doctrine } from "./schema/doctrine.js";
export { uncertaintySchema, type Uncertainty, type Distribution } from "./schema/uncertainty.js";
export { fieldMeta, fieldRegistry, type FieldMeta } from "./fields/meta.js";
export type { GeoPoint, TrackPoint } from "./fields/geo.js";
export {
  type Dimension,
  DIMENSIONS,
  parseQuantity,
  toSI,
  unitsOf,
  formatSI,
  type QuantityResult,
} from "./units.js";
