// The printed tables (issue 9 item 14): every column has a header and a unit, the terms are explained in
// --help, false tracks are counted, OSPA and GOSPA are printed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { oneSrbmScenario } from "./helpers/oneSrbm.js";

const SCENARIO = oneSrbmScenario("Tables test");

let work: string;
let file: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "raijin-tables-"));
  file = join(work, "t.yaml");
  writeFileSync(file, SCENARIO);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let stdout = "";
  const code = await main(["node", "raijin", ...args], {
    out: (s) => void (stdout += s),
    err: () => undefined,
  });
  return { code, stdout };
}

/** The header rows of the tables in a command's output: the line above each dashed rule. */
function headers(text: string): string[][] {
  const lines = text.split("\n");
  const out: string[][] = [];
  lines.forEach((line, i) => {
    if (i > 0 && /^-+( +-+)*$/.test(line)) {
      // Cells are where the dashes are.
      const cells: string[] = [];
      for (const m of line.matchAll(/-+/g))
        cells.push(lines[i - 1].slice(m.index, m.index + m[0].length).trim());
      out.push(cells);
    }
  });
  return out;
}

// Columns whose values are counts, names or ratios without a unit, each explained in the legend.
const UNITLESS = new Set([
  "threat",
  "event",
  "track",
  "by",
  "tracks",
  "NEES",
  "sensor",
  "vehicle",
  "detections",
  // The engagement's (issue 14): names, counts and words.
  "shot",
  "what",
  "outcome",
  "shots",
  "killed by",
  "asset hit",
  "weapon",
  "model",
  "rounds",
  "left",
  "kills",
  "held",
]);
const HAS_UNIT = /( (s|m|km|m\/s|%|Mach|MJ))$|^max Mach$/;

describe("printed tables", () => {
  it("raijin run: every column has a header, with a unit unless it is a name, count or ratio", async () => {
    const r = await cli("run", file);
    expect(r.code).toBe(0);
    const tables = headers(r.stdout);
    expect(tables.length).toBe(2);
    for (const cell of tables.flat()) {
      expect(cell).not.toBe("");
      expect([cell, UNITLESS.has(cell) || HAS_UNIT.test(cell)]).toEqual([cell, true]);
    }
    expect(r.stdout).toMatch(
      /^tracks: \d+ initiated, \d+ confirmed, \d+ false \(confirmed, never following a threat\)$/m,
    );
    expect(r.stdout).toMatch(
      /^mean OSPA \d+\.\d m, mean GOSPA \d+\.\d m \(p = 2, cut-off c = 20 km; 0 is perfect\)$/m,
    );
  });

  it("raijin run with weapons: the engagement's tables too (per threat, per weapon), and the assets", async () => {
    const armed = join(work, "armed.yaml");
    writeFileSync(
      armed,
      SCENARIO +
        "weapons:\n  - { id: gpi-1, kind: interceptor, model: notional-gpi, at: { lat: 35.4 deg, lon: 139.4 deg, alt: 30 m }, rounds: 2 }\n",
    );
    const r = await cli("run", armed);
    expect(r.code).toBe(0);
    const tables = headers(r.stdout);
    expect(tables.length).toBe(4);
    for (const cell of tables.flat()) {
      expect(cell).not.toBe("");
      expect([cell, UNITLESS.has(cell) || HAS_UNIT.test(cell)]).toEqual([cell, true]);
    }
    expect(r.stdout).toMatch(/^assets: port \(value 10\): (saved|HIT by srbm-1)$/m);
  }, 60_000);

  it("raijin trajectory: the same", async () => {
    const r = await cli("trajectory", file);
    expect(r.code).toBe(0);
    for (const cell of headers(r.stdout).flat()) {
      expect(cell).not.toBe("");
      expect([cell, UNITLESS.has(cell) || HAS_UNIT.test(cell)]).toEqual([cell, true]);
    }
  });

  it("--help explains the terms: held %, NEES, miss, OSPA, GOSPA, false tracks", async () => {
    const run = (await cli("run", "--help")).stdout;
    for (const term of [
      "held %",
      "NEES",
      "miss m",
      "OSPA",
      "GOSPA",
      "false tracks",
      "impact err km",
      "outcome",
      "margin s",
      "to last shot s",
      "energy MJ",
      "barrel wear %",
    ])
      expect([term, run.includes(term)]).toEqual([term, true]);
    const trajectory = (await cli("trajectory", "--help")).stdout;
    for (const term of ["range km", "glide km", "miss m", "held s"])
      expect([term, trajectory.includes(term)]).toEqual([term, true]);
  });
});
