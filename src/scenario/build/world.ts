/**
 * A validated scenario to the world `simulate` plays (src/sim/world.ts), and `simulateScenario`, the
 * two in one call. The world keeps the scenario's choices as objects and factories; the scenario itself
 * stays with the caller (`ScenarioRun` carries both for the writers).
 */
import { DEFAULT_DOCTRINE, validateDoctrine, type Doctrine } from "../../engagement/doctrine.js";
import { simulate, type RunResult, type SimulateOptions } from "../../sim/run.js";
import type { World, WorldAsset } from "../../sim/world.js";
import type { Scenario } from "../schema/scenario.js";
import { earthModelOf } from "./earth.js";
import { sensorObjects } from "./sensors.js";
import { threatDefinitions } from "./threats.js";
import { impactPredictionModel, motionAssessmentOptions, trackerOf, trackingFilter } from "./tracker.js";
import { weaponBatteries } from "./weapons.js";

const R2D = 180 / Math.PI;

/** Margin of the tracker's lateness bound over the scenario's longest sensor latency, s. */
export const LATENESS_MARGIN_S = 2;

export function buildWorld(scenario: Scenario): World {
  const earth = earthModelOf(scenario);
  const assets: WorldAsset[] = scenario.assets.map((a) => {
    const p = new Float64Array(3);
    earth.ecefFromGeodeticInto(a.at.lat, a.at.lon, a.at.alt, p);
    return {
      id: a.id,
      latDeg: a.at.lat * R2D,
      lonDeg: a.at.lon * R2D,
      altM: a.at.alt,
      posEcefM: p,
      value: a.value,
      radiusM: a.radius,
    };
  });
  const env = scenario.environment;
  // The latest a detection can arrive after later ones: its sensor's latency (other sensors' are
  // shorter or equal), with a second of margin for looks that fall between the tracker's steps.
  const maxLatenessS = Math.max(0, ...sensorObjects(scenario).map((s) => s.latencyS)) + LATENESS_MARGIN_S;
  return {
    description: {
      name: scenario.name,
      epoch: scenario.epoch,
      environment: {
        earth: env.earth,
        rotation: env.rotation,
        gravity: env.gravity,
        atmosphere: env.atmosphere,
      },
      tracking: { filter: scenario.tracking.filter, association: scenario.tracking.association },
    },
    durationS: scenario.duration,
    earth,
    assets,
    threats: threatDefinitions(scenario),
    weaponIds: scenario.weapons.map((w) => w.id),
    // Built once here (so a bad inline definition is refused before the run), fresh for every run.
    createBatteries: checkedBatteries(scenario),
    doctrine: doctrineOf(scenario),
    createSensors: () => sensorObjects(scenario),
    createTracker: () => trackerOf(scenario.tracking, earth, maxLatenessS),
    impactPrediction: {
      model: impactPredictionModel(earth),
      motion: motionAssessmentOptions(trackingFilter(scenario.tracking, earth), earth),
    },
  };
}

/** The scenario's doctrine in the engagement layer's terms (SI; "shoot-shoot" is the salvo). */
export function doctrineOf(scenario: Scenario): Doctrine {
  const d = scenario.doctrine;
  return validateDoctrine({
    ...DEFAULT_DOCTRINE,
    mode: d.mode === "shoot-look-shoot" ? "shoot-look-shoot" : "salvo",
    salvoSize: d.salvoSize,
    maxShotsPerThreat: d.maxShotsPerThreat,
    weaponsControl: d.weapons,
    minInterceptAltitudeM: d.minInterceptAltitude,
    weaponPriorities: d.weaponPriorities,
    minKillProbability: d.minKillProbability,
    assessmentDelayS: d.assessmentDelay,
    decisionIntervalS: d.decisionInterval,
    planningHorizonS: d.planningHorizon,
  });
}

function checkedBatteries(scenario: Scenario): () => ReturnType<typeof weaponBatteries> {
  weaponBatteries(scenario);
  return () => weaponBatteries(scenario);
}

/** A run with the scenario it came from (what the writers and the CLI read). */
export interface ScenarioRun extends RunResult {
  readonly scenario: Scenario;
}

/** `simulate(buildWorld(scenario), options)`, keeping the scenario beside the result. */
export function simulateScenario(scenario: Scenario, options: SimulateOptions): ScenarioRun {
  return { ...simulate(buildWorld(scenario), options), scenario };
}
