/**
 * The closed kill chain (project issue 14), `npm run bench -- engagement`:
 * 1. The reference scenario (scenarios/reference-raid.yaml, the defended port): first the cold run a user
 *    pays for a new scenario (`simulateScenario`: world built, every threat's steering solved, every
 *    weapon's flyout table built), then `simulate` on the built world as every later run of a campaign.
 *    Figure: simulated seconds per wall-clock second on one core (target: at least 1,000), with CPU time.
 * 2. A 200-threat raid against 10 batteries: copies of the reference raid's threats (bench/raidCopies.ts)
 *    and five copies of each of its two batteries (ships spread along Sagami Bay, land batteries around
 *    the port), magazines as in the reference. Target: at least 100 simulated seconds per wall second.
 * Each figure carries the run's engagement counts (shots, kills, leaks) so a faster run that shoots less
 * is visible, and per weapon kind the rounds, kills, mean planned Pk and median miss: how far the fire
 * control's planning figure is from what the rounds achieve.
 */
import { readFileSync } from "node:fs";
import { repoPath, report, timeRepeats } from "./harness.js";
import { copiedBatteries, copiedRaid } from "./raidCopies.js";
import { defaultTargetingCache } from "../src/flight/targeting.js";
import { buildWorld, simulateScenario, type ScenarioRun } from "../src/scenario/build/world.js";
import { loadScenario, type Scenario } from "../src/scenario/index.js";
import { simulate, type RunResult } from "../src/sim/run.js";

const SCENARIO = repoPath("scenarios/reference-raid.yaml");
const SEED = 1;

/**
 * Per weapon kind: rounds, kills, the mean planned Pk beside the mean Pk at the misses the rounds flew
 * (0 for a round that never closed: the planning figure's calibration, without the kill draws' noise),
 * and the median miss of the rounds that ended, m.
 */
function plannedAgainstAchieved(r: RunResult): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const shots = r.engagement?.shots ?? [];
  for (const kind of [...new Set(shots.map((s) => s.kind))].sort()) {
    const own = shots.filter((s) => s.kind === kind);
    const misses = own
      .map((s) => s.outcome?.missM ?? NaN)
      .filter((m) => m === m)
      .sort((a, b) => a - b);
    out[kind] = {
      rounds: own.length,
      kills: own.filter((s) => s.outcome?.killed === true).length,
      meanPlannedPk: Number((own.reduce((a, s) => a + s.plannedPk, 0) / own.length).toFixed(3)),
      meanPkAtMiss: Number((own.reduce((a, s) => a + (s.outcome?.pk ?? 0), 0) / own.length).toFixed(3)),
      medianMissM: misses.length > 0 ? Number(misses[Math.floor((misses.length - 1) / 2)].toFixed(1)) : NaN,
    };
  }
  return out;
}

/** Shots fired, kills and leaks of a run (what the figure's speed bought). */
function engagementCounts(r: RunResult): Record<string, unknown> {
  const shots = r.engagement?.shots ?? [];
  const events = r.events;
  return {
    threats: r.threats.length,
    shots: shots.length,
    kills: events.filter((e) => e.type === "intercept" && e.detail.killed).length,
    leaks: events.filter((e) => e.type === "leak").length,
    frames: r.frames,
    byWeaponKind: plannedAgainstAchieved(r),
  };
}

function measure(name: string, scenario: Scenario, target: number, repeats: number, warmup: number): void {
  // Cold: what a user's first `raijin run` of a new scenario pays.
  defaultTargetingCache.clear();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const cold: ScenarioRun = simulateScenario(scenario, { seed: SEED });
  const coldWallMs = performance.now() - t0;
  const cu = process.cpuUsage(c0);
  report({
    name: `${name}.coldRunMs`,
    value: Number(coldWallMs.toFixed(0)),
    unit: "ms",
    timing: null,
    detail: {
      what: "simulateScenario on a new scenario: world built, steering solved, flyout tables built",
      cpuMs: Number(((cu.user + cu.system) / 1000).toFixed(0)),
      simulatedS: Number(cold.endS.toFixed(1)),
      ...engagementCounts(cold),
    },
  });
  // Warm: the same world run again (a campaign's later runs).
  const world = buildWorld(scenario);
  let last: RunResult | null = null;
  const timing = timeRepeats(
    () => {
      last = simulate(world, { seed: SEED });
      return last.frames;
    },
    repeats,
    warmup,
  );
  const r = last as unknown as RunResult;
  const perWall = r.endS / (timing.wall.median / 1000);
  report({
    name: `${name}.realTimeFactor`,
    value: Number(perWall.toFixed(0)),
    unit: "simulated s per wall s (one core)",
    target: `>= ${target}`,
    pass: perWall >= target,
    timing,
    detail: {
      perCpuSecond: Number((r.endS / (timing.cpu.median / 1000)).toFixed(0)),
      simulatedS: Number(r.endS.toFixed(1)),
      batteries: scenario.weapons.length,
      ...engagementCounts(r),
    },
  });
}

export function run(): void {
  const base = loadScenario(readFileSync(SCENARIO, "utf8"), { fileName: SCENARIO });
  // The reference takes about half a second: enough repeats for a median on a shared machine, and the
  // warm-up a campaign's first runs give the JIT.
  measure("engagement.reference", base, 1000, 15, 3);
  measure("engagement.raid200x10", copiedBatteries(copiedRaid(base, 200), 5), 100, 3, 1);
}
