/**
 * Weapons: the batteries carry out the battle manager's fire orders, and the rounds they fire fly.
 *
 * An order is tried at its shot time: the fire control takes the latest track of its target (the
 * tracker's own prediction, src/weapons/fireControl/trackPrediction.ts), solves the intercept at that
 * time and fires if the battery can (src/weapons/engagement/launch.ts: the gun's flyout refinement and
 * dispersion, the interceptor's launch); if the battery is not ready yet at that azimuth and elevation
 * (rate of fire, recharge, a gun still slewing) the order waits for it; if there is no intercept on the
 * latest track, or the battery refuses, the order is held (`shot-held`). A shot adds an entity to the
 * world: a projectile or interceptor flight on the flight layer.
 *
 * Rounds in flight advance with the clock, each guided by what a real round knows: the fire-control
 * track's prediction of its target, refreshed from the latest track every second (command-link
 * messages, midcourse updates), and its own seeker, which looks at its TRUE target (a sensor: it reads
 * the truth, as the radars do). The true target of a shot is the threat nearest to the track's predicted
 * position at the shot (within the scorer's 20 km cut-off; none: the track was false), fixed at the
 * shot; the adjudication (adjudication.ts) measures the round against it.
 *
 * Frames: at each order's time, and while rounds fly every 0.5 s, or every 0.05 s in the end-game (the
 * seeker's looks, and the adjudication's steps of the range rate), a round being in its end-game when
 * it is within END_GAME_RANGE_M of its target or within 5 s of its planned intercept.
 *
 * Randomness: a battery's aiming and muzzle-speed errors from `weapon:<id>:dispersion`, a round's
 * seeker noise from `seeker:<shotId>`.
 */
import type { EarthModel } from "../../earth/model.js";
import type {
  BatteryView,
  FireOrder,
  OrderBook,
  OrderState,
  OrderView,
  TrackPicture,
  TrackView,
} from "../../engagement/picture.js";
import { createTruthState } from "../../flight/truthAt.js";
import type { RandomStream } from "../../math/random.js";
import { makeSiteState, type SiteState } from "../../sensors/radar/site.js";
import type { GaussianState } from "../../tracking/types.js";
import type { WeaponBattery } from "../../weapons/battery/battery.js";
import type { WeaponDefinition } from "../../weapons/definitions.js";
import { createPipSolution, PipSolver, type PipSolution } from "../../weapons/fireControl/pip.js";
import { TrackPrediction } from "../../weapons/fireControl/trackPrediction.js";
import { LiftingTrackPredictor } from "../../weapons/fireControl/liftingPrediction.js";
import { plannedTargetOf } from "../../engagement/trackFile.js";
import { launchRound } from "../../weapons/engagement/launch.js";
import type { GuidanceNote, Round, RoundContext, TargetEstimate } from "../../weapons/engagement/rounds.js";
import type { EventLog } from "../events.js";
import { Ticks, type SimSystem } from "../loop.js";
import { SCORING_CUTOFF_M } from "./scoring.js";
import type { TruthView } from "./truth.js";

/** Distance to its target within which a round is in its end-game, m (seeker acquisition, 0.05 s steps). */
export const END_GAME_RANGE_M = 80_000;
/** Seconds around the planned intercept that count as end-game too. */
const END_GAME_TIME_S = 5;
const MIDCOURSE = new Ticks(0.5);
const END_GAME = new Ticks(0.05);
/** Prediction step of the fire control's estimates for a firing solution, and for guidance, s. */
const ESTIMATE_STEP_S = 1;
const GUIDANCE_STEP_S = 2;
/** Slack on how far an estimate must reach before it is rebuilt, s. */
const ESTIMATE_REACH_SLACK_S = 5;
/** A round's estimate of its target reaches this far past its planned intercept, s (midcourse PIPs move). */
const ROUND_ESTIMATE_MARGIN_S = 20;
/** Integration steps a round keeps (its closest approach is located within the last frame). */
const ROUND_HISTORY_STEPS = 32;
/** How many times an order waits (for its battery, or for its target to come into reach) before it is held. */
const MAX_WAITS = 4;
/** Wait of an order whose round would arrive before its target enters the envelope, s. */
const EARLY_WAIT_S = 1;

class OrderRecord implements OrderView {
  state: OrderState = "pending";
  shotId: string | null = null;
  plannedInterceptS: number;
  doneS = NaN;
  heldBecause: string | null = null;
  dueS: number;
  waits = 0;
  constructor(
    readonly order: FireOrder,
    readonly index: number,
  ) {
    this.dueS = order.shotTimeS;
    this.plannedInterceptS = order.interceptTimeS;
  }
}

class Orders implements OrderBook {
  readonly orders: OrderRecord[] = [];
  private readonly byId = new Map<string, OrderRecord>();
  add(o: FireOrder): OrderRecord {
    if (this.byId.has(o.orderId)) throw new RangeError(`weapons: order ${o.orderId} given twice`);
    const r = new OrderRecord(o, this.orders.length);
    this.orders.push(r);
    this.byId.set(o.orderId, r);
    return r;
  }
  get(orderId: string): OrderRecord | undefined {
    return this.byId.get(orderId);
  }
}

/** A round in flight and what the adjudication keeps of it. */
export interface RoundRecord {
  readonly shotId: string;
  readonly weaponId: string;
  readonly batteryIndex: number;
  readonly kind: WeaponDefinition["kind"];
  readonly trackId: string;
  readonly orderId: string;
  readonly round: Round;
  readonly firedS: number;
  readonly plannedInterceptS: number;
  readonly plannedAltM: number;
  readonly plannedRangeM: number;
  readonly plannedPk: number;
  /** Index of its true target among the truth's flights, -1 if none. */
  readonly targetIndex: number;
  readonly targetId: string | null;
  /** The launcher at the shot (intercept ranges are measured from it). */
  readonly launcherEcefM: Float64Array;
  /** The adjudication's state. */
  lastRate: number;
  lastTimeS: number;
  endGame: boolean;
  /** Smallest local minimum of the distance seen outside the end-game, m. */
  bestMissM: number;
  done: boolean;
  doneS: number;
  /** What happened (null while it flies). */
  outcome: RoundOutcome | null;
}

export interface RoundOutcome {
  readonly killed: boolean;
  /** Closest approach (null: none located). */
  readonly closestApproachS: number | null;
  readonly missM: number | null;
  readonly pk: number;
  readonly altM: number | null;
  readonly rangeM: number | null;
  readonly closingSpeedMps: number | null;
  /** Why not a kill ("" for a kill). */
  readonly reason: string;
}

interface Unit {
  readonly battery: WeaponBattery;
  readonly solver: PipSolver;
  readonly dispersion: RandomStream;
}

interface Estimate extends TargetEstimate {
  readonly prediction: TrackPrediction;
  positionSigmaM: number;
  fromS: number;
  /** The along-track acceleration of a prediction along the glide (a lifting track), m/s^2; NaN: the
   *  whole filter's. */
  alongTrackAccelMps2: number;
}

export interface WeaponsSystemOptions {
  readonly batteries: readonly WeaponBattery[];
  /** The same batteries as the battle manager sees them (for their shot intervals). */
  readonly views: readonly BatteryView[];
  readonly earth: EarthModel;
  readonly truth: TruthView;
  readonly picture: TrackPicture;
  readonly log: EventLog;
  readonly stream: (name: string) => RandomStream;
  /** The run's end (flights are cut there), s. */
  readonly endS: number;
  /** The doctrine's minimum intercept altitude, m (the fire control's envelope, as the battle manager's). */
  readonly minInterceptAltitudeM: number;
  /** The doctrine's least kill probability of a shot, checked again at firing on the latest track. */
  readonly minKillProbability?: number;
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export class WeaponsSystem implements SimSystem {
  readonly name = "weapons";
  readonly book = new Orders();
  /** Every round fired, in firing order. */
  readonly rounds: RoundRecord[] = [];
  private readonly units: Unit[];
  private readonly estimates = new Map<string, Estimate>();
  private readonly site: SiteState = makeSiteState();
  private readonly sol: PipSolution = createPipSolution();
  private readonly truthScratch = createTruthState();
  private readonly p = new Float64Array(3);
  private readonly y = new Float64Array(7);
  private readonly notes: GuidanceNote[] = [];
  private readonly seekers = new Map<string, RandomStream>();
  /** Orders not yet fired or held, by due time then issue order. */
  private pending: OrderRecord[] = [];
  /** Tracks fired at as lifting, with the along-track acceleration their orders gave (m/s^2). */
  private readonly liftingTracks = new Map<string, number>();
  private readonly liftingPredictor: LiftingTrackPredictor;

  constructor(private readonly o: WeaponsSystemOptions) {
    this.liftingPredictor = new LiftingTrackPredictor(o.picture.filter);
    this.units = o.batteries.map((b) => {
      const lat = b.site.stateInto(0, makeSiteState()).latRad;
      const e = b.definition.envelope;
      const envelope = {
        ...e,
        minInterceptAltitudeM: Math.max(e.minInterceptAltitudeM, o.minInterceptAltitudeM),
      };
      return {
        battery: b,
        solver: new PipSolver(b.flyoutTable(o.earth, lat), envelope, o.earth),
        dispersion: o.stream(`weapon:${b.id}:dispersion`),
      };
    });
  }

  /** The battle manager's order book (read-only to it). */
  get orders(): OrderBook {
    return this.book;
  }

  /** Takes an order from the battle manager. */
  give(order: FireOrder): void {
    const r = this.book.add(order);
    this.pending.push(r);
    this.sortPending();
  }

  private sortPending(): void {
    this.pending.sort((a, b) => a.dueS - b.dueS || a.index - b.index);
  }

  nextFrameS(afterS: number): number {
    let next = Infinity;
    for (const r of this.pending) if (r.dueS > afterS) next = Math.min(next, r.dueS);
    let fine = false;
    let flying = false;
    for (const rr of this.rounds) {
      if (rr.done) continue;
      flying = true;
      if (rr.endGame) fine = true;
    }
    if (fine) next = Math.min(next, END_GAME.after(afterS));
    else if (flying) next = Math.min(next, MIDCOURSE.after(afterS));
    return next;
  }

  runFrame(timeS: number): void {
    while (this.pending.length > 0 && this.pending[0].dueS <= timeS + 1e-9) {
      const r = this.pending.shift() as OrderRecord;
      this.tryFire(r, timeS);
    }
    for (const rr of this.rounds) if (!rr.done) this.advance(rr, timeS);
  }

  /** The live track of an id, or undefined. */
  private track(trackId: string): TrackView | undefined {
    for (const t of this.o.picture.tracks) if (t.id === trackId) return t;
    return undefined;
  }

  /**
   * The fire control's estimate of a track, predicted to untilS at least, by the tracker's whole
   * filter (a track fired at as lifting: its estimate along its glide, liftingPrediction.ts). For a
   * firing solution (`full`) it is predicted anew, in 1 s steps, with its covariance. For the guidance
   * of rounds in flight (what the command link sends, what a seeker is pointed by, the midcourse PIP)
   * it is the mean alone, in 2 s steps, rebuilt whenever the track has been updated
   * since (or when it does not reach untilS): a round is guided by the latest track, as a real link
   * would send it (guiding by one IMM mode, or a stale estimate, costs tens of metres of miss:
   * docs/models.md 11.8).
   */
  private estimate(trackId: string, untilS: number, full = false): Estimate | null {
    let e = this.estimates.get(trackId);
    const t = this.track(trackId);
    if (t === undefined) return e ?? null;
    const along = this.liftingTracks.get(trackId) ?? Number.NaN;
    if (!full && e !== undefined && Object.is(along, e.alongTrackAccelMps2) && e.fromS === t.lastUpdateS) {
      // The track has had no update since: its prediction would be the same.
      const p = e.prediction;
      if (p.endS >= Math.min(p.groundS, untilS - ESTIMATE_REACH_SLACK_S)) return e;
    }
    if (e === undefined) {
      e = { prediction: new TrackPrediction(256), positionSigmaM: 0, fromS: NaN, alongTrackAccelMps2: NaN };
      this.estimates.set(trackId, e);
    }
    const st = t.state as GaussianState;
    const n = this.o.picture.filter.ndim;
    const ahead = Math.max(ESTIMATE_STEP_S, untilS - t.lastUpdateS + ESTIMATE_REACH_SLACK_S);
    const step = full ? ESTIMATE_STEP_S : GUIDANCE_STEP_S;
    // Guidance reads positions and velocities only (rounds.ts): no covariance.
    if (along === along)
      this.liftingPredictor.predict(e.prediction, st, along, ahead, step, this.o.earth, full);
    else e.prediction.fromFilter(this.o.picture.filter, st, ahead, step, this.o.earth, full);
    e.alongTrackAccelMps2 = along;
    e.positionSigmaM = Math.sqrt((st.P[0] + st.P[n + 1] + st.P[2 * n + 2]) / 3);
    e.fromS = t.lastUpdateS;
    return e;
  }

  private hold(r: OrderRecord, timeS: number, why: string): void {
    r.state = "held";
    r.heldBecause = why;
    r.doneS = timeS;
    const o = r.order;
    this.o.log.push({
      timeS,
      type: "shot-held",
      trackId: o.trackId,
      weaponId: o.weaponId,
      detail: { orderId: o.orderId, why },
    });
  }

  private tryFire(r: OrderRecord, timeS: number): void {
    const o = r.order;
    const j = this.units.findIndex((u) => u.battery.id === o.weaponId);
    if (j < 0) throw new RangeError(`weapons: order ${o.orderId} names no battery of this run`);
    const u = this.units[j];
    const b = u.battery;
    if (b.roundsLeft <= 0) return this.hold(r, timeS, "magazine-empty");
    if (o.threatClass === "lifting") this.liftingTracks.set(o.trackId, o.alongTrackAccelMps2 ?? 0);
    else this.liftingTracks.delete(o.trackId);
    const est = this.estimate(o.trackId, timeS + b.definition.envelope.maxTimeOfFlightS + 5, true);
    if (est === null || this.track(o.trackId) === undefined) return this.hold(r, timeS, "track lost");
    const launcher = b.site.stateInto(timeS, this.site);
    u.solver.solve(est.prediction, launcher, timeS, this.sol);
    const wait = (untilS: number, why: string): void => {
      if (r.waits++ >= MAX_WAITS) return this.hold(r, timeS, why);
      r.dueS = untilS;
      this.pending.push(r);
      this.sortPending();
    };
    // The round would be there before the target enters the envelope: a later shot may intercept.
    if (this.sol.outcome === "early") return wait(timeS + EARLY_WAIT_S, "early");
    if (this.sol.outcome !== "intercept") return this.hold(r, timeS, this.sol.outcome);
    const ready = b.earliestShotS(o.decidedS, this.sol.azimuthRad, this.sol.elevationRad);
    if (!Number.isFinite(ready))
      return this.hold(r, timeS, b.refusal(this.sol.azimuthRad, this.sol.elevationRad) ?? "refused");
    if (ready > timeS + 1e-6) return wait(ready, "battery not ready");
    const launched = launchRound({
      battery: b,
      earth: this.o.earth,
      solver: u.solver,
      prediction: est.prediction,
      launcher,
      shotTimeS: timeS,
      dispersion: u.dispersion,
      endS: this.o.endS,
      // As the battle manager planned it.
      ...plannedTargetOf(o.threatClass),
      trackUpdateIntervalS: this.track(o.trackId)?.updateIntervalS ?? 0,
      solution: this.sol,
      historySteps: ROUND_HISTORY_STEPS,
      minKillProbability: this.o.minKillProbability,
    });
    if (!launched.fired) return this.hold(r, timeS, launched.why);
    const shot = launched.round.shot;
    const target = this.trueTarget(est, timeS);
    const rr: RoundRecord = {
      shotId: shot.shotId,
      weaponId: b.id,
      batteryIndex: j,
      kind: b.definition.kind,
      trackId: o.trackId,
      orderId: o.orderId,
      round: launched.round,
      firedS: timeS,
      plannedInterceptS: launched.plannedInterceptS,
      plannedAltM: launched.plannedAltM,
      plannedRangeM: launched.plannedRangeM,
      plannedPk: launched.plannedPk,
      targetIndex: target,
      targetId: target < 0 ? null : this.o.truth.flights[target].id,
      launcherEcefM: Float64Array.from(launcher.posEcefM),
      lastRate: NaN,
      lastTimeS: timeS,
      endGame: false,
      bestMissM: Infinity,
      done: false,
      doneS: NaN,
      outcome: null,
    };
    this.rounds.push(rr);
    r.state = "fired";
    r.shotId = shot.shotId;
    r.plannedInterceptS = launched.plannedInterceptS;
    this.o.log.push({
      timeS,
      type: "shot",
      trackId: o.trackId,
      weaponId: b.id,
      shotId: shot.shotId,
      ...(rr.targetId === null ? {} : { threatId: rr.targetId }),
      detail: {
        orderId: o.orderId,
        kind: b.definition.kind,
        plannedInterceptS: r3(launched.plannedInterceptS),
        plannedAltM: Math.round(launched.plannedAltM),
        plannedRangeM: Math.round(launched.plannedRangeM),
        plannedPk: r3(launched.plannedPk),
        azimuthDeg: r3((launched.azimuthRad * 180) / Math.PI),
        elevationDeg: r3((launched.elevationRad * 180) / Math.PI),
        roundsLeft: b.roundsLeft,
      },
    });
  }

  /** The threat nearest the track's predicted position at tS within the cut-off, or -1. */
  private trueTarget(est: Estimate, tS: number): number {
    if (!est.prediction.stateAt(tS, this.p, null)) return -1;
    const flights = this.o.truth.flights;
    let best = -1;
    let bestD = SCORING_CUTOFF_M;
    for (let i = 0; i < flights.length; i++) {
      const f = flights[i];
      if (tS < f.startTimeS) continue;
      const end = f.endTimeS;
      if (end === end && (tS > end || f.endReason === "terminated")) continue;
      const s = f.truthInto(tS, this.truthScratch);
      const d = Math.hypot(s.posEcefM[0] - this.p[0], s.posEcefM[1] - this.p[1], s.posEcefM[2] - this.p[2]);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  private advance(rr: RoundRecord, timeS: number): void {
    const est = this.estimate(rr.trackId, Math.max(rr.plannedInterceptS, timeS) + ROUND_ESTIMATE_MARGIN_S);
    let truth = null;
    if (rr.targetIndex >= 0) {
      const f = this.o.truth.flights[rr.targetIndex];
      const end = f.endTimeS;
      if (!(end === end && (timeS > end || f.endReason === "terminated")))
        truth = f.truthInto(timeS, this.truthScratch);
    }
    let rng = this.seekers.get(rr.shotId);
    if (rng === undefined) {
      rng = this.o.stream(`seeker:${rr.shotId}`);
      this.seekers.set(rr.shotId, rng);
    }
    this.notes.length = 0;
    const ctx: RoundContext = { estimate: est, truth, rng, notes: this.notes };
    rr.round.advance(timeS, ctx);
    const f = rr.round.flight;
    if (truth !== null && !f.ended) {
      const y = f.stateAt(Math.min(f.timeS, timeS), this.y);
      const d = Math.hypot(y[0] - truth.posEcefM[0], y[1] - truth.posEcefM[1], y[2] - truth.posEcefM[2]);
      rr.endGame = d < END_GAME_RANGE_M || Math.abs(timeS - rr.plannedInterceptS) < END_GAME_TIME_S;
    } else rr.endGame = Math.abs(timeS - rr.plannedInterceptS) < END_GAME_TIME_S;
  }

  /** The true target a shot was adjudicated against (analysis), or null. */
  targetOf(shotId: string): string | null {
    for (const rr of this.rounds) if (rr.shotId === shotId) return rr.targetId;
    return null;
  }

  /** Marks a round's order done (the adjudication calls it when the round has finished its run). */
  roundDone(rr: RoundRecord, doneS: number): void {
    rr.done = true;
    rr.doneS = doneS;
    const r = this.book.get(rr.orderId);
    if (r !== undefined) {
      r.state = "done";
      r.doneS = doneS;
    }
  }
}
