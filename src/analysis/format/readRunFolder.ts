/**
 * Reads a run folder from disk and checks it against the run format (runFormat.ts): the summary says
 * which files the folder must hold; each is read and checked. For the viewer's server, tests and (later)
 * the campaign store.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseRunFiles, RUN_FILES, type ParsedRun, type RunFileKey } from "./runFormat.js";

export async function readRunFolder(dir: string): Promise<ParsedRun> {
  const files: Partial<Record<RunFileKey, string>> = {};
  for (const key of Object.keys(RUN_FILES) as RunFileKey[]) {
    try {
      files[key] = await readFile(join(dir, RUN_FILES[key]), "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  return parseRunFiles(files);
}
