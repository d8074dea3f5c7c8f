/**
 * One entry point for every sensor kind: `observe(sensor, truths, timeS, rng)` returns the
 * detections of the looks due at `timeS` (none when no look is due), so the simulation loop needs
 * no knowledge of sensor internals. Each sensor keeps its own look schedule (`nextLookTimeS`).
 */
import type { TruthState } from "../flight/truth.js";
import type { Detection } from "./detection.js";
import type { IrConstellation } from "./infrared/irSensor.js";
import type { Radar } from "./radar/radar.js";
import type { SensorRandom } from "./stream.js";

export type Sensor = Radar | IrConstellation;

/** Detections from `sensor` at `timeS` (appended to `out` when given). `truths` must be at `timeS`. */
export function observe(
  sensor: Sensor,
  truths: readonly TruthState[],
  timeS: number,
  rng: SensorRandom,
  out: Detection[] = [],
): Detection[] {
  return sensor.observe(truths, timeS, rng, out);
}
