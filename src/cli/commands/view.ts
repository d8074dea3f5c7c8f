/**
 * `raijin view DIR [--port N] [--host H] [--open-timeout S]`: serves the browser viewer (dist/web, built
 * by `npm run build`) and the files of a run folder over HTTP, prints the URL, and runs until interrupted
 * (Ctrl+C closes it cleanly, exit 0) or until --open-timeout seconds have passed.
 *
 * Two roots, nothing else: `/run/...` is DIR, every other path is the viewer. Paths are decoded, any `..`
 * segment is refused, and the resolved real path (symbolic links followed) must lie inside its root.
 * `GET /run/` lists DIR's files as JSON so the viewer asks only for the files that exist.
 */
import { createReadStream, existsSync } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { type CliContext, InputError } from "../context.js";

/** Content types by extension: the viewer's own files, Cesium's assets and the run's outputs. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".czml": "application/json; charset=utf-8",
  ".jsonl": "application/x-ndjson; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".wasm": "application/wasm",
  ".glb": "model/gltf-binary",
  ".gltf": "model/gltf+json",
  ".ktx2": "image/ktx2",
  ".woff2": "font/woff2",
};

const RUN_PREFIX = "/run/";

export interface ViewerServerOptions {
  /** The run folder (must hold scene.czml). */
  readonly runDir: string;
  /** TCP port; 0 picks a free one (default 0). */
  readonly port?: number;
  /** Interface to listen on (default 127.0.0.1, loopback only). */
  readonly host?: string;
  /** The built viewer (default: dist/web of this package). */
  readonly webRoot?: string;
}

export interface ViewerServer {
  /** The viewer's address, e.g. http://127.0.0.1:8080/ */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * dist/web beside the compiled CLI (dist/cli/commands/view.js), or, when run from the sources
 * (src/cli/commands/view.ts under tsx or vitest), the package's dist/web. The built bundle is told from
 * the sources by its app.js.
 */
export function defaultWebRoot(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const beside = resolve(here, "../../web");
  return existsSync(join(beside, "app.js")) ? beside : resolve(here, "../../../dist/web");
}

/** Starts the server; resolves once it listens. Throws InputError if DIR or the viewer is missing. */
export async function startViewerServer(o: ViewerServerOptions): Promise<ViewerServer> {
  const runRoot = await realpath(o.runDir).catch(() => {
    throw new InputError(`${o.runDir}: no such folder`);
  });
  if (!(await isFile(join(runRoot, "scene.czml"))))
    throw new InputError(
      `${o.runDir} has no scene.czml: give the --out folder of raijin run or raijin trajectory`,
    );
  const webDir = o.webRoot ?? defaultWebRoot();
  const webRoot = await realpath(webDir).catch(() => "");
  if (webRoot === "" || !(await isFile(join(webRoot, "index.html"))))
    throw new Error(`the viewer is not built (${webDir}/index.html missing): run npm run build`);

  const server = createServer((req, res) => {
    handle(req, res, webRoot, runRoot).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, `internal error: ${e instanceof Error ? e.message : String(e)}`);
      else res.destroy();
    });
  });
  const host = o.host ?? "127.0.0.1";
  await new Promise<void>((ok, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      fail(
        e.code === "EADDRINUSE" || e.code === "EACCES" || e.code === "EADDRNOTAVAIL"
          ? new InputError(`cannot listen on ${host}:${o.port ?? 0}: ${e.code}`)
          : e,
      ),
    );
    server.listen(o.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(`${text}\n`);
}

/**
 * The file a request path names inside `root`, or null if the path leaves it (a `..` segment, a NUL, a
 * backslash, or a symbolic link pointing outside).
 */
export async function resolveInside(root: string, relativePath: string): Promise<string | null> {
  const segments = relativePath.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s === ".." || s.includes("\\") || s.includes("\0"))) return null;
  const candidate = resolve(root, ...segments);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return candidate; // does not exist: a 404 below
  }
  return real === root || real.startsWith(root + sep) ? real : null;
}

async function handle(req: IncomingMessage, res: ServerResponse, webRoot: string, runRoot: string) {
  if (req.method !== "GET" && req.method !== "HEAD")
    return send(res, 405, "method not allowed", { allow: "GET, HEAD" });
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    return send(res, 400, "bad request path");
  }
  if (path === "/run") return send(res, 301, "see /run/", { location: RUN_PREFIX });
  if (path === RUN_PREFIX) {
    const names = (await readdir(runRoot, { withFileTypes: true })).filter((d) => d.isFile());
    const body = JSON.stringify({ files: names.map((d) => d.name).sort() });
    res.writeHead(200, { "content-type": MIME_TYPES[".json"], "cache-control": "no-cache" });
    return void res.end(req.method === "HEAD" ? undefined : body);
  }
  const inRun = path.startsWith(RUN_PREFIX);
  const root = inRun ? runRoot : webRoot;
  const rel = inRun ? path.slice(RUN_PREFIX.length) : path === "/" ? "index.html" : path;
  const file = await resolveInside(root, rel);
  if (file === null) return send(res, 403, "forbidden: outside the served folders");
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) return send(res, 404, "not found");
    size = s.size;
  } catch {
    return send(res, 404, "not found");
  }
  res.writeHead(200, {
    "content-type": MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": String(size),
    // Run files change when a run is repeated into the same folder; the viewer is small.
    "cache-control": inRun ? "no-cache" : "max-age=300",
    "x-content-type-options": "nosniff",
  });
  if (req.method === "HEAD") return void res.end();
  await new Promise<void>((ok, fail) => {
    const stream = createReadStream(file);
    stream.on("error", fail);
    res.on("close", () => {
      stream.destroy();
      ok();
    });
    stream.pipe(res);
  });
}

interface ViewOptions {
  port: string;
  host: string;
  openTimeout?: string;
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InputError(`--port must be a whole number from 0 to 65535, given ${text}`);
  return n;
}

function parseSeconds(text: string): number {
  const n = Number(text.replace(/\s*s$/, ""));
  if (!Number.isFinite(n) || n <= 0)
    throw new InputError(`--open-timeout must be seconds > 0, given ${text}`);
  return n;
}

/** Resolves on Ctrl+C (SIGINT), SIGTERM, or after `timeoutS` seconds if given. */
function untilStopped(timeoutS: number | null): Promise<string> {
  return new Promise((done) => {
    const stop = (why: string) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      if (timer !== null) clearTimeout(timer);
      done(why);
    };
    const onInt = () => stop("interrupted");
    const onTerm = () => stop("terminated");
    process.once("SIGINT", onInt);
    process.once("SIGTERM", onTerm);
    const timer = timeoutS === null ? null : setTimeout(() => stop("open timeout reached"), timeoutS * 1000);
  });
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command("view")
    .description("replay a run folder on a 3D globe in the browser (serves the viewer on localhost)")
    .argument("<dir>", "output folder of raijin run or raijin trajectory (with scene.czml)")
    .option("--port <n>", "TCP port (0: any free port)", "8080")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--open-timeout <seconds>", "stop serving after this many seconds (default: until Ctrl+C)")
    .action(async (dir: string, opts: ViewOptions) => {
      const port = parsePort(opts.port);
      const timeoutS = opts.openTimeout === undefined ? null : parseSeconds(opts.openTimeout);
      const server = await startViewerServer({ runDir: dir, port, host: opts.host });
      ctx.io.out(`Raijin viewer for ${dir}: ${server.url}\n(Ctrl+C to stop)\n`);
      const why = await untilStopped(timeoutS);
      await server.close();
      ctx.io.out(`viewer stopped (${why})\n`);
    });
}
