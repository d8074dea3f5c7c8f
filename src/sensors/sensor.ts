/**
 * The sensor role: anything that looks at the truth and reports detections. An open interface, so a new
 * kind (an interceptor's seeker, a fire-control radar) is a new class, not an edit of a union switched
 * on elsewhere: the simulation loop schedules looks at each sensor's own `nextLookTimeS` and delivers
 * the detections `latencyS` later; each detection carries its own measurement model and initiation
 * (./detection.ts, ./measurement.ts), so the tracker needs nothing else from the sensor.
 * The built-in kinds are `Radar` (./radar/radar.ts) and `IrConstellation` (./infrared/irSensor.ts).
 */
import type { TruthState } from "../flight/truth.js";
import { finiteArg } from "../math/check.js";
import type { Detection } from "./detection.js";
import type { SensorRandom } from "./stream.js";

export interface Sensor {
  /** Sensor id, used in events and as the name of its random stream (`sensor:<id>`). A constellation's
   *  detections carry `<id>/<satellite>`. */
  readonly id: string;
  /** Delay from a look to its detections reaching the tracker, s (each detection's arrivalTimeS -
   *  timeS). */
  readonly latencyS: number;
  /** Time of the next scheduled look, s (Infinity when none is scheduled). */
  readonly nextLookTimeS: number;
  /**
   * Looks if a look is due at `timeS` (at or after `nextLookTimeS`), appending the detections to `out`
   * (stamped `timeS`) and scheduling the next look; does nothing otherwise. `truths` are the objects in
   * flight, all at `timeS`; every draw comes from `rng` (the sensor's own named stream).
   */
  observe(truths: readonly TruthState[], timeS: number, rng: SensorRandom, out?: Detection[]): Detection[];
  /** Back to the state before the first look (a sensor object can then serve another run). */
  reset(): void;
}

/** Detections from `sensor` at `timeS` (appended to `out` when given). `truths` must be at `timeS`. */
export function observe(
  sensor: Sensor,
  truths: readonly TruthState[],
  timeS: number,
  rng: SensorRandom,
  out: Detection[] = [],
): Detection[] {
  finiteArg("observe", "timeS", timeS);
  return sensor.observe(truths, timeS, rng, out);
}
