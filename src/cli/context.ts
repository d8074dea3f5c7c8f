/**
 * What every command gets: where to write, and the exit-code convention (docs/design.md: 0 success,
 * 1 failure, 2 bad input). Commands write through `io` rather than to `process` so `main` can run
 * in-process under test and return its exit code.
 */

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliIO {
  /** Normal output (results). */
  out(text: string): void;
  /** Diagnostics (problems, usage errors). */
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

export interface CliContext {
  readonly io: CliIO;
  /** Raise the run's exit code (the worst outcome of all the work a command did wins). */
  fail(code: number): void;
}

/** Bad input that is not a scenario problem (a missing file, an unreadable path): exit 2, no stack. */
export class InputError extends Error {
  override readonly name = "InputError";
}
