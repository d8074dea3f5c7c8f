/**
 * The world one run is played in: what `scenario/build` makes of a scenario file, and all `simulate`
 * needs (docs/design.md: "scenario/ parses and validates the file and builds a world; sim/ steps it"). The
 * sim layer defines it so the loop depends on nothing above it.
 *
 * Stateful pieces (sensors keep a look schedule, a tracker keeps tracks) are given as factories, so one
 * world serves every run of a campaign and no run sees another's state.
 */
import type { EarthModel } from "../earth/model.js";
import type { Doctrine } from "../engagement/doctrine.js";
import type { ThreatDefinition } from "../flight/definitions.js";
import type { Sensor } from "../sensors/sensor.js";
import type { Tracker } from "../tracking/management/tracker.js";
import type { BallisticModel } from "../tracking/models/transition/ballistic.js";
import type { MotionAssessmentOptions } from "../tracking/predict/motion.js";
import type { GaussianState } from "../tracking/types.js";
import type { WeaponBattery } from "../weapons/battery/battery.js";

/** A defended asset: where it is and what it is worth. */
export interface WorldAsset {
  readonly id: string;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly altM: number;
  /** ECEF position on the world's Earth model, m. */
  readonly posEcefM: Float64Array;
  /** Relative value (weights leakers). */
  readonly value: number;
  /** Radius of the defended area, m. */
  readonly radiusM: number;
}

/** What the summary says about the world (labels and switches, plain data). */
export interface WorldDescription {
  readonly name: string;
  /** Scenario epoch (UTC): simulation time 0. */
  readonly epoch: Date;
  readonly environment: {
    readonly earth: string;
    readonly rotation: boolean;
    readonly gravity: string;
    readonly atmosphere: string;
  };
  readonly tracking: { readonly filter: string; readonly association: string };
}

export interface World {
  readonly description: WorldDescription;
  /** The run stops at this time at the latest, s from the epoch. */
  readonly durationS: number;
  readonly earth: EarthModel;
  readonly assets: readonly WorldAsset[];
  /** The raid: one definition per threat, flown from its launch (or burnout) time. */
  readonly threats: readonly ThreatDefinition[];
  /** Weapon ids, in the order createBatteries gives them (empty: no defence, nothing engaged). */
  readonly weaponIds: readonly string[];
  /** Fresh batteries for one run (magazines full, power charged), in a fixed order. */
  createBatteries(): WeaponBattery[];
  /** How the battle manager spends shots. */
  readonly doctrine: Doctrine;
  /** Fresh sensors for one run, in a fixed order (their ids name their random streams). */
  createSensors(): Sensor[];
  /** A fresh tracker for one run. */
  createTracker(): Tracker<GaussianState>;
  /**
   * How a track's impact is predicted: the ballistic model flown (the world's Earth, drag and
   * gravity) and what the motion check needs to tell a lifting or manoeuvring track from a ballistic
   * one (src/tracking/predict/motion.ts).
   */
  readonly impactPrediction: {
    readonly model: BallisticModel;
    readonly motion: MotionAssessmentOptions;
  };
}
