/**
 * `npm run bench:ab -- COMMIT [FILTER] [--rounds N] [--cpu K]`: the benchmark figures of this checkout
 * beside those of an earlier commit, on this machine, now. A figure quoted against an old note compares
 * two machines and two loads; this builds COMMIT in a temporary git worktree with this checkout's
 * compiler settings (tsconfig.json and tsconfig.bench.json copied over, node_modules linked), then runs
 * the benches whose file names contain FILTER in each tree in turn (each file in its own process,
 * alternating which tree goes first), N rounds (default 3), and prints one JSON line a figure both
 * trees report: each side's least, median and greatest value over the rounds, and current / base of
 * each. Which end is best depends on the figure (times: the least; rates: the greatest), so both are
 * given. The worktree is removed at the end. Figures present on one side only (renamed or new) are
 * listed under `unpaired`.
 * `--cpu K` runs every bench process of both trees on core K (taskset): on a shared VM one core can run
 * memory-bound code 1.5 times slower than the other for minutes at a time (a neighbour on the host),
 * and a process lands on either, so unpinned sides can differ by that much with no change in the code.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spread } from "../bench/harness.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNNER = "out/bench-build/bench/run.js";

/** A refusal: printed with the usage line, exit 2 (after the worktree, if any, is removed). */
class AbError extends Error {}

function usage(message: string): never {
  throw new AbError(message);
}

function git(args: string[], cwd = ROOT): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.status !== 0) usage(`git ${args.join(" ")}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

interface Side {
  values: Map<string, number[]>;
  units: Map<string, string>;
}

/**
 * One run of a tree's benches whose file names contain `filter`, each file in its own process through
 * the runner's `--one` mode (older runners look for .bench.ts files only, so the files are listed
 * here); the figures added to `side`.
 */
function runBench(tree: string, filter: string, side: Side, cpu: number | null): void {
  const dir = join(tree, "out/bench-build/bench");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.js") && f.includes(filter))
    .sort();
  for (const f of files) {
    const command = [process.execPath, join(tree, RUNNER), "--one", f];
    if (cpu !== null) command.unshift("taskset", "-c", String(cpu));
    const r = spawnSync(command[0], command.slice(1), {
      cwd: tree,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) process.stderr.write(`bench:ab: ${tree}: ${f} exited with ${r.status}\n`);
    for (const line of r.stdout.split("\n")) {
      if (!line.startsWith("{")) continue;
      const fig = JSON.parse(line) as { name?: unknown; value?: unknown; unit?: unknown };
      if (typeof fig.name !== "string" || typeof fig.value !== "number") continue;
      const list = side.values.get(fig.name) ?? [];
      list.push(fig.value);
      side.values.set(fig.name, list);
      if (typeof fig.unit === "string") side.units.set(fig.name, fig.unit);
    }
  }
}

/** Least, median and greatest of a figure's values (the harness's spread, read lower-is-better). */
function stats(v: number[]): { least: number; median: number; greatest: number } {
  const s = spread(v, false);
  return { least: s.best, median: s.median, greatest: s.worst };
}

function main(): void {
  const args = process.argv.slice(2);
  let rounds = 3;
  let cpu: number | null = null;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--rounds") {
      rounds = Number(args[++i]);
      if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= 50))
        usage("--rounds must be an integer in [1, 50]");
    } else if (args[i] === "--cpu") {
      cpu = Number(args[++i]);
      const cores = availableParallelism();
      if (!(Number.isInteger(cpu) && cpu >= 0 && cpu < cores))
        usage(`--cpu must be a core number in [0, ${cores - 1}], given ${args[i]}`);
      if (spawnSync("taskset", ["-c", String(cpu), "true"]).status !== 0)
        usage("--cpu needs taskset (Debian package util-linux), which did not run here");
    } else positional.push(args[i]);
  }
  if (positional.length < 1 || positional.length > 2) usage("give a commit, and optionally a name filter");
  const [commit, filter = ""] = positional;
  const sha = git(["rev-parse", "--verify", `${commit}^{commit}`]);
  if (!existsSync(join(ROOT, RUNNER)))
    usage(`${RUNNER} is missing: run it as npm run bench:ab (it compiles first)`);

  const parent = mkdtempSync(join(tmpdir(), "raijin-ab-"));
  const tree = join(parent, sha.slice(0, 12));
  git(["worktree", "add", "--detach", tree, sha]);
  try {
    symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"), "dir");
    for (const f of ["tsconfig.json", "tsconfig.bench.json"]) copyFileSync(join(ROOT, f), join(tree, f));
    // An older tree may not type-check under today's settings; tsc emits regardless, and the runner's
    // presence is what counts.
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    spawnSync(process.execPath, [tsc, "-p", "tsconfig.bench.json"], { cwd: tree, stdio: "ignore" });
    if (!existsSync(join(tree, RUNNER))) usage(`${sha.slice(0, 12)}: the bench did not build`);
    const current: Side = { values: new Map(), units: new Map() };
    const base: Side = { values: new Map(), units: new Map() };
    for (let r = 0; r < rounds; r++) {
      const order: [string, Side][] = [
        [ROOT, current],
        [tree, base],
      ];
      if (r % 2 === 1) order.reverse();
      for (const [dir, side] of order) runBench(dir, filter, side, cpu);
    }
    for (const [name, cur] of current.values) {
      const old = base.values.get(name);
      if (old === undefined) continue;
      const c = stats(cur);
      const b = stats(old);
      process.stdout.write(
        JSON.stringify({
          name,
          unit: current.units.get(name) ?? base.units.get(name),
          base: sha.slice(0, 12),
          rounds,
          cpu: cpu ?? "any",
          current: c,
          baseline: b,
          currentOverBase: {
            least: c.least / b.least,
            median: c.median / b.median,
            greatest: c.greatest / b.greatest,
          },
        }) + "\n",
      );
    }
    const unpaired = [
      ...[...current.values.keys()].filter((n) => !base.values.has(n)).map((n) => `current only: ${n}`),
      ...[...base.values.keys()].filter((n) => !current.values.has(n)).map((n) => `base only: ${n}`),
    ];
    if (unpaired.length > 0) process.stdout.write(JSON.stringify({ unpaired }) + "\n");
  } finally {
    spawnSync("git", ["worktree", "remove", "--force", tree], { cwd: ROOT });
    rmSync(parent, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  if (!(e instanceof AbError)) throw e;
  process.stderr.write(
    `bench:ab: ${e.message}\nusage: npm run bench:ab -- COMMIT [FILTER] [--rounds N] [--cpu K]\n`,
  );
  process.exitCode = 2;
}
