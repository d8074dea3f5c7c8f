/**
 * The fire control of one weapon against one threat (engage.ts): the track it plans on and the shot it
 * would fire now.
 * - Its track: a perfect one (the threat's own path ahead, flown whole beforehand) or the tracker's
 *   longest-confirmed track, predicted with the tracking layer's motion models (a track the motion check
 *   sees lifting, along its glide: liftingPrediction.ts, as the battle manager and the weapons system
 *   predict it; a track it sees thrusting is marked `boosting`, on which no shot is planned). It never
 *   reads the truth.
 * - Its shot: the PIP (pip.ts, with the weapon's flyout table) of a shot at the battery's earliest time
 *   from now, in two passes (the pointing, then the timing the mount allows), refused where the battery
 *   refuses the azimuth and elevation.
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { Flight } from "../../flight/propagation/flight.js";
import type { FlightResult } from "../../flight/result.js";
import { createTruthState, truthAt } from "../../flight/truthAt.js";
import type { SiteState } from "../../sensors/radar/site.js";
import { makeSiteState } from "../../sensors/radar/site.js";
import type { Tracker } from "../../tracking/management/tracker.js";
import { TrackMotionHistory, type MotionAssessmentOptions } from "../../tracking/predict/motion.js";
import type { GaussianState } from "../../tracking/types.js";
import type { WeaponBattery } from "../battery/battery.js";
import type { FlyoutTable } from "../fireControl/flyoutTable.js";
import { LiftingTrackPredictor, plannedAlongTrackAccelMps2 } from "../fireControl/liftingPrediction.js";
import { createPipSolution, PipSolver, type PipSolution } from "../fireControl/pip.js";
import { LIFTING_TARGET_ACCEL_MPS2 } from "../fireControl/shotKillProbability.js";
import { TrackPrediction } from "../fireControl/trackPrediction.js";
import { r3, type EngagementEvent } from "./engagementRecord.js";
import type { TargetEstimate } from "./rounds.js";

/** Prediction step of the fire control's track predictions, s. */
const PREDICTION_STEP_S = 1;
/** Sample step of a perfect track's prediction (the truth's path, Hermite between samples), s. */
const PERFECT_STEP_S = 0.25;

export interface EngageFireControlOptions<S extends GaussianState> {
  readonly earth: FlightEarthModel;
  readonly threat: Flight;
  readonly battery: WeaponBattery;
  readonly table: FlyoutTable;
  /** The tracker whose confirmed tracks it plans on, or null for a perfect track. */
  readonly tracker: Tracker<S> | null;
  /** The threat's whole flight, for a perfect track (null with a tracker). */
  readonly perfectPath: FlightResult | null;
  /** What the motion check of a real track needs; default: the kinematic test on the state alone. */
  readonly motion?: Omit<MotionAssessmentOptions, "earlier">;
  /** Where its "track" event goes (the engagement's timeline). */
  readonly events: EngagementEvent[];
}

export class EngageFireControl<S extends GaussianState> {
  readonly solver: PipSolver;
  /** The working solution (solveShot's). */
  readonly sol: PipSolution = createPipSolution();
  /** The track's prediction over the weapon's longest flight and 30 s more. */
  readonly prediction = new TrackPrediction();
  /** What a round's guidance is given of the target (null until there is a track). */
  estimate: TargetEstimate | null = null;
  /** The track's update interval (0 for a perfect track), s: the planning Pk of command guidance. */
  trackUpdateS = 0;
  /** Whether the track is taken as thrusting (no shot is planned on it). */
  boosting = false;
  /**
   * The manoeuvre the planning Pk assumes (shotKillProbability.ts): a lifting target's (a track the
   * motion check sees lifting; for a perfect track, a glider's or a cruise missile's) as the battle
   * manager plans it, else none.
   */
  targetAccelerationMps2: number;
  private haveTrack = false;
  private readonly horizonS: number;
  private readonly site = makeSiteState();
  private readonly motion: TrackMotionHistory | null;
  private lifting: LiftingTrackPredictor | undefined;
  private readonly pathTruth;

  constructor(private readonly o: EngageFireControlOptions<S>) {
    const def = o.battery.definition;
    this.solver = new PipSolver(o.table, def.envelope, o.earth);
    this.horizonS = def.envelope.maxTimeOfFlightS + 30;
    this.motion = o.tracker === null ? null : new TrackMotionHistory(o.motion ?? {});
    this.targetAccelerationMps2 =
      o.tracker === null && o.threat.kind !== "ballistic" ? LIFTING_TARGET_ACCEL_MPS2 : 0;
    this.pathTruth = createTruthState(o.threat.id, o.threat.kind);
  }

  /** The launcher at tS (a view shared by the calls). */
  launcherAt(tS: number): SiteState {
    return this.o.battery.site.stateInto(tS, this.site);
  }

  /** The perfect track's source: the threat's own path, flown whole. */
  private readonly pathSource = (tS: number, p: Float64Array, v: Float64Array): boolean => {
    const path = this.o.perfectPath;
    if (path === null || tS > path.endTimeS || tS < path.startTimeS) return false;
    truthAt(path, tS, this.pathTruth);
    p.set(this.pathTruth.posEcefM);
    v.set(this.pathTruth.velEcefMps);
    return true;
  };

  /** Updates the track's estimate and prediction at tS; returns whether there is a track. */
  updateTrack(tS: number): boolean {
    const { earth, threat, tracker, events } = this.o;
    if (tracker === null) {
      if (threat.ended) return this.estimate !== null;
      this.prediction.fromSource(tS, this.horizonS, PERFECT_STEP_S, this.pathSource, earth);
      this.estimate = { prediction: this.prediction, positionSigmaM: 0 };
      if (!this.haveTrack) {
        this.haveTrack = true;
        events.push({ timeS: r3(tS), type: "track", detail: { source: "perfect" } });
      }
      return true;
    }
    let best = null;
    for (const tr of tracker.tracks) {
      if (tr.status !== "confirmed") continue;
      if (best === null || (tr.confirmedAtS ?? Infinity) < (best.confirmedAtS ?? Infinity)) best = tr;
    }
    if (best === null) return false;
    const filter = tracker.filter;
    this.motion?.note(best.id, best.state);
    const m = this.motion?.assess(best.id, best.state);
    this.boosting = m?.thrusting ?? false;
    const liftingTrack = m !== undefined && m.lifting && !m.thrusting;
    this.targetAccelerationMps2 = liftingTrack ? LIFTING_TARGET_ACCEL_MPS2 : 0;
    const ahead = this.horizonS + (tS - best.lastUpdateS);
    // A track seen lifting is predicted along its glide, as the battle manager and the weapons do.
    if (liftingTrack) {
      this.lifting ??= new LiftingTrackPredictor(filter);
      const accel = plannedAlongTrackAccelMps2(m);
      this.lifting.predict(this.prediction, best.state, accel, ahead, PREDICTION_STEP_S, earth);
    } else this.prediction.fromFilter(filter, best.state, ahead, PREDICTION_STEP_S, earth);
    const P = best.state.P;
    const n = filter.ndim;
    const positionSigmaM = Math.sqrt((P[0] + P[n + 1] + P[2 * n + 2]) / 3);
    this.estimate = { prediction: this.prediction, positionSigmaM };
    this.trackUpdateS = best.updateIntervalS;
    if (!this.haveTrack) {
      this.haveTrack = true;
      events.push({
        timeS: r3(tS),
        type: "track",
        detail: { source: "sensors", trackId: best.id, positionSigmaM: r3(positionSigmaM) },
      });
    }
    return true;
  }

  /** The PIP of a shot at the battery's earliest time from tS (two passes: pointing, then timing). */
  solveShot(tS: number): PipSolution | null {
    const { battery } = this.o;
    const sol = this.sol;
    this.solver.solve(this.prediction, this.launcherAt(tS), tS + battery.definition.reactionTimeS, sol);
    if (sol.outcome !== "intercept") return null;
    const ts = battery.earliestShotS(tS, sol.azimuthRad, sol.elevationRad);
    if (!Number.isFinite(ts)) return null;
    this.solver.solve(this.prediction, this.launcherAt(ts), ts, sol);
    if (sol.outcome !== "intercept") return null;
    if (battery.refusal(sol.azimuthRad, sol.elevationRad) !== null) return null;
    return sol;
  }
}
