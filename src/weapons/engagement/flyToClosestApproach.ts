/**
 * Advances a flight against a moving target until the two have passed their closest approach, and
 * locates it in continuous time (closestApproach.ts on the flight's dense output and the target's
 * state source): the flight is advanced in increments of `stepS` while the range rate
 * (r_T - r) . (v_T - v) stays negative; in the increment where it turns positive the minimum is found
 * by Brent's method. The flight keeps the dense output of its last few integration steps, which covers
 * the last increment. Stops early (no approach: found = false) when the flight ends or tMaxS is reached
 * while still closing.
 */
import type { Flight } from "../../flight/propagation/flight.js";
import { ClosestApproachFinder, type ClosestApproach, type StateSource } from "./closestApproach.js";

const Y = new Float64Array(7);

export function flightSource(flight: Flight): StateSource {
  return (tS, pos, vel) => {
    if (tS > flight.timeS || tS < flight.historyStartS) return false;
    flight.stateAt(tS, Y);
    pos[0] = Y[0];
    pos[1] = Y[1];
    pos[2] = Y[2];
    vel[0] = Y[3];
    vel[1] = Y[4];
    vel[2] = Y[5];
    return true;
  };
}

export class ApproachTracker {
  private readonly finder = new ClosestApproachFinder();
  private readonly tp = new Float64Array(3);
  private readonly tv = new Float64Array(3);
  private readonly fy = new Float64Array(7);

  /** (r_T - r) . (v_T - v) at the flight's current time (NaN without a target state). */
  rangeRate(flight: Flight, target: StateSource): number {
    const t = flight.timeS;
    if (!target(t, this.tp, this.tv)) return NaN;
    const y = flight.stateAt(t, this.fy);
    let s = 0;
    for (let c = 0; c < 3; c++) s += (this.tp[c] - y[c]) * (this.tv[c] - y[3 + c]);
    return s;
  }

  /** Distance from the flight to the target at the flight's time (NaN without a target state). */
  distance(flight: Flight, target: StateSource): number {
    const t = flight.timeS;
    if (!target(t, this.tp, this.tv)) return NaN;
    const y = flight.stateAt(t, this.fy);
    return Math.hypot(this.tp[0] - y[0], this.tp[1] - y[1], this.tp[2] - y[2]);
  }

  /**
   * Locates the closest approach in [t0S, t1S] (within the flight's kept steps) into out (B - A = target
   * minus flight).
   */
  locate(
    flight: Flight,
    target: StateSource,
    t0S: number,
    t1S: number,
    out: ClosestApproach,
  ): ClosestApproach {
    return this.finder.find(flightSource(flight), target, t0S, t1S, Math.max((t1S - t0S) / 4, 1e-6), out);
  }

  /** Advances the flight to its closest approach of the target (see the file comment). */
  fly(
    flight: Flight,
    target: StateSource,
    stepS: number,
    tMaxS: number,
    out: ClosestApproach,
  ): ClosestApproach {
    out.found = false;
    let tPrev = flight.timeS;
    let g = this.rangeRate(flight, target);
    while (!flight.ended && flight.timeS < tMaxS) {
      tPrev = flight.timeS;
      flight.advanceTo(Math.min(tMaxS, flight.timeS + stepS));
      const gn = this.rangeRate(flight, target);
      if (g === g && g < 0 && gn >= 0) return this.locate(flight, target, tPrev, flight.timeS, out);
      if (gn !== gn) return out;
      g = gn;
    }
    if (flight.ended && g === g && g < 0) {
      // Ended (impact, timeout) while still closing: the end is the closest point.
      return this.locate(flight, target, tPrev, flight.timeS, out);
    }
    return out;
  }
}
