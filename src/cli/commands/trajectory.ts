/**
 * `raijin trajectory FILE [--out DIR]`: fly every threat alone, let every sensor look at them, and write
 * `trajectories.csv`, `summary.json` and `scene.czml`; print the flight table and, per threat and sensor,
 * when it was first and last detected and how long it was held.
 */
import type { Command } from "commander";
import { trajectoriesCsv } from "../../analysis/export/csv.js";
import { sceneCzml } from "../../analysis/export/sceneCzml.js";
import type { RunFile } from "../../analysis/run/folder.js";
import {
  runTrajectoryStudy,
  trajectorySummaryFile,
  type TrajectoryStudy,
} from "../../analysis/trajectory/study.js";
import { type CliContext, InputError } from "../context.js";
import { loadScenarioFile } from "../load-file.js";
import { checkSampleBudget, MIN_STEP_S, parseWholeNumber, refusedByPhysics } from "../options.js";
import { withRunFolder } from "../output.js";
import { fmt, formatTable } from "../table.js";
import { TRAJECTORY_LEGEND } from "../legend.js";
import { packageInfo } from "../version.js";

interface TrajectoryOptions {
  out?: string;
  force?: boolean;
  seed: string;
  step: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("trajectory")
    .description("fly every threat alone; trajectories.csv, summary.json and scene.czml out")
    .argument("<file>", "scenario YAML file")
    .option("-o, --out <dir>", "output folder (default: no files, table only)")
    .option("--force", "replace the --out folder even if Raijin did not write it")
    .option("--seed <n>", "seed of the sensors' random draws", "1")
    .option("--step <s>", "sample interval of trajectories and sensor looks, s", "1")
    .addHelpText("after", TRAJECTORY_LEGEND)
    .action(async (file: string, opts: TrajectoryOptions) => {
      const seed = parseWholeNumber(opts.seed, "--seed");
      const stepS = Number(opts.step);
      if (!(stepS >= MIN_STEP_S && stepS <= 60))
        throw new InputError(
          `--step must be a number of seconds from ${MIN_STEP_S} to 60, given ${opts.step}`,
        );
      const wrote = await withRunFolder("trajectory", opts, async (folder) => {
        const scenario = await loadScenarioFile(file, {
          beforePhysics: (s) =>
            checkSampleBudget(s.threats.length, s.duration, stepS, "give a larger --step"),
        });
        const study = refusedByPhysics(ctx, file, () => runTrajectoryStudy(scenario, { seed, stepS }));
        if (study === undefined) return null;
        ctx.io.out(flightTable(study));
        ctx.io.out("\n" + detectionTable(study));
        return folder === null ? null : outputFiles(study, file, seed);
      });
      if (wrote !== null) ctx.io.out(`\n${wrote}`);
    });
}

function flightTable(study: TrajectoryStudy): string {
  const rows = study.flights.map(({ result: f }) => {
    const s = f.summary;
    const band = s.glideAltitudeBandM;
    return [
      f.id,
      f.vehicleName,
      fmt(f.startTimeS, 0),
      fmt(s.groundRangeM / 1000, 0),
      fmt(s.apogeeAltM / 1000, 1),
      fmt(s.timeOfFlightS, 0),
      fmt(s.maxSpeedMps, 0),
      fmt(s.maxMach, 1),
      band === null ? "-" : `${fmt(band.minM / 1000, 1)}-${fmt(band.maxM / 1000, 1)}`,
      fmt(s.missDistanceM, 0),
    ];
  });
  return formatTable(
    [
      "threat",
      "vehicle",
      "launch s",
      "range km",
      "apogee km",
      "flight s",
      "max m/s",
      "max Mach",
      "glide km",
      "miss m",
    ],
    rows,
  );
}

function detectionTable(study: TrajectoryStudy): string {
  const sensorIds = study.sensors.map((s) => s.id);
  const rows: string[][] = [];
  for (const { result: f } of study.flights) {
    for (const id of sensorIds) {
      const span = study.spans.find((d) => d.truthId === f.id && d.sensorId === id);
      rows.push(
        span === undefined
          ? [f.id, id, "-", "-", "0", "0"]
          : [f.id, id, fmt(span.firstS, 0), fmt(span.lastS, 0), fmt(span.heldS, 0), String(span.count)],
      );
    }
  }
  return formatTable(["threat", "sensor", "first s", "last s", "held s", "detections"], rows);
}

function outputFiles(study: TrajectoryStudy, file: string, seed: number): RunFile[] {
  const flights = study.flights.map((f) => f.result);
  const summary = trajectorySummaryFile(study, seed, { file, raijin: packageInfo().version });
  return [
    { name: "trajectories.csv", text: trajectoriesCsv(flights, study.earth) },
    { name: "summary.json", text: JSON.stringify(summary, null, 2) + "\n" },
    { name: "scene.czml", text: JSON.stringify(sceneCzml(study)) },
  ];
}
