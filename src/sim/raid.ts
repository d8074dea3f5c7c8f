/**
 * A raid flown and observed: every threat flown alone (threats do not interact), then every sensor
 * looking at the truths at a fixed step. This is the sensing half of the engine loop; the tracker and the
 * battle manager consume its detections in arrival order.
 *
 * Randomness: each sensor draws from its own named stream `sensor:<id>` of (seed, run), so adding a
 * sensor or a threat changes no other sensor's draws, and the result does not depend on worker count.
 */
import type { FlightEarthModel } from "../flight/earthModel.js";
import type { ThreatDefinition } from "../flight/definitions.js";
import { flyThreat, type FlyThreatOptions } from "../flight/fly.js";
import type { FlightResult } from "../flight/result.js";
import { createTruthState, truthAt, type MutableTruthState } from "../flight/truthAt.js";
import type { TruthState } from "../flight/truth.js";
import { randomStream } from "../math/random.js";
import type { Detection } from "../sensors/detection.js";
import type { Sensor } from "../sensors/sensor.js";

export interface RaidFlight {
  readonly definition: ThreatDefinition;
  readonly result: FlightResult;
}

/** Flies each threat; the flight's id is the threat's id. */
export function flyRaid(
  definitions: readonly ThreatDefinition[],
  earth: FlightEarthModel,
  options: FlyThreatOptions = {},
): RaidFlight[] {
  return definitions.map((definition) => ({ definition, result: flyThreat(definition, earth, options) }));
}

/**
 * The truths of the threats in flight at `timeS` (launched, not yet impacted), written into the caller's
 * reusable states; returns the list of those in flight (a reused array).
 */
export class TruthBoard {
  private readonly states: MutableTruthState[];
  private readonly live: TruthState[] = [];

  constructor(private readonly flights: readonly FlightResult[]) {
    this.states = flights.map((f) => createTruthState(f.id, f.kind));
  }

  at(timeS: number): readonly TruthState[] {
    const live = this.live;
    live.length = 0;
    for (let i = 0; i < this.flights.length; i++) {
      const f = this.flights[i];
      if (timeS < f.startTimeS || timeS > f.endTimeS || f.samples.count === 0) continue;
      live.push(truthAt(f, timeS, this.states[i]));
    }
    return live;
  }
}

export interface SenseOptions {
  readonly startS: number;
  readonly endS: number;
  /** Truth step: sensors look at multiples of it, each on its own revisit schedule (default 1 s). */
  readonly stepS?: number;
  readonly seed: number;
  readonly run?: number;
}

/** Every detection of every sensor over [startS, endS], in measurement-time order within each step. */
export function senseRaid(
  flights: readonly FlightResult[],
  sensors: readonly Sensor[],
  options: SenseOptions,
): Detection[] {
  const stepS = options.stepS ?? 1;
  if (!(stepS > 0)) throw new RangeError(`senseRaid: stepS must be positive, given ${stepS}`);
  const board = new TruthBoard(flights);
  const streams = sensors.map((s) => randomStream(options.seed, options.run ?? 0, `sensor:${s.id}`));
  const out: Detection[] = [];
  const steps = Math.floor((options.endS - options.startS) / stepS + 1e-9);
  for (let k = 0; k <= steps; k++) {
    const t = options.startS + k * stepS;
    const truths = board.at(t);
    for (let i = 0; i < sensors.length; i++) sensors[i].observe(truths, t, streams[i], out);
  }
  return out;
}
