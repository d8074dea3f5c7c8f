/**
 * Argument cases of the scenario layer, the engine and the run format (tests/arguments.test.ts).
 */
import * as raijin from "../../../src/index.js";
import type { Entry } from "../harness.js";

/** A small scenario: one re-entry vehicle from burnout, one radar, 10 minutes. */
const SMOKE = `name: smoke
epoch: 2030-06-01T00:00:00Z
duration: 10 min
threats:
  - id: rv
    vehicle: notional-rv
    burnout: { at: { lat: 35 deg, lon: 135 deg, alt: 80 km }, time: 0 s, speed: 2 km/s, flightPathAngle: 30 deg, azimuth: 90 deg }
sensors:
  - { id: r, kind: radar, model: notional-s-band, at: { lat: 35 deg, lon: 137 deg, alt: 10 m } }
tracking: { filter: ekf }
`;
let scenario: raijin.Scenario | null = null;
const SCENARIO = () => (scenario ??= raijin.loadScenario(SMOKE, { fileName: "smoke.yaml" }));

/** A system that asks for a frame every `everyS` and counts them. */
function counter(everyS: number): raijin.SimSystem {
  return {
    name: "counter",
    nextFrameS: (t) => (Math.floor(t / everyS) + 1) * everyS,
    runFrame: () => undefined,
  };
}

export const SCENARIO_CASES: Record<string, Entry> = {
  // sim: running a world, the loop of systems, its clock
  simulate: {
    kind: "checks",
    args: () => [raijin.buildWorld(SCENARIO()), { seed: 7, run: 0, tickS: 1 }],
    names: ["world", "options"],
    leaves: [
      [0, "durationS"],
      [1, "seed"],
      [1, "run"],
      [1, "tickS"],
    ],
    refuse: [
      [[1, "seed"], 0.5],
      [[1, "run"], -1],
      [[1, "tickS"], 0],
      [[0, "durationS"], -1],
    ],
  },
  simulateScenario: {
    kind: "checks",
    args: () => [SCENARIO(), { seed: 7, run: 0, tickS: 1 }],
    names: ["scenario", "options"],
    leaves: [
      [1, "seed"],
      [1, "run"],
      [1, "tickS"],
    ],
    refuse: [[[1, "run"], 1.5]],
  },
  runSystems: {
    kind: "checks",
    args: () => [[counter(1)], { startS: 0, endS: () => 10 }],
    names: ["systems", "clock"],
    leaves: [[1, "startS"]],
  },
  Ticks: {
    kind: "checks",
    label: "new",
    call: (i) => new raijin.Ticks(i as number),
    args: () => [0.5],
    names: ["intervalS"],
    refuse: [[[0], 0]],
  },
  // run format: the writer's line (the readers take text: exempt)
  eventLine: {
    kind: "checks",
    args: () => [{ timeS: 12.5, type: "launch", threatId: "rv" }],
    names: ["event"],
  },
  // scenario: entry points
  loadScenario: {
    kind: "checks",
    args: () => ["name: x\nepoch: 2030-06-01T00:00:00Z\nduration: 1 min\n", { fileName: "f.yaml" }],
    names: ["text", "options"],
    refuse: [
      [[0], 42],
      [[0], null],
      [[1, "fileName"], 7],
    ],
  },
  toSI: {
    kind: "checks",
    args: () => [3, "km", "length"],
    names: ["value", "unit", "dimension"],
    refuse: [[[2], "mass-ish"]],
  },
  formatSI: {
    kind: "limits",
    args: () => [3, "length"],
    names: ["si", "dimension"],
    refuse: [[[1], "nope"]],
  },
  parseQuantity: {
    kind: "limits",
    args: () => ["3 km", "length"],
    names: ["input", "dimension"],
    refuse: [[[1], "nope"]],
  },
  unitsOf: { kind: "checks", args: () => ["length"], names: ["dimension"], refuse: [[[0], "nope"]] },
};
