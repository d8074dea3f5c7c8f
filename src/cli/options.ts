/** Shared option parsing and error reporting of the commands that fly a scenario. */
import { type CliContext, EXIT_BAD_INPUT, InputError } from "./context.js";

/** A whole number >= 0 from an option's text (a seed, a count), or an InputError naming the option. */
export function parseWholeNumber(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InputError(`${name} must be a whole number >= 0, given ${text}`);
  return n;
}

/**
 * Runs `work` on a loaded scenario. The flight layer throws RangeError for what a valid file can still
 * ask and physics refuses (a target out of a missile's reach): that is bad input, reported with the file
 * and without a stack (exit 2), and `undefined` is returned.
 */
export function refusedByPhysics<T>(ctx: CliContext, file: string, work: () => T): T | undefined {
  try {
    return work();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    ctx.io.err(`raijin: ${file}: ${e.message}\n`);
    ctx.fail(EXIT_BAD_INPUT);
    return undefined;
  }
}
