/**
 * Scenario weapons to weapons-layer objects (src/weapons): each weapon's model (a catalog definition, or
 * an inline one built from its `base`), its site (fixed, or a ship track as the radars have) and a
 * battery holding its rounds.
 */
import type { EarthModel } from "../../earth/model.js";
import type { DragAeroDefinition } from "../../flight/definitions.js";
import { idealDeltaVMps } from "../../flight/propulsion.js";
import type { SiteSpec } from "../../sensors/radar/site.js";
import type { WeaponBattery } from "../../weapons/battery/battery.js";
import { weaponModel } from "../../weapons/catalog/index.js";
import { createBattery, validateWeapon } from "../../weapons/kinds.js";
import type {
  BuiltinWeaponDefinition,
  InterceptorDefinition,
  RailgunDefinition,
  WeaponDefinition,
} from "../../weapons/definitions.js";
import type { Lethality } from "../../weapons/lethality.js";
import type { Scenario } from "../schema/scenario.js";
import { earthModelOf } from "./earth.js";
import type { InlineInterceptor, InlineRailgun, Weapon } from "../schema/weapons.js";

const RAD_TO_DEG = 180 / Math.PI;

/**
 * Where a weapon is: a fixed site, or a ship track (height of the first waypoint), on the scenario's
 * Earth when the site model takes one (the radars' sites do; an older site model ignores it and stands
 * on WGS-84).
 */
export function weaponSite(w: Weapon, earth?: EarthModel): SiteSpec {
  const onEarth = earth === undefined ? {} : { earth };
  if (w.at !== undefined) {
    const at = { latDeg: w.at.lat * RAD_TO_DEG, lonDeg: w.at.lon * RAD_TO_DEG, altM: w.at.alt };
    return { kind: "fixed", at, ...onEarth } as SiteSpec;
  }
  // The schema admits exactly one of at and track.
  const track = w.track!;
  return {
    kind: "track",
    altM: track[0].at.alt,
    waypoints: track.map((p) => ({
      timeS: p.time,
      latDeg: p.at.lat * RAD_TO_DEG,
      lonDeg: p.at.lon * RAD_TO_DEG,
    })),
    ...onEarth,
  } as SiteSpec;
}

function refuse(weaponId: string, field: string, reason: string): never {
  throw new RangeError(`weapon ${weaponId}: model${field === "" ? "" : `.${field}`}: ${reason}`);
}

function baseOfKind<K extends BuiltinWeaponDefinition["kind"]>(
  name: string,
  kind: K,
  weaponId: string,
): Extract<BuiltinWeaponDefinition, { kind: K }> {
  const base = weaponModel(name);
  if (base.kind !== kind) refuse(weaponId, "base", `"${name}" is a ${base.kind}, not a ${kind}`);
  return base as Extract<BuiltinWeaponDefinition, { kind: K }>;
}

/** Lethality with a new radius and/or probability, in the base's own terms. */
function lethalityWith(l: Lethality, radiusM: number | undefined, p: number | undefined): Lethality {
  switch (l.kind) {
    case "hit-to-kill":
      return { ...l, hitRadiusM: radiusM ?? l.hitRadiusM, killGivenHit: p ?? l.killGivenHit };
    case "blast-fragmentation":
      return { ...l, lethalRadiusM: radiusM ?? l.lethalRadiusM, reliability: p ?? l.reliability };
    case "gaussian":
      return { ...l, lethalRadiusM: radiusM ?? l.lethalRadiusM, killAtZeroMiss: p ?? l.killAtZeroMiss };
  }
}

function dragWith(
  a: DragAeroDefinition,
  areaM2: number | undefined,
  scale: number | undefined,
  id: string,
): DragAeroDefinition {
  if (areaM2 === undefined && scale === undefined) return a;
  if (a.kind === "ballistic-coefficient") {
    if (areaM2 !== undefined)
      refuse(id, "referenceArea", "the base's flight body has a ballistic coefficient, not a C_D table");
    return { ...a, betaKgM2: a.betaKgM2 / (scale ?? 1), source: "scenario file" };
  }
  const k = scale ?? 1;
  return { ...a, refAreaM2: areaM2 ?? a.refAreaM2, cd: a.cd.map((c) => c * k), source: "scenario file" };
}

function envelopeWith<T extends WeaponDefinition>(
  base: T,
  m: InlineRailgun | InlineInterceptor,
): T["envelope"] {
  const e = base.envelope;
  return {
    ...e,
    minInterceptAltitudeM: m.minAltitude ?? e.minInterceptAltitudeM,
    maxInterceptAltitudeM: m.maxAltitude ?? e.maxInterceptAltitudeM,
    maxRangeM: m.maxRange ?? e.maxRangeM,
    maxTimeOfFlightS: m.maxTimeOfFlight ?? e.maxTimeOfFlightS,
  };
}

function inlineRailgun(m: InlineRailgun, id: string): RailgunDefinition {
  const base = baseOfKind(m.base, "railgun", id);
  const v = m.muzzleSpeed ?? base.muzzleSpeedMps;
  if (m.muzzleEnergy !== undefined && m.launchPackageMass !== undefined)
    refuse(
      id,
      "muzzleEnergy",
      "give either muzzleEnergy or launchPackageMass, not both (one fixes the other)",
    );
  const launchPackageMassKg =
    m.muzzleEnergy !== undefined
      ? (2 * m.muzzleEnergy) / (v * v)
      : (m.launchPackageMass ?? base.launchPackageMassKg);
  const p = base.projectile;
  let guidance = p.guidance;
  if (m.projectileGuidance === "unguided") guidance = null;
  else if (m.projectileGuidance === "guided" && guidance === null)
    refuse(
      id,
      "projectileGuidance",
      `the base "${m.base}" fires an unguided projectile; start from a guided one`,
    );
  if (guidance !== null) {
    guidance = {
      ...guidance,
      lateralLimit: {
        ...guidance.lateralLimit,
        structuralMps2: m.maxLateralAcceleration ?? guidance.lateralLimit.structuralMps2,
      },
      commandLink: {
        updateRateHz: m.linkRate ?? guidance.commandLink.updateRateHz,
        latencyS: m.linkLatency ?? guidance.commandLink.latencyS,
      },
    };
  } else if (
    m.maxLateralAcceleration !== undefined ||
    m.linkRate !== undefined ||
    m.linkLatency !== undefined
  ) {
    refuse(id, "maxLateralAcceleration", "an unguided projectile has no divert or command link");
  }
  const def: RailgunDefinition = {
    ...base,
    name: `${m.base} (inline, ${id})`,
    muzzleSpeedMps: v,
    launchPackageMassKg,
    projectile: {
      ...p,
      flightBodyMassKg: m.projectileMass ?? Math.min(p.flightBodyMassKg, launchPackageMassKg),
      aero: dragWith(p.aero, m.referenceArea, m.dragScale, id),
      guidance,
      lethality: lethalityWith(p.lethality, m.lethalRadius, m.killProbability),
      source: "scenario file",
    },
    rateOfFirePerMin: m.rateOfFire === undefined ? base.rateOfFirePerMin : m.rateOfFire * 60,
    barrelLifeRounds: m.barrelLife ?? base.barrelLifeRounds,
    pulsedPower: {
      launcherEfficiency: m.launcherEfficiency ?? base.pulsedPower.launcherEfficiency,
      rechargeTimeS: m.rechargeTime ?? base.pulsedPower.rechargeTimeS,
      sustainedPowerW: m.sustainedPower ?? base.pulsedPower.sustainedPowerW,
      bankShots: m.bankShots ?? base.pulsedPower.bankShots,
    },
    mount: {
      elevationMinRad: m.minElevation ?? base.mount.elevationMinRad,
      elevationMaxRad: m.maxElevation ?? base.mount.elevationMaxRad,
      azimuthSlewRateRadS: m.azimuthSlewRate ?? base.mount.azimuthSlewRateRadS,
      elevationSlewRateRadS: m.elevationSlewRate ?? base.mount.elevationSlewRateRadS,
      settleTimeS: m.settleTime ?? base.mount.settleTimeS,
    },
    dispersion: {
      aimSigmaRad: m.aimDispersion ?? base.dispersion.aimSigmaRad,
      muzzleSpeedSigmaMps: m.muzzleSpeedDispersion ?? base.dispersion.muzzleSpeedSigmaMps,
    },
    reactionTimeS: m.reactionTime ?? base.reactionTimeS,
    envelope: envelopeWith(base, m),
    sources: [...base.sources, "scenario file: inline changes"],
  };
  return validateWeaponAt(def, id);
}

function inlineInterceptor(m: InlineInterceptor, id: string): InterceptorDefinition {
  const base = baseOfKind(m.base, "interceptor", id);
  let stages = base.stages;
  if (m.burnTime !== undefined) {
    const total = stages.reduce((s, st) => s + st.burnTimeS, 0);
    stages = stages.map((st) => ({ ...st, burnTimeS: (st.burnTimeS * m.burnTime!) / total }));
  }
  if (m.deltaV !== undefined) {
    // Ideal delta-v is linear in the specific impulses at fixed masses: one scale factor gives it exactly.
    const k = m.deltaV / idealDeltaVMps(stages, base.payload.massKg);
    stages = stages.map((st) => ({ ...st, ispVacS: st.ispVacS * k }));
  }
  const lat = (l: InterceptorDefinition["lateralLimit"], divert: boolean) => ({
    ...l,
    structuralMps2: m.maxLateralAcceleration ?? l.structuralMps2,
    divertThrustN: divert && m.divertThrust !== undefined ? m.divertThrust : l.divertThrustN,
  });
  const def: InterceptorDefinition = {
    ...base,
    name: `${m.base} (inline, ${id})`,
    stages,
    lateralLimit: lat(base.lateralLimit, false),
    payload: { ...base.payload, lateralLimit: lat(base.payload.lateralLimit, true) },
    guidance: {
      ...base.guidance,
      navigationRatio: m.navigationRatio ?? base.guidance.navigationRatio,
      timeConstantS: m.timeConstant ?? base.guidance.timeConstantS,
    },
    seeker: {
      ...base.seeker,
      fieldOfRegardHalfAngleRad: m.seekerFieldOfRegard ?? base.seeker.fieldOfRegardHalfAngleRad,
    },
    lethality: lethalityWith(base.lethality, m.lethalRadius, m.killProbability),
    envelope: envelopeWith(base, m),
    launchIntervalS: m.launchInterval ?? base.launchIntervalS,
    reactionTimeS: m.reactionTime ?? base.reactionTimeS,
    sources: [...base.sources, "scenario file: inline changes"],
  };
  return validateWeaponAt(def, id);
}

function validateWeaponAt<T extends WeaponDefinition>(def: T, id: string): T {
  try {
    return validateWeapon(def);
  } catch (e) {
    if (e instanceof RangeError) throw new RangeError(`weapon ${id}: ${e.message}`, { cause: e });
    throw e;
  }
}

/** The weapons-layer definition of a scenario weapon's model. */
export function weaponDefinition(w: Weapon): WeaponDefinition {
  if (typeof w.model === "string") {
    const d = weaponModel(w.model);
    if (d.kind !== w.kind) refuse(w.id, "", `"${w.model}" is a ${d.kind}, not a ${w.kind}`);
    return d;
  }
  return w.kind === "railgun"
    ? inlineRailgun(w.model as InlineRailgun, w.id)
    : inlineInterceptor(w.model as InlineInterceptor, w.id);
}

/** A battery for each weapon of the scenario, in file order, with its rounds. */
export function weaponBatteries(s: Scenario): WeaponBattery[] {
  const earth = earthModelOf(s);
  return s.weapons.map((w) => createBattery(w.id, weaponDefinition(w), weaponSite(w, earth), w.rounds));
}
