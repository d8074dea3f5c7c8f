/**
 * Scenario threats to flight-layer definitions (plain SI objects, src/flight/definitions.ts).
 */
import type { GeodeticPoint, ManeuverDefinition, ThreatDefinition } from "../../flight/definitions.js";
import type { Scenario } from "../schema/scenario.js";
import type { Maneuver, Target, Threat } from "../schema/threats.js";
import { vehicleDefinition } from "./vehicles.js";

type Assets = Scenario["assets"];

/** A target (an asset id, or a point) as a geodetic point in radians. */
export function targetPoint(target: Target, assets: Assets): GeodeticPoint {
  if (typeof target === "string") {
    const asset = assets.find((a) => a.id === target);
    // The loader has already reported targets that name no asset; this is a programming error.
    if (asset === undefined) throw new RangeError(`no asset "${target}"`);
    return { latRad: asset.at.lat, lonRad: asset.at.lon, altM: asset.at.alt };
  }
  return { latRad: target.lat, lonRad: target.lon, altM: target.alt };
}

function maneuverDefinition(m: Maneuver | undefined, assets: Assets): ManeuverDefinition {
  if (m === undefined) return { kind: "none" };
  switch (m.kind) {
    case "weave":
      return { kind: "weave", bankAmplitudeRad: m.bankAmplitude, periodS: m.period, startS: m.start };
    case "jink":
      return { kind: "jink", bankRad: m.bankAngle, startS: m.time, endS: m.time + m.duration };
    case "retarget":
      return { kind: "retarget", atS: m.time, target: targetPoint(m.target, assets) };
  }
}

export function threatDefinition(t: Threat, assets: Assets): ThreatDefinition {
  const base = {
    id: t.id,
    vehicle: vehicleDefinition(t.vehicle, t.id),
    // A burnout start may have no target (free flight); the schema requires one with a launch.
    ...(t.target !== undefined ? { target: targetPoint(t.target, assets) } : {}),
    maneuver: maneuverDefinition(t.maneuver, assets),
    trajectory: t.trajectory?.shape,
    trajectoryPitchRad: t.trajectory?.flightPathAngle,
  };
  if (t.launch !== undefined) {
    const { at, time } = t.launch;
    return { ...base, launch: { latRad: at.lat, lonRad: at.lon, altM: at.alt, timeS: time } };
  }
  // The schema admits exactly one of launch and burnout.
  const b = t.burnout!;
  return {
    ...base,
    burnout: {
      latRad: b.at.lat,
      lonRad: b.at.lon,
      altM: b.at.alt,
      timeS: b.time,
      speedMps: b.speed,
      flightPathAngleRad: b.flightPathAngle,
      azimuthRad: b.azimuth,
    },
  };
}

export function threatDefinitions(s: Scenario): ThreatDefinition[] {
  return s.threats.map((t) => threatDefinition(t, s.assets));
}
