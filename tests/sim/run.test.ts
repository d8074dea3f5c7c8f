// One run of a scenario (src/sim/run.ts): determinism, the event log's order and contents, and the
// per-threat figures, on a small scenario that runs in about a second.
import { describe, expect, it } from "vitest";
import { eventsJsonl } from "../../src/analysis/run/outputs.js";
import { loadScenario } from "../../src/scenario/index.js";
import { compareEvents } from "../../src/sim/events.js";
import { simulateScenario as simulate } from "../../src/scenario/build/world.js";

const SCENARIO = loadScenario(
  `name: sim test
epoch: 2030-06-01T00:00:00Z
duration: 20 min
assets:
  - { id: base, at: { lat: 35.75 deg, lon: 139.35 deg, alt: 0 m } }
threats:
  - id: rv
    vehicle: notional-rv
    burnout: { at: { lat: 37.5 deg, lon: 131.5 deg, alt: 80 km }, time: 10 s, speed: 2.44 km/s, flightPathAngle: 35 deg, azimuth: 102.4 deg }
    target: base
  - id: hgv
    vehicle: notional-hgv
    launch: { at: { lat: 33 deg, lon: 128 deg, alt: 0 m }, time: 0 s }
    target: base
sensors:
  - id: ship
    kind: radar
    model: notional-s-band
    at: { lat: 37.5 deg, lon: 135.5 deg, alt: 20 m }
  - id: layer
    kind: infrared-constellation
    model: notional-leo-ir
    walker: { altitude: 1000 km, inclination: 81 deg, planes: 4, perPlane: 7, phasing: 1 }
tracking: { filter: imm, association: gnn }
`,
  { fileName: "sim.yaml" },
);

describe("simulate", () => {
  const a = simulate(SCENARIO, { seed: 11 });

  it("is deterministic: the same scenario and seed give the same event log, byte for byte", () => {
    const b = simulate(SCENARIO, { seed: 11 });
    expect(eventsJsonl(b)).toBe(eventsJsonl(a));
    const c = simulate(SCENARIO, { seed: 12 });
    expect(eventsJsonl(c)).not.toBe(eventsJsonl(a));
  });

  it("logs events in time order, one detection event per threat and sensor, a launch and impact per threat", () => {
    const sorted = [...a.events].sort(compareEvents);
    expect(a.events).toEqual(sorted);
    const detections = a.events
      .filter((e) => e.type === "detection")
      .map((e) => `${e.threatId}/${e.sensorId}`);
    expect(new Set(detections).size).toBe(detections.length);
    for (const id of ["rv", "hgv"]) {
      expect(a.events.filter((e) => e.type === "launch" && e.threatId === id)).toHaveLength(1);
      expect(a.events.filter((e) => e.type === "impact" && e.threatId === id)).toHaveLength(1);
    }
    // Track events name their track; confirmed tracks are paired with a threat (metrics only).
    for (const e of a.events.filter((e) => e.type.startsWith("track-"))) expect(e.trackId).toMatch(/^T\d+$/);
    expect(a.events.filter((e) => e.type === "track-confirmed").every((e) => e.threatId !== undefined)).toBe(
      true,
    );
  });

  it("detects, tracks and scores each threat", () => {
    for (const t of a.threats) {
      expect(t.firstDetectionS).not.toBeNull();
      expect(t.firstConfirmedTrackS).not.toBeNull();
      expect(t.trackedFraction).toBeGreaterThan(0.8);
      expect(t.positionRmseM).toBeLessThan(2000);
      expect(t.meanNees).toBeLessThan(20);
    }
  });

  it("predicts a re-entry vehicle's impact from its track a minute out within a few km, and not a glider's", () => {
    // A ballistic predictor extrapolates free flight: right for the RV, wrong for a glider that still
    // pulls lift and dives on its aimpoint (the reason gliders are hard to defend against).
    const rv = a.threats.find((t) => t.threatId === "rv")?.impactPrediction;
    const hgv = a.threats.find((t) => t.threatId === "hgv")?.impactPrediction;
    expect(rv).toBeDefined();
    expect(rv?.errorM).toBeLessThan(3000);
    expect(Math.abs(rv?.timeErrorS ?? Infinity)).toBeLessThan(5);
    expect(hgv?.errorM).toBeGreaterThan(10 * (rv?.errorM ?? 0));
  });
});
