/**
 * A railgun's shot (WeaponBattery.launch): the aim refined by flyouts against the prediction
 * (firingSolution.ts), then dispersed by the gun's aiming and muzzle-speed errors (three normal draws
 * from the battery's dispersion stream, in the order azimuth, elevation, speed; the azimuth error
 * across the line of fire), the round fired (battery.fire: magazine, rate of fire, power, mount) and
 * flown as a projectile on the flight layer, unguided or command-guided.
 */
import type { RailgunBattery } from "../battery/battery.js";
import { createGunFiringSolution, type GunFireControl } from "../fireControl/firingSolution.js";
import { createProjectileFlight } from "../flight/projectile.js";
import { round3, type LaunchedRound, type RoundLaunch } from "./roundLaunch.js";
import { CommandGuidedRound, UnguidedRound } from "./rounds.js";

export function launchGunRound(
  battery: RailgunBattery,
  fireControl: GunFireControl,
  o: RoundLaunch,
): LaunchedRound {
  const def = battery.definition;
  const l = o.launcher;
  const ts = o.shotTimeS;
  let az = o.solution.azimuthRad;
  let el = o.solution.elevationRad;
  const muzzle = { posEcefM: l.posEcefM, velEcefMps: l.velEcefMps, rotEcefToEnu: l.rotEcefToEnu };
  const fs = fireControl.solve(o.prediction, muzzle, ts, o.solution, createGunFiringSolution());
  if (Number.isFinite(fs.azimuthRad)) {
    az = fs.azimuthRad;
    el = fs.elevationRad;
  }
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
    earth: o.earth,
    startTimeS: ts,
    muzzle,
    azimuthRad: az,
    elevationRad: el,
    muzzleSpeedMps: def.muzzleSpeedMps + dV,
    sampleIntervalS: o.sampleIntervalS,
    endTimeS: o.endTimeS,
    historySteps: o.historySteps,
  });
  const round =
    pf.law === null
      ? new UnguidedRound(shot, pf.flight, o.plannedPk)
      : new CommandGuidedRound(
          shot,
          pf.flight,
          o.plannedPk,
          def,
          pf.law,
          pf.midcourse,
          Number.isFinite(fs.interceptTimeS) ? fs.interceptTimeS : o.solution.interceptTimeS,
        );
  return {
    round,
    azimuthRad: az,
    elevationRad: el,
    detail: {
      azimuthDeg: round3((az * 180) / Math.PI),
      elevationDeg: round3((el * 180) / Math.PI),
      flyouts: fs.flyouts,
      solutionMissM: Number.isFinite(fs.missM) ? round3(fs.missM) : null,
      muzzleSpeedMps: round3(def.muzzleSpeedMps + dV),
      roundsLeft: battery.roundsLeft,
    },
  };
}
