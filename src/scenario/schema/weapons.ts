/**
 * Weapons: railguns and interceptor launchers, at a fixed site or on a ship track. Models are catalog
 * names or inline definitions (skeletons that the engagement layer extends).
 */
import * as z from "zod";
import {
  angle,
  catalogName,
  count,
  duration,
  energy,
  exactlyOne,
  geoPoint,
  id,
  length,
  mass,
  oneOf,
  probability,
  rate,
  speed,
  track,
  strict,
} from "../fields/index.js";

export const inlineRailgunSchema = strict({
  base: catalogName("weapons", { description: "catalog railgun this one starts from" }).optional(),
  muzzleSpeed: speed({
    min: "0 m/s",
    max: "5 km/s",
    minExclusive: true,
    source: "Japan ATLA about 2,230 m/s; US Navy goal 2.0-2.5 km/s (docs/sources.md)",
  }).optional(),
  projectileMass: mass({
    min: "0 kg",
    max: "100 kg",
    minExclusive: true,
    source: "ATLA test article about 320 g",
  }).optional(),
  muzzleEnergy: energy({
    min: "0 J",
    max: "100 MJ",
    minExclusive: true,
    source: "US Navy goal 32 MJ",
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
  maxElevation: angle({ min: "0 deg", max: "90 deg" }).optional(),
});

export const inlineInterceptorSchema = strict({
  base: catalogName("weapons", { description: "catalog interceptor this one starts from" }).optional(),
  burnoutSpeed: speed({
    min: "0 m/s",
    max: "8 km/s",
    minExclusive: true,
    source: "SM-3 IIA about 4.5 km/s [U]",
  }).optional(),
  burnTime: duration({ min: "0 s", max: "10 min", minExclusive: true }).optional(),
  maxRange: length({ min: "0 m", max: "3000 km", minExclusive: true }).optional(),
  minAltitude: length({ min: "0 m", max: "1000 km" }).optional(),
  maxAltitude: length({ min: "0 m", max: "1000 km", source: "THAAD up to about 150 km [S]" }).optional(),
  killProbability: probability({
    description: "single-shot kill probability given a valid intercept",
  }).optional(),
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
