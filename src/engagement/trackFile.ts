/**
 * The battle manager's file on one confirmed track: its threat evaluation, planning prediction, each
 * battery's opportunity against it, the engagement under way and what the run's summary reports of it,
 * with what a shot's planning Pk assumes of its target. Kept apart from the decision cycle
 * (battleManager.ts), which reads and writes these files.
 */
import type { VehicleKind } from "../flight/truth.js";
import { positionVelocityMomentsInto } from "../tracking/filters/immState.js";
import type { GaussianState } from "../tracking/types.js";
import { LIFTING_TARGET_ACCEL_MPS2 } from "../weapons/fireControl/shotKillProbability.js";
import { TrackPrediction } from "../weapons/fireControl/trackPrediction.js";
import type { Opportunity, PlanningTarget } from "./opportunities.js";
import type { TrackView } from "./picture.js";
import type { ThreatAssessment, ThreatClass } from "./threatEvaluation.js";

/** What the battle manager knows of a track over the run (for the run's summary). */
export interface TrackRecord {
  readonly trackId: string;
  readonly firstConfirmedS: number | null;
  /** Latest shot time of any battery's window as last computed, s (NaN: never in any window). */
  readonly lastShotOpportunityS: number;
  /** Last predicted impact (ballistic) or arrival (lifting) time, s (NaN: none). */
  readonly predictedImpactS: number;
  /** When that prediction was made, s (NaN: none). */
  readonly predictedImpactAtS: number;
  readonly threatClass: ThreatClass | null;
  readonly value: number;
  readonly ordered: number;
  readonly closed: boolean;
}

/** The orders of one engagement of a track (one shoot-look-shoot look, or one salvo). */
export interface Engagement {
  readonly orderIds: string[];
}

export interface TrackFile {
  readonly trackId: string;
  firstConfirmedS: number | null;
  assessment: ThreatAssessment | null;
  readonly prediction: TrackPrediction;

  /** Per battery: its opportunity against the track as last computed, or null. */
  opps: (Opportunity | null)[];
  /** Per battery: no confirmation of a shot before this time (the last one failed), s. */
  confirmAgainS: number[];
  /** When the opportunities are next refreshed, s. */
  oppsDueS: number;
  /** When the threat evaluation is next refreshed, s. */
  assessDueS: number;
  ordered: number;
  engagement: Engagement | null;
  closed: boolean;
  lastShotOpportunityS: number;
  predictedImpactS: number;
  predictedImpactAtS: number;
  /** The along-track acceleration a lifting track is predicted with (its measured drag), m/s^2. */
  alongTrackAccelMps2: number;
}

/** A new file on track t, first seen confirmed at nowS, against `batteries` batteries. */
export function newTrackFile(t: TrackView, nowS: number, batteries: number): TrackFile {
  return {
    trackId: t.id,
    firstConfirmedS: t.confirmedAtS ?? nowS,
    assessment: null,
    prediction: new TrackPrediction(64),

    opps: new Array<Opportunity | null>(batteries).fill(null),
    confirmAgainS: new Array<number>(batteries).fill(-Infinity),
    oppsDueS: -Infinity,
    assessDueS: -Infinity,
    ordered: 0,
    engagement: null,
    closed: false,
    lastShotOpportunityS: NaN,
    predictedImpactS: NaN,
    predictedImpactAtS: NaN,
    alongTrackAccelMps2: 0,
  };
}

/** What the run's summary reports of a file. */
export function trackRecord(f: TrackFile): TrackRecord {
  return {
    trackId: f.trackId,
    firstConfirmedS: f.firstConfirmedS,
    lastShotOpportunityS: f.lastShotOpportunityS,
    predictedImpactS: f.predictedImpactS,
    predictedImpactAtS: f.predictedImpactAtS,
    threatClass: f.assessment?.threatClass ?? null,
    value: f.assessment?.value ?? 0,
    ordered: f.ordered,
    closed: f.closed,
  };
}

/**
 * What a shot's planning Pk assumes of a target of class c: the kind whose signature a seeker looks
 * for, and the acceleration across the line of sight its guidance must follow (a lifting target's
 * lift). The battle manager plans with it, and the weapons system re-plans with it at firing.
 */
export function plannedTargetOf(c: ThreatClass): {
  readonly targetKind: VehicleKind;
  readonly targetAccelerationMps2: number;
} {
  return {
    targetKind: c === "ballistic" ? "ballistic" : "hgv",
    targetAccelerationMps2: c === "lifting" ? LIFTING_TARGET_ACCEL_MPS2 : 0,
  };
}

const MOMENTS = new Float64Array(9);

/**
 * What a shot's planning Pk assumes of a track's target: its class's kind and manoeuvre, the track's
 * updates and its whole filter's current error (a command link sends the whole filter's estimate, where
 * the path is predicted with one mode: planningFilter.ts).
 */
export function planningTarget(f: TrackFile, t: TrackView): PlanningTarget {
  positionVelocityMomentsInto(t.state as GaussianState, MOMENTS);
  return {
    ...plannedTargetOf(f.assessment?.threatClass ?? "ballistic"),
    trackUpdateIntervalS: t.updateIntervalS,
    trackErrorTraces: MOMENTS.slice(6, 9),
  };
}
