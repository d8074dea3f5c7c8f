/** The notional threat catalog, by public name (docs/design.md: `notional-hgv`, `notional-rv` are public). */
import type { VehicleDefinition } from "../definitions.js";
import { NOTIONAL_IRBM, NOTIONAL_MRBM, NOTIONAL_RV, NOTIONAL_SRBM } from "./ballistic.js";
import { NOTIONAL_HCM } from "./cruise.js";
import { NOTIONAL_CAVH, NOTIONAL_HGV, NOTIONAL_HTV2 } from "./gliders.js";

export { NOTIONAL_IRBM, NOTIONAL_MRBM, NOTIONAL_RV, NOTIONAL_SRBM } from "./ballistic.js";
export { NOTIONAL_HCM } from "./cruise.js";
export {
  CAVH_AERO,
  GLIDER_BOOSTER,
  GLIDER_MAX_DYNAMIC_PRESSURE_PA,
  GLIDER_MAX_LOAD_FACTOR,
  HTV2_AERO,
  NOTIONAL_CAVH,
  NOTIONAL_HGV,
  NOTIONAL_HTV2,
} from "./gliders.js";
export { RANGE_BANDS_M, stackDrag } from "./common.js";

export const THREAT_CATALOG: Readonly<Record<string, VehicleDefinition>> = Object.freeze({
  "notional-srbm": NOTIONAL_SRBM,
  "notional-mrbm": NOTIONAL_MRBM,
  "notional-irbm": NOTIONAL_IRBM,
  "notional-rv": NOTIONAL_RV,
  "notional-hgv": NOTIONAL_HGV,
  "notional-htv2": NOTIONAL_HTV2,
  "notional-cav-h": NOTIONAL_CAVH,
  "notional-hcm": NOTIONAL_HCM,
});

export function threatVehicle(name: string): VehicleDefinition {
  const v = THREAT_CATALOG[name];
  if (v === undefined) {
    throw new RangeError(
      `unknown threat vehicle "${name}"; catalog: ${Object.keys(THREAT_CATALOG).join(", ")}`,
    );
  }
  return v;
}
