/**
 * The `raijin` command line. `main(argv)` builds a fresh commander program, runs it, and resolves to the
 * exit code (0 success, 1 failure, 2 bad input) instead of exiting, so bin/raijin.js decides when the
 * process ends and tests can run it in-process. Errors are printed as messages, never stack traces.
 */
import { Command, CommanderError } from "commander";
import { RunFolderError } from "../analysis/run/folder.js";
import { escapeControls, ScenarioError } from "../scenario/index.js";
import { COMMANDS } from "./commands/index.js";
import {
  type CliContext,
  type CliIO,
  EXIT_BAD_INPUT,
  EXIT_FAILURE,
  EXIT_OK,
  InputError,
  processIO,
} from "./context.js";
import { packageInfo } from "./version.js";

// Commander reports these with exit code 0; everything else it reports is a usage error.
const CLEAN_EXITS = new Set(["commander.helpDisplayed", "commander.version"]);

/** Build the program with every registered command. */
export function buildProgram(ctx: CliContext): Command {
  const pkg = packageInfo();
  const program = new Command("raijin")
    .description(pkg.description)
    .version(pkg.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
      outputError: (s, write) => write(s),
    })
    .showHelpAfterError("(run raijin --help for usage)");
  program.addHelpText("after", "\nExit codes: 0 success, 1 failure, 2 bad input.\n");
  for (const c of COMMANDS) c.register(program, ctx);
  return program;
}

/** Run the CLI on process-style arguments (`[node, script, ...args]`); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let code = EXIT_OK;
  const ctx: CliContext = { io, fail: (c) => void (code = Math.max(code, c)) };
  try {
    const program = buildProgram(ctx);
    if (argv.length <= 2) {
      program.outputHelp({ error: true });
      return EXIT_BAD_INPUT;
    }
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // `raijin help [command]` exits through "commander.help" with the exit code it chose (0).
      const clean = CLEAN_EXITS.has(e.code) || (e.code === "commander.help" && e.exitCode === 0);
      return clean ? EXIT_OK : EXIT_BAD_INPUT;
    }
    if (e instanceof ScenarioError) {
      io.err(`${e.format()}\n`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof InputError || e instanceof RunFolderError) {
      io.err(`raijin: ${escapeControls(e.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    // Not the user's input: a short message (no stack), exit 1.
    io.err(`raijin: internal error: ${escapeControls(e instanceof Error ? e.message : String(e))}\n`);
    return EXIT_FAILURE;
  }
}
