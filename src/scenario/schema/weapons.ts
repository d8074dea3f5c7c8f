/**
 * Weapons: railguns and interceptor launchers, at a fixed site or on a ship track. Models are catalog
 * names (src/weapons/catalog) or inline definitions: a catalog model of the same kind (`base`) with some
 * parameters changed. What each parameter means, with its equations, is in src/weapons/definitions.ts
 * and docs/models.md (Weapons); the catalog cites the public figures behind each default.
 */
import * as z from "zod";
import {
  acceleration,
  angle,
  angularRate,
  area,
  catalogName,
  choice,
  count,
  duration,
  energy,
  exactlyOne,
  force,
  geoPoint,
  id,
  length,
  mass,
  number,
  oneOf,
  power,
  probability,
  rate,
  speed,
  track,
  strict,
} from "../fields/index.js";

/** Fire-control limits shared by both kinds. */
const envelopeFields = {
  minAltitude: length({ min: "0 m", max: "1000 km", description: "lowest intercept altitude" }).optional(),
  maxAltitude: length({
    min: "0 m",
    max: "2000 km",
    minExclusive: true,
    description: "highest intercept altitude",
    source: "THAAD up to about 150 km [S]",
  }).optional(),
  maxRange: length({
    min: "0 m",
    max: "5000 km",
    minExclusive: true,
    description: "largest ground range of the intercept point",
  }).optional(),
  maxTimeOfFlight: duration({
    min: "0 s",
    max: "1 h",
    minExclusive: true,
    description: "longest time of flight the fire control plans",
  }).optional(),
  reactionTime: duration({
    min: "0 s",
    max: "10 min",
    description: "from a fire-control solution to the shot",
  }).optional(),
};

export const inlineRailgunSchema = strict({
  base: catalogName("weapons", { description: "catalog railgun this one starts from" }),
  muzzleSpeed: speed({
    min: "0 m/s",
    max: "5 km/s",
    minExclusive: true,
    source: "Japan ATLA about 2,230 m/s; US Navy goal 2.0-2.5 km/s (docs/sources.md)",
  }).optional(),
  launchPackageMass: mass({
    min: "0 kg",
    max: "100 kg",
    minExclusive: true,
    description: "mass the rails accelerate (flight body, sabot, armature)",
  }).optional(),
  muzzleEnergy: energy({
    min: "0 J",
    max: "100 MJ",
    minExclusive: true,
    description: "kinetic energy at the muzzle; sets the launch-package mass (not with launchPackageMass)",
    source: "US Navy goal 32 MJ",
  }).optional(),
  projectileMass: mass({
    min: "0 kg",
    max: "100 kg",
    minExclusive: true,
    description: "flight-body mass after the sabot is discarded",
    source: "ATLA test article about 320 g",
  }).optional(),
  referenceArea: area({
    min: "0 m^2",
    max: "1 m^2",
    minExclusive: true,
    description: "reference area of the flight body's C_D(Mach) table",
  }).optional(),
  dragScale: number({
    min: 0,
    max: 10,
    minExclusive: true,
    description: "multiplier on the C_D(Mach) table",
  }).optional(),
  rateOfFire: rate({
    min: "0 /min",
    max: "600 /min",
    minExclusive: true,
    source: "US Navy goal 10 rounds/min",
  }).optional(),
  barrelLife: count({
    min: 1,
    description: "rounds before the rails are replaced",
    source: "ATLA about 120",
  }).optional(),
  launcherEfficiency: probability({
    min: 0,
    minExclusive: true,
    description: "muzzle kinetic energy over the stored energy drawn by a shot",
  }).optional(),
  rechargeTime: duration({
    min: "0 s",
    max: "10 min",
    minExclusive: true,
    description: "time for the charger to refill one shot's energy",
  }).optional(),
  sustainedPower: power({
    min: "0 W",
    max: "1 GW",
    minExclusive: true,
    description: "electrical power available to the gun over a long engagement",
    source: "about 25 MW quoted for the US Navy's 32 MJ gun at 10 rounds/min [U]",
  }).optional(),
  bankShots: count({
    min: 1,
    max: 100,
    description: "shots' worth of energy the capacitor bank holds",
  }).optional(),
  minElevation: angle({ min: "-90 deg", max: "90 deg" }).optional(),
  maxElevation: angle({ min: "0 deg", max: "90 deg" }).optional(),
  azimuthSlewRate: angularRate({ min: "0 deg/s", minExclusive: true }).optional(),
  elevationSlewRate: angularRate({ min: "0 deg/s", minExclusive: true }).optional(),
  settleTime: duration({ min: "0 s", max: "1 min", description: "after laying, before the shot" }).optional(),
  aimDispersion: angle({
    min: "0 rad",
    max: "100 mrad",
    description: "one-sigma aiming error per axis",
  }).optional(),
  muzzleSpeedDispersion: speed({
    min: "0 m/s",
    max: "500 m/s",
    description: "one-sigma muzzle-speed error",
  }).optional(),
  projectileGuidance: choice(["guided", "unguided"], {
    description: "unguided strips a guided base's guidance; guided needs a base with a guided projectile",
  }).optional(),
  maxLateralAcceleration: acceleration({
    min: "0 m/s^2",
    minExclusive: true,
    description: "structural limit of a guided projectile's divert",
  }).optional(),
  linkRate: rate({
    min: "0 /s",
    minExclusive: true,
    description: "command-link messages per second",
  }).optional(),
  linkLatency: duration({
    min: "0 s",
    max: "10 s",
    description: "age of the uplinked track on arrival",
  }).optional(),
  lethalRadius: length({
    min: "0 m",
    max: "1 km",
    minExclusive: true,
    description: "hit radius (hit-to-kill) or lethal radius (fragmenting payload)",
  }).optional(),
  killProbability: probability({
    description: "kill given a hit (hit-to-kill) or warhead reliability (fragmenting payload)",
  }).optional(),
  ...envelopeFields,
});

export const inlineInterceptorSchema = strict({
  base: catalogName("weapons", { description: "catalog interceptor this one starts from" }),
  deltaV: speed({
    min: "0 m/s",
    max: "15 km/s",
    minExclusive: true,
    description: "ideal (Tsiolkovsky) velocity increment of the stack: scales every stage's Isp",
    source: "burnouts quoted: SM-3 IA/IB about 3 km/s, IIA about 4.5 km/s [U]",
  }).optional(),
  burnTime: duration({
    min: "0 s",
    max: "10 min",
    minExclusive: true,
    description: "total burn time of the stages (each scaled in proportion)",
  }).optional(),
  maxLateralAcceleration: acceleration({
    min: "0 m/s^2",
    minExclusive: true,
    description: "structural lateral limit of the missile and its kill vehicle",
  }).optional(),
  divertThrust: force({ min: "0 N", description: "kill-vehicle divert thrust" }).optional(),
  navigationRatio: number({ min: 1, max: 10, description: "effective navigation ratio N'" }).optional(),
  timeConstant: duration({ min: "0 s", max: "5 s", description: "flight-control time constant" }).optional(),
  seekerFieldOfRegard: angle({
    min: "0 deg",
    max: "90 deg",
    minExclusive: true,
    description: "seeker field-of-regard half-angle",
  }).optional(),
  launchInterval: duration({ min: "0 s", max: "10 min", description: "between two launches" }).optional(),
  lethalRadius: length({
    min: "0 m",
    max: "1 km",
    minExclusive: true,
    description: "hit radius (hit-to-kill) or lethal radius (blast-fragmentation)",
  }).optional(),
  killProbability: probability({
    description: "kill given a hit (hit-to-kill) or warhead reliability (blast-fragmentation)",
  }).optional(),
  ...envelopeFields,
});

const placement = {
  at: geoPoint().optional(),
  track: track().optional(),
  rounds: count({ min: 0, description: "rounds available (default: the model's magazine)" }).optional(),
};

export const railgunSchema = exactlyOne(
  strict({
    id: id({ description: "weapon id, unique among weapons" }),
    kind: z.literal("railgun"),
    model: oneOf("a catalog railgun name or an inline railgun definition (a mapping)", [
      catalogName("weapons"),
      inlineRailgunSchema,
    ]),
    ...placement,
  }),
  ["at", "track"],
);

export const interceptorBatterySchema = exactlyOne(
  strict({
    id: id({ description: "weapon id, unique among weapons" }),
    kind: z.literal("interceptor"),
    model: oneOf("a catalog interceptor name or an inline interceptor definition (a mapping)", [
      catalogName("weapons"),
      inlineInterceptorSchema,
    ]),
    ...placement,
  }),
  ["at", "track"],
);

export const weaponSchema = z.discriminatedUnion("kind", [railgunSchema, interceptorBatterySchema]);

export type Weapon = z.output<typeof weaponSchema>;
export type Railgun = z.output<typeof railgunSchema>;
export type InterceptorBattery = z.output<typeof interceptorBatterySchema>;
export type InlineRailgun = z.output<typeof inlineRailgunSchema>;
export type InlineInterceptor = z.output<typeof inlineInterceptorSchema>;
