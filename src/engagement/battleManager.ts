/**
 * The battle manager: at each decision cycle it reads the track picture and its own weapons' state
 * (picture.ts: nothing it is given reaches the truth) and decides which battery fires at which track,
 * and when.
 *
 * One cycle at time t:
 * 1. Kill assessment (engagementAssessment.ts) of every engagement whose rounds have all finished their
 *    runs. A track assessed killed is closed; one that survived is open to engagement again.
 * 2. Threat evaluation (threatEvaluation.ts) of each confirmed track, refreshed every
 *    `evaluationIntervalS`: its class from its kinematics and the IMM's mode probabilities (with the
 *    track's motion history), the defended assets at risk (predicted impact for ballistic tracks,
 *    the reachable glide footprint for lifting ones), ranked by time to go and value.
 * 3. Fire control, for each track that may be engaged (confirmed; not closed; no engagement waiting for
 *    its look; shots left under the doctrine; valued under the weapons control) and each battery that
 *    a coarse geometric gate lets through (the track cannot reach the battery's range within the
 *    planning horizon at its ground speed): the track's prediction over the horizon with the tracker's
 *    own filter (refreshed every `predictionIntervalS`), and the battery's opportunity against it
 *    (opportunities.ts: earliest and latest shot, Pk now and at best, shots in the window).
 * 4. Weapon-target assignment (tieredAssignment.ts over wta.ts: the exact search for small problems,
 *    maximum marginal return beyond) maximising the expected value of the assets saved,
 *    sum_i V_i (1 - prod_j (1 - p_ij)^x_ij): V_i the threat's value, p_ij the battery's best Pk against
 *    it (0 below the doctrine's minimum), at most n_ij shots in the pair's window, c_j shots per battery
 *    within the horizon (rounds left less those ordered, and the shots its sustained rate of fire and
 *    recharge allow in the horizon), at most the threat's shots left. With weapon priorities the
 *    assignment runs tier by tier on the values the earlier tiers leave (doctrine.ts).
 * 5. Orders: for each assigned threat, its assigned pairs whose earliest shot falls within the next
 *    cycle fire now, up to the engagement's size (one for shoot-look-shoot, the salvo's otherwise), if
 *    the Pk now is at least 0.8 of the pair's best (a later shot would not be much better) or waiting
 *    would leave the window too short for the looks the assignment still needs. A battery's orders of
 *    one cycle are spaced by its sustained interval. Each order is re-planned on the latest prediction
 *    just before it is given.
 * Deterministic: tracks, batteries and tiers are visited in fixed orders; ties in the assignment go to
 * the lower index.
 */
import type { EarthModel } from "../earth/model.js";
import { finiteArg, integerArg } from "../math/check.js";
import type { BallisticModel } from "../tracking/models/transition/ballistic.js";
import type { GaussianState, TrackingFilter } from "../tracking/types.js";
import { TrackMotionHistory, type MotionAssessmentOptions } from "../tracking/predict/motion.js";
import { TrackPrediction } from "../weapons/fireControl/trackPrediction.js";
import {
  LiftingTrackPredictor,
  plannedAlongTrackAccelMps2,
} from "../weapons/fireControl/liftingPrediction.js";
import { shotsPerEngagement, validateDoctrine, type Doctrine } from "./doctrine.js";
import { assessEngagements, type KillAssessmentRecord } from "./engagementAssessment.js";
import { FireControlUnit } from "./opportunities.js";
import type { BatteryView, FireOrder, OrderBook, TrackPicture, TrackView } from "./picture.js";
import {
  checkDefendedAssets,
  evaluateThreat,
  groundDistanceM,
  type DefendedAsset,
  type ThreatAssessment,
  type ThreatClass,
} from "./threatEvaluation.js";
import { checkPlanningModes, planningFilter } from "./planningFilter.js";
import { assignByTiers, type TierAssignment } from "./tieredAssignment.js";
import { newTrackFile, planningTarget, trackRecord, type TrackFile, type TrackRecord } from "./trackFile.js";

/**
 * Refresh of a track's threat evaluation: a tenth of its time to go, between these, s [N] (a threat
 * ten minutes out changes its aim little in a minute; one a minute out is re-read every 10 s).
 */
export const EVALUATION_INTERVAL_S = { min: 10, max: 60 } as const;
/**
 * Refresh of a track's prediction and opportunities: a quarter of the time to its earliest shot,
 * between these, s [N] (the planning prediction of a track whose shot is due is at most 2 s old, and
 * every order is re-planned on the latest track before it is given).
 */
export const PREDICTION_INTERVAL_S = { min: 5, max: 20 } as const;
/** Step of the fire control's track predictions, s (cubic Hermite between samples). */
export const PREDICTION_STEP_S = 2;
/**
 * How far beyond the planning horizon the battle manager's predictions reach for a weapon's time of
 * flight, s [N]: an intercept more than H + 180 s ahead is not planned yet (it will be, from a fresher
 * track, as the target comes closer); 180 s is an SM-6-class flight and three quarters of a GPI's.
 */
const LOOKAHEAD_TOF_S = 180;
/**
 * How far ahead a lifting track is predicted for planning, s [N]: a glider's or cruise missile's next
 * manoeuvre (a turn, the dive) is not in its track, and beyond a minute or two even its prediction along
 * the glide (weapons/fireControl/liftingPrediction.ts) is off by more than a weapon's divert can
 * forgive.
 */
const LIFTING_LOOKAHEAD_S = 120;
/** Wait before a shot the whole filter did not confirm is tried again, s. */
const CONFIRM_RETRY_S = 3;
/** Fire now if the Pk now is at least this fraction of the window's best. */
const FIRE_NOW_FRACTION = 0.8;
/** Margin of the coarse gate on the distance a track can close in the horizon, m. */
const GATE_MARGIN_M = 50_000;

export interface BattleManagerOptions {
  /** The tracker's picture (live tracks, the filter). */
  readonly picture: TrackPicture;
  /** Its batteries, read-only, in a fixed order. */
  readonly batteries: readonly BatteryView[];
  /** Its orders and their states (the weapons' telemetry). */
  readonly orders: OrderBook;
  readonly assets: readonly DefendedAsset[];
  readonly doctrine: Doctrine;
  readonly earth: EarthModel;
  /** The ballistic model of the impact prediction (the scenario's Earth). */
  readonly ballisticModel: BallisticModel;
  /** What the motion check needs (IMM mode names, the Earth). */
  readonly motion: MotionAssessmentOptions;
  /** Index of kappa in the track state, -1 if none. */
  readonly kappaIndex: number;
  /**
   * Filters to plan with in place of the IMM's modes, one per mode, each taking its mode's state (the
   * same layout): the same motion models with a coarser integration, say. Default: the modes.
   */
  readonly planningModes?: readonly TrackingFilter<GaussianState>[];
}

/** One order given, with what it was planned on. */
export interface PlannedEngagement {
  readonly order: FireOrder;
  readonly threatClass: ThreatClass;
  /** The most valuable asset at risk, and the threat's value. */
  readonly assetId: string | null;
  readonly value: number;
  /** Assignment method and tier (0: first). */
  readonly method: "exact" | "greedy";
  readonly tier: number;
}

export interface Decision {
  readonly timeS: number;
  readonly planned: readonly PlannedEngagement[];
  readonly assessed: readonly KillAssessmentRecord[];
}

export class BattleManager {
  readonly doctrine: Doctrine;
  readonly units: readonly FireControlUnit[];
  private readonly files = new Map<string, TrackFile>();
  private readonly motion: TrackMotionHistory;
  private readonly tiers: readonly (readonly number[])[];
  private orderCount = 0;
  /** The whole filter's prediction of a track an order is about to be given on. */
  private readonly confirm = new TrackPrediction(256);
  /** Lifting tracks' predictions along their glide (plan and confirmation alike). */
  private readonly liftingPredictor: LiftingTrackPredictor;
  private readonly pendingByBattery: number[];
  /** Decisions made, and the solutions they took (for benches). */
  cycles = 0;
  solutions = 0;

  constructor(private readonly o: BattleManagerOptions) {
    this.doctrine = validateDoctrine(o.doctrine);
    checkDefendedAssets("BattleManager", o.assets);
    integerArg("BattleManager", "o.kappaIndex", o.kappaIndex, -1, 1000);
    checkPlanningModes(o.picture.filter, o.planningModes);
    this.motion = new TrackMotionHistory(o.motion);
    this.liftingPredictor = new LiftingTrackPredictor(o.picture.filter);
    const site = {
      timeS: NaN,
      latRad: 0,
      lonRad: 0,
      altM: 0,
      posEcefM: new Float64Array(3),
      velEcefMps: new Float64Array(3),
      rotEcefToEnu: new Float64Array(9),
    };
    this.units = o.batteries.map((b) => {
      const lat = b.launcherAt(0, site).latRad;
      return new FireControlUnit(
        b,
        b.flyoutTable(o.earth, lat),
        o.earth,
        this.doctrine.minInterceptAltitudeM,
      );
    });
    const ids = o.batteries.map((b) => b.id);
    const tiers: number[][] = [];
    for (const w of this.doctrine.weaponPriorities) {
      const j = ids.indexOf(w);
      if (j >= 0 && !tiers.some((t) => t.includes(j))) tiers.push([j]);
    }
    const rest = ids.map((_, j) => j).filter((j) => !tiers.some((t) => t.includes(j)));
    if (rest.length > 0) tiers.push(rest);
    this.tiers = tiers;
    this.pendingByBattery = o.batteries.map(() => 0);
  }

  /** What the battle manager knew of each track it saw confirmed (in order of first sight). */
  records(): TrackRecord[] {
    const out: TrackRecord[] = [];
    for (const f of this.files.values()) if (f.firstConfirmedS !== null) out.push(trackRecord(f));
    return out;
  }

  /** The latest threat evaluation of a track, or null. */
  assessmentOf(trackId: string): ThreatAssessment | null {
    return this.files.get(trackId)?.assessment ?? null;
  }

  /** One decision cycle at nowS (see the file comment). */
  decide(nowS: number): Decision {
    finiteArg("BattleManager.decide", "nowS", nowS);
    this.cycles++;
    const d = this.doctrine;
    const tracks = new Map<string, TrackView>();
    for (const t of this.o.picture.tracks) tracks.set(t.id, t);
    // Orders still waiting to be fired, per battery (their rounds are not in roundsLeft yet).
    this.pendingByBattery.fill(0);
    for (const ov of this.o.orders.orders)
      if (ov.state === "pending") {
        const j = this.o.batteries.findIndex((b) => b.id === ov.order.weaponId);
        if (j >= 0) this.pendingByBattery[j]++;
      }
    const assessed = assessEngagements(this.files.values(), this.o.orders, tracks, nowS, d.assessmentDelayS);
    // Files for the confirmed tracks; motion history and threat evaluation.
    const candidates: TrackFile[] = [];
    for (const t of this.o.picture.tracks) {
      if (t.status !== "confirmed") continue;
      let f = this.files.get(t.id);
      if (f === undefined) {
        f = newTrackFile(t, nowS, this.units.length);
        this.files.set(t.id, f);
      }
      this.motion.note(t.id, t.state as GaussianState);
      if (f.closed) continue;
      if (nowS >= f.assessDueS) {
        const m = this.motion.assess(t.id, t.state as GaussianState);
        f.alongTrackAccelMps2 = plannedAlongTrackAccelMps2(m);
        f.assessment = evaluateThreat(t.id, t.state, m, this.o.assets, {
          earth: this.o.earth,
          ballisticModel: this.o.ballisticModel,
          kappaIndex: this.o.kappaIndex,
        });
        const ttg = f.assessment.timeToGoS;
        const e = EVALUATION_INTERVAL_S;
        f.assessDueS = nowS + Math.min(e.max, Math.max(e.min, Number.isFinite(ttg) ? ttg / 10 : e.max));
        if (Number.isFinite(f.assessment.impactTimeS)) {
          f.predictedImpactS = f.assessment.impactTimeS;
          f.predictedImpactAtS = nowS;
        }
      }
      if (f.engagement !== null || f.ordered >= d.maxShotsPerThreat) continue;
      const a = f.assessment;
      if (a === null || a.threatClass === "boosting") continue;
      if (a.value <= 0 && d.weaponsControl === "tight") continue;
      candidates.push(f);
    }
    if (candidates.length === 0) return { timeS: nowS, planned: [], assessed };
    // Fire control per candidate.
    const H = d.planningHorizonS;
    for (const f of candidates) {
      if (nowS >= f.oppsDueS) this.refreshOpportunities(f, tracks.get(f.trackId)!, nowS);
    }
    const planned = this.assign(candidates, tracks, nowS, H);
    return { timeS: nowS, planned, assessed };
  }

  private valueOf(f: TrackFile): number {
    const v = f.assessment?.value ?? 0;
    return v > 0 ? v : this.doctrine.weaponsControl === "free" ? this.doctrine.unthreateningValue : 0;
  }

  /** The track's planning prediction and every gated battery's opportunity against it. */
  private refreshOpportunities(f: TrackFile, t: TrackView, nowS: number): void {
    const H = this.doctrine.planningHorizonS;
    const x = t.state.x;
    const geo = this.o.earth.geodeticInto(x, new Float64Array(3));
    const latDeg = (geo[0] * 180) / Math.PI;
    const lonDeg = (geo[1] * 180) / Math.PI;
    const r = Math.hypot(x[0], x[1], x[2]);
    const vUp = (x[0] * x[3] + x[1] * x[4] + x[2] * x[5]) / r;
    const vGround = Math.sqrt(Math.max(0, x[3] * x[3] + x[4] * x[4] + x[5] * x[5] - vUp * vUp));
    const gated: number[] = [];
    let horizon = 0;
    for (let j = 0; j < this.units.length; j++) {
      const u = this.units[j];
      f.opps[j] = null;
      if (u.battery.roundsLeft - this.pendingByBattery[j] <= 0) continue;
      const l = u.launcherAt(nowS);
      const dist = groundDistanceM(latDeg, lonDeg, (l.latRad * 180) / Math.PI, (l.lonRad * 180) / Math.PI);
      const tof = u.envelope.maxTimeOfFlightS;
      if (dist - u.maxReachM > vGround * (H + tof) + GATE_MARGIN_M) continue;
      gated.push(j);
      horizon = Math.max(horizon, H + Math.min(tof, LOOKAHEAD_TOF_S) + u.reactionTimeS);
    }
    const p = PREDICTION_INTERVAL_S;
    if (gated.length === 0) {
      f.oppsDueS = nowS + p.max;
      return;
    }
    const lifting = f.assessment?.threatClass === "lifting";
    const ahead = (lifting ? Math.min(horizon, LIFTING_LOOKAHEAD_S) : horizon) + (nowS - t.lastUpdateS);
    const state = t.state as GaussianState;
    this.predictTrack(
      f,
      state,
      ahead,
      f.prediction,
      planningFilter(this.o.picture.filter, state, this.o.planningModes),
    );

    if (Number.isFinite(f.prediction.groundS) && f.assessment?.threatClass === "ballistic") {
      f.predictedImpactS = f.prediction.groundS;
      f.predictedImpactAtS = nowS;
    }
    const target = planningTarget(f, t);
    let soonest = Infinity;
    for (const j of gated) {
      const opp = this.units[j].opportunity(f.prediction, nowS, H, target);
      if (opp !== null) {
        this.solutions += opp.solutions;
        if (!(opp.latestShotS <= f.lastShotOpportunityS)) f.lastShotOpportunityS = opp.latestShotS;
        soonest = Math.min(soonest, opp.earliest.shotTimeS);
      }
      f.opps[j] = opp;
    }
    f.oppsDueS = nowS + Math.min(p.max, Math.max(p.min, (soonest - nowS) / 4));
  }

  /**
   * The track's prediction over `ahead` s into `out`: a lifting track along its glide (its measured
   * drag; liftingPrediction.ts), any other by `otherwise` (a planning mode, or the whole filter).
   */
  private predictTrack(
    f: TrackFile,
    state: GaussianState,
    ahead: number,
    out: TrackPrediction,
    otherwise: { filter: TrackingFilter<GaussianState>; state: GaussianState },
  ): void {
    const earth = this.o.earth;
    if (f.assessment?.threatClass === "lifting")
      this.liftingPredictor.predict(out, state, f.alongTrackAccelMps2, ahead, PREDICTION_STEP_S, earth);
    else out.fromFilter(otherwise.filter, otherwise.state, ahead, PREDICTION_STEP_S, earth);
  }

  /**
   * The earliest shot of battery j at the track now, on the tracker's whole filter (not the planning
   * mode; a lifting track along its glide, as the weapons will solve it), or null when that prediction
   * gives none within the next cycle.
   */
  private confirmShot(f: TrackFile, t: TrackView, j: number, nowS: number) {
    const u = this.units[j];
    const within = this.doctrine.decisionIntervalS + u.reactionTimeS;
    const tof = Math.min(u.envelope.maxTimeOfFlightS, LOOKAHEAD_TOF_S);
    const ahead = within + tof + u.reactionTimeS + (nowS - t.lastUpdateS);
    const state = t.state as GaussianState;
    this.predictTrack(f, state, ahead, this.confirm, { filter: this.o.picture.filter, state });
    const shot = u.earliestShot(this.confirm, nowS, within, planningTarget(f, t));
    this.solutions += u.takeSolutions();
    return shot;
  }

  /** Weapon-target assignment and the orders of this cycle (see the file comment). */
  private assign(
    candidates: readonly TrackFile[],
    tracks: ReadonlyMap<string, TrackView>,
    nowS: number,
    H: number,
  ): PlannedEngagement[] {
    const d = this.doctrine;
    const left = candidates.map((f) => d.maxShotsPerThreat - f.ordered);
    const { assigned, shotsAssigned } = assignByTiers(
      candidates.map((f, i) => ({ value: this.valueOf(f), opps: f.opps, shotsLeft: left[i] })),
      this.units.map((u, j) => ({
        roundsAvailable: u.battery.roundsLeft - this.pendingByBattery[j],
        shotIntervalS: u.battery.shotIntervalS,
      })),
      this.tiers,
      d,
      H,
    );
    // Orders: per threat, its due pairs (tier, then Pk), up to the engagement's size.
    const per = shotsPerEngagement(d);
    const booked = this.units.map(() => -Infinity);
    const planned: PlannedEngagement[] = [];
    const byThreat = new Map<number, TierAssignment[]>();
    for (const a of assigned) {
      const list = byThreat.get(a.i) ?? [];
      list.push(a);
      byThreat.set(a.i, list);
    }
    for (const [i, list] of [...byThreat].sort((p, q) => p[0] - q[0])) {
      const f = candidates[i];
      const track = tracks.get(f.trackId)!;
      list.sort((p, q) => p.tier - q.tier || f.opps[q.j]!.best.pk - f.opps[p.j]!.best.pk || p.j - q.j);
      const engagements = Math.ceil(shotsAssigned[i] / per);
      const want = Math.min(per, left[i]);
      const orderIds: string[] = [];
      for (const a of list) {
        if (orderIds.length >= want) break;
        const opp = f.opps[a.j]!;
        const u = this.units[a.j];
        if (opp.earliest.shotTimeS > nowS + d.decisionIntervalS + u.reactionTimeS) continue;
        const slack = opp.latestShotS - nowS;
        const need = (engagements - 1) * (opp.earliest.tofS + d.assessmentDelayS) + 2 * d.decisionIntervalS;
        const fireNow = (p: number) =>
          p >= d.minKillProbability && p > 0 && (p >= FIRE_NOW_FRACTION * opp.best.pk || slack <= need);
        if (!fireNow(opp.earliest.pk)) continue;
        // Re-plan the shot on the latest track with the tracker's whole filter before the order is
        // given (the weapons solve on the same).
        if (nowS < f.confirmAgainS[a.j]) continue;
        const now = this.confirmShot(f, track, a.j, nowS);
        if (now === null || !fireNow(now.pk)) {
          // Not confirmed on the whole filter: the planning prediction is refreshed before it is
          // tried again (or after CONFIRM_RETRY_S).
          f.confirmAgainS[a.j] = Math.min(f.oppsDueS, nowS + CONFIRM_RETRY_S);
          continue;
        }
        const n = Math.min(a.x, want - orderIds.length);
        for (let s = 0; s < n; s++) {
          const shotTimeS = Math.max(now.shotTimeS, booked[a.j] + u.battery.shotIntervalS);
          if (shotTimeS > opp.latestShotS) break;
          booked[a.j] = shotTimeS;
          const order: FireOrder = {
            orderId: `${u.battery.id}@${f.trackId}#${++this.orderCount}`,
            weaponId: u.battery.id,
            trackId: f.trackId,
            decidedS: nowS,
            shotTimeS,
            interceptTimeS: now.interceptTimeS + (shotTimeS - now.shotTimeS),
            interceptAltM: now.altM,
            interceptRangeM: now.rangeM,
            plannedPk: now.pk,
            threatClass: f.assessment?.threatClass ?? "ballistic",
            alongTrackAccelMps2: f.alongTrackAccelMps2,
          };
          orderIds.push(order.orderId);
          this.pendingByBattery[a.j]++;
          const best = f.assessment?.assets.reduce<{ id: string; v: number } | null>(
            (b, x) => (b === null || x.value > b.v ? { id: x.assetId, v: x.value } : b),
            null,
          );
          planned.push({
            order,
            threatClass: f.assessment?.threatClass ?? "ballistic",
            assetId: best?.id ?? null,
            value: this.valueOf(f),
            method: a.method,
            tier: a.tier,
          });
        }
      }
      if (orderIds.length > 0) {
        f.ordered += orderIds.length;
        f.engagement = { orderIds };
      }
    }
    return planned;
  }
}
