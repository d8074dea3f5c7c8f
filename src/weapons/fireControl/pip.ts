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
 * Solution: f is sampled from t_s forward up to the weapon's longest time of flight (or the predicted
 * impact, or the end of the prediction). The step is one that cannot pass what is sought: outside the
 * band the table covers (ground range and altitude), the distance to the band over the target's speed;
 * inside it with f > 0, half of f / (1 + |grad T| v_T), the time f needs to fall to zero at the cell's
 * gradient, or, where f falls, 1.1 times the Newton step to its root (to bracket it) when that is
 * longer; in a stretch of the band the table cannot reach, `holeStepS`; never below `minStepS` nor above
 * `scanStepS`. The first sign change from f > 0 to f <= 0 between points inside the envelope
 * (table reach, altitude and range band, time of flight, speed at arrival) brackets the root; when the
 * target enters or leaves the envelope between two points, the edge is found by bisection and f tested
 * there. Newton steps with the table's gradient refine the root inside the bracket (bisection when a
 * step leaves it) to `toleranceS`. Outcomes when there is no root:
 * - "early": at the first point inside the envelope (or of a later stretch of it) f <= 0 already: the
 *   round would be there before the target (a later shot can intercept at the envelope's edge);
 * - "late": f > 0 at every point inside the envelope: the target outruns the round;
 * - "envelope": no predicted point is inside the envelope in the time of flight;
 * - "no-track": the prediction does not cover the shot time.
 * A pocket of reach shorter than `holeStepS` inside an unreachable stretch of the band can be missed.
 * A later shot from the same launcher may start its scan at an earlier shot's intercept (`scanFromS`,
 * from `laterScanFromS`): f grows with the shot time, so no root lies before it.
 */
import {
  argError,
  finiteArg,
  finiteArrayArg,
  finiteVec3Arg,
  nonNegativeArg,
  positiveArg,
} from "../../math/check.js";
import { validateEnvelope } from "../envelope.js";
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { EnvelopeDefinition } from "../definitions.js";
import { createFlyoutPoint, type FlyoutTable } from "./flyoutTable.js";
import { azimuthFromRad, groundRangeM, rangeAltitudeRatesInto } from "./geometry.js";
import { reachDistanceField } from "./reachField.js";
import type { TrackPrediction } from "./trackPrediction.js";

/** How closely an envelope edge between two scan points is located (the root itself is refined to
 *  `toleranceS` once bracketed), s. */
const EDGE_TOL_S = 2e-3;

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
  /**
   * A missile's loft to the PIP (table): how far above it the missile aims while its motors burn, m
   * (0 for a gun).
   */
  loftM: number;
  /** Round's velocity at arrival (direction from the table's path angle, magnitude its speed), ECEF. */
  readonly roundVelEcefMps: Float64Array;
  /** Evaluations of f used. */
  evaluations: number;
  /**
   * Where the scan of a later shot from the same launcher may start (an intercept whose every inside
   * scan point before it had f > 0: f only grows with the shot time, so no earlier root can appear),
   * or NaN. See `solve`'s `scanFromS`.
   */
  laterScanFromS: number;
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
    loftM: NaN,
    roundVelEcefMps: new Float64Array(3),
    evaluations: 0,
    laterScanFromS: NaN,
  };
}

export interface PipSolverOptions {
  /** Largest step of the bracketing scan, s (default 10). */
  readonly scanStepS?: number;
  /** Smallest step of the scan, s (default 0.25). */
  readonly minStepS?: number;
  /** Step across a stretch inside the altitude and range band that the table cannot reach, s (default 1). */
  readonly holeStepS?: number;
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
  readonly minStepS: number;
  readonly holeStepS: number;
  readonly toleranceS: number;
  /** The band the table can reach within the envelope: ground range and altitude limits, m. */
  private readonly sMin: number;
  private readonly sMax: number;
  private readonly hMin: number;
  private readonly hMax: number;
  /** A step that cannot pass a root or an entry into the band, from the last evaluation, s. */
  private stepHint = 1;
  /**
   * Per grid point, a lower bound on the distance (m, in the ground-range/altitude plane) to the nearest
   * grid point inside the envelope (reachable, within the time of flight and the arrival speed): a
   * two-pass chamfer distance transform, scaled down to stay below the Euclidean distance.
   */
  private readonly reachDist: Float32Array;
  private readonly fp = createFlyoutPoint();
  private readonly pos = new Float64Array(3);
  private readonly vel = new Float64Array(3);
  private readonly rates = new Float64Array(2);
  /** Diagonal of a table cell, m. */
  private readonly cellDiagonalM: number;
  /** Derivative of f at the last evaluation (NaN outside the envelope). */
  private lastSlope = NaN;
  /** The target's speed at the last evaluation inside the band (plus 1e-9), m/s. */
  private targetSpeedMps = NaN;
  /** A lower bound on the distance from the last point outside the envelope to it, m (Infinity:
   *  no prediction there). */
  private outsideByM = NaN;

  constructor(
    table: FlyoutTable,
    envelope: EnvelopeDefinition,
    earth: FlightEarthModel,
    options: PipSolverOptions = {},
  ) {
    validateEnvelope("PipSolver", envelope);
    this.table = table;
    this.envelope = envelope;
    this.earth = earth;
    this.scanStepS = options.scanStepS ?? 10;
    this.minStepS = options.minStepS ?? 0.25;
    this.holeStepS = options.holeStepS ?? 1;
    positiveArg("PipSolver", "options.minStepS", this.minStepS);
    positiveArg("PipSolver", "options.holeStepS", this.holeStepS);
    if (!(this.scanStepS >= this.minStepS && Number.isFinite(this.scanStepS)))
      throw argError(
        "PipSolver",
        "options.scanStepS",
        `a finite step >= minStepS (${this.minStepS} s)`,
        this.scanStepS,
      );
    this.sMin = envelope.minRangeM;
    this.sMax = Math.min(envelope.maxRangeM, table.maxRangeM);
    this.hMin = Math.max(envelope.minInterceptAltitudeM, table.grid.altMinM);
    this.hMax = Math.min(envelope.maxInterceptAltitudeM, table.maxAltM);
    this.reachDist = reachDistanceField(table, envelope);
    this.cellDiagonalM = Math.hypot(table.grid.rangeStepM, table.grid.altStepM);
    this.toleranceS = options.toleranceS ?? 1e-4;
    if (!(this.toleranceS >= 1e-9 && this.toleranceS <= this.minStepS))
      throw argError(
        "PipSolver",
        "options.toleranceS",
        `a number in [1e-9, minStepS (${this.minStepS})] s`,
        this.toleranceS,
      );
  }

  /**
   * The table's time of flight to p(t), s, or NaN when p(t) is outside the envelope (the step hint
   * then set to one that cannot pass an entry). Leaves the table entry in this.fp and the target's
   * speed in this.targetSpeedMps. What f needs that does not depend on the shot time.
   */
  private tofTo(pred: TrackPrediction, launcher: ArrayLike<number>, t: number): number {
    const v = this.vel;
    if (!pred.stateAt(t, this.pos, v)) {
      this.stepHint = this.holeStepS;
      this.outsideByM = Infinity;
      return NaN;
    }
    const vT = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) + 1e-9;
    this.targetSpeedMps = vT;
    const s = groundRangeM(launcher, this.pos);
    const h = this.earth.altitudeM(this.pos);
    // Outside the band: no entry before the target has covered the distance to it.
    const out = Math.max(s - this.sMax, this.sMin - s, h - this.hMax, this.hMin - h);
    if (out > 0) {
      this.stepHint = Math.max(this.minStepS, out / vT);
      this.outsideByM = out;
      return NaN;
    }
    const fp = this.fp;
    const e = this.envelope;
    if (!this.table.lookup(s, h, fp) || fp.tofS > e.maxTimeOfFlightS || fp.speedMps < e.minArrivalSpeedMps) {
      // In the band but out of reach: no entry before the target has covered the distance to the
      // nearest point in reach (the distance field's value at the cell's nearest corner, less a cell).
      const d = this.holeDistanceM(s, h);
      this.stepHint = Math.max(this.minStepS, Math.min(this.holeStepS * 20, d / vT));
      this.outsideByM = d;
      return NaN;
    }
    return fp.tofS;
  }

  /** bisectEdge's result: the innermost time found inside the envelope, s, and f there. */
  private edgeS = NaN;
  private edgeF = NaN;

  /**
   * Bisection on being inside the envelope (f defined) between insideS, where f is fInside, and outsideS,
   * where it is NaN, to EDGE_TOL_S: the edge's innermost time and f there into edgeS and edgeF.
   */
  private bisectEdge(
    pred: TrackPrediction,
    launcher: ArrayLike<number>,
    ts: number,
    insideS: number,
    fInside: number,
    outsideS: number,
    out: PipSolution,
  ): void {
    let inS = insideS;
    let outS = outsideS;
    let fIn = fInside;
    for (let it = 0; it < 40 && Math.abs(outS - inS) > EDGE_TOL_S; it++) {
      const mid = 0.5 * (inS + outS);
      const fm = this.f(pred, launcher, ts, mid);
      out.evaluations++;
      if (fm === fm) {
        inS = mid;
        fIn = fm;
      } else outS = mid;
    }
    this.edgeS = inS;
    this.edgeF = fIn;
  }

  /**
   * f(t) at intercept time t for a shot at ts; NaN when p(t) is outside the envelope. Leaves the table
   * entry in this.fp and the slope in this.lastSlope.
   */
  private f(pred: TrackPrediction, launcher: ArrayLike<number>, ts: number, t: number): number {
    const tof = this.tofTo(pred, launcher, t);
    if (tof !== tof) return NaN;
    const fp = this.fp;
    const v = this.vel;
    const vT = this.targetSpeedMps;
    const fv = ts + tof - t;
    rangeAltitudeRatesInto(launcher, this.pos, v, this.rates);
    const slope = fp.dTofdRange * this.rates[0] + fp.dTofdAlt * this.rates[1] - 1;
    this.lastSlope = slope;
    if (fv > 0) {
      // f changes at most at 1 + |grad T| v_T per second (the cell's gradient; half that bound as a
      // margin for steeper cells ahead): a step that cannot pass a root; where f falls, the Newton
      // step to its root (and a tenth beyond, to bracket it) is taken when it is longer.
      const safe = (0.5 * fv) / (1 + gradientNorm(fp.dTofdRange, fp.dTofdAlt) * vT);
      const newton = slope < 0 ? (1.1 * fv) / -slope : 0;
      this.stepHint = Math.max(this.minStepS, safe, newton);
    } else {
      // f <= 0 (a later stretch entered too early): a root needs f back above zero first, no sooner
      // than the same bound allows (or, where f rises, its Newton step to zero).
      const safe = (0.5 * -fv) / (1 + gradientNorm(fp.dTofdRange, fp.dTofdAlt) * vT);
      const newton = slope > 0 ? (0.9 * -fv) / slope : 0;
      this.stepHint = Math.max(this.minStepS, safe, newton);
    }
    return fv;
  }

  /**
   * Whether some shot from `launcher` (taken as fixed) at a time in [firstShotS, lastShotS] may
   * intercept: false only when none can, so a scan of shot times over that span may be skipped.
   * A shot at ts intercepts only between two points a < b inside the envelope and within its time of
   * flight with L(a) < ts <= L(b), L(t) = t - T(t) the latest launch time that still meets the target
   * at t (f = ts - L). So no shot in the span intercepts unless some inside point in
   * [firstShotS, lastShotS + maxTimeOfFlight] has L within the span, or one with L before the span
   * precedes one with L after it. One pass over that stretch, with f's steps: outside the envelope the
   * same steps as the solver's scan, inside it half the time L needs, at its cell's rate
   * 1 + |grad T| v_T, to come within the span; true as soon as it may (L near the span, or closer to it
   * than the last step outside could have hidden).
   */
  interceptPossible(
    prediction: TrackPrediction,
    launcher: LauncherState,
    firstShotS: number,
    lastShotS: number,
    launcherDriftM = 0,
  ): boolean {
    finiteArg("PipSolver.interceptPossible", "firstShotS", firstShotS);
    finiteArg("PipSolver.interceptPossible", "lastShotS", lastShotS);

    finiteVec3Arg("PipSolver.interceptPossible", "launcher.posEcefM", launcher.posEcefM);
    nonNegativeArg("PipSolver.interceptPossible", "launcherDriftM", launcherDriftM);
    // Ground range is an arc of the launcher's geocentric radius: a 1 % margin covers the ellipsoid.
    const drift = launcherDriftM > 0 ? 1.01 * launcherDriftM + 1 : 0;
    const first = firstShotS;
    const last = Math.max(firstShotS, lastShotS);
    const lp = launcher.posEcefM;
    const tA = Math.max(first, prediction.t0S);
    const tEnd = Math.min(last + this.envelope.maxTimeOfFlightS, prediction.endS, prediction.groundS);
    if (!(prediction.count > 0) || !(tEnd > tA)) return false;
    let below = false;
    let prevInside = false;
    let tPrev = NaN;
    for (let t = tA; ;) {
      const tof = this.tofTo(prediction, lp, t);
      let step = this.stepHint;
      if (tof === tof) {
        const fp = this.fp;
        const gradient = gradientNorm(fp.dTofdRange, fp.dTofdAlt);
        const latest = t - tof;
        const widen = 2 * gradient * drift;
        const dist = latest + widen < first ? first - latest - widen : latest - widen - last;
        step = (0.5 * dist) / (1 + gradient * this.targetSpeedMps);
        // Within the span, too close to it to step, or entered since the last point outside with
        // room to have crossed it: a shot may intercept.
        if (!(step >= this.minStepS) || (tPrev === tPrev && !prevInside && step < t - tPrev)) return true;
        // A stretch below the span then one above it: the solver brackets a root only within one
        // stretch, so this cannot intercept unless a hole was stepped over; kept as the safe side.
        if (latest < first) below = true;
        else if (below) return true;
        prevInside = true;
      } else {
        if (drift > 0) {
          if (this.outsideByM <= drift) return true;
          step = Math.max(this.minStepS, (step * (this.outsideByM - drift)) / this.outsideByM);
        }
        prevInside = false;
      }
      if (t >= tEnd) return false;
      tPrev = t;
      t = Math.min(tEnd, t + Math.min(this.scanStepS, step));
    }
  }

  /** Lower bound on the distance from (s, h) to a point in reach, m (0 near one). */
  private holeDistanceM(s: number, h: number): number {
    const g = this.table.grid;
    const i = Math.min(g.rangeCount - 1, Math.max(0, Math.round(s / g.rangeStepM)));
    const j = Math.min(g.altCount - 1, Math.max(0, Math.round((h - g.altMinM) / g.altStepM)));
    const d = this.reachDist[j * g.rangeCount + i] - this.cellDiagonalM;
    return d > 0 ? d : 0;
  }

  /**
   * Solves the PIP of a shot at `shotTimeS` from `launcher` against `prediction` into `out`.
   * `scanFromS` (optional): the `laterScanFromS` of an earlier shot's solution on the same prediction
   * from the same launcher. f = t_s - L(t) grows with the shot time, so where every inside point had
   * f > 0 for the earlier shot it has for this one: the scan starts there instead of at the shot (a
   * fifth fewer evaluations over the windows of 200 threats x 10 batteries). Taken only where f > 0 there. A launcher
   * that moved between the shots (a ship, metres) shifts T by |grad T| times the move, a hundredth of
   * the shots' separation; an envelope edge the move alone brings before that point is not searched.
   */
  solve(
    prediction: TrackPrediction,
    launcher: LauncherState,
    shotTimeS: number,
    out: PipSolution,
    scanFromS = NaN,
  ): PipSolution {
    finiteArg("PipSolver.solve", "shotTimeS", shotTimeS);
    finiteVec3Arg("PipSolver.solve", "launcher.posEcefM", launcher.posEcefM);
    finiteArrayArg("PipSolver.solve", "launcher.rotEcefToEnu", launcher.rotEcefToEnu, 9);
    out.shotTimeS = shotTimeS;
    out.evaluations = 0;
    out.interceptTimeS = NaN;
    out.tofS = NaN;
    out.laterScanFromS = NaN;
    const lp = launcher.posEcefM;
    const tA = Math.max(shotTimeS, prediction.t0S);
    const tEnd = Math.min(shotTimeS + this.envelope.maxTimeOfFlightS, prediction.endS, prediction.groundS);
    if (!(prediction.count > 0) || !(tEnd > tA)) {
      out.outcome = "no-track";
      return out;
    }
    let tPrev = NaN;
    let fPrev = NaN;
    let sawInside = false;
    /** A later stretch of the envelope entered with f <= 0 (the round would be early there). */
    let earlyLater = false;
    let bracketLo = NaN;
    let bracketHi = NaN;
    let fHi = NaN;
    let t = tA;
    /** f at scanFromS, when the scan starts there (the loop's first point, already evaluated). */
    let fWarm = NaN;
    if (scanFromS > tA && scanFromS < tEnd) {
      out.evaluations++;
      fWarm = this.f(prediction, lp, shotTimeS, scanFromS);
      if (fWarm > 0) t = scanFromS;
      else fWarm = NaN;
    }
    for (let k = 0; ; k++) {
      const warm = k === 0 && fWarm === fWarm;
      const fv = warm ? fWarm : this.f(prediction, lp, shotTimeS, t);
      const hint = this.stepHint;
      if (!warm) out.evaluations++;
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
            this.bisectEdge(prediction, lp, shotTimeS, t, fv, tPrev, out);
            const inS = this.edgeS;
            const fIn = this.edgeF;
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
        } else if (fPrev !== fPrev && fv <= 0) earlyLater = true;
      } else if (fPrev === fPrev && fPrev > 0) {
        // The target left the envelope between the last scan point and this one: f just before the
        // exit (found by bisection on being inside) may already be <= 0, a root before the exit.
        this.bisectEdge(prediction, lp, shotTimeS, tPrev, fPrev, t, out);
        const inS = this.edgeS;
        const fIn = this.edgeF;
        if (fIn <= 0) {
          bracketLo = tPrev;
          bracketHi = inS;
          fHi = fIn;
          break;
        }
      }
      if (t >= tEnd) break;
      tPrev = t;
      fPrev = fv;
      t = Math.min(tEnd, t + Math.min(this.scanStepS, hint));
    }
    if (!(bracketHi === bracketHi)) {
      out.outcome = !sawInside ? "envelope" : earlyLater ? "early" : "late";
      return out;
    }
    const clean = !earlyLater;
    // Safeguarded Newton inside [lo, hi] (f(lo) > 0 >= f(hi)), with the table's slope.
    let lo = bracketLo;
    let hi = bracketHi;
    t = hi - fHi * ((hi - lo) / (fPrev - fHi)); // secant start
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
    this.fill(prediction, launcher, shotTimeS, t, out);
    if (clean) out.laterScanFromS = t;
    return out;
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
    out.loftM = fp.loftM;
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

/** |grad T| of a table cell, s/m: sqrt of the sum of squares (no overflow at these magnitudes;
 *  Math.hypot is a call V8 does not inline, and it allocated a boxed number per evaluation of f). */
function gradientNorm(dTdRange: number, dTdAlt: number): number {
  return Math.sqrt(dTdRange * dTdRange + dTdAlt * dTdAlt);
}
