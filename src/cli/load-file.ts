/** Scenario files from disk (Node only; src/scenario itself never touches the file system). */
import { readFile } from "node:fs/promises";
import { loadScenario, type LoadOptions, type Scenario } from "../scenario/index.js";
import { InputError } from "./context.js";

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  ENOTDIR: "a part of the path is not a directory",
};

/** Read a file as UTF-8 text, turning file-system errors into an `InputError` with a plain reason. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const reason =
      (typeof code === "string" ? REASONS[code] : undefined) ?? (e instanceof Error ? e.message : String(e));
    throw new InputError(`cannot read ${path}: ${reason}`);
  }
}

/** Read and validate a scenario file; throws `InputError` (unreadable) or `ScenarioError` (invalid). */
export async function loadScenarioFile(
  path: string,
  options: Omit<LoadOptions, "fileName"> = {},
): Promise<Scenario> {
  const text = await readTextFile(path);
  return loadScenario(text, { ...options, fileName: path });
}
