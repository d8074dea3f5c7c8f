/**
 * The whole-flight call on a FlightPlan, kept as a thin loop over the steppable flight
 * (threatFlight.ts, propagation/flight.ts): build the flight, advance it to its end, return the result.
 *
 * A runner holds nothing of a flight but a hint for the size of the next one's sample columns (campaigns
 * fly similar flights) and an integrator it lends to one flight at a time (a run flies its flight to the
 * end before it returns; a run started while the integrator is lent builds its own), so it is re-entrant.
 */
import { DormandPrince54 } from "../math/ode/index.js";
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
  /** The integrator lent to the flight being run (null while lent). */
  private integrator: DormandPrince54 | null = new DormandPrince54(7, { historySteps: 4 });

  constructor(earth: FlightEarthModel) {
    this.earth = earth;
  }

  /** Flies the plan to its end. `targeting` is attached to the result unchanged. */
  run(plan: FlightPlan, options: FlyOptions = {}, targeting: TargetingReport | null = null): FlightResult {
    const lent = this.integrator;
    this.integrator = null;
    try {
      const flight = buildThreatFlight(
        plan,
        this.earth,
        {
          ...options,
          ...(options.sampleCapacity === undefined ? { sampleCapacity: this.sampleCapacity } : {}),
          ...(lent !== null && options.integrator === undefined && (options.historySteps ?? 4) <= 4
            ? { integrator: lent }
            : {}),
        },
        targeting,
      );
      const res = flight.run();
      if (res.samples.count > 0) this.sampleCapacity = Math.max(256, res.samples.count + 16);
      return res;
    } finally {
      if (lent !== null) this.integrator = lent;
    }
  }
}
