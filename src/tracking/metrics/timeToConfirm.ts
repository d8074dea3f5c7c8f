/**
 * Time from first detection to confirmed track, per truth: the first detection of the truth (from the
 * detections' truth ids, which only metrics may read) and the first sample at which a confirmed track
 * follows it (AssignmentSample series over confirmed tracks, see continuity.ts). Null when the truth was
 * detected but never followed by a confirmed track.
 */
import { argError } from "../../math/check.js";
import type { Detection } from "../../sensors/detection.js";
import type { AssignmentSample } from "./continuity.js";

export interface TimeToConfirm {
  truthId: string;
  firstDetectionS: number;
  firstConfirmedTrackS: number | null;
  /** firstConfirmedTrackS - firstDetectionS, or null. */
  delayS: number | null;
}

export function timeToConfirm(
  detections: Iterable<Pick<Detection, "timeS" | "truthId">>,
  confirmedSamples: readonly AssignmentSample[],
): TimeToConfirm[] {
  const first = new Map<string, number>();
  let i = 0;
  for (const d of detections) {
    if (!Number.isFinite(d.timeS))
      throw argError("timeToConfirm", `detections[${i}].timeS`, "a finite time", d.timeS);
    i++;
    if (d.truthId === null) continue;
    const t = first.get(d.truthId);
    if (t === undefined || d.timeS < t) first.set(d.truthId, d.timeS);
  }
  const confirmed = new Map<string, number>();
  confirmedSamples.forEach((s, k) => {
    if (!Number.isFinite(s.timeS))
      throw argError("timeToConfirm", `confirmedSamples[${k}].timeS`, "a finite time", s.timeS);
  });
  for (const s of confirmedSamples) {
    if (s.trackId === null) continue;
    const t = confirmed.get(s.truthId);
    if (t === undefined || s.timeS < t) confirmed.set(s.truthId, s.timeS);
  }
  const out: TimeToConfirm[] = [];
  for (const [truthId, t0] of [...first].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const tc = confirmed.get(truthId);
    out.push({
      truthId,
      firstDetectionS: t0,
      firstConfirmedTrackS: tc ?? null,
      delayS: tc === undefined ? null : tc - t0,
    });
  }
  return out;
}
