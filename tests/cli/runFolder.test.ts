// Run folders (issue 10 items 1-3, issue 9 item 13): written whole or not at all, never a mix of two runs,
// the output place checked before any simulation and refused as bad input (exit 2).
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  prepareRunFolder,
  recoverRunFolder,
  RUN_FILE_NAMES,
  RUN_MANIFEST,
  verifyRunFolder,
} from "../../src/analysis/run/folder.js";
import { main } from "../../src/cli/main.js";
import { oneSrbmScenario } from "./helpers/oneSrbm.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WRITER = join(ROOT, "tests/cli/helpers/runFolderWriter.ts");

const SCENARIO = oneSrbmScenario("Run folder test");

let work: string;
let scenario: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "raijin-out-"));
  scenario = join(work, "raid.yaml");
  writeFileSync(scenario, SCENARIO);
});

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "raijin", ...args], {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

const listing = (dir: string) => readdirSync(dir).sort();

describe("a reused --out holds one run (issue 10 item 2)", () => {
  it("trajectory after run, and run after trajectory, leave only the new run's files", async () => {
    const out = join(work, "reused");
    expect((await cli("run", scenario, "--out", out)).code).toBe(0);
    expect(listing(out)).toEqual([
      "events.jsonl",
      RUN_MANIFEST,
      "scene.czml",
      "summary.json",
      "tracks.csv",
      "trajectories.csv",
    ]);
    expect((await cli("trajectory", scenario, "--out", out)).code).toBe(0);
    // The run's events and tracks are gone with the rest of it.
    expect(listing(out)).toEqual([RUN_MANIFEST, "scene.czml", "summary.json", "trajectories.csv"]);
    expect((await verifyRunFolder(out, { hashes: true })).command).toBe("trajectory");
    expect((await cli("run", scenario, "--out", out)).code).toBe(0);
    expect((await verifyRunFolder(out, { hashes: true })).command).toBe("run");
    // Nothing is left beside the folder.
    expect(listing(work).filter((n) => n.includes("raijin-"))).toEqual([]);
  });

  it("refuses a non-empty folder Raijin did not write, unless --force; an empty one is fine", async () => {
    const mine = join(work, "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "notes.txt"), "my notes");
    const r = await cli("run", scenario, "--out", mine);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not empty and Raijin did not write it .*--force/);
    expect(r.stdout).toBe(""); // refused before simulating
    expect(readFileSync(join(mine, "notes.txt"), "utf8")).toBe("my notes");
    expect((await cli("run", scenario, "--out", mine, "--force")).code).toBe(0);
    expect(existsSync(join(mine, "notes.txt"))).toBe(false);
    const empty = join(work, "empty");
    mkdirSync(empty);
    expect((await cli("trajectory", scenario, "--out", empty)).code).toBe(0);
  });
});

describe("--out is checked before simulating, as bad input (issue 10 item 3)", () => {
  it("a file, a path through a file, /proc/self/x, the current folder: exit 2 at once, nothing run", async () => {
    const file = join(work, "a-file");
    writeFileSync(file, "x");
    const cases: [string, RegExp][] = [
      [file, /is a file, not a folder/],
      [join(file, "sub"), /is a file, not a folder/],
      ["/proc/self/x", /cannot write to \/proc\/self\/x/],
      ["/dev/null/x", /is a file, not a folder/],
      [".", /is the current folder or one of its parents/],
      ["", /--out must name a folder/],
    ];
    for (const [out, message] of cases) {
      for (const command of ["run", "trajectory"]) {
        const t0 = performance.now();
        const r = await cli(command, scenario, "--out", out);
        expect([command, out, r.code]).toEqual([command, out, 2]);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/^\s+at /m);
        expect(r.stdout).toBe("");
        expect(performance.now() - t0).toBeLessThan(2000);
      }
    }
    expect(readFileSync(file, "utf8")).toBe("x");
  });
});

/** Every line of every file of the folder's run belongs to one generation; returns it. */
function generationOf(dir: string): string {
  const gens = new Set<string>();
  for (const name of RUN_FILE_NAMES) {
    for (const line of readFileSync(join(dir, name), "utf8").split("\n"))
      if (line !== "") gens.add(line.split(",")[0]);
  }
  expect([...gens].length).toBe(1);
  return [...gens][0];
}

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  writeMs: number | null;
}

/** Runs the writer child; kills it `killAfterMs` after it says "ready" (null: let it finish). */
function writeInChild(target: string, gen: string, killAfterMs: number | null): Promise<ChildRun> {
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, target, gen, String(2_000_000)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
    if (killAfterMs !== null && out.startsWith("ready\n") && !child.killed)
      setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  });
  return new Promise((ok) =>
    child.on("exit", (code, signal) => {
      const m = /done ([\d.]+)/.exec(out);
      ok({ code, signal, writeMs: m === null ? null : Number(m[1]) });
    }),
  );
}

describe("a kill at any point of the write (issue 10, tests and figures)", () => {
  it("leaves the previous complete run or the new one, never a mix", async () => {
    const target = join(work, "killed", "out");
    mkdirSync(dirname(target));
    const first = await writeInChild(target, "A", null);
    expect(first.code).toBe(0);
    expect(generationOf(target)).toBe("A");
    const writeMs = first.writeMs ?? 100;
    let cut = 0;
    let gen = 0;
    await fc.assert(
      // Kill times spread evenly over the write and a little past it (no bias towards the ends).
      fc.asyncProperty(fc.noBias(fc.integer({ min: 0, max: 130 })), async (percent) => {
        const fraction = percent / 100;
        const before = generationOf(target);
        const next = `G${++gen}`;
        const r = await writeInChild(target, next, fraction * writeMs);
        if (r.signal === "SIGKILL") cut++;
        // What a reader (raijin view) does first: finish a replacement cut between its renames.
        await recoverRunFolder(target);
        await verifyRunFolder(target, { hashes: true });
        const now = generationOf(target);
        expect([before, next]).toContain(now);
        if (r.code === 0) expect(now).toBe(next);
      }),
      { numRuns: 12, seed: 20300601 },
    );
    // Most kills must have landed inside the write, or the property proved little.
    expect(cut).toBeGreaterThanOrEqual(4);
    // The next write clears what killed writers left beside the target.
    const folder = await prepareRunFolder(target, { command: "test", raijin: "0.0.0" });
    await folder.abandon();
    expect(readdirSync(dirname(target))).toEqual(["out"]);
  }, 120_000);
});
