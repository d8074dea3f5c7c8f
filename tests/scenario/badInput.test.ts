// The bad-input corpus (issue 10, "Tests and figures"): every broken scenario file is refused by
// `raijin validate` with exit 2 and a located FILE:LINE:COL message, no stack trace, no raw control
// character and no forged location line, within 2 s and 300 MB each. The committed files live in
// tests/fixtures/bad-input/ (each names the message it expects on its first line); the large ones are
// generated here. All run in one child process so the memory figure is the corpus's own.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordValidation, sig } from "../validation.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CORPUS = join(ROOT, "tests/fixtures/bad-input");
const RUNNER = join(ROOT, "tests/scenario/helpers/corpusRunner.ts");
const TIME_BUDGET_MS = 2000;
const MEMORY_BUDGET_MB = 300;

const HEAD = "name: Generated bad input\nepoch: 2030-06-01T00:00:00Z\nduration: 30 min\n";

/** Files too large to commit, built from a rule, with the message each must give. */
const GENERATED: { name: string; expect: RegExp; text: () => string }[] = [
  {
    // Issue 10 item 5: 131 s to reject before.
    name: "ten-thousand-aliases.yaml",
    expect: /:\d+:\d+: .*at most 100 aliases \(\*name\) in a scenario file/,
    text: () => {
      // Ten lists of a thousand each (under the list limit), the aliases in flow form (under the line
      // limit), so the alias cap is what refuses it.
      let t = HEAD;
      for (let k = 0; k < 10; k++) {
        t += `anchors${k}:\n`;
        for (let i = 1000 * k; i < 1000 * (k + 1); i++) t += `  - &a${i} v${i}\n`;
      }
      for (let k = 0; k < 10; k++)
        t += `aliases${k}: [${Array.from({ length: 1000 }, (_, i) => `*a${1000 * k + i}`).join(", ")}]\n`;
      return t;
    },
  },
  {
    // Issue 10 item 4: a million list items took 35 s and 2.75 GB and printed 1,000,002 lines.
    name: "million-items.yaml",
    expect: /:1:1: expected a scenario file of at most 1,048,576 bytes \(Raijin's limit\), given/,
    text: () => HEAD + "threats:\n" + "  - 1\n".repeat(1_000_000),
  },
  {
    name: "many-lines.yaml",
    expect: /:20000:\d+: expected a scenario file of at most 20,000 lines/,
    text: () => HEAD + "threats:\n" + "  - 1\n".repeat(30_000),
  },
  {
    name: "many-commas.yaml",
    expect: /:4:\d+: expected at most 20,000 commas/,
    text: () => HEAD + "threats: [" + "1,".repeat(30_000) + "1]\n",
  },
  {
    name: "long-threat-list.yaml",
    expect:
      /:5:3: threats: expected a list of at most 1,000 items \(Raijin's limit for threats\), given a list of 5,000 items/,
    text: () => HEAD + "threats:\n" + "  - x\n".repeat(5_000),
  },
  {
    name: "many-errors-in-a-long-list.yaml",
    expect: /\.\.\. and 950 more problems \(the first 50 are listed\)/,
    text: () => HEAD + "threats:\n" + "  - x\n".repeat(1_000),
  },
];

interface Outcome {
  file: string;
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

let work: string;
let outcomes: Map<string, Outcome>;
const expected = new Map<string, RegExp>();

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "raijin-corpus-"));
  const files: string[] = [];
  for (const name of readdirSync(CORPUS)
    .filter((n) => n.endsWith(".yaml"))
    .sort()) {
    const first = readFileSync(join(CORPUS, name), "utf8").split("\n")[0];
    const m = /^# expect: (.+)$/.exec(first);
    if (m === null) throw new Error(`${name}: the first line must be "# expect: <regular expression>"`);
    expected.set(join(CORPUS, name), new RegExp(m[1]));
    files.push(join(CORPUS, name));
  }
  for (const g of GENERATED) {
    const path = join(work, g.name);
    writeFileSync(path, g.text());
    expected.set(path, g.expect);
    files.push(path);
  }
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", RUNNER, ...files], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 << 20,
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`corpus runner failed (${r.status}): ${r.stderr}`);
  outcomes = new Map(
    r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Outcome)
      .map((o) => [o.file, o]),
  );
}, 180_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

// Controls (C0, DEL, C1) and the bidirectional overrides and isolates, none of which may reach a terminal.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the bad-input corpus", () => {
  it("holds at least 25 files, every one of them run", () => {
    expect(expected.size).toBeGreaterThanOrEqual(25);
    expect([...outcomes.keys()].sort()).toEqual([...expected.keys()].sort());
  });

  it("refuses each with exit 2 and the located message it expects", () => {
    for (const [file, re] of expected) {
      const o = outcomes.get(file)!;
      expect([file, o.code]).toEqual([file, 2]);
      expect(o.stdout).toBe("");
      expect(o.stderr).toMatch(new RegExp(`^${escapeRe(file)}:\\d+:\\d+: `, "m"));
      expect(o.stderr).toMatch(re);
    }
  });

  it("prints no stack trace, no raw control character and no line that does not start with the file", () => {
    for (const [file, o] of outcomes) {
      expect(o.stderr).not.toMatch(/^\s+at .+[(:]\d+/m);
      expect(o.stderr.replace(/\n/g, "")).not.toMatch(UNSAFE_CHARACTERS);
      for (const line of o.stderr.trimEnd().split("\n"))
        expect([file, line.startsWith(file) || line.startsWith("... and ")]).toEqual([file, true]);
    }
  });

  it("lists at most 50 problems, then a count of the rest", () => {
    for (const o of outcomes.values())
      expect(o.stderr.split("\n").filter((l) => /:\d+:\d+: /.test(l)).length).toBeLessThanOrEqual(50);
  });

  it(`refuses each within ${TIME_BUDGET_MS} ms and ${MEMORY_BUDGET_MB} MB`, () => {
    const slowest = [...outcomes.values()].reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
    const peakMb = Math.max(...[...outcomes.values()].map((o) => o.maxRssMb));
    recordValidation({
      area: "scenario",
      model: "loadScenario + raijin validate on the bad-input corpus (tests/fixtures/bad-input)",
      reference:
        "issue 10 budget: each broken file refused with exit 2 and a located message in < 2 s, < 300 MB",
      figure: `${outcomes.size} files, all exit 2; slowest about ${sig(slowest.cpuMs / 1000, 1)} s of CPU time; peak RSS about ${sig(peakMb, 1)} MB (one significant digit: timings vary with the machine's load)`,
      tolerance: `each < ${TIME_BUDGET_MS / 1000} s; peak < ${MEMORY_BUDGET_MB} MB`,
    });
    // CPU time (the work), not wall time: the suite runs its files in parallel on a shared machine.
    for (const o of outcomes.values()) expect([o.file, o.cpuMs < TIME_BUDGET_MS]).toEqual([o.file, true]);
    expect(peakMb).toBeLessThan(MEMORY_BUDGET_MB);
  });
});
