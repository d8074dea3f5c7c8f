/**
 * `flyThreat(definition, earthModel, options) -> FlightResult`: the single entry point for flying a threat.
 *
 * Steering: ballistic missiles launched at a target are solved on the full simulation for their trajectory
 * shape (ballisticSteering.ts) and gliders get a planned booster cut-off (gliderBoost.ts); both are cached (by default in a
 * process-wide cache keyed by the definition and the Earth switches), so a campaign pays for the solve once
 * per threat definition and then flies each run with its dispersions on top of the cached steering.
 */
import { threatVehicle } from "./catalog/index.js";
import type { ThreatDefinition, VehicleDefinition } from "./definitions.js";
import type { FlightEarthModel } from "./earthModel.js";
import { FlightRefusalError } from "./errors.js";
import { checkFlightOptions, checkThreatDefinition } from "./optionChecks.js";
import {
  buildPlan,
  centralAngleRad,
  checkLaunch,
  defaultSteering,
  ecefOf,
  type BoostSteering,
  type Dispersions,
} from "./planBuilder.js";
import type { Flight } from "./propagation/flight.js";
import type { FlightResult, TargetingReport } from "./result.js";
import { FlightRunner } from "./runner.js";
import { buildThreatFlight, type FlyOptions } from "./threatFlight.js";
import {
  defaultTargetingCache,
  solveBallisticSteering,
  solveGliderBoost,
  steeringCacheKey,
  type SolvedSteering,
  type TargetingCache,
} from "./targeting.js";

export interface FlyThreatOptions extends FlyOptions {
  /** Dispersions applied on top of the nominal (cached) steering. */
  dispersions?: Dispersions;
  /** Cache of solved steerings (default: the shared one); null disables caching. */
  cache?: TargetingCache | null;
  /** Use this steering instead of solving (e.g. one stored with a campaign). */
  steering?: BoostSteering;
}

const runners = new WeakMap<FlightEarthModel, FlightRunner>();

/**
 * The runner for an Earth model (one per model): re-entrant (each run builds its own flight); it only
 * remembers the size of the last flight's samples.
 */
export function runnerFor(earth: FlightEarthModel): FlightRunner {
  let r = runners.get(earth);
  if (r === undefined) {
    r = new FlightRunner(earth);
    runners.set(earth, r);
  }
  return r;
}

export function resolveVehicle(v: string | VehicleDefinition): VehicleDefinition {
  return typeof v === "string" ? threatVehicle(v) : v;
}

/**
 * Solves (or fetches from the cache) the boost steering of a launched threat; null for burnout starts.
 * Every physics refusal of a threat comes from here (FlightRefusalError, with the threat's id and the field
 * it concerns): a launch the vehicle cannot make, a launched ballistic missile without a target, a target
 * at the launch point, out of reach or too close (the scenario layer calls it to validate a file).
 */
export function threatSteering(
  def: ThreatDefinition,
  earth: FlightEarthModel,
  cache: TargetingCache | null = defaultTargetingCache,
): SolvedSteering | null {
  checkThreatDefinition(def);
  return steeringOf(def, resolveVehicle(def.vehicle), earth, cache);
}

/** threatSteering of a definition already checked (its arguments, not its physics). */
function steeringOf(
  def: ThreatDefinition,
  vehicle: VehicleDefinition,
  earth: FlightEarthModel,
  cache: TargetingCache | null,
): SolvedSteering | null {
  if (def.launch === undefined) {
    if (def.burnout === undefined)
      throw new FlightRefusalError(def.id, "launch", "a threat needs a launch or a burnout start");
    return null;
  }
  const needsSolve = def.target !== undefined && (vehicle.kind === "ballistic" || vehicle.kind === "hgv");
  // A hit was solved for this launch, target and vehicle (the key holds them all), so it passed the
  // checks below then: they are not repeated.
  const key = needsSolve && cache !== null ? steeringCacheKey(def, vehicle, earth) : "";
  const hit = needsSolve ? cache?.get(key) : undefined;
  if (hit !== undefined) return { steering: hit.steering, report: { ...hit.report, fromCache: true } };
  checkLaunch(def, vehicle, earth);
  if (def.target !== undefined) {
    const L = ecefOf(earth, def.launch);
    const T = ecefOf(earth, def.target);
    const d = Math.hypot(T[0], T[1], T[2]) * centralAngleRad(L, T);
    if (d < 1000)
      throw new FlightRefusalError(
        def.id,
        "target",
        `the target is at the launch point (${d.toFixed(0)} m away): nothing to fly to`,
      );
  }
  if (!needsSolve) {
    if (vehicle.kind === "ballistic")
      throw new FlightRefusalError(
        def.id,
        "target",
        `${vehicle.name}: a launched ballistic missile needs a target (or give it a burnout start)`,
      );
    const steering = defaultSteering(def, vehicle, earth);
    return {
      steering,
      report: {
        trajectory: "default",
        azimuthRad: steering.azimuthRad,
        finalPitchRad: steering.finalPitchRad,
        cutoffS: Infinity,
        cutoffSpeedMps: Infinity,
        iterations: 0,
        flights: 0,
        missM: NaN,
        fromCache: false,
      },
    };
  }
  const runner = runnerFor(earth);
  const solved =
    vehicle.kind === "hgv"
      ? solveGliderBoost(runner, def, vehicle, earth)
      : solveBallisticSteering(runner, def, vehicle, earth);
  cache?.set(key, solved);
  return solved;
}

/** The plan of a threat and its targeting report: the steering solved (or fetched from the cache). */
function planOf(
  fn: string,
  def: ThreatDefinition,
  earth: FlightEarthModel,
  options: FlyThreatOptions,
): { plan: ReturnType<typeof buildPlan>; report: TargetingReport | null } {
  checkThreatDefinition(def);
  checkFlightOptions(fn, options);
  const vehicle = resolveVehicle(def.vehicle);
  let steering: BoostSteering;
  let report = null;
  if (options.steering !== undefined) {
    steering = options.steering;
  } else {
    const solved = steeringOf(
      def,
      vehicle,
      earth,
      options.cache === undefined ? defaultTargetingCache : options.cache,
    );
    steering = solved?.steering ?? defaultSteering(def, vehicle, earth);
    report = solved?.report ?? null;
  }
  return { plan: buildPlan(def, vehicle, earth, steering, options.dispersions), report };
}

/**
 * A threat's flight, ready to be advanced (propagation/flight.ts: advanceTo, stateAt, truthInto,
 * terminate, result), its steering solved or fetched from the cache exactly as flyThreat does. Throws
 * RangeError on a bad definition or an unreachable target.
 */
export function createThreatFlight(
  def: ThreatDefinition,
  earth: FlightEarthModel,
  options: FlyThreatOptions = {},
): Flight {
  const { plan, report } = planOf("createThreatFlight", def, earth, options);
  return buildThreatFlight(plan, earth, options, report);
}

/**
 * Flies one threat to its end: createThreatFlight advanced to its end. Throws RangeError on a bad
 * definition or an unreachable target.
 */
export function flyThreat(
  def: ThreatDefinition,
  earth: FlightEarthModel,
  options: FlyThreatOptions = {},
): FlightResult {
  const { plan, report } = planOf("flyThreat", def, earth, options);
  return runnerFor(earth).run(plan, options, report);
}
