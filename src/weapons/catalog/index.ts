/** The notional weapon catalog, by public name. The checks a definition passes: checks.ts, through its kind (kinds.ts). */
import type { WeaponDefinition } from "../definitions.js";
import { NOTIONAL_GPI, NOTIONAL_SM3_CLASS, NOTIONAL_SM6_CLASS } from "./interceptors.js";
import { NOTIONAL_32MJ_RAILGUN, NOTIONAL_RAILGUN } from "./railguns.js";

export { validateWeapon } from "../kinds.js";
export { NOTIONAL_RAILGUN, NOTIONAL_32MJ_RAILGUN } from "./railguns.js";
export { NOTIONAL_SM6_CLASS, NOTIONAL_SM3_CLASS, NOTIONAL_GPI } from "./interceptors.js";

export const WEAPON_CATALOG: Readonly<Record<string, WeaponDefinition>> = {
  [NOTIONAL_RAILGUN.name]: NOTIONAL_RAILGUN,
  [NOTIONAL_32MJ_RAILGUN.name]: NOTIONAL_32MJ_RAILGUN,
  [NOTIONAL_SM6_CLASS.name]: NOTIONAL_SM6_CLASS,
  [NOTIONAL_SM3_CLASS.name]: NOTIONAL_SM3_CLASS,
  [NOTIONAL_GPI.name]: NOTIONAL_GPI,
};

/** A catalog weapon by name; RangeError listing the names when unknown. */
export function weaponModel(name: string): WeaponDefinition {
  const w = Object.prototype.hasOwnProperty.call(WEAPON_CATALOG, name) ? WEAPON_CATALOG[name] : undefined;
  if (w === undefined)
    throw new RangeError(
      `unknown weapon model "${name}" (catalog: ${Object.keys(WEAPON_CATALOG).join(", ")})`,
    );
  return w;
}
