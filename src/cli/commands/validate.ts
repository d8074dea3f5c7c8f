/**
 * `raijin validate FILE...`: check scenario files and print every problem (exit 2 if any); a valid file
 * also gets the scenario analyser's warnings (src/scenario/analyse.ts: a threat no sensor can see, a
 * weapon no sensor can cue, an asset out of every weapon's reach, a magazine smaller than the raid), one
 * `warning: FILE:LINE:COL: ...` line each on stderr, exit 0.
 */
import type { Command } from "commander";
import {
  analyseScenario,
  escapeControls,
  formatWarning,
  locateWarnings,
  ScenarioError,
  type Scenario,
} from "../../scenario/index.js";
import { type CliContext, EXIT_BAD_INPUT, InputError } from "../context.js";
import { loadScenarioFile, readTextFile } from "../load-file.js";
import { warnUnsimulated } from "../options.js";

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** One-line summary of a valid scenario. */
export function summarize(s: Scenario): string {
  const parts = [
    plural(s.threats.length, "threat"),
    plural(s.sensors.length, "sensor"),
    plural(s.weapons.length, "weapon"),
    plural(s.assets.length, "asset"),
  ];
  return `OK: ${escapeControls(s.name)} (${parts.join(", ")})`;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("validate")
    .description("check scenario files and print every problem found")
    .argument("<files...>", "scenario YAML files")
    .action(async (files: string[]) => {
      for (const file of files) {
        try {
          const scenario = await loadScenarioFile(file);
          ctx.io.out(`${summarize(scenario)}\n`);
          warnUnsimulated(ctx, file, scenario);
          const text = await readTextFile(file);
          for (const w of locateWarnings(text, file, analyseScenario(scenario)))
            ctx.io.err(`raijin: warning: ${formatWarning(w)}\n`);
        } catch (e) {
          if (e instanceof ScenarioError) {
            ctx.io.err(`${e.format()}\n${escapeControls(file)}: ${plural(e.issues.length, "problem")}\n`);
          } else if (e instanceof InputError) {
            ctx.io.err(`raijin: ${escapeControls(e.message)}\n`);
          } else throw e;
          ctx.fail(EXIT_BAD_INPUT);
        }
      }
    });
}
