/**
 * The battle manager's kill assessment step: each track's engagement whose orders have all settled
 * (fired rounds finished their runs, or held) is assessed from the track picture (killAssessment.ts);
 * a track assessed killed is closed, one that survived is open to engagement again. Held orders give
 * their shots back to the threat's cap (the doctrine's maxShotsPerThreat counts rounds at a track, not
 * orders).
 */
import { assessKill, type KillAssessmentOutcome } from "./killAssessment.js";
import type { OrderBook, TrackView } from "./picture.js";
import type { TrackFile } from "./trackFile.js";

export interface KillAssessmentRecord {
  readonly trackId: string;
  readonly timeS: number;
  readonly outcome: KillAssessmentOutcome;
  readonly basis: string;
  readonly orderIds: readonly string[];
  readonly shotIds: readonly string[];
  readonly weaponIds: readonly string[];
}

/**
 * Assesses, at nowS, every file's engagement whose orders have settled, updating the files (engagement
 * cleared, closed when killed, held orders' shots returned); returns the assessments made.
 */
export function assessEngagements(
  files: Iterable<TrackFile>,
  orders: OrderBook,
  tracks: ReadonlyMap<string, TrackView>,
  nowS: number,
  assessmentDelayS: number,
): KillAssessmentRecord[] {
  const out: KillAssessmentRecord[] = [];
  for (const f of files) {
    const e = f.engagement;
    if (e === null) continue;
    let done = -Infinity;
    let settled = true;
    let fired = 0;
    const shotIds: string[] = [];
    const weaponIds: string[] = [];
    for (const id of e.orderIds) {
      const ov = orders.get(id);
      if (ov === undefined || ov.state === "pending" || ov.state === "fired") {
        settled = false;
        break;
      }
      if (ov.state === "done") {
        fired++;
        done = Math.max(done, ov.doneS);
        if (ov.shotId !== null) shotIds.push(ov.shotId);
        weaponIds.push(ov.order.weaponId);
      }
    }
    if (!settled) continue;
    // Held orders are given back once, when the engagement ends (not at every cycle it waits for its
    // look, which gave the threat a shot more per cycle).
    const held = e.orderIds.length - fired;
    if (fired === 0) {
      // Every order was held (no solution when it came to fire): nothing to look at.
      f.ordered -= held;
      f.engagement = null;
      continue;
    }
    const k = assessKill(tracks.get(f.trackId), done, nowS, assessmentDelayS);
    if (k === null) continue;
    f.ordered -= held;
    f.engagement = null;
    if (k.outcome === "killed") f.closed = true;
    out.push({
      trackId: f.trackId,
      timeS: nowS,
      outcome: k.outcome,
      basis: k.basis,
      orderIds: [...e.orderIds],
      shotIds,
      weaponIds,
    });
  }
  return out;
}
