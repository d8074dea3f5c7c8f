/**
 * A threat's flight as the engine sees it: something that advances with the clock, tells its truth at
 * the times sensors and the scorer ask for, and ends (impact, a timeout, or a kill).
 *
 * `LiveThreatFlight` (what `simulate` flies) steps the flight layer's propagation with the clock
 * (src/flight/propagation/flight.ts): it knows nothing of its future, and a kill ends it where it is.
 * `ReplayThreatFlight` flies the whole flight when built (src/flight `flyThreat`) and replays it from its
 * samples (cubic Hermite, src/flight/truthAt.ts), revealing its end only when the clock reaches it: the
 * same trajectory (stepping is bit-identical to flying whole), kept for studies that want the whole
 * flight first.
 */
import type { ThreatDefinition } from "../flight/definitions.js";
import type { FlightEarthModel } from "../flight/earthModel.js";
import { createThreatFlight, flyThreat } from "../flight/fly.js";
import type { Flight } from "../flight/propagation/flight.js";
import type { FlightEndReason } from "../flight/propagation/types.js";
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
  /** Whether it ended by coming down (impact) rather than by a time limit or a kill. */
  readonly impacted: boolean;
  /** How it ended (null while it flies). */
  readonly endReason: FlightEndReason | null;
  /** Ends the flight at timeS (a kill); false if it had already ended. */
  terminate(timeS: number, reason: string): boolean;
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

  get endReason(): FlightEndReason | null {
    if (Number.isNaN(this.endTimeS)) return null;
    return this.flown.summary.impacted ? "impact" : "timeout";
  }

  terminate(): boolean {
    throw new RangeError(`ReplayThreatFlight ${this.id}: a replayed flight cannot be ended early`);
  }

  truthInto(timeS: number, out: MutableTruthState): MutableTruthState {
    return truthAt(this.flown, timeS, out);
  }

  result(): FlightResult {
    return this.flown;
  }
}

export class LiveThreatFlight implements ThreatFlight {
  readonly id: string;
  readonly kind: VehicleKind;
  readonly startTimeS: number;
  readonly flight: Flight;

  /** `endTimeS`: the run's end (the flight stops there at the latest, with a timeout event). */
  constructor(definition: ThreatDefinition, earth: FlightEarthModel, endTimeS: number) {
    // Enough steps of dense output for the truth of the last tracker updates (within its lateness).
    this.flight = createThreatFlight(definition, earth, { sampleIntervalS: 1, endTimeS, historySteps: 8 });
    this.id = this.flight.id;
    this.kind = this.flight.kind;
    this.startTimeS = this.flight.startTimeS;
  }

  advanceTo(timeS: number): void {
    const f = this.flight;
    if (!f.ended && timeS > f.timeS) f.advanceTo(timeS);
  }

  get endTimeS(): number {
    return this.flight.ended ? this.flight.timeS : NaN;
  }

  get impacted(): boolean {
    return this.flight.endReason === "impact";
  }

  get endReason(): FlightEndReason | null {
    return this.flight.endReason;
  }

  terminate(timeS: number, reason: string): boolean {
    return this.flight.terminate(timeS, reason);
  }

  truthInto(timeS: number, out: MutableTruthState): MutableTruthState {
    const f = this.flight;
    // The flight answers from its last change of forces or guidance on (its dense output); an earlier
    // time (the scorer asks for a track update's time, up to the tracker's lateness back) comes from
    // its samples, by the same interpolation a replay uses.
    if (timeS >= f.truthValidFromS || timeS > f.timeS) return f.truthInto(timeS, out);
    return truthAt(f.result(), timeS, out);
  }

  result(): FlightResult {
    return this.flight.result();
  }
}
