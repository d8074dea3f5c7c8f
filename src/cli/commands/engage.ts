/**
 * `raijin engage FILE --weapon ID --threat ID [--perfect-track] [--seed N] [--shots N] [--min-pk P]
 * [--json]`: one weapon of the scenario fires at one threat, with a perfect track or with the
 * scenario's sensors and tracker (src/weapons/engagement/engage.ts); prints the timeline (track,
 * solution, shots, guidance, seeker lock, closest approach, kill or miss), each shot's plan and outcome,
 * the miss distance and the kill probability. A solution whose planned Pk is below the scenario
 * doctrine's `minKillProbability` (or `--min-pk`) is held, as the battle manager holds it. Unknown ids,
 * and a threat that never comes within the weapon's reach, are bad input (one line, exit 2).
 */
import type { Command } from "commander";
import { createThreatFlight, flyThreat } from "../../flight/fly.js";
import { earthModelOf, sensorObjects, threatDefinition } from "../../scenario/build/index.js";
import { motionAssessmentOptions, trackerOf } from "../../scenario/build/tracker.js";
import { weaponBatteries } from "../../scenario/build/weapons.js";
import type { Scenario } from "../../scenario/index.js";
import { makeSiteState } from "../../sensors/radar/site.js";
import { engage } from "../../weapons/engagement/engage.js";
import type { EngagementResult } from "../../weapons/engagement/engagementRecord.js";
import { reachCheck } from "../../weapons/engagement/reach.js";
import { type CliContext, EXIT_BAD_INPUT, InputError } from "../context.js";
import { loadScenarioFile } from "../load-file.js";
import { parseWholeNumber, refusedByPhysics } from "../options.js";
import { fmt, formatTable } from "../table.js";

interface EngageOptions {
  weapon: string;
  threat: string;
  perfectTrack?: boolean;
  seed: string;
  shots: string;
  minPk?: string;
  json?: boolean;
}

const listed = (ids: readonly string[]) => (ids.length === 0 ? "none" : ids.join(", "));

export function register(program: Command, ctx: CliContext): void {
  program
    .command("engage")
    .description("one weapon fires at one threat; timeline, miss distance and kill probability")
    .argument("<file>", "scenario YAML file")
    .requiredOption("--weapon <id>", "the weapon's id in the scenario")
    .requiredOption("--threat <id>", "the threat's id in the scenario")
    .option(
      "--perfect-track",
      "fire on the true state (predicted with the tracker's models) instead of the sensors' track",
    )
    .option("--seed <n>", "seed of the run's random streams", "1")
    .option("--shots <n>", "rounds to fire at most (a kill ends the engagement)", "1")
    .option(
      "--min-pk <p>",
      "hold a solution whose planned kill probability is below p, in [0, 1] (default: the scenario doctrine's minKillProbability)",
    )
    .option("--json", "print the result as JSON instead of tables")
    .action(async (file: string, opts: EngageOptions) => {
      const seed = parseWholeNumber(opts.seed, "--seed");
      const maxShots = parseWholeNumber(opts.shots, "--shots");
      if (maxShots < 1) throw new InputError(`--shots must be at least 1, given ${opts.shots}`);
      const minPkOption = opts.minPk === undefined ? undefined : Number(opts.minPk);
      if (minPkOption !== undefined && !(minPkOption >= 0 && minPkOption <= 1))
        throw new InputError(`--min-pk must be a number in [0, 1], given ${opts.minPk}`);
      const scenario = await loadScenarioFile(file);
      const minPk = minPkOption ?? scenario.doctrine.minKillProbability;
      const weapon = scenario.weapons.find((w) => w.id === opts.weapon);
      if (weapon === undefined)
        throw new InputError(
          `${file}: no weapon "${opts.weapon}" (weapons: ${listed(scenario.weapons.map((w) => w.id))})`,
        );
      const threat = scenario.threats.find((t) => t.id === opts.threat);
      if (threat === undefined)
        throw new InputError(
          `${file}: no threat "${opts.threat}" (threats: ${listed(scenario.threats.map((t) => t.id))})`,
        );
      const result = refusedByPhysics(ctx, file, () =>
        run(scenario, weapon.id, threat.id, opts.perfectTrack === true, seed, maxShots, minPk),
      );
      if (result === undefined) return;
      if (typeof result === "string") {
        ctx.io.err(`raijin: ${file}: ${result}\n`);
        ctx.fail(EXIT_BAD_INPUT);
        return;
      }
      if (opts.json) ctx.io.out(JSON.stringify(result, null, 2) + "\n");
      else ctx.io.out(report(result));
    });
}

/** The engagement, or the one-line reason it cannot happen. */
function run(
  scenario: Scenario,
  weaponId: string,
  threatId: string,
  perfect: boolean,
  seed: number,
  maxShots: number,
  minKillProbability: number,
): EngagementResult | string {
  const earth = earthModelOf(scenario);
  const threat = scenario.threats.find((t) => t.id === threatId)!;
  const def = threatDefinition(threat, scenario.assets);
  const battery = weaponBatteries(scenario).find((b) => b.id === weaponId)!;
  const siteLat = battery.site.stateInto(0, makeSiteState()).latRad;
  const table = battery.flyoutTable(earth, siteLat);
  // Input check (reads the truth): does the threat ever come within the weapon's reach?
  const whole = flyThreat(def, earth, { sampleIntervalS: 0.25, endTimeS: scenario.duration });
  const reach = reachCheck(battery, table, whole, earth);
  if (reach.window.intervals.length === 0) return reach.reason;
  const flight = createThreatFlight(def, earth, { sampleIntervalS: 1, endTimeS: scenario.duration });
  const tracker = perfect ? null : trackerOf(scenario.tracking);
  return engage({
    earth,
    threat: flight,
    battery,
    table,
    sensing: tracker === null ? { perfectPath: whole } : { sensors: sensorObjects(scenario), tracker },
    motion: tracker === null ? undefined : motionAssessmentOptions(tracker.filter, earth),
    seed,
    maxShots,
    targetKind: flight.kind,
    endS: scenario.duration,
    minKillProbability,
  });
}

function detailText(d: Readonly<Record<string, string | number | boolean | null>>): string {
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v === null ? "-" : String(v)}`)
    .join(", ");
}

function report(r: EngagementResult): string {
  const timeline = formatTable(
    ["time s", "event", "shot", "details"],
    r.events.map((e) => [fmt(e.timeS, 2), e.type, e.shotId ?? "-", detailText(e.detail)]),
  );
  const shots = formatTable(
    [
      "shot",
      "fired s",
      "az deg",
      "el deg",
      "plan s",
      "plan alt km",
      "plan Pk",
      "CPA s",
      "miss m",
      "alt km",
      "closing m/s",
      "divert m/s",
      "peak g",
      "Pk",
      "kill",
    ],
    r.shots.map((s) => [
      s.shotId,
      fmt(s.timeS, 2),
      fmt(s.azimuthDeg, 2),
      fmt(s.elevationDeg, 2),
      fmt(s.plannedInterceptS, 1),
      fmt(s.plannedAltM / 1000, 2),
      fmt(s.plannedPk, 3),
      fmt(s.closestApproachS, 2),
      fmt(s.missM, 2),
      fmt(s.interceptAltM === null ? null : s.interceptAltM / 1000, 2),
      fmt(s.closingSpeedMps, 0),
      fmt(s.divertMps, 1),
      fmt(s.peakLateralG, 1),
      fmt(s.pk, 3),
      s.killed ? "yes" : "no",
    ]),
  );
  const lines = [
    `${r.weaponId} against ${r.threatId} (${r.trackSource === "perfect" ? "perfect track" : "sensors and tracker"})`,
    "",
    timeline,
    r.shots.length === 0 ? "no shot fired\n" : shots,
    `miss distance: ${r.missM === null ? "- (no round closed on the target)" : `${r.missM.toFixed(2)} m`}`,
    `kill probability at that miss: ${r.killProbability.toFixed(3)}${r.plannedPk === null ? "" : ` (fire control planned ${r.plannedPk.toFixed(3)})`}`,
    `outcome: ${r.killed ? "killed" : "not killed"}`,
    "",
    "plan: the fire control's predicted intercept (time, altitude, Pk) when it fired; CPA: closest approach located in continuous time;",
    "divert: velocity spent steering; peak g: largest lateral acceleration; Pk: kill probability at the flown miss.",
  ];
  return lines.join("\n") + "\n";
}
