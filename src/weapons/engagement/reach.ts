/**
 * Whether a threat ever comes within a weapon's reach: the engagement window (engagementWindow.ts)
 * against the threat's whole flight taken as a perfect prediction. This reads the truth, so it is for
 * checking a scenario's input (a weapon placed where it can never shoot), never for a decision in an
 * engagement. With no window, it says how close the threat came to the envelope: its nearest ground
 * range to the battery and the altitude there, against the envelope's limits.
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { FlightResult } from "../../flight/result.js";
import { truthAt, createTruthState } from "../../flight/truthAt.js";
import { makeSiteState } from "../../sensors/radar/site.js";
import type { WeaponBattery } from "../battery/battery.js";
import { engagementWindow, type EngagementWindow } from "../fireControl/engagementWindow.js";
import type { FlyoutTable } from "../fireControl/flyoutTable.js";
import { groundRangeM } from "../fireControl/geometry.js";
import { PipSolver } from "../fireControl/pip.js";
import { TrackPrediction } from "../fireControl/trackPrediction.js";

export interface ReachCheck {
  readonly window: EngagementWindow;
  /** Nearest ground range of the threat to the battery over its flight, m, and its altitude there. */
  readonly nearestRangeM: number;
  readonly altitudeAtNearestM: number;
  /** One line on why there is no window (empty when there is one). */
  readonly reason: string;
}

export function reachCheck(
  battery: WeaponBattery,
  table: FlyoutTable,
  threat: FlightResult,
  earth: FlightEarthModel,
  stepS = 1,
): ReachCheck {
  const truth = createTruthState(threat.id, threat.kind);
  const t0 = threat.startTimeS;
  const t1 = threat.endTimeS;
  const pred = new TrackPrediction(Math.ceil((t1 - t0) / stepS) + 2).fromSource(
    t0,
    t1 - t0,
    stepS,
    (t, p, v) => {
      if (t > t1 || threat.samples.count === 0) return false;
      truthAt(threat, t, truth);
      p.set(truth.posEcefM);
      v.set(truth.velEcefMps);
      return true;
    },
  );
  const def = battery.definition;
  const solver = new PipSolver(table, def.envelope, earth);
  const site = makeSiteState();
  const window = engagementWindow(solver, pred, (t) => battery.site.stateInto(t, site), t0, t1, {
    stepS,
    accept: (s) => battery.canElevate(s.elevationRad),
  });
  let nearest = Infinity;
  let altAt = NaN;
  const p = new Float64Array(3);
  for (let t = t0; t <= t1; t += stepS) {
    if (!pred.stateAt(t, p, null)) break;
    const s = groundRangeM(battery.site.stateInto(t, site).posEcefM, p);
    if (s < nearest) {
      nearest = s;
      altAt = earth.altitudeM(p);
    }
  }
  const e = def.envelope;
  const reason =
    window.intervals.length > 0
      ? ""
      : `${threat.id} never comes within ${battery.id}'s reach: nearest ${(nearest / 1000).toFixed(1)} km away at ${(altAt / 1000).toFixed(1)} km altitude; ` +
        `${def.name} intercepts at ${(e.minInterceptAltitudeM / 1000).toFixed(1)}-${(e.maxInterceptAltitudeM / 1000).toFixed(1)} km altitude ` +
        `and up to ${(Math.min(e.maxRangeM, table.maxRangeM) / 1000).toFixed(0)} km, within ${e.maxTimeOfFlightS.toFixed(0)} s of flight`;
  return { window, nearestRangeM: nearest, altitudeAtNearestM: altAt, reason };
}
