/**
 * `raijin view DIR [--port N] [--host H] [--open-timeout S]`: serves the browser viewer (dist/web, built
 * by `npm run build`) and the files of a run folder over HTTP, prints the URL, and runs until interrupted
 * (Ctrl+C closes it cleanly, exit 0) or until --open-timeout seconds have passed.
 *
 * What it serves: `/run/<name>` for the run format's files that DIR's manifest (raijin-run.json) lists,
 * checked complete (sizes and SHA-256) before serving; every other path is the built viewer, dotfiles
 * excluded. `GET /run/` lists the run's files as JSON so the viewer asks only for the files that exist.
 * Paths are decoded, `..` and dot segments refused, and the real path (symbolic links followed) must lie
 * inside its root.
 *
 * Hardening (a browser on the same machine is the attacker's way in): the Host header must name this
 * server (an IP literal, localhost, or --allow-host; DNS rebinding answers under a foreign name), a
 * request from a page of another site is refused, every response carries a Content-Security-Policy
 * with frame-ancestors 'none' and nosniff, error pages name no path, open connections are bounded, and
 * listening beyond loopback prints a warning.
 */
import { createReadStream, existsSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { isIP, type AddressInfo } from "node:net";
import { hostname } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { recoverRunFolder, RUN_MANIFEST, verifyRunFolder } from "../../analysis/run/folder.js";
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

/** Open connections at once; more wait in the kernel's queue (a browser opens about six). */
export const MAX_CONNECTIONS = 64;
/** Seconds a client has to send its request headers and its whole request. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * What a page may do (sent on every response): scripts only from this server, never inline; no page may
 * frame the viewer. CesiumJS needs the rest: its widgets bind through Knockout, which compiles its
 * bindings with `new Function` ('unsafe-eval'), its workers import their code from blob: URLs, it instantiates WebAssembly (its draco and basis
 * decoders), sets inline styles, and makes data: and blob: images and workers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
};

export interface ViewerServerOptions {
  /** The run folder (a complete one: its raijin-run.json manifest is checked). */
  readonly runDir: string;
  /** TCP port; 0 picks a free one (default 0). */
  readonly port?: number;
  /** Interface to listen on (default 127.0.0.1, loopback only). */
  readonly host?: string;
  /** The built viewer (default: dist/web of this package). */
  readonly webRoot?: string;
  /** Host names the server answers to besides IP literals and localhost (for --host beyond loopback). */
  readonly allowedHosts?: readonly string[];
}

export interface ViewerServer {
  /** The viewer's address, e.g. http://127.0.0.1:8080/ */
  readonly url: string;
  /** True when it listens on more than the loopback interface. */
  readonly exposed: boolean;
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

/** Whether an interface address is loopback only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The Host header names this server (DNS rebinding defence): an IP literal, localhost, or a name the
 * user allowed. A rebinding attack reaches the server under the attacker's own domain name, never these.
 */
export function hostAllowed(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (hostHeader === undefined || hostHeader === "") return false;
  let name: string;
  try {
    name = new URL(`http://${hostHeader}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (name.startsWith("[")) return isIP(name.slice(1, -1)) === 6;
  return isIP(name) === 4 || name === "localhost" || name.endsWith(".localhost") || allowed.has(name);
}

/** Starts the server; resolves once it listens. Throws InputError or RunFolderError for bad input. */
export async function startViewerServer(o: ViewerServerOptions): Promise<ViewerServer> {
  await recoverRunFolder(o.runDir).catch(() => false);
  const runRoot = await realpath(o.runDir).catch(() => {
    throw new InputError(`${o.runDir}: no such folder`);
  });
  if (!(await stat(runRoot)).isDirectory()) throw new InputError(`${o.runDir} is a file, not a run folder`);
  const manifest = await verifyRunFolder(runRoot, { hashes: true, shown: o.runDir });
  const runFiles = new Set([RUN_MANIFEST, ...manifest.files.map((f) => f.name)]);
  if (!runFiles.has("scene.czml"))
    throw new InputError(
      `${o.runDir} has no scene.czml: give the --out folder of raijin run or raijin trajectory`,
    );
  const webDir = o.webRoot ?? defaultWebRoot();
  const webRoot = await realpath(webDir).catch(() => "");
  if (webRoot === "" || !(await isFile(join(webRoot, "index.html"))))
    throw new Error("the viewer is not built (its index.html is missing): run npm run build");

  const host = o.host ?? "127.0.0.1";
  const allowed = new Set((o.allowedHosts ?? []).map((h) => h.toLowerCase()));
  if (!isLoopbackHost(host)) {
    allowed.add(hostname().toLowerCase());
    if (isIP(host) === 0) allowed.add(host.toLowerCase());
  }
  const server = createServer((req, res) => {
    handle(req, res, webRoot, runRoot, runFiles, allowed).catch(() => {
      // No message: it could name a path on this machine.
      if (!res.headersSent) send(res, 500, "internal error");
      else res.destroy();
    });
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((ok, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      const where = `${host}:${o.port ?? 0}`;
      if (e.code === "EADDRINUSE")
        fail(
          new InputError(
            `port ${o.port ?? 0} is in use on ${host}: give another with --port N (--port 0 picks a free one)`,
          ),
        );
      else if (e.code === "EACCES")
        fail(
          new InputError(
            `cannot listen on ${where}: permission denied (ports below 1024 need root; try --port 8080)`,
          ),
        );
      else if (e.code === "EADDRNOTAVAIL" || e.code === "ENOTFOUND" || e.code === "EAI_AGAIN")
        fail(new InputError(`cannot listen on ${where}: no such interface on this machine (see --host)`));
      else fail(e);
    });
    server.listen(o.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    exposed: !isLoopbackHost(host),
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
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(`${text}\n`);
}

/**
 * The file a request path names inside `root`, or null if the path leaves it (a `..` segment, a NUL, a
 * backslash, a dotfile or dot-folder, or a symbolic link pointing outside).
 */
export async function resolveInside(root: string, relativePath: string): Promise<string | null> {
  const segments = relativePath.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s.startsWith(".") || s.includes("\\") || s.includes("\0"))) return null;
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

/** Whether the request comes from a page of another site (the Origin of a fetch, or the browser's word). */
function foreignOrigin(req: IncomingMessage): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site") return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  return origin !== `http://${req.headers.host ?? ""}`;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  webRoot: string,
  runRoot: string,
  runFiles: ReadonlySet<string>,
  allowedHosts: ReadonlySet<string>,
) {
  if (!hostAllowed(req.headers.host, allowedHosts))
    return send(res, 421, "misdirected request: this server answers only to its own address");
  if (foreignOrigin(req)) return send(res, 403, "forbidden: a request from another site");
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
    const body = JSON.stringify({ files: [...runFiles].sort() });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": MIME_TYPES[".json"],
      "cache-control": "no-cache",
    });
    return void res.end(req.method === "HEAD" ? undefined : body);
  }
  const inRun = path.startsWith(RUN_PREFIX);
  let file: string | null;
  if (inRun) {
    // Only the files of the run format the manifest lists: no subfolders, no other names.
    const name = path.slice(RUN_PREFIX.length);
    if (!runFiles.has(name)) return send(res, 404, "not found: not a file of this run");
    file = await resolveInside(runRoot, name);
  } else file = await resolveInside(webRoot, path === "/" ? "index.html" : path);
  if (file === null) return send(res, 403, "forbidden: outside the served files");
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) return send(res, 404, "not found");
    size = s.size;
  } catch {
    return send(res, 404, "not found");
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "content-type": MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": String(size),
    // Run files change when a run is repeated into the same folder; the viewer is small.
    "cache-control": inRun ? "no-cache" : "max-age=300",
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
  allowHost: string[];
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
    .option(
      "--port <n>",
      "TCP port (0: any free port; default $RAIJIN_PORT or 8080)",
      process.env.RAIJIN_PORT ?? "8080",
    )
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option(
      "--allow-host <name>",
      "a host name the server answers to, besides IP addresses and localhost (repeatable)",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option("--open-timeout <seconds>", "stop serving after this many seconds (default: until Ctrl+C)")
    .action(async (dir: string, opts: ViewOptions) => {
      const port = parsePort(opts.port);
      const timeoutS = opts.openTimeout === undefined ? null : parseSeconds(opts.openTimeout);
      const server = await startViewerServer({
        runDir: dir,
        port,
        host: opts.host,
        allowedHosts: opts.allowHost,
      });
      if (server.exposed)
        ctx.io.err(
          `raijin: warning: listening on ${opts.host}, beyond this machine's loopback: anyone who can ` +
            `reach it can see this run (use --host 127.0.0.1 to keep it local)\n`,
        );
      ctx.io.out(`Raijin viewer for ${dir}: ${server.url}\n(Ctrl+C to stop)\n`);
      const why = await untilStopped(timeoutS);
      await server.close();
      ctx.io.out(`viewer stopped (${why})\n`);
    });
}
