/**
 * What a battery is given to fire and fly one round (WeaponBattery.launch), and what it returns: the
 * part of a shot that differs between kinds of weapon (launch.ts holds the shared part: the last PIP
 * solution, the battery's refusal, the planned Pk and the doctrine's floor on it).
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { RandomStream } from "../../math/random.js";
import type { SiteState } from "../../sensors/radar/site.js";
import type { PipSolution } from "../fireControl/pip.js";
import type { TrackPrediction } from "../fireControl/trackPrediction.js";
import type { Round } from "./rounds.js";

export interface RoundLaunch {
  readonly earth: FlightEarthModel;
  /** The fire control's latest prediction of the target's track. */
  readonly prediction: TrackPrediction;
  /** The launcher at the shot time. */
  readonly launcher: SiteState;
  readonly shotTimeS: number;
  /** The PIP solution of the shot on `prediction` (outcome "intercept"). */
  readonly solution: PipSolution;
  /** Fire control's Pk for the shot. */
  readonly plannedPk: number;
  /** The battery's dispersion stream (a gun's aim and muzzle-speed errors). */
  readonly dispersion: RandomStream;
  /** The round's flight ends by this time, s. */
  readonly endTimeS: number;
  /** Output sample interval of the round's flight, s. */
  readonly sampleIntervalS: number;
  /** Integration steps the round keeps for its dense output. */
  readonly historySteps?: number;
}

export interface LaunchedRound {
  readonly round: Round;
  /** The lay the round left on (a gun's, refined and dispersed), rad. */
  readonly azimuthRad: number;
  readonly elevationRad: number;
  /** What a timeline shows of the shot. */
  readonly detail: Readonly<Record<string, number | null>>;
}

/** x rounded to 3 decimals (the timeline's figures). */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
