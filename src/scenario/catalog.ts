/**
 * The built-in catalog as the loader sees it: every public name a scenario may use for a vehicle, a
 * sensor model or a weapon model, with the kind it has, so a misspelt name, a radar model on an infrared
 * constellation or an interceptor model on a railgun is reported at its line. The definitions themselves
 * live with their layers (src/flight/catalog, src/sensors/catalog.ts, src/weapons/catalog).
 */
import { THREAT_CATALOG } from "../flight/catalog/index.js";
import { IR_CATALOG, RADAR_CATALOG } from "../sensors/catalog.js";
import { WEAPON_CATALOG } from "../weapons/catalog/index.js";
import type { ScenarioCatalog } from "./crossref.js";

/** Scenario vehicle kind of a catalog vehicle: a ballistic vehicle without a booster is a re-entry vehicle. */
function scenarioVehicleKind(name: string): string {
  const v = THREAT_CATALOG[name];
  if (v.kind === "ballistic") return v.booster === undefined ? "rv" : "ballistic";
  return v.kind;
}

const vehicleKinds = new Map<string, string>(
  Object.keys(THREAT_CATALOG).map((name) => [name, scenarioVehicleKind(name)]),
);

const sensorKinds = new Map<string, string>([
  ...Object.keys(RADAR_CATALOG).map((name): [string, string] => [name, "radar"]),
  ...Object.keys(IR_CATALOG).map((name): [string, string] => [name, "infrared-constellation"]),
]);

const weaponKinds = new Map<string, string>(Object.values(WEAPON_CATALOG).map((w) => [w.name, w.kind]));

export const BUILTIN_CATALOG: ScenarioCatalog = {
  vehicles: [...vehicleKinds.keys()],
  vehicleKinds,
  sensors: [...sensorKinds.keys()],
  sensorKinds,
  weapons: [...weaponKinds.keys()],
  weaponKinds,
};
