/**
 * Shot opportunities of one battery at one track: from the track's prediction (the tracking layer's own
 * motion models, src/weapons/fireControl/trackPrediction.ts), the battery's fire control finds
 * - the earliest shot: the first time from now, no sooner than the battery can fire (reaction, rate of
 *   fire, pulsed-power recharge, mount: `earliestShotS`), at which the predicted intercept point
 *   (pip.ts) lies in the weapon's envelope, raised to the doctrine's minimum intercept altitude, within
 *   the gun's elevation limits; scanned in steps of `scanStepS` over the planning horizon and refined
 *   by bisection to `toleranceS`;
 * - the latest shot: the same scan onwards from the earliest, to where the intercept leaves the
 *   envelope (the end of the engagement window, engagementWindow.ts's boundary in one direction);
 * - the probability of kill of a shot (shotKillProbability.ts: the track's predicted uncertainty at the
 *   intercept, the weapon's dispersion and guidance, its lethality) at the earliest shot and at three
 *   more points of the window: the best of them is what the weapon is worth against this track, and
 *   the earliest is what it offers now;
 * - how many shots fit in the window at the battery's sustained interval.
 * Allocates one result per call; the solver's working storage is the unit's own.
 */
import type { EarthModel } from "../earth/model.js";
import type { VehicleKind } from "../flight/truth.js";
import { makeSiteState, type SiteState } from "../sensors/radar/site.js";
import type { EnvelopeDefinition } from "../weapons/definitions.js";
import type { FlyoutTable } from "../weapons/fireControl/flyoutTable.js";
import { createPipSolution, PipSolver, type PipSolution } from "../weapons/fireControl/pip.js";
import { shotKillProbability, type ShotPkOptions } from "../weapons/fireControl/shotKillProbability.js";
import type { TrackPrediction } from "../weapons/fireControl/trackPrediction.js";
import type { BatteryView } from "./picture.js";

/**
 * What the planning Pk of a shot assumes of its target (shotKillProbability.ts): the kind the track is
 * taken for, its acceleration across the line of sight, and the track's update interval.
 */
export interface PlanningTarget extends ShotPkOptions {
  readonly targetKind: VehicleKind;
  readonly targetAccelerationMps2: number;
  readonly trackUpdateIntervalS: number;
  readonly trackErrorTraces: ArrayLike<number>;
}

/** One planned shot: when, where it meets the target, and its Pk. */
export interface PlannedShot {
  readonly shotTimeS: number;
  readonly interceptTimeS: number;
  readonly tofS: number;
  readonly altM: number;
  readonly rangeM: number;
  readonly azimuthRad: number;
  readonly elevationRad: number;
  readonly pk: number;
}

export interface Opportunity {
  readonly weaponId: string;
  /** The earliest shot (what the battery offers now, or soonest). */
  readonly earliest: PlannedShot;
  /** The candidate shot of the window with the highest Pk. */
  readonly best: PlannedShot;
  /** Latest shot time of the window, s. */
  readonly latestShotS: number;
  /** Shots that fit in the window at the battery's sustained interval. */
  readonly shots: number;
  /** PIP solutions evaluated. */
  readonly solutions: number;
}

/** A battery's fire control as the battle manager runs it. */
export class FireControlUnit {
  readonly solver: PipSolver;
  readonly envelope: EnvelopeDefinition;
  /** Farthest ground range of an intercept, m. */
  readonly maxReachM: number;
  private readonly sol: PipSolution = createPipSolution();
  private readonly site: SiteState = makeSiteState();

  constructor(
    readonly battery: BatteryView,
    table: FlyoutTable,
    readonly earth: EarthModel,
    minInterceptAltitudeM: number,
    /** Step of the scan for the window's edges, s, and the edges' tolerance, s. */
    readonly scanStepS = 5,
    readonly toleranceS = 0.5,
  ) {
    const e = battery.definition.envelope;
    this.envelope = { ...e, minInterceptAltitudeM: Math.max(e.minInterceptAltitudeM, minInterceptAltitudeM) };
    if (!(this.envelope.maxInterceptAltitudeM > this.envelope.minInterceptAltitudeM))
      throw new RangeError(
        `weapon ${battery.id}: the doctrine's minimum intercept altitude ${minInterceptAltitudeM} m is above its envelope (${e.maxInterceptAltitudeM} m)`,
      );
    this.solver = new PipSolver(table, this.envelope, earth);
    this.maxReachM = Math.min(this.envelope.maxRangeM, table.maxRangeM);
  }

  get reactionTimeS(): number {
    return this.battery.definition.reactionTimeS;
  }

  /** The launcher's state at tS (a view shared by the unit's calls). */
  launcherAt(tS: number): SiteState {
    return this.battery.launcherAt(tS, this.site);
  }

  /**
   * The latest shot time of the current search with an intercept that a later shot's scan may start
   * from (PipSolution.laterScanFromS), and that start; reset by each search (a new prediction).
   */
  private warmShotS = -Infinity;
  private warmScanFromS = NaN;

  private resetWarmStart(): void {
    this.warmShotS = -Infinity;
    this.warmScanFromS = NaN;
  }

  /** Whether a shot at ts has an intercept inside the envelope (solution left in this.sol). */
  private feasible(pred: TrackPrediction, ts: number): boolean {
    const s = this.sol;
    const warm = ts > this.warmShotS;
    this.solver.solve(pred, this.launcherAt(ts), ts, s, warm ? this.warmScanFromS : NaN);
    if (s.outcome !== "intercept") return false;
    if (warm && s.laterScanFromS === s.laterScanFromS) {
      this.warmShotS = ts;
      this.warmScanFromS = s.laterScanFromS;
    }
    // The battery refuses what it cannot fire (an empty magazine, worn rails, a gun's elevation limits).
    return this.battery.refusal(s.azimuthRad, s.elevationRad) === null;
  }

  private planned(pred: TrackPrediction, target: PlanningTarget): PlannedShot {
    const s = this.sol;
    const pk = shotKillProbability(
      this.battery.delivery,
      s,
      pred,
      this.launcherAt(s.shotTimeS).posEcefM,
      this.earth,
      target,
    );
    return {
      shotTimeS: s.shotTimeS,
      interceptTimeS: s.interceptTimeS,
      tofS: s.tofS,
      altM: s.altM,
      rangeM: s.rangeM,
      azimuthRad: s.azimuthRad,
      elevationRad: s.elevationRad,
      pk: pk.pk,
    };
  }

  /**
   * The earliest shot from `nowS` within `horizonS` (see the file comment), or null; its solution is
   * left in the unit's working solution. `count` is called with the solutions evaluated.
   */
  earliestShot(
    pred: TrackPrediction,
    nowS: number,
    horizonS: number,
    target: PlanningTarget,
  ): PlannedShot | null {
    const b = this.battery;
    this.resetWarmStart();
    if (b.roundsLeft <= 0) return null;
    const step = this.scanStepS;
    const lastStart = Math.min(nowS + horizonS, pred.endS);
    let t = nowS + this.reactionTimeS;
    // Against most tracks in a raid a battery has no shot within the horizon: one pass over the
    // prediction shows it (PipSolver.interceptPossible, allowing for how far a ship moves meanwhile),
    // instead of a failed solve at every step of the scan.
    const driftM = b.launcherMaxSpeedMps * Math.max(0, lastStart - t);
    if (!this.solver.interceptPossible(pred, this.launcherAt(t), t, lastStart, driftM)) return null;
    // The earliest shot: scan, then bisect on the edge.
    let ok = this.feasibleCounted(pred, t);
    let prev = t;
    while (!ok && t < lastStart) {
      prev = t;
      t = Math.min(lastStart, t + step);
      ok = this.feasibleCounted(pred, t);
    }
    if (!ok) return null;
    if (t > prev) {
      let bad = prev;
      let good = t;
      while (good - bad > this.toleranceS) {
        const mid = 0.5 * (bad + good);
        if (this.feasibleCounted(pred, mid)) good = mid;
        else bad = mid;
      }
      t = good;
      this.feasibleCounted(pred, t);
    }
    // No sooner than the battery can fire at this azimuth and elevation (a gun must slew).
    const ready = b.earliestShotS(nowS, this.sol.azimuthRad, this.sol.elevationRad);
    if (!Number.isFinite(ready)) return null;
    if (ready > t + 1e-9) {
      t = ready;
      while (!this.feasibleCounted(pred, t)) {
        if (t >= lastStart) return null;
        t = Math.min(lastStart, t + step);
      }
    }
    return this.planned(pred, target);
  }

  /** Solutions evaluated since the last call of `takeSolutions`. */
  private evaluated = 0;

  private feasibleCounted(pred: TrackPrediction, ts: number): boolean {
    this.evaluated++;
    return this.feasible(pred, ts);
  }

  /** PIP solutions evaluated since the last call (and resets the count). */
  takeSolutions(): number {
    const n = this.evaluated;
    this.evaluated = 0;
    return n;
  }

  /**
   * The opportunity of a shot from `nowS` within `horizonS` (the earliest shot no later than
   * nowS + horizonS), or null when there is none (see the file comment).
   */
  opportunity(
    pred: TrackPrediction,
    nowS: number,
    horizonS: number,
    target: PlanningTarget,
  ): Opportunity | null {
    const b = this.battery;
    const earliest = this.earliestShot(pred, nowS, horizonS, target);
    if (earliest === null) {
      this.takeSolutions();
      return null;
    }
    const earliestS = earliest.shotTimeS;
    const step = this.scanStepS;
    // The latest shot: scan on from the earliest while feasible, then bisect.
    const end = pred.endS;
    let lastOk = earliestS;
    let u = earliestS;
    for (;;) {
      if (u >= end) break;
      const next = Math.min(end, u + step);
      if (!this.feasibleCounted(pred, next)) {
        let good = lastOk;
        let bad = next;
        while (bad - good > this.toleranceS) {
          const mid = 0.5 * (good + bad);
          if (this.feasibleCounted(pred, mid)) good = mid;
          else bad = mid;
        }
        lastOk = good;
        break;
      }
      lastOk = next;
      u = next;
    }
    const latestShotS = lastOk;
    // Pk at points of the window; the best is the weapon's worth against this track.
    let best = earliest;
    const span = latestShotS - earliestS;
    if (span > this.toleranceS) {
      for (const f of [1 / 3, 2 / 3, 1]) {
        const ts = earliestS + f * span;
        if (!this.feasibleCounted(pred, ts)) continue;
        const p = this.planned(pred, target);
        if (p.pk > best.pk) best = p;
      }
    }
    const shots = Math.max(1, Math.floor(span / b.shotIntervalS + 1e-9) + 1);
    return { weaponId: b.id, earliest, best, latestShotS, shots, solutions: this.takeSolutions() };
  }
}
