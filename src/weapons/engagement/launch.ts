/**
 * A shot leaving a battery: the fire control's last solution on the latest track prediction at the shot
 * time (pip.ts), the battery's refusal, the planned Pk of the shot (shotKillProbability.ts) against the
 * doctrine's floor, then the battery fires and flies its round (WeaponBattery.launch: gunLaunch.ts,
 * interceptorLaunch.ts).
 * When the latest track no longer gives an intercept at the shot time, or the battery refuses the
 * solution, nothing is fired and the reason is returned. Used by the single-engagement loop
 * (engage.ts) and by the engine's weapons system (src/sim/systems/weapons.ts).
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { VehicleKind } from "../../flight/truth.js";
import type { RandomStream } from "../../math/random.js";
import type { SiteState } from "../../sensors/radar/site.js";
import type { WeaponBattery } from "../battery/battery.js";
import type { PipSolution, PipSolver } from "../fireControl/pip.js";
import { shotKillProbability } from "../fireControl/shotKillProbability.js";
import type { TrackPrediction } from "../fireControl/trackPrediction.js";
import type { Round } from "./rounds.js";

export interface LaunchOptions {
  readonly battery: WeaponBattery;
  readonly earth: FlightEarthModel;
  readonly solver: PipSolver;
  /** The fire control's latest prediction of the target's track. */
  readonly prediction: TrackPrediction;
  /** The launcher at the shot time. */
  readonly launcher: SiteState;
  readonly shotTimeS: number;
  /** The battery's dispersion stream (guns). */
  readonly dispersion: RandomStream;
  /** The flight's last time, s (the run's end). */
  readonly endS: number;
  /** The class the fire control takes the track for (seeker planning); default "ballistic". */
  readonly targetKind?: VehicleKind;
  /** The target's acceleration across the line of sight the planning Pk allows for, m/s^2; default 0. */
  readonly targetAccelerationMps2?: number;
  /** The track's update interval, s (planning of command guidance); default 0. */
  readonly trackUpdateIntervalS?: number;
  /** Working storage of the solution (caller-owned). */
  readonly solution: PipSolution;
  /** Output sample interval of the round's flight, s (default 0.5). */
  readonly sampleIntervalS?: number;
  /** Integration steps the round keeps for its dense output (default 8). */
  readonly historySteps?: number;
  /**
   * The doctrine's least kill probability of a shot (default 0: any): a solution on the latest track
   * whose planned Pk is below it is not fired (the order was given on an earlier prediction).
   */
  readonly minKillProbability?: number;
}

export type LaunchResult =
  | {
      readonly fired: true;
      readonly round: Round;
      readonly plannedPk: number;
      readonly plannedInterceptS: number;
      readonly plannedAltM: number;
      readonly plannedRangeM: number;
      readonly azimuthRad: number;
      readonly elevationRad: number;
      /** What a timeline shows of the shot. */
      readonly detail: Readonly<Record<string, number | null>>;
    }
  | { readonly fired: false; readonly why: string };

/** Fires one round (see the file comment). */
export function launchRound(o: LaunchOptions): LaunchResult {
  const { battery, earth, solver, prediction, shotTimeS: ts, solution: sol } = o;
  const l = o.launcher;
  solver.solve(prediction, l, ts, sol);
  const refusal = sol.outcome === "intercept" ? battery.refusal(sol.azimuthRad, sol.elevationRad) : null;
  if (sol.outcome !== "intercept" || refusal !== null) return { fired: false, why: refusal ?? sol.outcome };
  const planned = shotKillProbability(battery.delivery, sol, prediction, l.posEcefM, earth, {
    targetKind: o.targetKind,
    targetAccelerationMps2: o.targetAccelerationMps2,
    trackUpdateIntervalS: o.trackUpdateIntervalS,
  });
  const minPk = o.minKillProbability ?? 0;
  if (!(minPk >= 0 && minPk <= 1))
    throw new RangeError(`launchRound: minKillProbability must be in [0, 1], given ${minPk}`);
  if (planned.pk < minPk) return { fired: false, why: "kill probability below the doctrine's minimum" };
  const plannedInterceptS = sol.interceptTimeS;
  const plannedAltM = sol.altM;
  const plannedRangeM = sol.rangeM;
  const launched = battery.launch({
    earth,
    prediction,
    launcher: l,
    shotTimeS: ts,
    solution: sol,
    plannedPk: planned.pk,
    dispersion: o.dispersion,
    endTimeS: Math.max(o.endS, ts + 1),
    sampleIntervalS: o.sampleIntervalS ?? 0.5,
    historySteps: o.historySteps,
  });
  return {
    fired: true,
    round: launched.round,
    plannedPk: planned.pk,
    plannedInterceptS,
    plannedAltM,
    plannedRangeM,
    azimuthRad: launched.azimuthRad,
    elevationRad: launched.elevationRad,
    detail: launched.detail,
  };
}
