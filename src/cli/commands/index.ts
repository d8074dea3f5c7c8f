/**
 * The command registry: each command is one file exporting `register(program, ctx)`; add a new one
 * (trajectory, run, mc, sweep, report, serve...) by writing its file and listing it here.
 */
import type { Command } from "commander";
import type { CliContext } from "../context.js";
import * as engage from "./engage.js";
import * as run from "./run.js";
import * as trajectory from "./trajectory.js";
import * as validate from "./validate.js";
import * as view from "./view.js";

export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}

export const COMMANDS: readonly CommandModule[] = [validate, trajectory, run, engage, view];
