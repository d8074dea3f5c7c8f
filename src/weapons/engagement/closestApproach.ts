/**
 * Closest approach of two moving bodies located in continuous time: both move at kilometres a second,
 * so sampling at a fixed step misses by kilometres; the minimum of the distance is found as a root of
 *   g(t) = (r_A(t) - r_B(t)) . (v_A(t) - v_B(t)) = (1/2) d|r_A - r_B|^2 / dt,
 * which rises through zero at a minimum. g is sampled every `stepS` over [t0, t1]; each rise through zero
 * is bracketed and refined by Brent's method on g itself (the states come from the bodies' own sources:
 * a flight's dense output, a track's prediction), and the smallest distance among those minima and the
 * interval's ends is returned. A pair of minima closer together than the step can be merged into one;
 * for two bodies on near-straight paths g has one root, so a step of a second is ample.
 * Allocation-free (caller-owned result).
 */
import { brentRoot, RootResult } from "../../math/ode/rootFind.js";

/** Writes a body's position and velocity (ECEF) at tS; returns false when it has none there. */
export type StateSource = (tS: number, posOut: Float64Array, velOut: Float64Array) => boolean;

export interface ClosestApproach {
  /** Whether both sources had states over the search. */
  found: boolean;
  timeS: number;
  distanceM: number;
  /** Relative position B - A and velocity at the closest approach (miss vector and closing velocity). */
  readonly relPosM: Float64Array;
  readonly relVelMps: Float64Array;
}

export function createClosestApproach(): ClosestApproach {
  return {
    found: false,
    timeS: NaN,
    distanceM: NaN,
    relPosM: new Float64Array(3),
    relVelMps: new Float64Array(3),
  };
}

export class ClosestApproachFinder {
  private readonly pa = new Float64Array(3);
  private readonly va = new Float64Array(3);
  private readonly pb = new Float64Array(3);
  private readonly vb = new Float64Array(3);
  private readonly root = new RootResult();
  private a: StateSource | null = null;
  private b: StateSource | null = null;
  private readonly g = (t: number): number => this.rateAt(t);

  /** (1/2) d|r_B - r_A|^2/dt at t; NaN when a source has no state. */
  private rateAt(t: number): number {
    if (!this.a!(t, this.pa, this.va) || !this.b!(t, this.pb, this.vb)) return NaN;
    let s = 0;
    for (let c = 0; c < 3; c++) s += (this.pb[c] - this.pa[c]) * (this.vb[c] - this.va[c]);
    return s;
  }

  private distanceAt(t: number): number {
    if (!this.a!(t, this.pa, this.va) || !this.b!(t, this.pb, this.vb)) return NaN;
    return Math.hypot(this.pb[0] - this.pa[0], this.pb[1] - this.pa[1], this.pb[2] - this.pa[2]);
  }

  /**
   * Closest approach of A and B over [t0S, t1S]; `toleranceS` is the time tolerance of the root
   * (default 1e-7 s: 0.1 mm at 1 km/s of closing speed).
   */
  find(
    a: StateSource,
    b: StateSource,
    t0S: number,
    t1S: number,
    stepS: number,
    out: ClosestApproach,
    toleranceS = 1e-7,
  ): ClosestApproach {
    if (!(stepS > 0)) throw new RangeError(`closestApproach: stepS must be > 0, given ${stepS}`);
    if (!(t1S >= t0S)) throw new RangeError(`closestApproach: need t0S <= t1S, given ${t0S}, ${t1S}`);
    this.a = a;
    this.b = b;
    let bestT = NaN;
    let bestD = Infinity;
    const consider = (t: number) => {
      const d = this.distanceAt(t);
      if (d < bestD) {
        bestD = d;
        bestT = t;
      }
    };
    consider(t0S);
    consider(t1S);
    const n = Math.max(1, Math.ceil((t1S - t0S) / stepS));
    const h = (t1S - t0S) / n;
    let tPrev = t0S;
    let gPrev = this.rateAt(t0S);
    for (let k = 1; k <= n; k++) {
      const t = k === n ? t1S : t0S + k * h;
      const gv = this.rateAt(t);
      if (gPrev < 0 && gv >= 0) {
        brentRoot(this.g, tPrev, t, gPrev, gv, toleranceS, this.root);
        consider(this.root.x);
      }
      tPrev = t;
      gPrev = gv;
    }
    out.found = bestD < Infinity;
    out.timeS = bestT;
    out.distanceM = bestD;
    if (out.found) {
      this.a(bestT, this.pa, this.va);
      this.b(bestT, this.pb, this.vb);
      for (let c = 0; c < 3; c++) {
        out.relPosM[c] = this.pb[c] - this.pa[c];
        out.relVelMps[c] = this.vb[c] - this.va[c];
      }
    }
    this.a = null;
    this.b = null;
    return out;
  }
}
