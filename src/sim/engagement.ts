/**
 * The closed kill chain's systems of one run, built from the world (its batteries, doctrine and
 * assets) and the run's truth, tracker and log: weapons and adjudication (physical: they run right
 * after truth, before the sensors look, so a threat killed in a frame is not seen in it) and battle
 * management (a decision: it runs after tracking, on the frame's tracks).
 *
 * The battle manager is built here from exactly what it may read (src/engagement/picture.ts): the
 * tracker's live tracks and filter, its batteries' read-only views and its order book.
 */
import { BattleManager } from "../engagement/battleManager.js";
import type { TrackRecord } from "../engagement/trackFile.js";
import { batteryView, type TrackPicture } from "../engagement/picture.js";
import type { DefendedAsset } from "../engagement/threatEvaluation.js";
import type { FlightResult } from "../flight/result.js";
import type { RandomStream } from "../math/random.js";
import type { Tracker } from "../tracking/management/tracker.js";
import { ExtendedKalmanFilter } from "../tracking/filters/extendedKalman.js";
import { ImmFilter } from "../tracking/filters/imm.js";
import type { GaussianState, TrackingFilter } from "../tracking/types.js";
import { BallisticModel } from "../tracking/models/transition/ballistic.js";
import type { WeaponBattery } from "../weapons/battery/battery.js";
import { RailgunBattery } from "../weapons/battery/battery.js";
import type { EventLog } from "./events.js";
import { Ticks } from "./loop.js";
import { AdjudicationSystem } from "./systems/adjudication.js";
import { BattleManagementSystem, TrackAttribution } from "./systems/battleManagement.js";
import type { TruthSystem } from "./systems/truth.js";
import { WeaponsSystem, type RoundOutcome } from "./systems/weapons.js";
import type { World } from "./world.js";

export interface EngagementSystems {
  readonly batteries: readonly WeaponBattery[];
  readonly weapons: WeaponsSystem;
  readonly adjudication: AdjudicationSystem;
  readonly battle: BattleManagementSystem;
}

export interface EngagementContext {
  readonly world: World;
  readonly truth: TruthSystem;
  readonly tracker: Tracker<GaussianState>;
  readonly log: EventLog;
  readonly stream: (name: string) => RandomStream;
}

/** The engagement systems of a run, or null when the world has no weapons. */
export function engagementSystems(c: EngagementContext): EngagementSystems | null {
  const w = c.world;
  if (w.weaponIds.length === 0) return null;
  const batteries = w.createBatteries();
  const views = batteries.map(batteryView);
  const picture: TrackPicture = {
    get tracks() {
      return c.tracker.tracks;
    },
    filter: c.tracker.filter,
  };
  const weapons = new WeaponsSystem({
    batteries,
    views,
    earth: w.earth,
    truth: c.truth,
    picture,
    log: c.log,
    stream: c.stream,
    endS: w.durationS + 1,
    minInterceptAltitudeM: w.doctrine.minInterceptAltitudeM,
    minKillProbability: w.doctrine.minKillProbability,
  });
  const byId = new Map(batteries.map((b) => [b.id, b.lethality]));
  const adjudication = new AdjudicationSystem(weapons, c.truth, c.log, c.stream, w.earth, (id) => {
    const lethality = byId.get(id);
    if (lethality === undefined) throw new RangeError(`adjudication: no weapon ${id}`);
    return lethality;
  });
  const assets: DefendedAsset[] = w.assets.map((a) => ({
    id: a.id,
    latDeg: a.latDeg,
    lonDeg: a.lonDeg,
    value: a.value,
    radiusM: a.radiusM,
  }));
  const manager = new BattleManager({
    picture,
    batteries: views,
    orders: weapons.orders,
    assets,
    doctrine: w.doctrine,
    earth: w.earth,
    ballisticModel: threatEvaluationModel(w),
    motion: w.impactPrediction.motion,
    kappaIndex: c.tracker.filter.stateNames.indexOf("kappa"),
    planningModes: planningModes(c.tracker.filter),
  });
  const battle = new BattleManagementSystem(
    manager,
    weapons,
    c.log,
    new Ticks(w.doctrine.decisionIntervalS),
    new TrackAttribution(c.truth, picture),
  );
  return { batteries, weapons, adjudication, battle };
}

/**
 * The ballistic model of the battle manager's threat evaluation: the scorer's impact-prediction model
 * (the scenario's Earth, gravity, rotation and drag) with Runge-Kutta substeps of 2 s instead of 0.5 s,
 * a quarter of the cost of flying the unscented transform's 15 sigma points; it moves a predicted
 * impact by metres (tests/engagement/threatEvaluation.test.ts), against kilometres of the impact
 * ellipse and of the asset-at-risk test.
 */
export function threatEvaluationModel(w: World): BallisticModel {
  const m = w.impactPrediction.model;
  return new BallisticModel({ accelPsdM2S3: m.accelPsdM2S3, earth: w.earth, maxStepS: 2 });
}

/**
 * The battle manager's stand-ins for the tracker's IMM modes: a ballistic mode's model with Runge-Kutta
 * substeps of 2 s instead of 0.5 s (as threatEvaluationModel), the others as they are. Its planning
 * predictions run minutes ahead in 2 s samples and were a tenth of a 200-threat engagement's time, three
 * quarters of it in the ballistic mode's substeps; a 2 s substep moves the path by metres (its
 * predicted impacts: tests/engagement/threatEvaluation.test.ts), against the hundreds of metres of a
 * track's position uncertainty that the plan's probability of kill rests on. Orders are confirmed on
 * the tracker's whole filter before they are given (battleManager.ts).
 */
export function planningModes(
  filter: TrackingFilter<GaussianState>,
): TrackingFilter<GaussianState>[] | undefined {
  if (!(filter instanceof ImmFilter)) return undefined;
  return filter.filters.map((f) =>
    f instanceof ExtendedKalmanFilter && f.transition instanceof BallisticModel
      ? new ExtendedKalmanFilter({ transition: f.transition.withMaxStepS(PLANNING_MAX_STEP_S) })
      : f,
  );
}

/** Longest Runge-Kutta substep of the battle manager's ballistic predictions, s. */
const PLANNING_MAX_STEP_S = 2;

/** One shot of the run as the summary and the scene show it. */
export interface ShotRunSummary {
  readonly shotId: string;
  readonly weaponId: string;
  /** The weapon's kind (src/weapons/kinds.ts). */
  readonly kind: string;
  readonly trackId: string;
  /** The threat it was measured against (the adjudicator's true target), or null. */
  readonly threatId: string | null;
  readonly firedS: number;
  readonly plannedInterceptS: number;
  readonly plannedAltM: number;
  readonly plannedRangeM: number;
  readonly plannedPk: number;
  /** What happened; null outcome fields when the run ended with the round still flying. */
  readonly outcome: RoundOutcome | null;
  readonly flight: FlightResult;
}

export interface WeaponRunSummary {
  readonly weaponId: string;
  readonly model: string;
  /** The weapon's kind (src/weapons/kinds.ts). */
  readonly kind: string;
  readonly roundsFired: number;
  readonly roundsLeft: number;
  readonly kills: number;
  /** Electrical energy drawn from the pulsed-power bank, J (railguns; null for interceptors). */
  readonly energyUsedJ: number | null;
  /** Fraction of the rails' life used (railguns; null for interceptors). */
  readonly barrelWear: number | null;
  readonly ordersHeld: number;
}

export interface EngagementRunResult {
  readonly shots: readonly ShotRunSummary[];
  readonly weapons: readonly WeaponRunSummary[];
  /** What the battle manager knew of each track (decision margins). */
  readonly tracks: readonly TrackRecord[];
  readonly decisions: number;
  readonly fireControlSolutions: number;
}

/** The engagement part of a run's result (after its last frame). */
export function engagementResult(e: EngagementSystems): EngagementRunResult {
  const shots: ShotRunSummary[] = e.weapons.rounds.map((r) => ({
    shotId: r.shotId,
    weaponId: r.weaponId,
    kind: r.kind,
    trackId: r.trackId,
    threatId: r.targetId,
    firedS: r.firedS,
    plannedInterceptS: r.plannedInterceptS,
    plannedAltM: r.plannedAltM,
    plannedRangeM: r.plannedRangeM,
    plannedPk: r.plannedPk,
    outcome: r.outcome,
    flight: r.round.flight.result(),
  }));
  const weapons: WeaponRunSummary[] = e.batteries.map((b) => {
    const own = shots.filter((s) => s.weaponId === b.id);
    const held = e.weapons.book.orders.filter((o) => o.order.weaponId === b.id && o.state === "held").length;
    return {
      weaponId: b.id,
      model: b.definition.name,
      kind: b.definition.kind,
      roundsFired: b.shots.length,
      roundsLeft: b.roundsLeft,
      kills: own.filter((s) => s.outcome?.killed === true).length,
      energyUsedJ: b instanceof RailgunBattery ? b.power.energyUsedJ : null,
      barrelWear: b instanceof RailgunBattery ? b.barrelWear : null,
      ordersHeld: held,
    };
  });
  const m = e.battle.manager;
  return {
    shots,
    weapons,
    tracks: m.records(),
    decisions: m.cycles,
    fireControlSolutions: m.solutions,
  };
}
