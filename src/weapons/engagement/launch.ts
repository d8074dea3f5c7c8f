/**
 * A shot leaving a battery: the fire control's last solution on the latest track prediction at the shot
 * time (pip.ts), the planned Pk of the shot (shotKillProbability.ts), then
 * - a gun: the aim refined by flyouts (firingSolution.ts) and dispersed by its aiming and muzzle-speed
 *   errors (three normal draws from `dispersion`, in the order azimuth, elevation, speed), the round
 *   fired (battery.fire: magazine, rate of fire, power, mount) and flown as a projectile on the flight
 *   layer, unguided or command-guided;
 * - an interceptor: launched vertically from its cell and flown on the flight layer (stages, midcourse
 *   to the PIP, seeker, homing), its midcourse aimed at the solution's PIP.
 * When the latest track no longer gives an intercept at the shot time, or the battery refuses the
 * solution, nothing is fired and the reason is returned. Used by the single-engagement loop
 * (engage.ts) and by the engine's weapons system (src/sim/systems/weapons.ts).
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { VehicleKind } from "../../flight/truth.js";
import type { RandomStream } from "../../math/random.js";
import type { SiteState } from "../../sensors/radar/site.js";
import type { WeaponBattery } from "../battery/battery.js";
import { createGunFiringSolution, type GunFireControl } from "../fireControl/firingSolution.js";
import type { PipSolution, PipSolver } from "../fireControl/pip.js";
import { shotKillProbability } from "../fireControl/shotKillProbability.js";
import type { TrackPrediction } from "../fireControl/trackPrediction.js";
import { createInterceptorFlight } from "../flight/interceptor.js";
import { createProjectileFlight } from "../flight/projectile.js";
import { CommandGuidedRound, InterceptorRound, UnguidedRound, type Round } from "./rounds.js";

export interface LaunchOptions {
  readonly battery: WeaponBattery;
  readonly earth: FlightEarthModel;
  readonly solver: PipSolver;
  /** The gun's flyout fire control (null for an interceptor battery). */
  readonly gunFireControl: GunFireControl | null;
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

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Fires one round (see the file comment). */
export function launchRound(o: LaunchOptions): LaunchResult {
  const { battery, earth, solver, prediction, shotTimeS: ts, solution: sol } = o;
  const def = battery.definition;
  const l = o.launcher;
  solver.solve(prediction, l, ts, sol);
  const refusal = sol.outcome === "intercept" ? battery.refusal(sol.azimuthRad, sol.elevationRad) : null;
  if (sol.outcome !== "intercept" || refusal !== null) return { fired: false, why: refusal ?? sol.outcome };
  const planned = shotKillProbability(battery.delivery, sol, prediction, l.posEcefM, earth, {
    targetKind: o.targetKind,
  });
  const minPk = o.minKillProbability ?? 0;
  if (!(minPk >= 0 && minPk <= 1))
    throw new RangeError(`launchRound: minKillProbability must be in [0, 1], given ${minPk}`);
  if (planned.pk < minPk) return { fired: false, why: "kill probability below the doctrine's minimum" };
  let az = sol.azimuthRad;
  let el = sol.elevationRad;
  const plannedInterceptS = sol.interceptTimeS;
  const plannedAltM = sol.altM;
  const plannedRangeM = sol.rangeM;
  const sampleIntervalS = o.sampleIntervalS ?? 0.5;
  const endTimeS = Math.max(o.endS, ts + 1);
  let round: Round;
  let detail: Record<string, number | null>;
  if (def.kind === "railgun") {
    const muzzle = { posEcefM: l.posEcefM, velEcefMps: l.velEcefMps, rotEcefToEnu: l.rotEcefToEnu };
    const fs = (o.gunFireControl as GunFireControl).solve(
      prediction,
      muzzle,
      ts,
      sol,
      createGunFiringSolution(),
    );
    if (Number.isFinite(fs.azimuthRad)) {
      az = fs.azimuthRad;
      el = fs.elevationRad;
    }
    // The gun's errors: aim on both axes (azimuth error across the line of fire), muzzle speed.
    const d = def.dispersion;
    const dAz = o.dispersion.normal(0, d.aimSigmaRad) / Math.max(Math.cos(el), 0.05);
    const dEl = o.dispersion.normal(0, d.aimSigmaRad);
    const dV = o.dispersion.normal(0, d.muzzleSpeedSigmaMps);
    el = Math.min(def.mount.elevationMaxRad, Math.max(def.mount.elevationMinRad, el + dEl));
    az += dAz;
    const shot = battery.fire(ts, az, el);
    const pf = createProjectileFlight({
      id: shot.shotId,
      definition: def,
      earth,
      startTimeS: ts,
      muzzle,
      azimuthRad: az,
      elevationRad: el,
      muzzleSpeedMps: def.muzzleSpeedMps + dV,
      sampleIntervalS,
      endTimeS,
      historySteps: o.historySteps,
    });
    round =
      pf.law === null
        ? new UnguidedRound(shot, pf.flight, planned.pk)
        : new CommandGuidedRound(shot, pf.flight, planned.pk, def, pf.law);
    detail = {
      azimuthDeg: r3((az * 180) / Math.PI),
      elevationDeg: r3((el * 180) / Math.PI),
      flyouts: fs.flyouts,
      solutionMissM: Number.isFinite(fs.missM) ? r3(fs.missM) : null,
      muzzleSpeedMps: r3(def.muzzleSpeedMps + dV),
      roundsLeft: battery.roundsLeft,
    };
  } else {
    const shot = battery.fire(ts, az, Math.PI / 2);
    const h = createInterceptorFlight({
      id: shot.shotId,
      definition: def,
      earth,
      startTimeS: ts,
      launcherPosEcefM: l.posEcefM,
      launcherVelEcefMps: l.velEcefMps,
      sampleIntervalS,
      endTimeS,
      historySteps: o.historySteps,
    });
    round = new InterceptorRound(
      shot,
      h,
      planned.pk,
      def,
      Math.max(sol.arrivalSpeedMps, 1),
      plannedInterceptS,
      sol.pipEcefM,
    );
    detail = { azimuthDeg: r3((az * 180) / Math.PI), roundsLeft: battery.roundsLeft };
  }
  return {
    fired: true,
    round,
    plannedPk: planned.pk,
    plannedInterceptS,
    plannedAltM,
    plannedRangeM,
    azimuthRad: az,
    elevationRad: el,
    detail,
  };
}
