/**
 * `raijin run FILE [--seed N] [--out DIR] [--json]`: one run of the scenario. Prints the timeline (track
 * events and impacts) and, per threat, when it was first detected, first tracked and how accurate its
 * track was; writes summary.json, events.jsonl, trajectories.csv, tracks.csv and scene.czml.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { trajectoriesCsv } from "../../analysis/export/csv.js";
import { sceneCzml, trackPackets } from "../../analysis/export/sceneCzml.js";
import { eventsJsonl, runSummary, tracksCsv } from "../../analysis/run/outputs.js";
import { simulateScenario, type ScenarioRun as RunResult } from "../../scenario/build/world.js";
import type { CliContext } from "../context.js";
import { loadScenarioFile } from "../load-file.js";
import { parseWholeNumber, refusedByPhysics } from "../options.js";
import { fmt, formatTable } from "../table.js";
import { packageInfo } from "../version.js";

interface RunOptions {
  out?: string;
  seed: string;
  json?: boolean;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("run")
    .description("one run: threats, sensors and tracking; timeline, summary and files")
    .argument("<file>", "scenario YAML file")
    .option("--seed <n>", "seed of the run's random streams", "1")
    .option(
      "-o, --out <dir>",
      "output folder for summary.json, events.jsonl, trajectories.csv, tracks.csv, scene.czml",
    )
    .option("--json", "print the summary as JSON instead of tables")
    .action(async (file: string, opts: RunOptions) => {
      const seed = parseWholeNumber(opts.seed, "--seed");
      const scenario = await loadScenarioFile(file);
      const result = refusedByPhysics(ctx, file, () => simulateScenario(scenario, { seed }));
      if (result === undefined) return;
      const summary = runSummary(result, { file, raijin: packageInfo().version });
      if (opts.json) ctx.io.out(JSON.stringify(summary, null, 2) + "\n");
      else ctx.io.out(timelineTable(result) + "\n" + threatTable(result));
      if (opts.out !== undefined) {
        await mkdir(opts.out, { recursive: true });
        const scene = [...sceneCzml(result), ...trackPackets(result.trackSamples, scenario.epoch)];
        await Promise.all([
          writeFile(join(opts.out, "summary.json"), JSON.stringify(summary, null, 2) + "\n"),
          writeFile(join(opts.out, "events.jsonl"), eventsJsonl(result)),
          writeFile(join(opts.out, "trajectories.csv"), trajectoriesCsv(result.flights.map((f) => f.result))),
          writeFile(join(opts.out, "tracks.csv"), tracksCsv(result)),
          writeFile(join(opts.out, "scene.czml"), JSON.stringify(scene)),
        ]);
        if (!opts.json)
          ctx.io.out(
            `\nwrote ${opts.out}/: summary.json, events.jsonl, trajectories.csv, tracks.csv, scene.czml\n`,
          );
      }
    });
}

/** Launches, confirmed tracks and impacts (track births and deaths are in events.jsonl). */
function timelineTable(r: RunResult): string {
  const rows = r.events
    .filter((e) => e.type === "launch" || e.type === "track-confirmed" || e.type === "impact")
    .map((e) => [
      fmt(e.timeS, 1),
      e.type,
      e.threatId ?? "-",
      e.trackId ?? "-",
      e.type === "impact" && e.detail?.missM !== undefined && e.detail.missM !== null
        ? `miss ${fmt(Number(e.detail.missM), 0)} m`
        : "",
    ]);
  return formatTable(["time s", "event", "threat", "track", ""], rows);
}

function threatTable(r: RunResult): string {
  const rows = r.threats.map((t) => [
    t.threatId,
    fmt(t.launchS, 0),
    fmt(t.firstDetectionS, 0),
    t.firstDetectedBy ?? "-",
    fmt(t.firstConfirmedTrackS, 0),
    fmt(t.trackedFraction * 100, 0),
    String(t.trackIds.length),
    fmt(t.positionRmseM, 0),
    fmt(t.velocityRmseMps, 1),
    fmt(t.meanNees, 1),
    t.impactPrediction === null ? "-" : fmt(t.impactPrediction.errorM / 1000, 1),
  ]);
  // impact err: the ballistic impact prediction from the track 60 s before impact, against the truth.
  return formatTable(
    [
      "threat",
      "launch s",
      "detected s",
      "by",
      "tracked s",
      "held %",
      "tracks",
      "pos RMSE m",
      "vel RMSE m/s",
      "NEES",
      "impact err km",
    ],
    rows,
  );
}
