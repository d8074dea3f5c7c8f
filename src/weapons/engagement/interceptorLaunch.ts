/**
 * An interceptor launcher's shot (WeaponBattery.launch): launched vertically from its cell (no mount
 * to lay) and flown on the flight layer (stages, midcourse to the PIP, seeker, homing), its midcourse
 * aimed at the solution's PIP (raised by the table's loft while its motors burn), planned at the
 * solution's arrival speed.
 */
import type { InterceptorBattery } from "../battery/battery.js";
import { createInterceptorFlight } from "../flight/interceptor.js";
import { round3, type LaunchedRound, type RoundLaunch } from "./roundLaunch.js";
import { InterceptorRound } from "./rounds.js";

export function launchInterceptorRound(battery: InterceptorBattery, o: RoundLaunch): LaunchedRound {
  const sol = o.solution;
  const l = o.launcher;
  const az = sol.azimuthRad;
  const el = sol.elevationRad;
  const shot = battery.fire(o.shotTimeS, az, Math.PI / 2);
  const h = createInterceptorFlight({
    id: shot.shotId,
    definition: battery.definition,
    earth: o.earth,
    startTimeS: o.shotTimeS,
    launcherPosEcefM: l.posEcefM,
    launcherVelEcefMps: l.velEcefMps,
    sampleIntervalS: o.sampleIntervalS,
    endTimeS: o.endTimeS,
    historySteps: o.historySteps,
  });
  const round = new InterceptorRound(
    shot,
    h,
    o.plannedPk,
    battery.definition,
    Math.max(sol.arrivalSpeedMps, 1),
    sol.interceptTimeS,
    sol.pipEcefM,
    sol.loftM,
  );
  return {
    round,
    azimuthRad: az,
    elevationRad: el,
    detail: { azimuthDeg: round3((az * 180) / Math.PI), roundsLeft: battery.roundsLeft },
  };
}
