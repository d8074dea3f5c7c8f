/**
 * The predicted intercept point (PIP): for a shot at time t_s, the intercept time t_i at which the round,
 * flying the flyout table's time of flight to where the track predicts the target, arrives when the
 * target does:
 *   f(t_i) = t_s + T(s(p(t_i)), h(p(t_i))) - t_i = 0,
 * p(t) the track's predicted position (trackPrediction.ts: the tracking layer's motion models), s and h
 * its ground range and altitude from the launcher (geometry.ts), T the table's time of flight.
 * f falls with t_i wherever the target's speed along the round's path is below the round's (df/dt =
 * dT/dt - 1 < 0), so within a stretch the table reaches f has one root: the earliest intercept.
 *
 * Solution: f is sampled from t_s forward in steps of at most `scanStepS` up to the weapon's longest
 * time of flight (or the predicted impact, or the end of the prediction), at points that are inside
 * the weapon's envelope (table reach, intercept altitude and range band, time of flight, speed at
 * arrival); the first sign change from f > 0 to f <= 0 between two such points brackets the root, which
 * Newton steps with the table's gradient refine, kept inside the bracket (bisection when a step leaves
 * it) to `toleranceS`. Outcomes when there is no root:
 * - "early": the first point inside the envelope already has f <= 0: the round would be there before
 *   the target (a later shot can intercept at the envelope's edge);
 * - "late": f > 0 at every point inside the envelope: the target outruns the round;
 * - "envelope": no predicted point is inside the envelope in the time of flight;
 * - "no-track": the prediction does not cover the shot time.
 * A root pair closer together than the scan step (a target grazing the envelope for less than it) can
 * be missed; the step is the longest time of flight / 40, within [0.5 s, 5 s], by default.
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { EnvelopeDefinition } from "../definitions.js";
import { createFlyoutPoint, type FlyoutTable } from "./flyoutTable.js";
import { azimuthFromRad, groundRangeM, rangeAltitudeRatesInto } from "./geometry.js";
import type { TrackPrediction } from "./trackPrediction.js";

export type PipOutcome = "intercept" | "early" | "late" | "envelope" | "no-track";

export interface PipSolution {
  outcome: PipOutcome;
  shotTimeS: number;
  interceptTimeS: number;
  tofS: number;
  /** Predicted target position and velocity at the intercept, ECEF. */
  readonly pipEcefM: Float64Array;
  readonly targetVelEcefMps: Float64Array;
  /** Ground range and altitude of the PIP from the launcher, m. */
  rangeM: number;
  altM: number;
  /** Launch azimuth (north to east) and elevation, rad. */
  azimuthRad: number;
  elevationRad: number;
  /** Round's speed and flight-path angle at arrival (table). */
  arrivalSpeedMps: number;
  arrivalPathAngleRad: number;
  /** Round's velocity at arrival (direction from the table's path angle, magnitude its speed), ECEF. */
  readonly roundVelEcefMps: Float64Array;
  /** Evaluations of f used. */
  evaluations: number;
}

export function createPipSolution(): PipSolution {
  return {
    outcome: "no-track",
    shotTimeS: NaN,
    interceptTimeS: NaN,
    tofS: NaN,
    pipEcefM: new Float64Array(3),
    targetVelEcefMps: new Float64Array(3),
    rangeM: NaN,
    altM: NaN,
    azimuthRad: NaN,
    elevationRad: NaN,
    arrivalSpeedMps: NaN,
    arrivalPathAngleRad: NaN,
    roundVelEcefMps: new Float64Array(3),
    evaluations: 0,
  };
}

export interface PipSolverOptions {
  /** Largest step of the bracketing scan, s (default the longest time of flight / 40, within [0.5, 5]). */
  readonly scanStepS?: number;
  /** Tolerance on the intercept time, s (default 1e-4). */
  readonly toleranceS?: number;
}

/** The launcher at the shot: position and ECEF->ENU rotation (a RadarSite's SiteState has both). */
export interface LauncherState {
  readonly posEcefM: ArrayLike<number>;
  readonly rotEcefToEnu: ArrayLike<number>;
}

export class PipSolver {
  readonly table: FlyoutTable;
  readonly envelope: EnvelopeDefinition;
  readonly earth: FlightEarthModel;
  readonly scanStepS: number;
  readonly toleranceS: number;
  private readonly fp = createFlyoutPoint();
  private readonly pos = new Float64Array(3);
  private readonly vel = new Float64Array(3);
  private readonly rates = new Float64Array(2);
  /** Derivative of f at the last evaluation (NaN outside the envelope), computed when wantSlope. */
  private lastSlope = NaN;
  private wantSlope = false;

  constructor(
    table: FlyoutTable,
    envelope: EnvelopeDefinition,
    earth: FlightEarthModel,
    options: PipSolverOptions = {},
  ) {
    this.table = table;
    this.envelope = envelope;
    this.earth = earth;
    this.scanStepS = options.scanStepS ?? Math.min(5, Math.max(0.5, envelope.maxTimeOfFlightS / 40));
    this.toleranceS = options.toleranceS ?? 1e-4;
    if (!(this.scanStepS > 0))
      throw new RangeError(`PipSolver: scanStepS must be > 0, given ${this.scanStepS}`);
    if (!(this.toleranceS > 0))
      throw new RangeError(`PipSolver: toleranceS must be > 0, given ${this.toleranceS}`);
  }

  /**
   * f(t) at intercept time t for a shot at ts; NaN when p(t) is outside the envelope. Leaves the table
   * entry in this.fp and the slope in this.lastSlope.
   */
  private f(pred: TrackPrediction, launcher: ArrayLike<number>, ts: number, t: number): number {
    const slope = this.wantSlope;
    if (!pred.stateAt(t, this.pos, slope ? this.vel : null)) return NaN;
    const s = groundRangeM(launcher, this.pos);
    const h = this.earth.altitudeM(this.pos);
    const e = this.envelope;
    if (h < e.minInterceptAltitudeM || h > e.maxInterceptAltitudeM || s < e.minRangeM || s > e.maxRangeM)
      return NaN;
    const fp = this.fp;
    if (!this.table.lookup(s, h, fp)) return NaN;
    if (fp.tofS > e.maxTimeOfFlightS || fp.speedMps < e.minArrivalSpeedMps) return NaN;
    if (slope) {
      rangeAltitudeRatesInto(launcher, this.pos, this.vel, this.rates);
      this.lastSlope = fp.dTofdRange * this.rates[0] + fp.dTofdAlt * this.rates[1] - 1;
    }
    return ts + fp.tofS - t;
  }

  /** Solves the PIP of a shot at `shotTimeS` from `launcher` against `prediction` into `out`. */
  solve(
    prediction: TrackPrediction,
    launcher: LauncherState,
    shotTimeS: number,
    out: PipSolution,
  ): PipSolution {
    out.shotTimeS = shotTimeS;
    out.evaluations = 0;
    out.interceptTimeS = NaN;
    out.tofS = NaN;
    const lp = launcher.posEcefM;
    this.wantSlope = false;
    const tA = Math.max(shotTimeS, prediction.t0S);
    const tEnd = Math.min(shotTimeS + this.envelope.maxTimeOfFlightS, prediction.endS, prediction.groundS);
    if (!(prediction.count > 0) || !(tEnd > tA)) {
      out.outcome = "no-track";
      return out;
    }
    const n = Math.max(1, Math.ceil((tEnd - tA) / this.scanStepS));
    const dt = (tEnd - tA) / n;
    let tPrev = NaN;
    let fPrev = NaN;
    let sawInside = false;
    let bracketLo = NaN;
    let bracketHi = NaN;
    let fHi = NaN;
    for (let k = 0; k <= n; k++) {
      const t = k === n ? tEnd : tA + k * dt;
      const fv = this.f(prediction, lp, shotTimeS, t);
      out.evaluations++;
      if (fv === fv) {
        if (!sawInside) {
          sawInside = true;
          if (fv <= 0) {
            // The target entered the envelope between the last scan point and this one: f just after
            // the entry (found by bisection on being inside) decides between a root there and "early".
            if (!(k > 0 && fPrev !== fPrev)) {
              out.outcome = "early";
              return out;
            }
            let outS = tPrev;
            let inS = t;
            let fIn = fv;
            for (let it = 0; it < 40 && inS - outS > this.toleranceS; it++) {
              const mid = 0.5 * (outS + inS);
              const fm = this.f(prediction, lp, shotTimeS, mid);
              out.evaluations++;
              if (fm === fm) {
                inS = mid;
                fIn = fm;
              } else outS = mid;
            }
            if (!(fIn > 0)) {
              out.outcome = "early";
              return out;
            }
            bracketLo = inS;
            bracketHi = t;
            fHi = fv;
            fPrev = fIn;
            break;
          }
        } else if (fPrev === fPrev && fPrev > 0 && fv <= 0) {
          bracketLo = tPrev;
          bracketHi = t;
          fHi = fv;
          break;
        }
      } else if (fPrev === fPrev && fPrev > 0) {
        // The target left the envelope between the last scan point and this one: f just before the
        // exit (found by bisection on being inside) may already be <= 0, a root before the exit.
        let inS = tPrev;
        let outS = t;
        let fIn = fPrev;
        for (let it = 0; it < 40 && outS - inS > this.toleranceS; it++) {
          const mid = 0.5 * (inS + outS);
          const fm = this.f(prediction, lp, shotTimeS, mid);
          out.evaluations++;
          if (fm === fm) {
            inS = mid;
            fIn = fm;
          } else outS = mid;
        }
        if (fIn <= 0) {
          bracketLo = tPrev;
          bracketHi = inS;
          fHi = fIn;
          break;
        }
      }
      tPrev = t;
      fPrev = fv;
    }
    if (!(bracketHi === bracketHi)) {
      out.outcome = sawInside ? "late" : "envelope";
      return out;
    }
    // Safeguarded Newton inside [lo, hi] (f(lo) > 0 >= f(hi)), with the table's slope.
    this.wantSlope = true;
    let lo = bracketLo;
    let hi = bracketHi;
    let t = hi - fHi * ((hi - lo) / (fPrev - fHi)); // secant start
    for (let it = 0; it < 60; it++) {
      let fv = this.f(prediction, lp, shotTimeS, t);
      out.evaluations++;
      if (!(fv === fv)) {
        // Inside the bracket the envelope can still have a hole (a cell out of reach): bisect.
        t = 0.5 * (lo + hi);
        fv = this.f(prediction, lp, shotTimeS, t);
        out.evaluations++;
        if (!(fv === fv)) break;
      }
      if (fv > 0) lo = t;
      else hi = t;
      const slope = this.lastSlope;
      let next = slope < 0 ? t - fv / slope : 0.5 * (lo + hi);
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      const step = Math.abs(next - t);
      t = next;
      if (step < this.toleranceS || hi - lo < this.toleranceS) break;
    }
    const fv = this.f(prediction, lp, shotTimeS, t);
    out.evaluations++;
    if (!(fv === fv)) {
      // The bracket closes on an envelope hole edge: take the inside end.
      t = hi;
      this.f(prediction, lp, shotTimeS, t);
      out.evaluations++;
    }
    return this.fill(prediction, launcher, shotTimeS, t, out);
  }

  private fill(
    prediction: TrackPrediction,
    launcher: LauncherState,
    shotTimeS: number,
    t: number,
    out: PipSolution,
  ): PipSolution {
    const fp = this.fp;
    prediction.stateAt(t, out.pipEcefM, out.targetVelEcefMps);
    const lp = launcher.posEcefM;
    out.outcome = "intercept";
    out.interceptTimeS = t;
    out.tofS = t - shotTimeS;
    out.rangeM = groundRangeM(lp, out.pipEcefM);
    out.altM = this.earth.altitudeM(out.pipEcefM);
    out.azimuthRad = azimuthFromRad(lp, launcher.rotEcefToEnu, out.pipEcefM);
    out.elevationRad = fp.elevationRad;
    out.arrivalSpeedMps = fp.speedMps;
    out.arrivalPathAngleRad = fp.pathAngleRad;
    // Arrival direction: cos(gamma) along the horizontal away from the launcher + sin(gamma) up, at the PIP.
    const p = out.pipEcefM;
    const rp = Math.hypot(p[0], p[1], p[2]);
    const ux = p[0] / rp;
    const uy = p[1] / rp;
    const uz = p[2] / rp;
    const ra = Math.hypot(lp[0], lp[1], lp[2]);
    const la = (lp[0] * ux + lp[1] * uy + lp[2] * uz) / ra;
    let hx = -(lp[0] / ra - la * ux);
    let hy = -(lp[1] / ra - la * uy);
    let hz = -(lp[2] / ra - la * uz);
    const hn = Math.hypot(hx, hy, hz);
    if (hn > 1e-12) {
      hx /= hn;
      hy /= hn;
      hz /= hn;
    } else {
      hx = 0;
      hy = 0;
      hz = 0;
    }
    const c = Math.cos(fp.pathAngleRad) * fp.speedMps;
    const s = Math.sin(fp.pathAngleRad) * fp.speedMps;
    out.roundVelEcefMps[0] = c * hx + s * ux;
    out.roundVelEcefMps[1] = c * hy + s * uy;
    out.roundVelEcefMps[2] = c * hz + s * uz;
    return out;
  }
}
