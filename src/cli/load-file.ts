/** Scenario files from disk (Node only; src/scenario itself never touches the file system). */
import { open } from "node:fs/promises";
import {
  loadScenario,
  SCENARIO_LIMITS,
  ScenarioError,
  type LoadOptions,
  type Scenario,
} from "../scenario/index.js";
import { InputError } from "./context.js";

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  ENOTDIR: "a part of the path is not a directory",
};

/**
 * Read a file as UTF-8 text, turning file-system errors into an `InputError` with a plain reason. Only
 * regular files, and at most `maxBytes` of them (a device such as /dev/zero would never end): a larger
 * file is refused as a scenario problem at its first line, before it is read.
 */
export async function readTextFile(
  path: string,
  maxBytes: number = SCENARIO_LIMITS.maxBytes,
): Promise<string> {
  let fh;
  try {
    fh = await open(path, "r");
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${reasonOf(e)}`);
  }
  try {
    const s = await fh.stat();
    if (s.isDirectory()) throw new InputError(`cannot read ${path}: it is a directory`);
    if (!s.isFile()) throw new InputError(`cannot read ${path}: not a regular file`);
    if (s.size > maxBytes) {
      const expected = `a scenario file of at most ${maxBytes.toLocaleString("en-US")} bytes (Raijin's limit)`;
      const given = `${s.size.toLocaleString("en-US")} bytes`;
      throw new ScenarioError([
        {
          file: path,
          line: 1,
          column: 1,
          path: "",
          message: `expected ${expected}, given ${given}`,
          expected,
          given,
        },
      ]);
    }
    // One byte more than the limit: a file that grew since stat is still caught by the loader's check.
    const buf = Buffer.alloc(Math.min(s.size, maxBytes) + 1);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString("utf8");
  } catch (e) {
    if (e instanceof InputError || e instanceof ScenarioError) throw e;
    throw new InputError(`cannot read ${path}: ${reasonOf(e)}`);
  } finally {
    await fh.close();
  }
}

function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return (
    (typeof code === "string" ? REASONS[code] : undefined) ?? (e instanceof Error ? e.message : String(e))
  );
}

/**
 * Read and validate a scenario file, physics refusals included (`physics: true` unless told otherwise);
 * throws `InputError` (unreadable) or `ScenarioError` (invalid).
 */
export async function loadScenarioFile(
  path: string,
  options: Omit<LoadOptions, "fileName"> = {},
): Promise<Scenario> {
  const text = await readTextFile(path);
  return loadScenario(text, { physics: true, ...options, fileName: path });
}
