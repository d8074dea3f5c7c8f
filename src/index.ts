/**
 * Raijin public library surface (docs/design.md, "Public surface"): the layers' own index files, plus the
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
export { simulate, type RunResult, type SimulateOptions } from "./sim/run.js";
export type { ThreatRunSummary, ThreatOutcome, PhaseConsistency } from "./sim/summaries.js";
export type { TrackSample, TrackSampleColumns } from "./sim/trackSamples.js";
export type { World, WorldAsset, WorldDescription } from "./sim/world.js";
export { buildWorld, simulateScenario, type ScenarioRun } from "./scenario/build/world.js";
export { flyRaid, senseRaid, TruthBoard, type RaidFlight, type SenseOptions } from "./sim/raid.js";
export type { SimEvent, SimEventType } from "./sim/events.js";
export { homingLoop, type HomingLoopOptions, type HomingLoopResult } from "./weapons/index.js";
