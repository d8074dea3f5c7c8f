/**
 * Tracking a whole raid (project issue 5): scenarios/raid-20.yaml, 20 threats seen by a 28-satellite
 * LEO infrared layer and two radars for the raid's duration. The raid is flown and sensed once, as
 * `simulate` does (1 s truth steps, each sensor on its own named random stream, seed 1); then only
 * the tracking is timed: a fresh tracker as src/scenario/build/tracker.ts builds it for the scenario's
 * `tracking` block, stepped every second with the detections that have arrived by then (measurement
 * time plus latency), best of a few repeats after a warm-up. Target: under 1 s with the scenario's IMM;
 * the EKF figure and the whole `simulate` time (flight, sensing, tracking, scoring) are informational.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bestTimeMs, report } from "./harness.js";
import { loadScenario } from "../src/scenario/index.js";
import type { Scenario } from "../src/scenario/index.js";
import { earthModelOf, sensorObjects, threatDefinitions } from "../src/scenario/build/index.js";
import { trackerOf } from "../src/scenario/build/tracker.js";
import { flyRaid, senseRaid } from "../src/sim/raid.js";
import { simulateScenario } from "../src/scenario/build/world.js";
import type { Detection } from "../src/sensors/detection.js";

const SCENARIO = fileURLToPath(new URL("../scenarios/raid-20.yaml", import.meta.url));
const SEED = 1;

/** The raid's detections grouped by the 1 s step at which they reach the tracker. */
function sensedRaid(scenario: Scenario): { steps: Detection[][]; detections: number } {
  const flights = flyRaid(threatDefinitions(scenario), earthModelOf(scenario), { sampleIntervalS: 1 });
  const results = flights.map((f) => f.result);
  // As simulate: until every threat has ended and its detections have arrived, or the scenario's end.
  const lastFlightS = Math.max(0, ...results.map((f) => f.endTimeS));
  const endS = Math.min(scenario.duration, lastFlightS + 30);
  const detections = senseRaid(results, sensorObjects(scenario), { startS: 0, endS, seed: SEED });
  const last = Math.floor(endS + 1e-9);
  const steps: Detection[][] = Array.from({ length: last + 1 }, () => []);
  for (const d of detections) {
    const k = Math.max(0, Math.ceil(d.arrivalTimeS - 1e-9));
    if (k <= last) steps[k].push(d);
  }
  return { steps, detections: detections.length };
}

function trackRaid(
  scenario: Scenario,
  filter: "imm" | "ekf",
  steps: Detection[][],
  detections: number,
): void {
  const tracking = { ...scenario.tracking, filter };
  let confirmed = 0;
  let initiated = 0;
  const ms = bestTimeMs(
    () => {
      const tracker = trackerOf(tracking);
      for (let k = 0; k < steps.length; k++) tracker.step(k, steps[k]);
      const all = [...tracker.tracks, ...tracker.deletedTracks];
      initiated = all.length;
      confirmed = all.filter((t) => t.confirmedAtS !== null).length;
      return confirmed;
    },
    5,
    1,
  );
  report({
    name: filter === "imm" ? "tracking.raid20.trackMs" : "tracking.raid20.ekf.trackMs",
    value: ms,
    unit: "ms",
    target: "< 1000",
    pass: ms < 1000,
    detail: {
      filter,
      association: tracking.association,
      threats: scenario.threats.length,
      steps: steps.length,
      detections,
      tracksInitiated: initiated,
      tracksConfirmed: confirmed,
    },
  });
}

export function run(): void {
  const scenario = loadScenario(readFileSync(SCENARIO, "utf8"), { fileName: SCENARIO });
  const { steps, detections } = sensedRaid(scenario);
  trackRaid(scenario, "imm", steps, detections);
  trackRaid(scenario, "ekf", steps, detections);
  let threats = 0;
  const simMs = bestTimeMs(
    () => {
      const r = simulateScenario(scenario, { seed: SEED });
      threats = r.threats.length;
      return r.tracking.detections;
    },
    2,
    1,
  );
  report({
    name: "tracking.raid20.simulateMs",
    value: simMs,
    unit: "ms",
    detail: { threats, what: "simulate(): flights, sensing, tracking and scoring" },
  });
}
