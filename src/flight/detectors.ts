/**
 * Switching functions of the flight events (src/math/ode EventDetector): located by the integrator on
 * its dense output, so event times are exact to the root-finding tolerance, not to a step.
 */
import type { EventDetector } from "../math/ode/index.js";
import type { PointMassDynamics } from "./dynamics.js";

type Handler = (tS: number, y: Float64Array) => void;

/** Altitude falling through a level (impact, re-entry level). */
export class AltitudeDown implements EventDetector {
  direction = -1 as const;
  terminal: boolean;
  maxCheckS?: number;
  levelM = 0;
  onEvent?: Handler;
  constructor(
    private readonly dyn: PointMassDynamics,
    terminal: boolean,
    maxCheckS?: number,
  ) {
    this.terminal = terminal;
    if (maxCheckS !== undefined) this.maxCheckS = maxCheckS;
  }
  g(_tS: number, y: Float64Array): number {
    return this.dyn.earth.altitudeM(y) - this.levelM;
  }
}

/** Geocentric radial velocity r.v crossing zero: falling = apogee, rising = end of a pull-up. */
export class RadialVelocityZero implements EventDetector {
  direction: 1 | -1;
  terminal: boolean;
  onEvent?: Handler;
  constructor(direction: 1 | -1, terminal: boolean) {
    this.direction = direction;
    this.terminal = terminal;
  }
  g(_tS: number, y: Float64Array): number {
    const r = Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
    return (y[0] * y[3] + y[1] * y[4] + y[2] * y[5]) / r;
  }
}

/** Dynamic pressure rising through a level (start of the pull-up). */
export class DynamicPressureUp implements EventDetector {
  direction = 1 as const;
  terminal = false;
  levelPa = 1000;
  onEvent?: Handler;
  private readonly atm = new Float64Array(4);
  constructor(private readonly dyn: PointMassDynamics) {}
  g(_tS: number, y: Float64Array): number {
    const e = this.dyn.earth;
    e.atmosphereInto(e.altitudeM(y), this.atm);
    return 0.5 * this.atm[2] * (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - this.levelPa;
  }
}

/** Great-circle range to the aimpoint falling through a level (start of the terminal dive). */
export class RangeToGoDown implements EventDetector {
  direction = -1 as const;
  terminal = true;
  levelM = 0;
  constructor(private readonly dyn: PointMassDynamics) {}
  g(_tS: number, y: Float64Array): number {
    const t = this.dyn.targetUnit;
    const r = Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
    const c = (t[0] * y[0] + t[1] * y[1] + t[2] * y[2]) / r;
    const cx = (t[1] * y[2] - t[2] * y[1]) / r;
    const cy = (t[2] * y[0] - t[0] * y[2]) / r;
    const cz = (t[0] * y[1] - t[1] * y[0]) / r;
    return this.dyn.targetRadiusM * Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), c) - this.levelM;
  }
}

/** ECEF speed rising through a level (energy cut-off of a booster). */
export class SpeedUp implements EventDetector {
  direction = 1 as const;
  terminal = true;
  levelMps = Infinity;
  g(_tS: number, y: Float64Array): number {
    return Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - this.levelMps;
  }
}

/** Mass falling through a level (fuel exhausted). */
export class MassDown implements EventDetector {
  direction = -1 as const;
  terminal = true;
  levelKg = 0;
  g(_tS: number, y: Float64Array): number {
    return y[6] - this.levelKg;
  }
}
