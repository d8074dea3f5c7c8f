/**
 * Boost targeting on the full simulation (drag, rotation, J2 included): the steering of a threat is
 * solved once per threat definition and cached, since a campaign flies the same nominal threat thousands
 * of times with small dispersions on top. The solvers: ballisticSteering.ts (ballistic missiles: launch
 * azimuth and cut-off time or final pitch on the impact miss) and gliderBoost.ts (boost-glide vehicles:
 * the cut-off speed that leaves the planned glide the range to go); what they share is in
 * steeringShots.ts. This module holds the cache and its key.
 */
import type { ThreatDefinition, VehicleDefinition } from "./definitions.js";
import type { FlightEarthModel } from "./earthModel.js";
import type { SolvedSteering } from "./steeringShots.js";

export { solveBallisticSteering } from "./ballisticSteering.js";
export { solveGliderBoost } from "./gliderBoost.js";
export { TARGETING_TOLERANCE_M, type SolvedSteering } from "./steeringShots.js";

/** Cache of solved steerings, keyed by the threat definition and the Earth model's switches. */
export class TargetingCache {
  private readonly map = new Map<string, SolvedSteering>();
  get size(): number {
    return this.map.size;
  }
  get(key: string): SolvedSteering | undefined {
    return this.map.get(key);
  }
  set(key: string, value: SolvedSteering): void {
    this.map.set(key, value);
  }
  clear(): void {
    this.map.clear();
  }
}

/** The process-wide default cache used by flyThreat. */
export const defaultTargetingCache = new TargetingCache();

/** Key for a threat on an Earth model: what changes the solution (not the id or the manoeuvre). */
export function steeringCacheKey(
  def: ThreatDefinition,
  vehicle: VehicleDefinition,
  earth: FlightEarthModel,
): string {
  return JSON.stringify({
    v: typeof def.vehicle === "string" ? def.vehicle : vehicle,
    // The steering does not depend on the launch time (the dynamics are in ECEF): campaigns that
    // disperse the launch time reuse the solution.
    l: def.launch === undefined ? null : [def.launch.latRad, def.launch.lonRad, def.launch.altM],
    t: def.target,
    s: def.trajectory ?? "minimum-energy",
    p: def.trajectoryPitchRad ?? null,
    e: earthSignature(earth),
  });
}

const earthSignatures = new WeakMap<FlightEarthModel, readonly number[]>();

/**
 * What of an Earth model the steering depends on: its ellipsoid, rotation and gravity constant, and a
 * probe of its atmosphere and gravity field (the environment switches), once per model.
 */
function earthSignature(earth: FlightEarthModel): readonly number[] {
  let e = earthSignatures.get(earth);
  if (e === undefined) {
    const atm = new Float64Array(4);
    earth.atmosphereInto(50_000, atm);
    const g = new Float64Array(3);
    earth.gravityInto([0, 0, 7e6], g);
    e = [earth.aM, earth.e2, earth.omegaRadS, earth.gmM3S2, atm[2], g[2]];
    earthSignatures.set(earth, e);
  }
  return e;
}
