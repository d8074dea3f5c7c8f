/**
 * A threat's engagement summary (src/sim/summaries.ts engagementOf): with several tracks on one threat
 * (a track dropped and another started), the predicted impact is the latest prediction of any of them,
 * whatever order the battle manager's records come in; the decision margins follow from it.
 */
import { describe, expect, it } from "vitest";
import type { TrackRecord } from "../../src/engagement/trackFile.js";
import type { EngagementRunResult } from "../../src/sim/engagement.js";
import { engagementOf } from "../../src/sim/summaries.js";
import type { ThreatFlight } from "../../src/sim/threatFlight.js";

function record(trackId: string, predictedImpactS: number, predictedImpactAtS: number): TrackRecord {
  return {
    trackId,
    firstConfirmedS: 40,
    lastShotOpportunityS: 300,
    predictedImpactS,
    predictedImpactAtS,
    threatClass: "ballistic",
    value: 10,
    ordered: 0,
    closed: false,
  };
}

const flight = { id: "srbm-1", endTimeS: 400 } as unknown as ThreatFlight;

function summary(tracks: TrackRecord[]) {
  const e: EngagementRunResult = { shots: [], weapons: [], tracks, decisions: 0, fireControlSolutions: 0 };
  // Still flying at the end: the impact time is the predicted one.
  return engagementOf(flight, "still-flying", null, 40, e, ["T1", "T7"]);
}

describe("a threat's engagement summary", () => {
  it("takes the latest prediction of any of its tracks, in either order of the records", () => {
    // T1 predicted 390 s at 200 s, then was dropped; T7 predicted 385 s at 260 s.
    const a = summary([record("T1", 390, 200), record("T7", 385, 260)]);
    const b = summary([record("T7", 385, 260), record("T1", 390, 200)]);
    for (const s of [a, b]) {
      expect(s.impactS).toBe(385);
      expect(s.impactIsPredicted).toBe(true);
      expect(s.marginToImpactS).toBe(345);
      expect(s.marginToLastShotS).toBe(260);
    }
  });
});
