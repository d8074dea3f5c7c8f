/**
 * Raijin public library surface (DESIGN.md, "Public surface"): the layers' own index files, plus the
 * run entry points. Everything here is pure (no Node imports) and runs in a browser too.
 */
export * from "./math/index.js";
export * from "./earth/index.js";
export * from "./flight/index.js";
export * from "./sensors/index.js";
export * from "./tracking/index.js";
// The scenario's `Sensor` is the sensor section of a file; the sensor layer's `Sensor` (an object that
// observes) keeps the name at the root, and the file's type is `ScenarioSensor` here.
export * from "./scenario/index.js";
export type { Sensor as ScenarioSensor } from "./scenario/index.js";
export type { Sensor } from "./sensors/index.js";
export {
  simulate,
  type RunResult,
  type SimulateOptions,
  type ThreatRunSummary,
  type TrackSample,
} from "./sim/run.js";
export { flyRaid, senseRaid, TruthBoard, type RaidFlight, type SenseOptions } from "./sim/raid.js";
export type { SimEvent, SimEventType } from "./sim/events.js";
export { homingLoop, type HomingLoopOptions, type HomingLoopResult } from "./weapons/index.js";
