/**
 * `raijin run FILE [--seed N] [--out DIR] [--json]`: one run of the scenario. Prints the timeline
 * (launches, confirmed tracks, shots, intercepts, kill assessments, impacts and leaks), per threat when
 * it was first detected, first tracked and how accurate its track was, and, when the scenario has
 * weapons, per threat how it ended (intercepted, leaked, fallen short), its shots, the intercept and the
 * decision margins, per weapon its rounds, kills, energy and barrel wear, and per asset hit or saved;
 * writes summary.json, events.jsonl, trajectories.csv, tracks.csv and scene.czml.
 */
import type { Command } from "commander";
import { trajectoriesCsvChunks } from "../../analysis/export/csv.js";
import { czmlChunks } from "../../analysis/export/czml.js";
import { engagementPackets, scenePacketStream, trackPacketStream } from "../../analysis/export/sceneCzml.js";
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
    .description("one run: threats, sensors, tracking and engagement; timeline, summary and files")
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
        else
          ctx.io.out(
            timelineTable(result) +
              "\n" +
              threatTable(result) +
              (result.engagement === null ? "" : "\n" + engagementTables(result)) +
              "\n" +
              totals(result),
          );
        if (folder === null) return null;
        // Packets made as the file is written, not held all at once (a large raid's paths).
        const scene = (function* () {
          yield* scenePacketStream(result);
          yield* trackPacketStream(result.trackSamples, scenario.epoch, result.earth);
          yield* engagementPackets(result);
        })();
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

const TIMELINE = new Set([
  "launch",
  "track-confirmed",
  "shot",
  "intercept",
  "kill-assessed",
  "impact",
  "leak",
]);

/**
 * Launches, confirmed tracks, shots, intercepts, kill assessments, impacts and leaks (every other event
 * is in events.jsonl). miss m: an impact's distance from its aim point, or an intercept's miss distance.
 */
function timelineTable(r: RunResult): string {
  const rows = r.events
    .filter((e) => TIMELINE.has(e.type))
    .map((e) => {
      let miss = "-";
      let what = "";
      if (e.type === "impact") {
        if (e.detail.missM !== null) miss = fmt(e.detail.missM, 0);
        what = e.detail.assetId === null ? "no asset hit" : `hit ${e.detail.assetId}`;
      } else if (e.type === "intercept") {
        miss = fmt(e.detail.missM, 1);
        what = `${e.detail.killed ? "KILL" : "no kill"} (Pk ${e.detail.pk.toFixed(2)}, ${fmt(e.detail.altM / 1000, 1)} km up)`;
      } else if (e.type === "shot") {
        what = `planned Pk ${e.detail.plannedPk.toFixed(2)}, intercept at ${fmt(e.detail.plannedInterceptS, 0)} s`;
      } else if (e.type === "kill-assessed") {
        what = `${e.detail.outcome}: ${e.detail.basis}`;
      } else if (e.type === "leak") what = `${e.detail.assetId} (value ${e.detail.value})`;
      return [fmt(e.timeS, 1), e.type, e.threatId ?? "-", e.trackId ?? "-", e.shotId ?? "-", miss, what];
    });
  return formatTable(["time s", "event", "threat", "track", "shot", "miss m", "what"], rows);
}

/** Per threat: how it ended; per weapon: rounds, kills, energy, wear; per asset: hit or saved. */
function engagementTables(r: RunResult): string {
  const threats = formatTable(
    [
      "threat",
      "outcome",
      "shots",
      "killed by",
      "intercept s",
      "alt km",
      "range km",
      "asset hit",
      "margin s",
      "to last shot s",
    ],
    r.threats.map((t) => {
      const e = t.engagement;
      return [
        t.threatId,
        e?.result ?? t.outcome,
        String(e?.shots ?? 0),
        e?.killedBy?.shotId ?? "-",
        fmt(e?.interceptS, 1),
        fmt(e?.interceptAltM == null ? null : e.interceptAltM / 1000, 1),
        fmt(e?.interceptRangeM == null ? null : e.interceptRangeM / 1000, 1),
        e?.assetHit ?? "-",
        fmt(e?.marginToImpactS, 0),
        fmt(e?.marginToLastShotS, 0),
      ];
    }),
  );
  const weapons = formatTable(
    ["weapon", "model", "rounds", "left", "kills", "held", "energy MJ", "barrel wear %"],
    (r.engagement?.weapons ?? []).map((w) => [
      w.weaponId,
      w.model,
      String(w.roundsFired),
      String(w.roundsLeft),
      String(w.kills),
      String(w.ordersHeld),
      fmt(w.energyUsedJ === null ? null : w.energyUsedJ / 1e6, 0),
      fmt(w.barrelWear === null ? null : 100 * w.barrelWear, 1),
    ]),
  );
  const assets = r.assets
    .map((a) => `${a.assetId} (value ${a.value}): ${a.hit ? `HIT by ${a.hitBy.join(", ")}` : "saved"}`)
    .join("; ");
  return `${threats}\n${weapons}\nassets: ${assets === "" ? "none" : assets}\n`;
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
