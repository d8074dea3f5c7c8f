// raijin trajectory and raijin run, in-process: the tables, the files, and what happens when a valid
// file asks what physics refuses.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "raijin", ...args], {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

const HEAD = "name: t\nepoch: 2030-06-01T00:00:00Z\nduration: 20 min\n";
const RV = `threats:
  - id: rv
    vehicle: notional-rv
    burnout: { at: { lat: 35 deg, lon: 135 deg, alt: 80 km }, time: 0 s, speed: 2 km/s, flightPathAngle: 30 deg, azimuth: 90 deg }
    target: { lat: 35 deg, lon: 140 deg }
sensors:
  - { id: r, kind: radar, model: notional-s-band, at: { lat: 35 deg, lon: 137 deg, alt: 10 m } }
`;

function scenarioFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "raijin-cli-"));
  const file = join(dir, "s.yaml");
  writeFileSync(file, text);
  return file;
}

describe("raijin trajectory and raijin run", () => {
  it("trajectory prints the flight and detection tables and writes its three files", async () => {
    const file = scenarioFile(HEAD + RV);
    const out = join(file, "..", "out");
    const r = await run("trajectory", file, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^threat\s+vehicle\s+launch s\s+range km/m);
    expect(r.stdout).toMatch(/^rv\s+notional-rv\s/m);
    expect(r.stdout).toMatch(/^threat\s+sensor\s+first s\s+last s\s+held s/m);
    for (const f of ["trajectories.csv", "summary.json", "scene.czml"])
      expect(existsSync(join(out, f))).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as {
      threats: { id: string }[];
    };
    expect(summary.threats.map((t) => t.id)).toEqual(["rv"]);
    expect(readFileSync(join(out, "trajectories.csv"), "utf8").split("\n")[0]).toBe(
      "timeS,id,phase,latDeg,lonDeg,altM,speedMps,mach,surfaceTempK,thrustN,massKg",
    );
  });

  it("run --json prints the summary; --out writes the five run files", async () => {
    const file = scenarioFile(HEAD + RV);
    const out = join(file, "..", "run");
    const r = await run("run", file, "--seed", "3", "--json", "--out", out);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      seed: number;
      threats: { id: string; firstDetectionS: number }[];
    };
    expect(summary.seed).toBe(3);
    expect(summary.threats[0].id).toBe("rv");
    for (const f of ["summary.json", "events.jsonl", "trajectories.csv", "tracks.csv", "scene.czml"])
      expect(existsSync(join(out, f))).toBe(true);
    const events = readFileSync(join(out, "events.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { timeS: number; type: string });
    expect(events[0].type).toBe("launch");
    expect(events.map((e) => e.timeS)).toEqual([...events.map((e) => e.timeS)].sort((a, b) => a - b));
  });

  it("a target out of a missile's reach is bad input: exit 2, the file and the reason, no stack", async () => {
    const file = scenarioFile(
      HEAD +
        `threats:
  - id: far
    vehicle: notional-srbm
    launch: { at: { lat: 30 deg, lon: 120 deg }, time: 0 s }
    target: { lat: 40 deg, lon: 150 deg }
`,
    );
    for (const cmd of ["trajectory", "run"]) {
      const r = await run(cmd, file);
      expect(r.code).toBe(2);
      // Found at load time, at the threat's place in the file (issue 10 item 7).
      expect(r.stderr).toMatch(
        new RegExp(
          `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: threats\\[0\\]\\.target: .*target out of reach`,
          "m",
        ),
      );
      expect(r.stderr).toMatch(/notional-srbm reaches about \d+ km at full burn/);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it("a bad --seed is bad input", async () => {
    const r = await run("run", scenarioFile(HEAD + RV), "--seed", "-1");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--seed must be a whole number >= 0, given -1");
  });
});
