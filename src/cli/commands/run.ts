/**
 * `raijin run FILE [--seed N] [--out DIR] [--json]`: one run of the scenario. Prints the timeline (track
 * events and impacts) and, per threat, when it was first detected, first tracked and how accurate its
 * track was; writes summary.json, events.jsonl, trajectories.csv, tracks.csv and scene.czml.
 */
import type { Command } from "commander";
import { trajectoriesCsvChunks } from "../../analysis/export/csv.js";
import { czmlChunks } from "../../analysis/export/czml.js";
import { sceneCzml, trackPackets } from "../../analysis/export/sceneCzml.js";
import { eventsJsonl, runSummary, tracksCsvChunks } from "../../analysis/run/outputs.js";
import { simulateScenario, type ScenarioRun as RunResult } from "../../scenario/build/world.js";
import type { CliContext } from "../context.js";
import { loadScenarioFile } from "../load-file.js";
import { checkSampleBudget, parseWholeNumber, refusedByPhysics, warnUnsimulated } from "../options.js";
import { withRunFolder } from "../output.js";
import { fmt, formatTable } from "../table.js";
import { RUN_LEGEND } from "../legend.js";
import { SCORING_CUTOFF_M } from "../../sim/systems/scoring.js";
import { packageInfo } from "../version.js";

interface RunOptions {
  out?: string;
  force?: boolean;
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
    .option("--force", "replace the --out folder even if Raijin did not write it")
    .option("--json", "print the summary as JSON instead of tables")
    .addHelpText("after", RUN_LEGEND)
    .action(async (file: string, opts: RunOptions) => {
      const seed = parseWholeNumber(opts.seed, "--seed");
      const wrote = await withRunFolder("run", opts, async (folder) => {
        const scenario = await loadScenarioFile(file, {
          beforePhysics: (s) =>
            checkSampleBudget(s.threats.length, s.duration, 1, "fewer threats or a shorter duration"),
        });
        warnUnsimulated(ctx, file, scenario);
        const result = refusedByPhysics(ctx, file, () => simulateScenario(scenario, { seed }));
        if (result === undefined) return null;
        const summary = runSummary(result, { file, raijin: packageInfo().version });
        if (opts.json) ctx.io.out(JSON.stringify(summary, null, 2) + "\n");
        else ctx.io.out(timelineTable(result) + "\n" + threatTable(result) + "\n" + totals(result));
        if (folder === null) return null;
        const scene = [
          ...sceneCzml(result),
          ...trackPackets(result.trackSamples, scenario.epoch, result.earth),
        ];
        return [
          { name: "summary.json", text: JSON.stringify(summary, null, 2) + "\n" },
          { name: "events.jsonl", text: eventsJsonl(result) },
          {
            name: "trajectories.csv",
            text: trajectoriesCsvChunks(
              result.flights.map((f) => f.result),
              result.earth,
            ),
          },
          { name: "tracks.csv", text: tracksCsvChunks(result) },
          { name: "scene.czml", text: czmlChunks(scene) },
        ];
      });
      if (wrote !== null && !opts.json) ctx.io.out(`\n${wrote}`);
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
        ? fmt(Number(e.detail.missM), 0)
        : "-",
    ]);
  return formatTable(["time s", "event", "threat", "track", "miss m"], rows);
}

/** Track counts (false tracks included) and the set metrics of the whole run. */
function totals(r: RunResult): string {
  const t = r.tracking;
  const lines = [
    `tracks: ${t.tracksInitiated} initiated, ${t.tracksConfirmed} confirmed, ${t.falseTracks} false ` +
      "(confirmed, never following a threat)",
    `mean OSPA ${fmt(t.meanOspaM, 1)} m, mean GOSPA ${fmt(t.meanGospaM, 1)} m ` +
      `(p = 2, cut-off c = ${SCORING_CUTOFF_M / 1000} km; 0 is perfect)`,
    "(columns and terms: raijin run --help)",
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
  return lines.join("\n") + "\n";
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
