/**
 * Kill assessment from what the sensors show after an intercept: once the rounds of an engagement have
 * finished their runs (the defence knows when its own rounds pass their targets, never what they hit)
 * and the sensors have had `delayS` more to look,
 * - the track has gone (the tracker deleted it: its target stopped giving detections) -> "killed";
 * - the track was updated after the rounds passed (the target is still there) -> "survived", and the
 *   battle manager re-engages it while its window and the doctrine's shots allow;
 * - the track is still held but has had no update since the rounds passed, `timeoutS` after the look
 *   -> "killed" (silent: the tracker is only coasting it).
 * A kill assessment can be wrong both ways, as a real one can: a target whose track is lost for
 * another reason is assessed killed, and a new track on it is a new threat.
 */
import { finiteArg, nonNegativeArg } from "../math/check.js";
import type { TrackView } from "./picture.js";

export type KillAssessmentOutcome = "killed" | "survived";

export interface KillAssessment {
  readonly outcome: KillAssessmentOutcome;
  /** What it rests on, in words. */
  readonly basis: string;
}

/** How long after the look a track that is only coasting is taken as killed, s [N]: the tracker
 *  deletes a track after about 10 s of misses of a sensor that saw it every second; twice that. */
export const ASSESSMENT_TIMEOUT_S = 20;

/** Slack on "updated after the rounds passed", s: detections of the instant of the intercept. */
const AFTER_SLACK_S = 0.5;

/**
 * The assessment of an engagement whose rounds finished at `roundsDoneS`, at `nowS`, or null while it
 * is too early to tell. `track` is the track as the picture shows it now (undefined: deleted).
 */
export function assessKill(
  track: TrackView | undefined,
  roundsDoneS: number,
  nowS: number,
  delayS: number,
  timeoutS: number = ASSESSMENT_TIMEOUT_S,
): KillAssessment | null {
  finiteArg("assessKill", "roundsDoneS", roundsDoneS);
  finiteArg("assessKill", "nowS", nowS);
  nonNegativeArg("assessKill", "delayS", delayS);
  nonNegativeArg("assessKill", "timeoutS", timeoutS);
  if (track !== undefined) finiteArg("assessKill", "track.lastUpdateS", track.lastUpdateS);
  if (nowS < roundsDoneS + delayS) return null;
  if (track === undefined || track.status === "deleted")
    return { outcome: "killed", basis: "track dropped after the intercept" };
  if (track.lastUpdateS > roundsDoneS + AFTER_SLACK_S)
    return {
      outcome: "survived",
      basis: `track updated at ${track.lastUpdateS.toFixed(1)} s, after the rounds passed at ${roundsDoneS.toFixed(1)} s`,
    };
  if (nowS >= roundsDoneS + delayS + timeoutS)
    return {
      outcome: "killed",
      basis: `no update since ${track.lastUpdateS.toFixed(1)} s (${(nowS - track.lastUpdateS).toFixed(0)} s)`,
    };
  return null;
}
