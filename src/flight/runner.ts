/**
 * The whole-flight call on a FlightPlan, kept as a thin loop over the steppable flight
 * (threatFlight.ts, propagation/flight.ts): build the flight, advance it to its end, return the result.
 *
 * A runner holds nothing of a flight but a hint for the size of the next one's sample columns (campaigns
 * fly similar flights), so it is re-entrant: every run builds its own flight and integrator.
 */
import type { FlightEarthModel } from "./earthModel.js";
import type { FlightPlan } from "./plan.js";
import type { FlightResult, TargetingReport } from "./result.js";
import { buildThreatFlight, type FlyOptions } from "./threatFlight.js";

export { REENTRY_ALTITUDE_M, type FlyOptions } from "./threatFlight.js";
export { DEFAULT_ATOL, DEFAULT_RTOL } from "./propagation/flight.js";

export class FlightRunner {
  readonly earth: FlightEarthModel;
  /** Rows of the last flight's samples (plus room): the next flight's initial capacity. */
  private sampleCapacity = 1024;

  constructor(earth: FlightEarthModel) {
    this.earth = earth;
  }

  /** Flies the plan to its end. `targeting` is attached to the result unchanged. */
  run(plan: FlightPlan, options: FlyOptions = {}, targeting: TargetingReport | null = null): FlightResult {
    const flight = buildThreatFlight(
      plan,
      this.earth,
      options.sampleCapacity !== undefined ? options : { ...options, sampleCapacity: this.sampleCapacity },
      targeting,
    );
    const res = flight.run();
    if (res.samples.count > 0) this.sampleCapacity = Math.max(256, res.samples.count + 16);
    return res;
  }
}
