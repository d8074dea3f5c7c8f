/** The scenario's environment switches as an Earth model (src/earth/model.ts). */
import { makeEarthModel, type EarthModel } from "../../earth/model.js";
import type { Scenario } from "../schema/scenario.js";

export function earthModelOf(s: Scenario): EarthModel {
  return makeEarthModel(s.environment);
}
