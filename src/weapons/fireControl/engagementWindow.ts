/**
 * The engagement window: the shot times at which a shot has an intercept inside the weapon's envelope
 * (pip.ts: table reach, intercept altitude and range band, longest time of flight, slowest arrival)
 * and, for a gun, a launch elevation its mount can reach. Shot times are scanned in steps of `stepS`
 * from `fromS` and each change of feasibility is located by bisection to `toleranceS`; the window is
 * the list of feasible intervals (one, usually: a target crossing the envelope), each with the
 * intercepts at its ends. Intercept altitudes and ranges over an interval are taken at its ends and at
 * the scan points inside it.
 */
import { argError } from "../../math/check.js";
import { createPipSolution, type LauncherState, type PipSolution, type PipSolver } from "./pip.js";
import type { TrackPrediction } from "./trackPrediction.js";

export interface InterceptSummary {
  readonly shotTimeS: number;
  readonly interceptTimeS: number;
  readonly altM: number;
  readonly rangeM: number;
}

export interface WindowInterval {
  readonly earliestShot: InterceptSummary;
  readonly latestShot: InterceptSummary;
  /** Lowest and highest intercept altitude, nearest and farthest intercept range over the interval. */
  readonly minInterceptAltM: number;
  readonly maxInterceptAltM: number;
  readonly minInterceptRangeM: number;
  readonly maxInterceptRangeM: number;
}

export interface EngagementWindow {
  readonly intervals: readonly WindowInterval[];
  /** Shot solutions evaluated (scan and bisection). */
  readonly solutions: number;
}

export interface WindowOptions {
  /** Scan step over shot times, s (default 1). */
  readonly stepS?: number;
  /** Boundary tolerance, s (default 0.01). */
  readonly toleranceS?: number;
  /** Extra constraint on a solution (e.g. the mount's elevation limits); default none. */
  readonly accept?: (solution: PipSolution) => boolean;
}

/** Launcher state at a shot time (a ship moves). */
export type LauncherAt = (tS: number) => LauncherState;

/** The window of shot times in [fromS, toS] (see the file comment). */
export function engagementWindow(
  solver: PipSolver,
  prediction: TrackPrediction,
  launcherAt: LauncherAt,
  fromS: number,
  toS: number,
  options: WindowOptions = {},
): EngagementWindow {
  const step = options.stepS ?? 1;
  const tol = options.toleranceS ?? 0.01;
  if (!(step > 0 && Number.isFinite(step)))
    throw argError("engagementWindow", "options.stepS", "a finite number > 0", step);
  if (!(tol >= 1e-6 && tol <= step))
    throw argError("engagementWindow", "options.toleranceS", `a number in [1e-6, stepS (${step})] s`, tol);
  if (!Number.isFinite(fromS)) throw argError("engagementWindow", "fromS", "a finite time", fromS);
  if (!(toS >= fromS && Number.isFinite(toS)))
    throw argError("engagementWindow", "toS", `a finite time >= fromS (${fromS} s)`, toS);
  if ((toS - fromS) / step > 1e6)
    throw argError("engagementWindow", "options.stepS", "a step giving at most 1e6 shot times to scan", step);
  const accept = options.accept ?? (() => true);
  const sol = createPipSolution();
  let solutions = 0;
  const feasible = (t: number): boolean => {
    solutions++;
    solver.solve(prediction, launcherAt(t), t, sol);
    return sol.outcome === "intercept" && accept(sol);
  };
  const summary = (): InterceptSummary => ({
    shotTimeS: sol.shotTimeS,
    interceptTimeS: sol.interceptTimeS,
    altM: sol.altM,
    rangeM: sol.rangeM,
  });
  /** Boundary between an infeasible a and a feasible b (either order): the feasible end's time. */
  const boundary = (infeasibleS: number, feasibleS: number): number => {
    let bad = infeasibleS;
    let good = feasibleS;
    while (Math.abs(good - bad) > tol) {
      const mid = 0.5 * (bad + good);
      if (feasible(mid)) good = mid;
      else bad = mid;
    }
    return good;
  };
  const end = Math.min(toS, prediction.endS);
  const intervals: WindowInterval[] = [];
  if (!(end >= fromS)) return { intervals, solutions };
  const n = Math.max(1, Math.ceil((end - fromS) / step));
  let prevT = fromS;
  let prevOk = feasible(fromS);
  let open: { start: number; alts: number[]; ranges: number[] } | null = null;
  if (prevOk) open = { start: fromS, alts: [sol.altM], ranges: [sol.rangeM] };
  const close = (lastS: number) => {
    const o = open!;
    feasible(o.start);
    const first = summary();
    o.alts.push(sol.altM);
    o.ranges.push(sol.rangeM);
    feasible(lastS);
    const last = summary();
    o.alts.push(sol.altM);
    o.ranges.push(sol.rangeM);
    intervals.push({
      earliestShot: first,
      latestShot: last,
      minInterceptAltM: Math.min(...o.alts),
      maxInterceptAltM: Math.max(...o.alts),
      minInterceptRangeM: Math.min(...o.ranges),
      maxInterceptRangeM: Math.max(...o.ranges),
    });
    open = null;
  };
  for (let k = 1; k <= n; k++) {
    const t = k === n ? end : fromS + k * step;
    const ok = feasible(t);
    if (ok && open !== null) {
      open.alts.push(sol.altM);
      open.ranges.push(sol.rangeM);
    }
    if (ok && !prevOk) {
      const start = boundary(prevT, t);
      open = { start, alts: [], ranges: [] };
    } else if (!ok && prevOk) {
      close(boundary(t, prevT));
    }
    prevT = t;
    prevOk = ok;
  }
  if (open !== null) close(end);
  return { intervals, solutions };
}

/** The mount's elevation limits as a window constraint (guns); interceptors launch vertically. */
export function elevationWithin(minRad: number, maxRad: number): (s: PipSolution) => boolean {
  if (!(minRad >= -Math.PI / 2 && minRad <= Math.PI / 2))
    throw argError("elevationWithin", "minRad", "an elevation in [-pi/2, pi/2] rad", minRad);
  if (!(maxRad >= minRad && maxRad <= Math.PI / 2))
    throw argError("elevationWithin", "maxRad", `an elevation in [minRad (${minRad}), pi/2] rad`, maxRad);
  return (s) => s.elevationRad >= minRad && s.elevationRad <= maxRad;
}
