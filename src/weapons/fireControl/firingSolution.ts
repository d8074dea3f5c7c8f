/**
 * A gun's firing solution by flyouts: the table's PIP (pip.ts) gives the azimuth and elevation to start
 * from; the fire-control computer then flies the round with the full model (the projectile's own flight:
 * drag, gravity, the Earth's rotation, the ship's velocity) against the track's prediction and corrects
 * the aim until the round's closest approach to the predicted target is within `toleranceM`, in the
 * manner of the modified-point-mass fire-control solutions of artillery (NATO STANAG 4355), which
 * iterate a trajectory model rather than trust a table.
 *
 * Iteration: the miss m(az, el) = r_T - r_round at the closest approach, in the plane across the round's
 * path (two components). Its Jacobian with respect to (az, el) is taken once by finite differences
 * (1e-4 rad), then Newton's chord method: (az, el) -= J^-1 m, until |m| < toleranceM or `maxFlyouts`
 * flights. The closest approach is located in continuous time (flyToClosestApproach.ts), so its time
 * moves with the aim: the intercept time is that of the last flight.
 */
import { finiteArg, finiteArrayArg, finiteVec3Arg, integerArg, positiveArg } from "../../math/check.js";
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { RailgunDefinition } from "../definitions.js";
import { createClosestApproach, type ClosestApproach } from "../engagement/closestApproach.js";
import { ApproachTracker } from "../engagement/flyToClosestApproach.js";
import { createProjectileFlight, type MuzzleState } from "../flight/projectile.js";
import type { PipSolution } from "./pip.js";
import type { TrackPrediction } from "./trackPrediction.js";

export interface GunFiringSolution {
  /** Whether the flyouts met the tolerance. */
  converged: boolean;
  azimuthRad: number;
  elevationRad: number;
  /** Closest approach of the last flyout to the predicted target. */
  interceptTimeS: number;
  missM: number;
  /** Flights flown. */
  flyouts: number;
}

export interface FiringSolutionOptions {
  readonly toleranceM?: number;
  readonly maxFlyouts?: number;
  /** Muzzle speed of the solution (default the weapon's nominal). */
  readonly muzzleSpeedMps?: number;
}

const EPS_RAD = 1e-4;

export class GunFireControl {
  private readonly tracker = new ApproachTracker();
  private readonly ca: ClosestApproach = createClosestApproach();
  private readonly tp = new Float64Array(3);
  private readonly tv = new Float64Array(3);

  constructor(
    readonly definition: RailgunDefinition,
    readonly earth: FlightEarthModel,
  ) {}

  /** Miss components (across the path, in the basis of the first flyout) of a round fired at (az, el). */
  private missOf(
    prediction: TrackPrediction,
    muzzle: MuzzleState,
    shotTimeS: number,
    azimuthRad: number,
    elevationRad: number,
    tMaxS: number,
    muzzleSpeedMps: number | undefined,
  ): ClosestApproach | null {
    const { flight } = createProjectileFlight({
      id: "solution",
      definition: this.definition,
      earth: this.earth,
      startTimeS: shotTimeS,
      muzzle,
      azimuthRad,
      elevationRad,
      muzzleSpeedMps,
      maxFlightTimeS: tMaxS - shotTimeS,
    });
    const target = (t: number, p: Float64Array, v: Float64Array) => prediction.stateAt(t, p, v);
    this.tracker.fly(flight, target, 0.5, tMaxS, this.ca);
    return this.ca.found ? this.ca : null;
  }

  /**
   * Refines the table's solution `pip` (outcome "intercept") of a shot at `shotTimeS` from `muzzle`
   * against `prediction`; writes the flown solution into `out`.
   */
  solve(
    prediction: TrackPrediction,
    muzzle: MuzzleState,
    shotTimeS: number,
    pip: PipSolution,
    out: GunFiringSolution,
    options: FiringSolutionOptions = {},
  ): GunFiringSolution {
    const tol = options.toleranceM ?? 0.5;
    const maxFlyouts = options.maxFlyouts ?? 8;
    const vm = options.muzzleSpeedMps;
    const fn = "GunFireControl.solve";
    finiteArg(fn, "shotTimeS", shotTimeS);
    finiteVec3Arg(fn, "muzzle.posEcefM", muzzle.posEcefM);
    finiteVec3Arg(fn, "muzzle.velEcefMps", muzzle.velEcefMps);
    finiteArrayArg(fn, "muzzle.rotEcefToEnu", muzzle.rotEcefToEnu, 9);
    if (pip.outcome !== "intercept")
      throw new RangeError(`${fn}: pip must be a solution with an intercept, given outcome "${pip.outcome}"`);
    positiveArg(fn, "options.toleranceM", tol);
    integerArg(fn, "options.maxFlyouts", maxFlyouts, 1, 1000);
    if (vm !== undefined) positiveArg(fn, "options.muzzleSpeedMps", vm);
    const tMax = Math.min(shotTimeS + this.definition.envelope.maxTimeOfFlightS + 5, prediction.endS);
    let az = pip.azimuthRad;
    let el = pip.elevationRad;
    out.converged = false;
    out.flyouts = 0;
    out.missM = NaN;
    out.interceptTimeS = NaN;
    // Basis across the path: e1 horizontal (left of the round's path), e2 = u x e1.
    const e1 = new Float64Array(3);
    const e2 = new Float64Array(3);
    const comp = (ca: ClosestApproach): [number, number] => {
      let a = 0;
      let b = 0;
      for (let c = 0; c < 3; c++) {
        a += ca.relPosM[c] * e1[c];
        b += ca.relPosM[c] * e2[c];
      }
      return [a, b];
    };
    let ca = this.missOf(prediction, muzzle, shotTimeS, az, el, tMax, vm);
    out.flyouts++;
    if (ca === null) return out;
    {
      // u = the round's direction relative to the target (the closing direction) at the approach.
      const rv = ca.relVelMps;
      const s = Math.hypot(rv[0], rv[1], rv[2]);
      const u = [rv[0] / s, rv[1] / s, rv[2] / s];
      prediction.stateAt(ca.timeS, this.tp, this.tv);
      const r = Math.hypot(this.tp[0], this.tp[1], this.tp[2]);
      const up = [this.tp[0] / r, this.tp[1] / r, this.tp[2] / r];
      // e1 = up x u (horizontal, across), e2 = u x e1.
      e1[0] = up[1] * u[2] - up[2] * u[1];
      e1[1] = up[2] * u[0] - up[0] * u[2];
      e1[2] = up[0] * u[1] - up[1] * u[0];
      const n1 = Math.hypot(e1[0], e1[1], e1[2]);
      if (n1 < 1e-9) {
        // Closing vertically: any horizontal axis.
        e1[0] = 1;
        e1[1] = 0;
        e1[2] = 0;
      } else for (let c = 0; c < 3; c++) e1[c] /= n1;
      e2[0] = u[1] * e1[2] - u[2] * e1[1];
      e2[1] = u[2] * e1[0] - u[0] * e1[2];
      e2[2] = u[0] * e1[1] - u[1] * e1[0];
    }
    let m = comp(ca);
    let t = ca.timeS;
    let d = ca.distanceM;
    // Jacobian by finite differences (missOf reuses one result object: take its components at once).
    const caA = this.missOf(prediction, muzzle, shotTimeS, az + EPS_RAD, el, tMax, vm);
    out.flyouts++;
    if (caA === null) return out;
    const mA = comp(caA);
    const caE = this.missOf(prediction, muzzle, shotTimeS, az, el + EPS_RAD, tMax, vm);
    out.flyouts++;
    if (caE === null) return out;
    const mE = comp(caE);
    const j11 = (mA[0] - m[0]) / EPS_RAD;
    const j21 = (mA[1] - m[1]) / EPS_RAD;
    const j12 = (mE[0] - m[0]) / EPS_RAD;
    const j22 = (mE[1] - m[1]) / EPS_RAD;
    const det = j11 * j22 - j12 * j21;
    if (!(Math.abs(det) > 0)) return out;
    while (d > tol && out.flyouts < maxFlyouts) {
      // Drive the target-minus-round miss to zero.
      az -= (j22 * m[0] - j12 * m[1]) / det;
      el -= (-j21 * m[0] + j11 * m[1]) / det;
      ca = this.missOf(prediction, muzzle, shotTimeS, az, el, tMax, vm);
      out.flyouts++;
      if (ca === null) return out;
      m = comp(ca);
      t = ca.timeS;
      d = ca.distanceM;
    }
    out.azimuthRad = az;
    out.elevationRad = el;
    out.interceptTimeS = t;
    out.missM = d;
    out.converged = d <= tol;
    return out;
  }
}

export function createGunFiringSolution(): GunFiringSolution {
  return {
    converged: false,
    azimuthRad: NaN,
    elevationRad: NaN,
    interceptTimeS: NaN,
    missM: NaN,
    flyouts: 0,
  };
}
