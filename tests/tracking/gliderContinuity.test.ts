/**
 * Track continuity on a manoeuvring threat (project issue 5): a boost-glide vehicle weaving (bank
 * reversals of 30 deg every 45 s, the reference raid's hgv-1) seen by the 28-satellite LEO infrared
 * layer alone, in a raid of four threats, tracked by the tracker and IMM that scenarios get
 * (src/scenario/build/tracker.ts). Other threats keep the satellites reporting, so every satellite
 * scan without the glider is a miss for its track; the glider's signature falls at burnout and its
 * satellites hand it over, so single-satellite detections come and go.
 *
 * Expected: the glider is followed by one track from its first seconds for as long as the layer sees it
 * well (until its coverage breaks up into single-satellite sightings with gaps of 20-45 s, 380-440 s
 * into the 523 s flight with these seeds), and that track stays consistent (mean NEES over position
 * and velocity near its 6 degrees of freedom).
 * Before the miss evidence (src/tracking/management/missEvidence.ts) and the IMM retuning, misses
 * counted one per satellite scan and the glider was followed by three successive tracks.
 */
import { afterAll, describe, expect, it } from "vitest";
import { makeEarthModel } from "../../src/earth/model.js";
import { flyThreat } from "../../src/flight/index.js";
import type { FlightResult } from "../../src/flight/result.js";
import { createTruthState, truthAt } from "../../src/flight/truthAt.js";
import { createIrConstellation } from "../../src/sensors/factory.js";
import type { Detection } from "../../src/sensors/detection.js";
import { senseRaid } from "../../src/sim/raid.js";
import { DELETE_AFTER_MISSES, trackingFilter } from "../../src/scenario/build/tracker.js";
import { Tracker } from "../../src/tracking/management/tracker.js";
import { nees } from "../../src/tracking/metrics/consistency.js";
import { recordValidation, sig } from "../validation.js";
import { TruthTally } from "./helpers.js";

const DEG = Math.PI / 180;
const PORT = { latRad: 35.29 * DEG, lonRad: 139.67 * DEG, altM: 0 };
const AIRBASE = { latRad: 35.75 * DEG, lonRad: 139.35 * DEG, altM: 140 };

function flyRaid(): FlightResult[] {
  const earth = makeEarthModel({ earth: "wgs84", rotation: true, gravity: "j2", atmosphere: "ussa1976" });
  const at = (latDeg: number, lonDeg: number, timeS: number) => ({
    latRad: latDeg * DEG,
    lonRad: lonDeg * DEG,
    altM: 0,
    timeS,
  });
  const opts = { sampleIntervalS: 1 };
  return [
    flyThreat(
      {
        id: "glider",
        vehicle: "notional-hgv",
        launch: at(33, 128, 0),
        target: PORT,
        maneuver: { kind: "weave", bankAmplitudeRad: 30 * DEG, periodS: 90 },
      },
      earth,
      opts,
    ),
    flyThreat(
      {
        id: "mrbm",
        vehicle: "notional-mrbm",
        launch: at(40.5, 128, 60),
        target: AIRBASE,
        trajectory: "lofted",
      },
      earth,
      opts,
    ),
    flyThreat(
      {
        id: "srbm",
        vehicle: "notional-srbm",
        launch: at(37, 135.2, 0),
        target: PORT,
        trajectory: "depressed",
      },
      earth,
      opts,
    ),
    flyThreat({ id: "cavh", vehicle: "notional-cav-h", launch: at(22, 128, 90), target: PORT }, earth, opts),
  ];
}

describe("a weaving glider seen by the infrared layer keeps one track", () => {
  const flights = flyRaid();
  const glider = flights[0];
  const parts: string[] = [];
  afterAll(() => {
    if (parts.length > 0)
      recordValidation({
        area: "tracking",
        model: "Track continuity, weaving glider (tracker and IMM as scenarios build them)",
        reference:
          "one track per threat (project issue 5); NEES over position and velocity ~ chi-square(6) (Bar-Shalom, Li & Kirubarajan 2001 sec. 5.4.2): notional-hgv weaving 30 deg every 45 s in a four-threat raid, seen by the 28-satellite LEO infrared layer alone",
        figure: parts.join("; "),
        tolerance:
          "started < 10 s after the layer first sees the plume; one track until the first gap in sight longer than the deletion window, at most one more per such gap; followed past 370 s; mean NEES 2 to 9 over > 200 updates",
      });
  });
  for (const seed of [1, 2]) {
    it(`seed ${seed}`, () => {
      // A fresh constellation per run: a sensor keeps its revisit schedule between looks.
      const layer = createIrConstellation({
        id: "tracking-layer",
        model: "notional-leo-ir",
        epoch: new Date("2030-06-01T00:00:00Z"),
      });
      const endS = Math.floor(glider.endTimeS);
      const detections = senseRaid(flights, [layer], { startS: 0, endS, seed });
      const steps: Detection[][] = Array.from({ length: endS + 2 }, () => []);
      for (const d of detections) steps[Math.ceil(d.arrivalTimeS - 1e-9)].push(d);
      const tracker = new Tracker({
        filter: trackingFilter({
          filter: "imm",
          association: "gnn",
          gateProbability: 0.99,
          confirmHits: 3,
          confirmWindow: 5,
          dropAfter: 30,
        }),
        deleteAfterMisses: DELETE_AFTER_MISSES,
        recordUpdates: true,
      });
      const tally = new TruthTally();
      const truth = createTruthState();
      const x = new Float64Array(6);
      const P = new Float64Array(36);
      const work = new Float64Array(48);
      let neesSum = 0;
      let neesCount = 0;
      const followsGlider = (counts: ReadonlyMap<string, number>) => {
        let total = 0;
        for (const v of counts.values()) total += v;
        return (counts.get("glider") ?? 0) > total / 2;
      };
      for (let k = 0; k < steps.length; k++) {
        const res = tracker.step(k, steps[k]);
        tally.add(res.updates);
        for (const tr of res.tracks) {
          if (tr.status !== "confirmed" || tr.lastUpdateS !== k - 1 || !followsGlider(tally.counts(tr.id)))
            continue;
          const s = tr.state;
          const n = s.x.length;
          truthAt(glider, s.timeS, truth);
          for (let i = 0; i < 3; i++) {
            x[i] = truth.posEcefM[i];
            x[3 + i] = truth.velEcefMps[i];
          }
          for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) P[i * 6 + j] = s.P[i * n + j];
          neesSum += nees(s.x.subarray(0, 6), P, x, 6, work);
          neesCount++;
        }
      }
      const gliderTracks = [...tracker.tracks, ...tracker.deletedTracks]
        .filter((t) => t.confirmedAtS !== null && followsGlider(tally.counts(t.id)))
        .sort((a, b) => a.createdAtS - b.createdAtS);
      // The layer's sight of the glider: from its first detection, and the gaps in it longer than the
      // tracker's deletion window (10 misses of a sensor that saw it on every look, about 10 s): a track
      // may end in such a gap (a miss cannot tell a target that is gone from one that went dim), nowhere
      // else.
      const seen = detections.filter((d) => d.truthId === "glider").map((d) => d.timeS);
      const firstSeenS = seen[0];
      const longGaps: [number, number][] = [];
      for (let i = 1; i < seen.length; i++)
        if (seen[i] - seen[i - 1] > 12) longGaps.push([seen[i - 1], seen[i]]);
      const track = gliderTracks[0];
      const untilS = longGaps.length > 0 ? longGaps[0][0] : seen[seen.length - 1];
      if (track !== undefined)
        parts.push(
          `seed ${seed}: ${gliderTracks.length} track(s) (${gliderTracks.map((t) => t.id).join(", ")}), the first from ${sig(track.createdAtS, 2)} s to ${sig(track.lastUpdateS, 3)} s of the ${Math.round(glider.endTimeS)} s flight (first gap in sight over 12 s at ${sig(untilS, 3)} s), ` +
            `mean NEES ${sig(neesSum / neesCount, 3)} over ${neesCount} updates`,
        );
      expect(gliderTracks.length).toBeGreaterThanOrEqual(1);
      // Started within 10 s of the layer's first sight of the plume (above the cloud top, about 30 s
      // after launch: src/sensors/infrared/transmission.ts), and held until the first long gap.
      expect(track.createdAtS - firstSeenS).toBeLessThan(10);
      expect(track.lastUpdateS).toBeGreaterThanOrEqual(untilS - 1);
      // At most one new track per long gap it fell in, each started within 10 s of the sight coming back.
      const gapsCrossed = longGaps.filter(([, b]) => b <= gliderTracks[gliderTracks.length - 1].createdAtS);
      expect(gliderTracks.length).toBeLessThanOrEqual(1 + gapsCrossed.length);
      // Followed through boost, pull-up and the weaving glide, to where the layer's coverage breaks up
      // (376 s and 394 s with these seeds; the glider dives in at 528 s).
      expect(Math.max(...gliderTracks.map((t) => t.lastUpdateS))).toBeGreaterThan(370);
      // Consistent: NEES near 6 (chi-square, 6 degrees of freedom) on average over its updates.
      expect(neesCount).toBeGreaterThan(200);
      const meanNees = neesSum / neesCount;
      expect(meanNees).toBeGreaterThan(2);
      expect(meanNees).toBeLessThan(9);
    });
  }
});
