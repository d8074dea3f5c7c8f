/**
 * A flight's output rows (result.ts FlightSamples: time, state, phase, altitude, Mach, thrust, surface
 * temperature) at a fixed interval, written as the flight's clock passes them, from its integrator's
 * dense output, so that stepping a flight in any increments writes the same rows as flying it whole
 * (flight.ts). Rows written ahead of the clock can be taken back. Cheap on purpose (a flight has about a
 * thousand rows): one air-data lookup a row gives Mach and the stagnation temperature.
 */
import type { DormandPrince54 } from "../../math/ode/index.js";
import type { FlightEarthModel } from "../earthModel.js";
import { stagnationTempK } from "../heating.js";
import type { FlightSamples } from "../result.js";
import type { FlightDynamics } from "./rightHandSide.js";

export class FlightSampleWriter {
  /** Time of the next row due, s (Infinity once the flight has ended). */
  nextS: number;
  private readonly air = new Float64Array(5);
  private readonly scratch = new Float64Array(7);

  constructor(
    readonly rows: FlightSamples,
    /** Interval between rows, s (> 0). */
    private readonly dtS: number,
    startS: number,
    private readonly earth: FlightEarthModel,
    private readonly dyn: FlightDynamics,
    private readonly dp: DormandPrince54,
    /** The flight's stagnation-heating coefficient (heating.ts; 0: none). */
    private readonly stagnationCoef: number,
  ) {
    this.nextS = startS;
  }

  /** Writes the rows due at or before t from the open step's dense output, in phase phaseIdx. */
  through(t: number, phaseIdx: number): void {
    const dt = this.dtS;
    while (this.nextS <= t) {
      const ts = this.nextS;
      this.push(ts, this.dp.interpolate(ts, this.scratch), phaseIdx);
      this.nextS = ts + dt;
    }
  }

  /** Writes the rows due before t (not at it: a row at t follows what happens there). */
  before(t: number, phaseIdx: number): void {
    const dt = this.dtS;
    while (this.nextS < t) {
      const ts = this.nextS;
      this.push(ts, this.dp.interpolate(ts, this.scratch), phaseIdx);
      this.nextS = ts + dt;
    }
  }

  /** A row now, at the state y at t (an event's state, or the end); the next due moves past t. */
  now(t: number, y: Float64Array, phaseIdx: number): void {
    this.push(t, y, phaseIdx);
    if (this.nextS <= t) this.nextS = t + this.dtS;
  }

  /**
   * One row. Thrust from the motors directly, or from an evaluation when a motor's thrust depends on the
   * other forces (an air-breathing engine holding speed against drag).
   */
  push(t: number, y: Float64Array, phaseIdx: number): void {
    const s = this.rows;
    const i = s.push(t, y, phaseIdx);
    let air: Float64Array;
    const dyn = this.dyn;
    if (dyn.thrustFromEvaluation) {
      // The thrust needs the right-hand side evaluated, and that evaluation computes the air data at
      // this same state (FlightContext.update): read it there rather than look it up a second time.
      s.thrustN[i] = dyn.thrustEvaluated(t, y);
      air = dyn.context.air;
    } else {
      air = this.earth.airInto(y, this.air) as Float64Array;
      s.thrustN[i] = dyn.thrustAt(t, y, air[2]);
    }
    const speed = Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]);
    s.altM[i] = air[0];
    s.mach[i] = air[4] > 0 ? speed / air[4] : 0;
    // Sutton-Graves flux and radiative equilibrium (heating.ts), folded into one coefficient per flight.
    s.surfaceTempK[i] = stagnationTempK(this.stagnationCoef, air[3], speed, air[1]);
  }

  /** Rows at or before clockS (those after it were written ahead of it). */
  shownAt(clockS: number): number {
    const s = this.rows;
    let n = s.count;
    while (n > 0 && s.timeS[n - 1] > clockS) n--;
    return n;
  }

  /** Keeps the first `rows` rows (the rest were written ahead): the next due is the first dropped. */
  keepFirst(rows: number): void {
    const s = this.rows;
    if (rows >= s.count) return;
    this.nextS = s.timeS[rows];
    s.count = rows;
  }

  /** Drops the rows at or after tS (a kill at tS: nothing is shown from it on). */
  dropFrom(tS: number): void {
    const s = this.rows;
    while (s.count > 0 && s.timeS[s.count - 1] >= tS) s.count--;
  }
}
