/** Shared option parsing and error reporting of the commands that fly a scenario. */
import { escapeControls, unsimulatedWarnings, type Scenario } from "../scenario/index.js";
import { type CliContext, EXIT_BAD_INPUT, InputError } from "./context.js";

/** A whole number >= 0 from an option's text (a seed, a count), or an InputError naming the option. */
export function parseWholeNumber(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InputError(`${name} must be a whole number >= 0, given ${text}`);
  return n;
}

/** The finest sample and look step of `raijin trajectory`, s. */
export const MIN_STEP_S = 0.01;
/** Trajectory samples a command may ask for (all threats together; about 120 bytes each in memory). */
export const MAX_SAMPLES = 1_000_000;
/** The flight layer cuts every flight at this age (src/flight/runner.ts, maxFlightTimeS), s. */
const MAX_FLIGHT_S = 4 * 3600;

/**
 * Refuses, before any flight, a request whose samples would exceed MAX_SAMPLES: each threat is sampled
 * every `stepS` for at most the scenario's duration or the flight layer's cut-off, whichever is shorter.
 */
export function checkSampleBudget(threats: number, durationS: number, stepS: number, hint: string): void {
  const perThreat = Math.ceil(Math.min(durationS, MAX_FLIGHT_S) / stepS) + 1;
  const total = threats * perThreat;
  if (total > MAX_SAMPLES)
    throw new InputError(
      `${threats} threat${threats === 1 ? "" : "s"} sampled every ${stepS} s for up to ` +
        `${Math.min(durationS, MAX_FLIGHT_S)} s would be ${total.toLocaleString("en-US")} samples, over ` +
        `Raijin's limit of ${MAX_SAMPLES.toLocaleString("en-US")}: ${hint}`,
    );
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
    ctx.io.err(`raijin: ${escapeControls(`${file}: ${e.message}`)}\n`);
    ctx.fail(EXIT_BAD_INPUT);
    return undefined;
  }
}

/** A warning line (stderr) for each section the scenario uses that is not simulated yet. */
export function warnUnsimulated(ctx: CliContext, file: string, scenario: Scenario): void {
  for (const w of unsimulatedWarnings(scenario))
    ctx.io.err(`raijin: warning: ${escapeControls(`${file}: ${w}`)}\n`);
}
