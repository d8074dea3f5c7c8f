/**
 * The scenario analyser (src/scenario/analyse.ts) behind `raijin validate`'s warnings: a scenario that
 * loads but cannot work gets one warning per problem, at the line of the entry it is about, and the
 * command still exits 0.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { analyseScenario, loadScenario, locateWarnings } from "../../src/scenario/index.js";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TEXT = `name: analyser cases
epoch: 2030-06-01T00:00:00Z
duration: 15 min
assets:
  - { id: port, at: { lat: 35.29 deg, lon: 139.67 deg, alt: 0 m }, value: 10, radius: 3 km }
  - { id: far-island, at: { lat: 26.2 deg, lon: 127.7 deg, alt: 0 m }, value: 3 }
threats:
  - { id: seen, vehicle: notional-srbm, launch: { at: { lat: 37.6 deg, lon: 135.4 deg, alt: 0 m }, time: 0 s }, target: port }
  - { id: unseen, vehicle: notional-srbm, launch: { at: { lat: 30.0 deg, lon: 125.0 deg, alt: 0 m }, time: 0 s }, target: { lat: 27.5 deg, lon: 124.0 deg, alt: 0 m } }
sensors:
  - { id: radar, kind: radar, model: notional-s-band, at: { lat: 35.40 deg, lon: 139.40 deg, alt: 30 m } }
weapons:
  - { id: gun, kind: railgun, model: notional-railgun, at: { lat: 35.28 deg, lon: 139.66 deg, alt: 10 m }, rounds: 1 }
  - { id: lonely, kind: interceptor, model: notional-sm6-class, at: { lat: 45.0 deg, lon: 150.0 deg, alt: 10 m }, rounds: 0 }
`;

describe("the scenario analyser", () => {
  it("finds each problem at its line: a threat no sensor sees, a weapon no sensor cues, an asset out of reach, a magazine smaller than the raid", () => {
    const s = loadScenario(TEXT, { fileName: "a.yaml" });
    const w = locateWarnings(TEXT, "a.yaml", analyseScenario(s));
    expect(w.map((x) => [x.line, x.message.split(":")[0]])).toEqual([
      [6, "asset far-island"],
      [9, "threat unseen"],
      [13, "the weapons hold 1 round in all for a raid of 2 threats"],
      [14, "weapon lonely"],
    ]);
    expect(w[0].message).toMatch(/out of every weapon's reach/);
    expect(w[1].message).toMatch(/no sensor saw it/);
    expect(w[3].message).toMatch(/no sensor can cue it/);
  }, 60_000);

  it("a scenario that works (the reference) gets none, and one without weapons is not warned about reach", () => {
    const file = "scenarios/reference-raid.yaml";
    const text = readFileSync(file, "utf8");
    expect(analyseScenario(loadScenario(text, { fileName: file }))).toEqual([]);
  }, 120_000);

  it("raijin validate prints them as warning lines with file:line and exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "raijin-analyser-"));
    const file = join(dir, "a.yaml");
    writeFileSync(file, TEXT);
    let out = "";
    let err = "";
    const code = await main(["node", "raijin", "validate", file], {
      out: (s: string) => void (out += s),
      err: (s: string) => void (err += s),
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^OK: analyser cases/);
    const lines = err.trim().split("\n");
    expect(lines).toHaveLength(4);
    for (const l of lines)
      expect(l).toMatch(
        new RegExp(`^raijin: warning: ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+: `),
      );
  }, 120_000);
});
