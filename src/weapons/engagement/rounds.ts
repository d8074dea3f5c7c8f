/**
 * A round in flight and how it is guided, one class per kind; the engagement loop (engage.ts) advances
 * it and calls `guide` at each of its ticks. What each round may know of its target is what a real one
 * would: the fire-control track's prediction (a `TargetEstimate`), and its own seeker's looks.
 * - UnguidedRound: nothing to do.
 * - CommandGuidedRound: the command link's messages (guidance/commandLink.ts) at their exact times.
 *   In midcourse each carries the predicted intercept point: where the fire-control estimate puts the
 *   target at the intercept time, a point at rest for the round's zero-effort-miss law, whose miss
 *   includes the round's own gravity (a coasting round fired on an arc would otherwise spend its divert
 *   fighting the arc: proportional navigation reads gravity's curvature as a line-of-sight rate). The
 *   intercept time is re-solved every `INTERCEPT_RESOLVE_S` by flying a coasting copy of the round from
 *   its state to its closest approach of the prediction (the ship's fire-control computer can: it
 *   tracks the round), so a round that left the muzzle a little slow or fast steers for where the target
 *   will be when it, not the plan, gets there. In the last `END_GAME_S` before the intercept, and
 *   whenever the prediction does not reach the intercept, each message carries the estimate of the
 *   target as it was `latency` earlier, for the round's proportional-navigation law (which extrapolates
 *   it).
 * - InterceptorRound: after the vertical rise, midcourse updates of the predicted intercept point every
 *   `midcourseUpdateIntervalS`. While the motors burn, the point follows the track at the planned
 *   intercept time and the law flies the flyout table's own law (time to go from range and speed, aim
 *   point the table's loft above the PIP: fireControl/flyouts.ts), so the missile turns over as the
 *   flight that measured the table's time of flight did (a fixed time to go turns it over too slowly:
 *   it climbs far above the intercept, docs/models.md 10.4). After burnout the intercept is re-solved
 *   from the missile's state and speed (guidance/midcourse.ts) and the law steers for that time. Seeker
 *   looks at each tick after the last burnout, once the predicted target is within 1.2 acquisition
 *   ranges and the intercept within TERMINAL_HANDOVER_S (midcourse.ts); at acquisition the homing
 *   estimator starts from the track and the terminal PN/APN law takes over, fed by it.
 * Every round also totals its divert (the lateral acceleration it applied, integrated over the ticks:
 * the velocity its steering cost) and its peak lateral acceleration.
 */
import type { Flight } from "../../flight/propagation/flight.js";
import type { TruthState } from "../../flight/truth.js";
import type { RandomStream } from "../../math/random.js";
import type { ShotRecord } from "../battery/battery.js";
import type { InterceptorDefinition, RailgunDefinition } from "../definitions.js";
import type { InterceptorFlight } from "../flight/interceptor.js";
import type { ProportionalNavigation } from "../../flight/guidance/proportionalNavigation.js";
import { CommandLink } from "../guidance/commandLink.js";
import type { ZemGuidance } from "../guidance/zemGuidance.js";
import { createCoastingProjectileFlight } from "../flight/projectile.js";
import { createClosestApproach } from "./closestApproach.js";
import { ApproachTracker } from "./flyToClosestApproach.js";
import { HOMING_ACCEL_PSD_M2S3, HomingEstimator } from "../guidance/homingEstimator.js";
import { createMidcourseSolution, midcoursePip, TERMINAL_HANDOVER_S } from "../guidance/midcourse.js";
import { createSeekerLook, Seeker } from "../seeker.js";
import type { TrackPrediction } from "../fireControl/trackPrediction.js";

/** What the fire control currently predicts of the target (its latest track prediction). */
export interface TargetEstimate {
  readonly prediction: TrackPrediction;
  /** Position standard deviation of the track now, m (root of the trace over 3; 0 for a perfect track). */
  readonly positionSigmaM: number;
}

export interface GuidanceNote {
  readonly timeS: number;
  readonly type: "guidance" | "acquisition";
  readonly detail: Readonly<Record<string, string | number | boolean>>;
}

/** Seeker noise and other draws come from the round's own stream. */
export interface RoundContext {
  readonly estimate: TargetEstimate | null;
  /** The threat's truth at the tick (for seekers: what they look at), or null once it has ended. */
  readonly truth: TruthState | null;
  readonly rng: RandomStream;
  readonly notes: GuidanceNote[];
}

const Y = new Float64Array(7);
const D = new Float64Array(7);
const GEO = new Float64Array(3);
const AIM = new Float64Array(3);
const AT_REST: readonly number[] = [0, 0, 0];

/**
 * A command-guided round's end game, s before its intercept: proportional navigation on the target's
 * estimate from then on. Long enough for the law to take out the last track updates (13 time constants
 * of the catalog's guided round, 0.15 s; 20 messages at 10 Hz), short enough that gravity's curvature of
 * the path, which the law reads as a line-of-sight rate, stays small (g t^2 / 2 = 20 m). Measured on the
 * teaching glider with a perfect track (docs/models.md 11.8): 2 s misses by 1.5 m, 3 s by 3.5 m, 5 s by
 * 11 m; none (ZEM to the end) misses by more on real tracks, whose point at the intercept time jumps.
 */
export const END_GAME_S = 2;
/** How often a command-guided round's intercept time is re-solved in midcourse, s. */
export const INTERCEPT_RESOLVE_S = 2;
/** Increment of the coasting flyout that re-solves it (ApproachTracker.fly), s. */
const RESOLVE_STEP_S = 0.5;
/** How far past the intercept time it re-solves the coasting flyout looks, s (a slow round's is later). */
const RESOLVE_REACH_S = 60;

export abstract class Round {
  /** Velocity spent on steering so far, m/s, and the largest lateral acceleration applied, m/s^2. */
  divertMps = 0;
  peakLateralMps2 = 0;
  private lastTickS: number;

  constructor(
    readonly shot: ShotRecord,
    readonly flight: Flight,
    /** Fire control's Pk for the shot when it was fired. */
    readonly plannedPk: number,
  ) {
    this.lastTickS = shot.timeS;
  }

  /** Advances the round to tS, applying its guidance updates on the way (at their own times). */
  abstract advance(tS: number, ctx: RoundContext): void;

  /** Adds the lateral acceleration at the round's time to the divert totals (rectangle rule). */
  protected account(): void {
    const f = this.flight;
    const t = f.timeS;
    if (!f.ended) {
      f.evaluate(t, f.stateAt(t, Y), D);
      const a = f.context.lateralAccelMps2;
      this.divertMps += a * (t - this.lastTickS);
      if (a > this.peakLateralMps2) this.peakLateralMps2 = a;
    }
    this.lastTickS = t;
  }
}

export class UnguidedRound extends Round {
  advance(tS: number): void {
    this.flight.advanceTo(tS);
  }
}

export class CommandGuidedRound extends Round {
  private readonly link: CommandLink;
  private next = 0;
  private readonly p = new Float64Array(3);
  private readonly v = new Float64Array(3);
  /** The intercept time the midcourse law steers for (the plan, then re-solved), s. */
  private interceptS: number;
  private nextResolveS: number;
  private readonly approach = new ApproachTracker();
  private readonly ca = createClosestApproach();
  /** The midcourse target last sent (the law's integration restarts at each change). */
  private readonly sentP = new Float64Array(3).fill(NaN);
  private sentInterceptS = NaN;

  constructor(
    shot: ShotRecord,
    flight: Flight,
    plannedPk: number,
    private readonly definition: RailgunDefinition,
    private readonly law: ProportionalNavigation,
    private readonly midcourse: ZemGuidance | null,
    /** The firing solution's intercept time, s. */
    plannedInterceptS: number,
  ) {
    super(shot, flight, plannedPk);
    const g = definition.projectile.guidance;
    if (g === null) throw new RangeError(`${shot.shotId}: a command-guided round needs a guided projectile`);
    this.link = new CommandLink(g.commandLink, shot.timeS);
    this.interceptS = plannedInterceptS;
    this.nextResolveS = shot.timeS;
  }

  advance(tS: number, ctx: RoundContext): void {
    const f = this.flight;
    for (;;) {
      const tm = this.link.messageTimeS(this.next);
      if (tm > tS || f.ended) break;
      f.advanceTo(tm);
      if (f.ended) break;
      const est = ctx.estimate;
      if (est !== null) {
        if (this.next === 0)
          ctx.notes.push({
            timeS: tm,
            type: "guidance",
            detail: { what: "command link", rateHz: 1 / this.link.intervalS, latencyS: this.link.latencyS },
          });
        if (!this.midcourseMessage(tm, est.prediction)) {
          const td = this.link.dataTimeS(tm);
          if (est.prediction.stateAt(td, this.p, this.v)) {
            if (f.guidance !== this.law) f.setGuidance(this.law);
            f.setTarget(this.p, this.v, null, td);
          }
        }
      }
      this.account();
      this.next++;
    }
    f.advanceTo(tS);
    this.account();
  }

  /**
   * The midcourse message at tm: the intercept time re-solved when due, then the predicted intercept
   * point sent to the ZEM law. False once the end game has begun (or the prediction does not reach the
   * intercept): the message is then the target's estimate, for proportional navigation.
   */
  private midcourseMessage(tm: number, prediction: TrackPrediction): boolean {
    const f = this.flight;
    const mid = this.midcourse;
    if (mid === null || f.guidance !== mid) return false;
    if (tm >= this.nextResolveS) {
      this.nextResolveS = tm + INTERCEPT_RESOLVE_S;
      const coast = createCoastingProjectileFlight(
        this.definition,
        f.earth,
        tm,
        f.stateAt(tm, Y),
        Math.max(1, this.interceptS + RESOLVE_REACH_S - tm),
      );
      const target = (t: number, p: Float64Array, v: Float64Array) => prediction.stateAt(t, p, v);
      const tMax = Math.min(prediction.endS, this.interceptS + RESOLVE_REACH_S);
      if (this.approach.fly(coast, target, RESOLVE_STEP_S, tMax, this.ca).found)
        this.interceptS = this.ca.timeS;
    }
    const ti = this.interceptS;
    if (!(ti - tm > END_GAME_S) || !prediction.stateAt(ti, this.p, null)) return false;
    const s = this.sentP;
    if (ti !== this.sentInterceptS || this.p[0] !== s[0] || this.p[1] !== s[1] || this.p[2] !== s[2]) {
      mid.interceptTimeS = ti;
      f.setTarget(this.p, AT_REST, null, tm);
      s.set(this.p);
      this.sentInterceptS = ti;
    }
    return true;
  }
}

/**
 * A time for a change from outside (a target update) that keeps clear of the flight's own scheduled
 * times: within 1 us of one, it moves to 1 us after it. (The propagator restarts its integration at a
 * change; a restart a few ulp before a scheduled segment end leaves a segment too short to step.)
 */
export function clearOf(scheduledTimesS: readonly number[], tS: number): number {
  for (const s of scheduledTimesS) if (Math.abs(tS - s) < 1e-6) return s + 1e-6;
  return tS;
}

export class InterceptorRound extends Round {
  private readonly seeker: Seeker;
  private readonly look = createSeekerLook();
  private readonly estimator: HomingEstimator;
  private readonly mid = createMidcourseSolution();
  private nextMidcourseS: number;
  private homing = false;
  private readonly boresight = new Float64Array(3);
  private readonly p = new Float64Array(3);
  private readonly v = new Float64Array(3);

  constructor(
    shot: ShotRecord,
    private readonly handles: InterceptorFlight,
    plannedPk: number,
    private readonly definition: InterceptorDefinition,
    /** Speed the missile averages to the intercept, m/s (the planned arrival speed, or faster). */
    private readonly planningSpeedMps: number,
    interceptTimeS: number,
    pipEcefM: ArrayLike<number>,
    /** The table's loft to the PIP: how far above it the missile aims while its motors burn, m. */
    private readonly loftM = 0,
  ) {
    super(shot, handles.flight, plannedPk);
    this.seeker = new Seeker(definition.seeker);
    this.estimator = new HomingEstimator(HOMING_ACCEL_PSD_M2S3, handles.flight.earth.omegaRadS);
    this.nextMidcourseS = handles.riseEndS;
    // The table's law while the motors burn: no fixed intercept time, and the aim point raised by the
    // table's loft to the PIP (see the file comment).
    handles.midcourse.interceptTimeS = NaN;
    handles.midcourse.setTarget(this.lofted(pipEcefM), AT_REST, null, shot.timeS);
    this.mid.interceptTimeS = interceptTimeS;
  }

  /** The point `loftM` above `pipEcefM` (the same latitude and longitude), into a shared buffer. */
  private lofted(pipEcefM: ArrayLike<number>): Float64Array {
    const earth = this.handles.flight.earth;
    earth.geodeticInto(pipEcefM, GEO);
    earth.ecefFromGeodeticInto(GEO[0], GEO[1], GEO[2] + this.loftM, AIM);
    return AIM;
  }

  /** Whether the seeker has locked on. */
  get homingStarted(): boolean {
    return this.homing;
  }

  advance(tS: number, ctx: RoundContext): void {
    const f = this.flight;
    // Midcourse updates at their own times.
    while (!this.homing && this.nextMidcourseS <= tS && !f.ended) {
      const tu = Math.max(clearOf(this.handles.scheduledTimesS, this.nextMidcourseS), f.timeS);
      f.advanceTo(tu);
      if (f.ended) break;
      const est = ctx.estimate;
      if (est !== null) {
        const y = f.stateAt(tu, Y);
        if (tu < this.handles.burnoutS) {
          // While the motors burn the table's time of flight (which includes the boost) stands: only
          // the point moves with the track.
          this.mid.converged = est.prediction.stateAt(
            this.mid.interceptTimeS,
            this.mid.pipEcefM,
            this.mid.targetVelEcefMps,
          );
        } else {
          const speed = Math.max(Math.hypot(y[3], y[4], y[5]), this.planningSpeedMps);
          midcoursePip(est.prediction, y, speed, tu, this.mid.interceptTimeS, this.mid);
        }
        if (this.mid.converged) {
          const boost = tu < this.handles.burnoutS;
          this.handles.midcourse.interceptTimeS = boost ? NaN : this.mid.interceptTimeS;
          const aim = boost ? this.lofted(this.mid.pipEcefM) : this.mid.pipEcefM;
          if (f.guidance === this.handles.midcourse) f.setTarget(aim, AT_REST, null, tu);
          else this.handles.midcourse.setTarget(aim, AT_REST, null, tu);
        }
      }
      this.account();
      this.nextMidcourseS = this.nextMidcourseS + this.definition.guidance.midcourseUpdateIntervalS;
    }
    f.advanceTo(Math.max(clearOf(this.handles.scheduledTimesS, tS), f.timeS));
    if (f.ended) return;
    tS = f.timeS;
    // Seeker looks at the loop's tick, once the payload flies free (the seeker sits under the shroud
    // or in the kill vehicle until the last burnout).
    const truth = ctx.truth;
    const est = ctx.estimate;
    if (
      tS >= this.handles.burnoutS &&
      truth !== null &&
      est !== null &&
      est.prediction.stateAt(tS, this.p, this.v)
    ) {
      const y = f.stateAt(tS, Y);
      const dx = this.p[0] - y[0];
      const dy = this.p[1] - y[1];
      const dz = this.p[2] - y[2];
      const r = Math.hypot(dx, dy, dz);
      const reach = this.seeker.acquisitionRangeM(this.seeker.signature(truth));
      const handover = this.homing || this.mid.interceptTimeS - tS <= TERMINAL_HANDOVER_S;
      if (r > 0 && r < 1.2 * reach && handover) {
        // The seeker points where the track predicts the target.
        this.boresight[0] = dx / r;
        this.boresight[1] = dy / r;
        this.boresight[2] = dz / r;
        this.seeker.look(y, this.boresight, truth, ctx.rng, this.look);
        if (this.look.acquired) {
          const range = this.look.rangeM;
          if (!this.homing) {
            this.homing = true;
            this.estimator.start(tS, this.p, this.v, Math.max(est.positionSigmaM, 10), 50);
            f.setGuidance(this.handles.terminal);
            ctx.notes.push({
              timeS: tS,
              type: "acquisition",
              detail: {
                rangeKm: round3(range / 1000),
                snr: round3(this.look.snr),
                offBoresightDeg: round3((this.look.offBoresightRad * 180) / Math.PI),
              },
            });
          }
          // Range from the track (a passive seeker) or measured (a radar seeker).
          const rangeEst = this.definition.seeker.kind === "radar" ? range : r;
          const rangeSigma = this.definition.seeker.kind === "radar" ? 5 : Math.max(est.positionSigmaM, 10);
          this.estimator.update(tS, y, this.look.losUnitEcef, rangeEst, this.look.angleSigmaRad, rangeSigma);
          const s = this.estimator.state.x;
          f.setTarget([s[0], s[1], s[2]], [s[3], s[4], s[5]], null, tS);
        }
      }
    }
    this.account();
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
