/**
 * Whole raids (project issues 5 and 12).
 *
 * 1. Tracking alone on scenarios/raid-20.yaml: the raid flown and sensed once as `simulate` does, then a
 *    fresh tracker (src/scenario/build/tracker.ts) stepped every second with the detections that have
 *    arrived by then. Target: under 1 s with the scenario's IMM.
 * 2. Saturation raids of 20, 200 and 2,000 threats: copies of raid-20's threats (bench/raidCopies.ts)
 *    against its two radars and 28-satellite infrared layer. For each: the steering solve a new scenario
 *    pays (every copy launches from its own point), then the full `simulate` (flights, sensing,
 *    tracking, scoring) with the steering cached, as every run of a campaign after the first, plus
 *    building every output file's text (summary, events, trajectories, tracks, scene). Figures:
 *    simulated seconds per CPU second and per wall second (target for 2,000 threats: 60 on one core),
 *    peak resident memory (target: under 1 GB), and the CPU-time exponent from 200 to 2,000 threats
 *    (target: at most 1.15). `RAIJIN_BENCH_RAID_MAX` lowers the largest raid (e.g. 200) for a quick look.
 *    Each raid size runs in its own Node process, as each `raijin run` of a scenario does: its peak
 *    memory is its own, not the high-water mark the smaller raids and the tracking runs before it left
 *    in a shared process (measured in one process, the 2,000-threat raid's peak read 1,075 MB where its
 *    own is about 900).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bestTimeMs, peakRssMb, repoPath, report, timeRepeats } from "./harness.js";
import { copiedRaid } from "./raidCopies.js";
import { trajectoriesCsvChunks } from "../src/analysis/export/csv.js";
import { scenePacketStream, trackPacketStream } from "../src/analysis/export/sceneCzml.js";
import { eventsJsonl, runSummary, tracksCsvChunks } from "../src/analysis/run/outputs.js";
import { threatSteering } from "../src/flight/fly.js";
import { defaultTargetingCache } from "../src/flight/targeting.js";
import { earthModelOf, sensorObjects, threatDefinitions } from "../src/scenario/build/index.js";
import { trackerOf } from "../src/scenario/build/tracker.js";
import { buildWorld, type ScenarioRun } from "../src/scenario/build/world.js";
import { loadScenario, type Scenario } from "../src/scenario/index.js";
import type { Detection } from "../src/sensors/detection.js";
import { flyRaid, senseRaid } from "../src/sim/raid.js";
import { simulate } from "../src/sim/run.js";

const SCENARIO = repoPath("scenarios/raid-20.yaml");
const SEED = 1;

/** The raid's detections grouped by the 1 s step at which they reach the tracker. */
function sensedRaid(scenario: Scenario): { steps: Detection[][]; detections: number } {
  const flights = flyRaid(threatDefinitions(scenario), earthModelOf(scenario), { sampleIntervalS: 1 });
  const results = flights.map((f) => f.result);
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

/** Bytes of every output file of a run (the text the writers stream). */
function outputBytes(r: ScenarioRun): number {
  let n = JSON.stringify(runSummary(r)).length + eventsJsonl(r).length;
  for (const c of trajectoriesCsvChunks(r.flights.map((f) => f.result))) n += c.length;
  for (const c of tracksCsvChunks(r)) n += c.length;
  // As `raijin run` writes scene.czml: each packet serialised as it is made.
  for (const p of scenePacketStream(r)) n += JSON.stringify(p).length + 1;
  for (const p of trackPacketStream(r.trackSamples, r.scenario.epoch)) n += JSON.stringify(p).length + 1;
  return n;
}

function saturationRaid(base: Scenario, count: number): { cpuMs: number } {
  const scenario = copiedRaid(base, count);
  const world = buildWorld(scenario);
  // The steering a new scenario pays for, cold (each copy is its own definition).
  defaultTargetingCache.clear();
  let solved = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const d of world.threats) if (threatSteering(d, world.earth) !== null) solved++;
  const solveWallMs = performance.now() - t0;
  const cu = process.cpuUsage(c0);
  report({
    name: `sim.raid${count}.steeringSolveMs`,
    value: Number(solveWallMs.toFixed(1)),
    unit: "ms",
    timing: null,
    detail: {
      threats: world.threats.length,
      solved,
      cpuMs: Number(((cu.user + cu.system) / 1000).toFixed(1)),
    },
  });
  let last: ScenarioRun | null = null;
  const repeats = count >= 1000 ? 1 : count >= 100 ? 3 : 5;
  const timing = timeRepeats(
    () => {
      const r = { ...simulate(world, { seed: SEED }), scenario };
      last = r;
      return outputBytes(r);
    },
    repeats,
    count >= 1000 ? 0 : 1,
  );
  const r = last as unknown as ScenarioRun;
  const simulatedS = r.endS;
  const peakMb = peakRssMb();
  report({
    name: `sim.raid${count}.realTimeFactor`,
    value: Number((simulatedS / (timing.cpu.median / 1000)).toFixed(1)),
    unit: "simulated s per CPU s",
    target: count === 2000 ? ">= 60" : undefined,
    pass: count === 2000 ? simulatedS / (timing.cpu.median / 1000) >= 60 : undefined,
    timing,
    detail: {
      threats: r.threats.length,
      simulatedS: Number(simulatedS.toFixed(1)),
      perWallSecond: Number((simulatedS / (timing.wall.median / 1000)).toFixed(1)),
      what: "simulate (steering cached) + every output file's text",
      frames: r.frames,
      detections: r.tracking.detections,
      tracksConfirmed: r.tracking.tracksConfirmed,
      falseTracks: r.tracking.falseTracks,
      outputMB: Number((outputBytes(r) / 1e6).toFixed(1)),
    },
  });
  report({
    name: `sim.raid${count}.peakRssMB`,
    value: Number(peakMb.toFixed(0)),
    unit: "MB",
    target: count === 2000 ? "< 1024" : undefined,
    pass: count === 2000 ? peakMb < 1024 : undefined,
    timing: null,
    detail: {
      note: "peak resident set of this raid's own process (VmHWM): world, steering, simulate and every output's text",
    },
  });
  return { cpuMs: timing.cpu.median };
}

/** Environment variable naming the one raid size a child process runs. */
const ONE_RAID = "RAIJIN_BENCH_RAID_ONE";

/**
 * The saturation raid of `count` threats in a child process (this module again, with ONE_RAID set):
 * its figures pass through to this process's output; returns its CPU median.
 */
function saturationRaidInChild(count: number): { cpuMs: number } {
  // This module and the runner beside it, compiled (.js) or not (.ts).
  const self = fileURLToPath(import.meta.url);
  const runner = join(dirname(self), `run${extname(self)}`);
  const r = spawnSync(process.execPath, [...process.execArgv, runner, "--one", basename(self)], {
    env: { ...process.env, [ONE_RAID]: String(count) },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0)
    throw new Error(`raid bench: the ${count}-threat child exited with ${r.status ?? r.signal}`);
  for (const line of r.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const fig = JSON.parse(line) as { name: string; timing?: { cpu: { median: number } } };
    if (fig.name === `sim.raid${count}.realTimeFactor` && fig.timing !== undefined)
      return { cpuMs: fig.timing.cpu.median };
  }
  throw new Error(`raid bench: the ${count}-threat child printed no sim.raid${count}.realTimeFactor`);
}

export function run(): void {
  const base = loadScenario(readFileSync(SCENARIO, "utf8"), { fileName: SCENARIO });
  const one = process.env[ONE_RAID];
  if (one !== undefined) {
    saturationRaid(base, Number(one));
    return;
  }
  const { steps, detections } = sensedRaid(base);
  trackRaid(base, "imm", steps, detections);
  trackRaid(base, "ekf", steps, detections);
  const max = Number(process.env.RAIJIN_BENCH_RAID_MAX ?? 2000);
  const cpu = new Map<number, number>();
  for (const n of [20, 200, 2000]) if (n <= max) cpu.set(n, saturationRaidInChild(n).cpuMs);
  const a = cpu.get(200);
  const b = cpu.get(2000);
  if (a !== undefined && b !== undefined) {
    const exponent = Math.log(b / a) / Math.log(10);
    report({
      name: "sim.raid.cpuExponent200to2000",
      value: Number(exponent.toFixed(3)),
      unit: "",
      target: "<= 1.15",
      pass: exponent <= 1.15,
      timing: null,
      detail: { cpuMs200: a, cpuMs2000: b },
    });
  }
}
