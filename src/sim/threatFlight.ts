/**
 * A threat's flight as the engine sees it: something that advances with the clock, tells its truth at
 * the times sensors and the scorer ask for, and ends (impact, a timeout, or later a kill).
 *
 * `ReplayThreatFlight` flies the whole flight when built (src/flight `flyThreat`) and replays it: the
 * truth at any time by cubic Hermite interpolation of its samples (src/flight/truthAt.ts). Its end is
 * revealed only when the clock reaches it, so the loop cannot look ahead.
 */
import type { ThreatDefinition } from "../flight/definitions.js";
import type { FlightEarthModel } from "../flight/earthModel.js";
import { flyThreat } from "../flight/fly.js";
import type { FlightResult } from "../flight/result.js";
import type { VehicleKind } from "../flight/truth.js";
import { truthAt, type MutableTruthState } from "../flight/truthAt.js";

export interface ThreatFlight {
  readonly id: string;
  readonly kind: VehicleKind;
  /** Launch (or burnout-start) time, s. */
  readonly startTimeS: number;
  /** Advances the flight to timeS (nothing past its end). */
  advanceTo(timeS: number): void;
  /** The end time once the flight has ended by the time it was advanced to; NaN while it flies. */
  readonly endTimeS: number;
  /** Whether it ended by coming down (impact) rather than by a time limit. */
  readonly impacted: boolean;
  /** The truth at timeS, for any time from its start to the time it was advanced to. */
  truthInto(timeS: number, out: MutableTruthState): MutableTruthState;
  /** The flight so far (all of it once ended): samples, events, phases, summary. */
  result(): FlightResult;
}

export class ReplayThreatFlight implements ThreatFlight {
  readonly id: string;
  readonly kind: VehicleKind;
  readonly startTimeS: number;
  private readonly flown: FlightResult;
  private reachedS = -Infinity;

  constructor(definition: ThreatDefinition, earth: FlightEarthModel, maxFlightTimeS: number) {
    this.flown = flyThreat(definition, earth, { sampleIntervalS: 1, maxFlightTimeS });
    this.id = this.flown.id;
    this.kind = this.flown.kind;
    this.startTimeS = this.flown.startTimeS;
  }

  advanceTo(timeS: number): void {
    if (timeS > this.reachedS) this.reachedS = timeS;
  }

  get endTimeS(): number {
    return this.reachedS >= this.flown.endTimeS ? this.flown.endTimeS : NaN;
  }

  get impacted(): boolean {
    return this.flown.summary.impacted;
  }

  truthInto(timeS: number, out: MutableTruthState): MutableTruthState {
    return truthAt(this.flown, timeS, out);
  }

  result(): FlightResult {
    return this.flown;
  }
}
