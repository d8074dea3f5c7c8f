/**
 * Run folders written whole or not at all. Every command that writes a run folder (`run`, `trajectory`,
 * later `engage` and `mc`) goes through here:
 *
 * 1. `prepareRunFolder(target)` runs BEFORE any simulation: it checks the place (a folder or nothing;
 *    not a file, not a symbolic link, not a non-empty folder Raijin did not write unless `force`),
 *    creates the missing parents one by one (a bounded walk: Node's recursive mkdir spins forever on
 *    `/proc/self/x`, which answers ENOENT below an existing parent), and makes the temporary folder
 *    `.<name>.raijin-tmp-<pid>-<hex>` beside the target, which proves the place writable.
 * 2. `commit(files)` writes and fsyncs each file into the temporary folder, then the manifest
 *    (`raijin-run.json`: format, version, each file's name, size and SHA-256) LAST, so a folder with a
 *    manifest is a complete one, and renames the temporary folder into place. An existing target (one
 *    Raijin wrote, an empty one, or any with `force`) is first renamed aside to
 *    `.<name>.raijin-old-<pid>-<hex>` and removed after the swap.
 *
 * POSIX rename is atomic for one name, so a reader sees the previous complete folder or the new one, never
 * a mix. The one gap is between the two renames of a replacement (two system calls): a kill there leaves
 * the target missing with both complete folders beside it; `recoverRunFolder` (called by the next write
 * and by `raijin view`) renames the newer complete one back. A killed writer's temporary folders are
 * removed by the next write to the same target once their process is gone.
 */
import { createHash, randomBytes } from "node:crypto";
import { lstat, mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { RUN_FILES, RUN_FORMAT_VERSION } from "../format/runFormat.js";

/** The marker of a complete run folder, written last. */
export const RUN_MANIFEST = "raijin-run.json";
export const RUN_FORMAT = "raijin-run";
/** The files a run folder may hold besides the manifest (the run format, src/analysis/format). */
export const RUN_FILE_NAMES: readonly string[] = Object.values(RUN_FILES);
export { RUN_FORMAT_VERSION };

export interface ManifestEntry {
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface RunManifest {
  readonly format: typeof RUN_FORMAT;
  readonly formatVersion: number;
  /** The command that wrote it (`run`, `trajectory`...). */
  readonly command: string;
  /** Raijin's version. */
  readonly raijin: string;
  readonly files: readonly ManifestEntry[];
}

export interface RunFile {
  readonly name: string;
  /** The file's text, whole or in chunks (streamed: a large raid's files are hundreds of megabytes). */
  readonly text: string | Iterable<string>;
}

/** The output place cannot hold a run (a file, unwritable, not ours): bad input, exit 2. */
export class RunFolderError extends Error {
  override readonly name = "RunFolderError";
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const ERRNO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "a part of the path does not exist and cannot be created there",
  ENOTDIR: "a part of the path is a file, not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EEXIST: "it exists and is not a folder",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EINVAL: "not a valid place for a folder",
  EBUSY: "the folder is in use",
  EXDEV: "the temporary folder is on another device",
};

function errnoOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function reasonOf(e: unknown): string {
  const code = errnoOf(e);
  return (code === undefined ? undefined : ERRNO_REASONS[code]) ?? code ?? "unexpected error";
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (e) {
    if (errnoOf(e) === "ENOENT") return null;
    throw e;
  }
}

/** The manifest of a folder if it is a Raijin run folder's, else null (no throw). */
async function manifestOf(dir: string): Promise<RunManifest | null> {
  try {
    return parseManifest(await readFile(join(dir, RUN_MANIFEST), "utf8"));
  } catch {
    return null;
  }
}

/** Parses and checks a manifest's text; throws a TypeError saying what is wrong. */
export function parseManifest(text: string): RunManifest {
  const m = JSON.parse(text) as Partial<RunManifest> | null;
  if (typeof m !== "object" || m === null || m.format !== RUN_FORMAT)
    throw new TypeError(`${RUN_MANIFEST}: not a Raijin run manifest`);
  if (m.formatVersion !== RUN_FORMAT_VERSION)
    throw new TypeError(
      `${RUN_MANIFEST}: run format version ${String(m.formatVersion)}, this Raijin reads ${RUN_FORMAT_VERSION}`,
    );
  if (!Array.isArray(m.files)) throw new TypeError(`${RUN_MANIFEST}: no file list`);
  for (const f of m.files as unknown[]) {
    const e = f as Partial<ManifestEntry> | null;
    if (
      typeof e !== "object" ||
      e === null ||
      typeof e.name !== "string" ||
      !RUN_FILE_NAMES.includes(e.name) ||
      !Number.isSafeInteger(e.bytes) ||
      typeof e.sha256 !== "string" ||
      !/^[0-9a-f]{64}$/.test(e.sha256)
    )
      throw new TypeError(
        `${RUN_MANIFEST}: a file entry is malformed or names a file outside the run format`,
      );
  }
  return m as RunManifest;
}

/**
 * Creates `dir` and its missing parents one level at a time (at most 64 levels), so a pseudo file system
 * that answers ENOENT under an existing parent fails once instead of looping.
 */
async function makeParents(dir: string, shown: string): Promise<void> {
  const missing: string[] = [];
  let p = dir;
  for (let depth = 0; depth < 64; depth++) {
    const s = await lstatOrNull(p).catch((e: unknown) => {
      throw new RunFolderError(shown, `cannot write to ${shown}: ${reasonOf(e)}`);
    });
    if (s !== null) {
      if (!s.isDirectory() && !s.isSymbolicLink())
        throw new RunFolderError(shown, `cannot write to ${shown}: ${p} is a file, not a folder`);
      break;
    }
    missing.push(p);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const m of missing.reverse()) {
    try {
      await mkdir(m);
    } catch (e) {
      if (errnoOf(e) !== "EEXIST")
        throw new RunFolderError(shown, `cannot write to ${shown}: ${reasonOf(e)}`);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === "EPERM";
  }
}

const tag = () => `${process.pid}-${randomBytes(4).toString("hex")}`;
const sideName = (base: string, kind: "tmp" | "old") => `.${base}.raijin-${kind}-`;

/** Siblings of `target` left by writers of it: `{ kind, pid, path }`. */
async function sideFolders(target: string) {
  const parent = dirname(target);
  const base = basename(target);
  const names = await readdir(parent).catch(() => [] as string[]);
  const out: { kind: "tmp" | "old"; pid: number; path: string }[] = [];
  for (const name of names) {
    for (const kind of ["tmp", "old"] as const) {
      const prefix = sideName(base, kind);
      if (!name.startsWith(prefix)) continue;
      const pid = Number(name.slice(prefix.length).split("-")[0]);
      if (Number.isSafeInteger(pid)) out.push({ kind, pid, path: join(parent, name) });
    }
  }
  return out;
}

/**
 * If a replacement was cut between its two renames (the target missing, complete folders beside it), put
 * the newer complete one back: the new run if its manifest was written, else the previous one. Then
 * remove the side folders of writers that are gone. Returns true if it restored a folder.
 */
export async function recoverRunFolder(target: string): Promise<boolean> {
  const abs = resolve(target);
  const sides = (await sideFolders(abs)).filter((s) => s.pid === process.pid || !isAlive(s.pid));
  let restored = false;
  if ((await lstatOrNull(abs)) === null) {
    for (const kind of ["tmp", "old"] as const) {
      for (const s of sides.filter((x) => x.kind === kind)) {
        if (restored || (await manifestOf(s.path)) === null) continue;
        try {
          await verifyRunFolder(s.path);
          await rename(s.path, abs);
          restored = true;
        } catch {
          // Incomplete or damaged: left for the removal below.
        }
      }
    }
  }
  for (const s of sides)
    if (s.pid !== process.pid && (await lstatOrNull(s.path)) !== null)
      await rm(s.path, { recursive: true, force: true }).catch(() => undefined);
  return restored;
}

export interface PrepareOptions {
  /** Replace a non-empty folder that Raijin did not write. */
  readonly force?: boolean;
  /** The command writing it (recorded in the manifest). */
  readonly command: string;
  /** Raijin's version (recorded in the manifest). */
  readonly raijin: string;
}

export interface PreparedRunFolder {
  /** The target as given and as an absolute path. */
  readonly target: string;
  readonly path: string;
  /** Writes the files, then the manifest, and swaps the folder into place. */
  commit(files: readonly RunFile[]): Promise<RunManifest>;
  /** Removes the temporary folder (on failure before commit). */
  abandon(): Promise<void>;
}

/** What is at the target now: nothing, an empty folder, a Raijin run folder, or something else. */
async function classify(abs: string, shown: string, force: boolean): Promise<"absent" | "replace"> {
  const s = await lstatOrNull(abs).catch((e: unknown) => {
    throw new RunFolderError(shown, `cannot write to ${shown}: ${reasonOf(e)}`);
  });
  if (s === null) return "absent";
  if (s.isSymbolicLink())
    throw new RunFolderError(shown, `${shown} is a symbolic link: give the folder itself`);
  if (!s.isDirectory()) throw new RunFolderError(shown, `${shown} is a file, not a folder`);
  const entries = await readdir(abs).catch((e: unknown) => {
    throw new RunFolderError(shown, `cannot read ${shown}: ${reasonOf(e)}`);
  });
  if (entries.length === 0 || force || (await manifestOf(abs)) !== null) return "replace";
  throw new RunFolderError(
    shown,
    `${shown} is not empty and Raijin did not write it (no ${RUN_MANIFEST}): give a new or empty ` +
      `folder, or --force to replace it and everything in it`,
  );
}

/** Checks the output place and reserves a temporary folder beside it; throws RunFolderError. */
export async function prepareRunFolder(target: string, o: PrepareOptions): Promise<PreparedRunFolder> {
  const shown = target;
  if (target.trim() === "" || target.includes("\0"))
    throw new RunFolderError(shown, "--out must name a folder");
  const abs = resolve(target);
  const parent = dirname(abs);
  if (parent === abs) throw new RunFolderError(shown, `${shown} is the root folder: give a folder inside it`);
  const fromCwd = relative(abs, process.cwd());
  if (fromCwd === "" || (!fromCwd.startsWith("..") && !fromCwd.startsWith(sep)))
    throw new RunFolderError(
      shown,
      `${shown} is the current folder or one of its parents: give a folder for the run's files`,
    );
  await makeParents(parent, shown);
  await recoverRunFolder(abs);
  await classify(abs, shown, o.force === true);
  const tmp = join(parent, sideName(basename(abs), "tmp") + tag());
  try {
    await mkdir(tmp);
  } catch (e) {
    throw new RunFolderError(shown, `cannot write to ${shown}: ${reasonOf(e)}`);
  }
  let done = false;
  return {
    target,
    path: abs,
    async abandon() {
      if (!done) await rm(tmp, { recursive: true, force: true });
      done = true;
    },
    async commit(files) {
      if (done) throw new Error("run folder already committed or abandoned");
      const entries: ManifestEntry[] = [];
      for (const f of files) {
        if (!RUN_FILE_NAMES.includes(f.name)) throw new RangeError(`not a run file: ${f.name}`);
        entries.push({ name: f.name, ...(await writeChunksSynced(join(tmp, f.name), f.text)) });
      }
      const manifest: RunManifest = {
        format: RUN_FORMAT,
        formatVersion: RUN_FORMAT_VERSION,
        command: o.command,
        raijin: o.raijin,
        files: entries,
      };
      await writeSynced(join(tmp, RUN_MANIFEST), Buffer.from(JSON.stringify(manifest, null, 2) + "\n"));
      await syncDir(tmp);
      // Whatever appeared at the target meanwhile must still be replaceable.
      if ((await classify(abs, shown, o.force === true)) === "absent") await rename(tmp, abs);
      else {
        const old = join(parent, sideName(basename(abs), "old") + tag());
        await rename(abs, old);
        await rename(tmp, abs);
        await rm(old, { recursive: true, force: true });
      }
      await syncDir(parent);
      done = true;
      return manifest;
    },
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const fh = await open(path, "wx");
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes text (whole or in chunks) as UTF-8, fsynced; its size and SHA-256. */
async function writeChunksSynced(
  path: string,
  text: string | Iterable<string>,
): Promise<{ bytes: number; sha256: string }> {
  const fh = await open(path, "wx");
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    for (const chunk of typeof text === "string" ? [text] : text) {
      const b = Buffer.from(chunk, "utf8");
      hash.update(b);
      bytes += b.length;
      await fh.write(b);
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { bytes, sha256: hash.digest("hex") };
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  } finally {
    await fh.close();
  }
}

/**
 * Checks a run folder: its manifest parses and is of this format version, and every file it lists is
 * there with its size (and, with `hashes`, its SHA-256). Returns the manifest; throws RunFolderError
 * saying what is missing or wrong.
 */
export async function verifyRunFolder(
  dir: string,
  options: { readonly hashes?: boolean; readonly shown?: string } = {},
): Promise<RunManifest> {
  const shown = options.shown ?? dir;
  let text: string;
  try {
    text = await readFile(join(dir, RUN_MANIFEST), "utf8");
  } catch {
    throw new RunFolderError(
      shown,
      `${shown} is not a complete Raijin run (no ${RUN_MANIFEST}): give the --out folder of raijin run ` +
        `or raijin trajectory, or write it again`,
    );
  }
  let manifest: RunManifest;
  try {
    manifest = parseManifest(text);
  } catch (e) {
    throw new RunFolderError(shown, `${shown}: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const f of manifest.files) {
    const path = join(dir, f.name);
    const s = await lstatOrNull(path).catch(() => null);
    if (s === null || !s.isFile())
      throw new RunFolderError(shown, `${shown} is incomplete: ${f.name} is missing`);
    if (s.size !== f.bytes)
      throw new RunFolderError(shown, `${shown} is damaged: ${f.name} has ${s.size} bytes, not ${f.bytes}`);
    if (options.hashes === true && sha256(await readFile(path)) !== f.sha256)
      throw new RunFolderError(shown, `${shown} is damaged: ${f.name} does not match its SHA-256`);
  }
  return manifest;
}
