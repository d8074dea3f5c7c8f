/**
 * The `--out` folder of the commands that write a run (`run`, `trajectory`): checked and reserved before
 * any simulation (src/analysis/run/folder.ts), filled and swapped into place at the end, removed again
 * if the command fails on the way.
 */
import { prepareRunFolder, type PreparedRunFolder, type RunFile } from "../analysis/run/folder.js";
import { packageInfo } from "./version.js";

export interface OutOptions {
  readonly out?: string;
  readonly force?: boolean;
}

/**
 * Runs `work` with the reserved output folder (null without `--out`). `work` returns the files to write
 * (or null to write nothing); they are committed only if it returns normally. Resolves to the line that
 * says what was written, or null.
 */
export async function withRunFolder(
  command: string,
  opts: OutOptions,
  work: (folder: PreparedRunFolder | null) => Promise<readonly RunFile[] | null>,
): Promise<string | null> {
  const folder =
    opts.out === undefined
      ? null
      : await prepareRunFolder(opts.out, { force: opts.force, command, raijin: packageInfo().version });
  try {
    const files = await work(folder);
    if (folder === null || files === null) return null;
    await folder.commit(files);
    return `wrote ${opts.out}/: ${files.map((f) => f.name).join(", ")}\n`;
  } finally {
    await folder?.abandon();
  }
}
