// raijin engage, in-process: the timeline and result of one weapon against one threat, bad ids and a
// threat out of reach refused in one line with exit 2, and the same seed giving the same result.
import { mkdtempSync, writeFileSync } from "node:fs";
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

const SCENARIO = `name: One re-entry vehicle against a defended point
epoch: 2030-06-01T00:00:00Z
duration: 20 min
threats:
  - id: rv
    vehicle: notional-rv
    burnout: { at: { lat: 35 deg, lon: 135 deg, alt: 80 km }, time: 0 s, speed: 2 km/s, flightPathAngle: 30 deg, azimuth: 90 deg }
    target: { lat: 35 deg, lon: 140 deg }
sensors:
  - { id: radar, kind: radar, model: notional-s-band, at: { lat: 35 deg, lon: 139.5 deg, alt: 10 m } }
weapons:
  - { id: gun, kind: railgun, model: notional-railgun, at: { lat: 35.02 deg, lon: 139.95 deg, alt: 10 m } }
  - { id: gpi, kind: interceptor, model: notional-gpi, at: { lat: 35.05 deg, lon: 139.5 deg, alt: 10 m } }
`;

function scenarioFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "raijin-engage-"));
  const file = join(dir, "s.yaml");
  writeFileSync(file, SCENARIO);
  return file;
}

describe("raijin engage", () => {
  const file = scenarioFile();

  it("prints the timeline, each shot, the miss distance and the kill probability", async () => {
    const r = await run("engage", file, "--weapon", "gpi", "--threat", "rv", "--perfect-track");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^gpi against rv \(perfect track\)/);
    for (const e of ["track", "solution", "shot", "acquisition", "closest-approach"])
      expect(r.stdout).toMatch(new RegExp(`^\\s*[0-9.]+\\s+${e}\\s`, "m"));
    expect(r.stdout).toMatch(/^miss distance: [0-9.]+ m$/m);
    expect(r.stdout).toMatch(/^kill probability at that miss: [0-9.]+ \(fire control planned [0-9.]+\)$/m);
  });

  it("--json gives the same engagement as data; the same seed gives the same result", async () => {
    const a = await run("engage", file, "--weapon", "gpi", "--threat", "rv", "--seed", "7", "--json");
    const b = await run("engage", file, "--weapon", "gpi", "--threat", "rv", "--seed", "7", "--json");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const res = JSON.parse(a.stdout) as {
      trackSource: string;
      shots: { shotId: string; missM: number | null; pk: number }[];
      events: { type: string }[];
      missM: number | null;
    };
    expect(res.trackSource).toBe("sensors");
    expect(res.shots[0].shotId).toBe("gpi-1");
    expect(res.missM).not.toBeNull();
    expect(res.events.some((e) => e.type === "closest-approach")).toBe(true);
  });

  it("refuses unknown ids and a threat out of reach in one line, exit 2", async () => {
    const w = await run("engage", file, "--weapon", "laser", "--threat", "rv");
    expect(w.code).toBe(2);
    expect(w.stderr).toBe(`raijin: ${file}: no weapon "laser" (weapons: gun, gpi)\n`);
    const t = await run("engage", file, "--weapon", "gun", "--threat", "hgv");
    expect(t.code).toBe(2);
    expect(t.stderr).toBe(`raijin: ${file}: no threat "hgv" (threats: rv)\n`);
    const far = await run("engage", file, "--weapon", "gun", "--threat", "rv");
    expect(far.code).toBe(2);
    expect(far.stderr.split("\n")).toHaveLength(2);
    expect(far.stderr).toMatch(
      /rv never comes within gun's reach: nearest [0-9.]+ km away at [0-9.]+ km altitude/,
    );
    const shots = await run("engage", file, "--weapon", "gpi", "--threat", "rv", "--shots", "0");
    expect(shots.code).toBe(2);
    const pk = await run("engage", file, "--weapon", "gpi", "--threat", "rv", "--min-pk", "1.5");
    expect(pk.code).toBe(2);
    expect(pk.stderr).toBe("raijin: --min-pk must be a number in [0, 1], given 1.5\n");
  });
});
