/**
 * `raijin trajectory FILE [--out DIR]`: fly every threat alone, let every sensor look at them, and write
 * `trajectories.csv`, `summary.json` and `scene.czml`; print the flight table and, per threat and sensor,
 * when it was first and last detected and how long it was held.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { trajectoriesCsv } from "../../analysis/export/csv.js";
import { sceneCzml } from "../../analysis/export/sceneCzml.js";
import {
  runTrajectoryStudy,
  trajectorySummaryFile,
  type TrajectoryStudy,
} from "../../analysis/trajectory/study.js";
import { type CliContext, InputError } from "../context.js";
import { loadScenarioFile } from "../load-file.js";
import { parseWholeNumber, refusedByPhysics } from "../options.js";
import { fmt, formatTable } from "../table.js";
import { packageInfo } from "../version.js";

interface TrajectoryOptions {
  out?: string;
  seed: string;
  step: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("trajectory")
    .description("fly every threat alone; trajectories.csv, summary.json and scene.czml out")
    .argument("<file>", "scenario YAML file")
    .option("-o, --out <dir>", "output folder (default: no files, table only)")
    .option("--seed <n>", "seed of the sensors' random draws", "1")
    .option("--step <s>", "sample interval of trajectories and sensor looks, s", "1")
    .action(async (file: string, opts: TrajectoryOptions) => {
      const seed = parseWholeNumber(opts.seed, "--seed");
      const stepS = Number(opts.step);
      if (!(stepS > 0 && stepS <= 60))
        throw new InputError(`--step must be a number of seconds in (0, 60], given ${opts.step}`);
      const scenario = await loadScenarioFile(file);
      const study = refusedByPhysics(ctx, file, () => runTrajectoryStudy(scenario, { seed, stepS }));
      if (study === undefined) return;
      ctx.io.out(flightTable(study));
      ctx.io.out("\n" + detectionTable(study));
      if (opts.out !== undefined) {
        await writeOutputs(opts.out, study, file, seed);
        ctx.io.out(`\nwrote ${join(opts.out, "trajectories.csv")}, summary.json, scene.czml\n`);
      }
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

async function writeOutputs(dir: string, study: TrajectoryStudy, file: string, seed: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const flights = study.flights.map((f) => f.result);
  const summary = trajectorySummaryFile(study, seed, { file, raijin: packageInfo().version });
  await Promise.all([
    writeFile(join(dir, "trajectories.csv"), trajectoriesCsv(flights)),
    writeFile(join(dir, "summary.json"), JSON.stringify(summary, null, 2) + "\n"),
    writeFile(join(dir, "scene.czml"), JSON.stringify(sceneCzml(study))),
  ]);
}
