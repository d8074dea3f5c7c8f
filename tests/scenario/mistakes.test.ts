// Every kind of mistake gives the right place (line, column, path) and says what was expected and given.
import { describe, expect, it } from "vitest";
import { HEAD, issuesOf, places } from "./helpers.js";

const THREAT = (body: string) =>
  HEAD + `threats:\n  - id: a\n${body}    target: { lat: 3 deg, lon: 4 deg }\n`;
const LAUNCH = "    launch: { at: { lat: 1 deg, lon: 2 deg }, time: 0 s }\n";

function only(text: string, catalog?: Parameters<typeof issuesOf>[1]) {
  const issues = issuesOf(text, catalog);
  expect(issues).toHaveLength(1);
  return issues[0];
}

describe("schema mistakes", () => {
  it("a missing required field points at its parent and says it is missing", () => {
    const i = only("epoch: 2030-06-01T00:00:00Z\nduration: 30 min\n");
    expect([i.line, i.column, i.path]).toEqual([1, 1, "name"]);
    expect(i.given).toBe("nothing (the field is missing)");

    const j = only(THREAT("    vehicle: notional-hgv\n    launch:\n      at: { lat: 1 deg, lon: 2 deg }\n"));
    // Line 7 is "    launch:": the key of the mapping that lacks `time`.
    expect([j.line, j.column, j.path]).toEqual([7, 5, "threats[0].launch.time"]);
    expect(j.expected).toBe('a duration with a unit (s, ms, us, min, h, d), e.g. "30 min"');
  });

  it("an unknown key is reported at the key, with the allowed keys and a suggestion", () => {
    const i = only(HEAD + "durration: 5 min\n");
    expect([i.line, i.column, i.path]).toEqual([4, 1, "durration"]);
    expect(i.expected).toContain("one of the keys name, description, epoch, duration, environment");
    expect(i.given).toBe('unknown key "durration" (did you mean "duration"?)');
  });

  it("a wrong kind of value in a union says what either branch takes", () => {
    const i = only(THREAT("    vehicle: 5\n" + LAUNCH));
    expect([i.line, i.column, i.path]).toEqual([6, 14, "threats[0].vehicle"]);
    expect(i.expected).toBe("a catalog vehicle name or an inline vehicle definition (a mapping with kind)");
    expect(i.given).toBe("5");
  });

  it("mistakes inside an inline definition are reported inside it", () => {
    const issues = issuesOf(THREAT("    vehicle: { kind: glider, base: notional-hgv, mass: 5 }\n" + LAUNCH));
    expect(places(issues)).toEqual([
      [6, 22, "threats[0].vehicle.kind"],
      [6, 56, "threats[0].vehicle.mass"],
    ]);
    expect(issues[0].expected).toBe("one of ballistic, rv, hgv or cruise");
  });

  it("launch and burnout together, or neither", () => {
    const burnout =
      "    burnout: { at: { lat: 1 deg, lon: 2 deg }, time: 0 s, speed: 1 km/s, flightPathAngle: 10 deg, azimuth: 0 deg }\n";
    const both = only(THREAT("    vehicle: x\n" + LAUNCH + burnout));
    expect([both.line, both.column, both.path]).toEqual([8, 14, "threats[0].burnout"]);
    expect(both.expected).toBe("only one of launch or burnout");
    const neither = only(THREAT("    vehicle: x\n"));
    expect([neither.line, neither.column, neither.path]).toEqual([5, 5, "threats[0]"]);
    expect(neither.given).toBe("neither");
  });

  it("an unknown kind, or a missing one, lists the kinds", () => {
    const at = "at: { lat: 1 deg, lon: 2 deg }";
    const bad = only(HEAD + `sensors:\n  - { id: s, kind: lidar, model: m, ${at} }\n`);
    expect([bad.line, bad.column, bad.path]).toEqual([5, 20, "sensors[0].kind"]);
    expect(bad.expected).toBe("one of radar or infrared-constellation");
    const missing = only(HEAD + `sensors:\n  - { id: s, model: m, ${at} }\n`);
    expect([missing.line, missing.column, missing.path]).toEqual([5, 5, "sensors[0].kind"]);
    expect(missing.given).toBe("nothing (the field is missing)");
  });

  it("numbers out of range, non-integers and Walker phasing", () => {
    const issues = issuesOf(
      HEAD +
        "sensors:\n  - id: s\n    kind: infrared-constellation\n    model: m\n" +
        "    walker: { altitude: 100 km, inclination: 81 deg, planes: 4, perPlane: 7.5, phasing: 4 }\n",
    );
    expect(places(issues)).toEqual([
      [8, 25, "sensors[0].walker.altitude"],
      [8, 75, "sensors[0].walker.perPlane"],
      [8, 89, "sensors[0].walker.phasing"],
    ]);
    expect(issues[0].expected).toBe("a length in [160 km, 50000 km] (SI: [160000, 5e7] m)");
    expect(issues[0].given).toBe('"100 km" (SI: 100000 m)');
    expect(issues[1].expected).toBe("an integer in [1, 100]");
    expect(issues[2].expected).toContain("Walker phasing f must be less than the number of planes");
  });

  it("a TLE with a bad checksum", () => {
    const i = only(
      HEAD +
        "sensors:\n  - id: s\n    kind: infrared-constellation\n    model: m\n    tles:\n" +
        "      - line1: '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927'\n" +
        "        line2: '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563538'\n",
    );
    expect([i.line, i.column, i.path]).toEqual([10, 16, "sensors[0].tles[0].line2"]);
    expect(i.given).toBe("checksum digit 8, but the line sums to 7");
  });

  it("a track whose times go backwards", () => {
    const i = only(
      HEAD +
        "weapons:\n  - id: w\n    kind: railgun\n    model: m\n    track:\n" +
        "      - { time: 10 s, at: { lat: 1 deg, lon: 2 deg } }\n      - { time: 5 s, at: { lat: 1 deg, lon: 2 deg } }\n",
    );
    expect([i.line, i.column, i.path]).toEqual([10, 17, "weapons[0].track[1].time"]);
    expect(i.expected).toBe("a time after the previous waypoint's (10 s)");
    expect(i.given).toBe("5 s");
  });

  it("an epoch that is not UTC, or not a date", () => {
    for (const e of ["2030-06-01T09:00:00+09:00", "2030-02-30T00:00:00Z", "tomorrow", "2030-06-01"]) {
      const i = only(`name: t\nepoch: ${e}\nduration: 30 min\n`);
      expect([i.line, i.column, i.path]).toEqual([2, 8, "epoch"]);
      expect(i.expected).toContain("ISO 8601 UTC");
    }
  });

  it("an empty section, an empty file, or a document that is not a mapping", () => {
    const i = only(HEAD + "assets:\nthreats: []\n");
    expect([i.line, i.column, i.path, i.expected, i.given]).toEqual([
      4,
      1,
      "assets",
      "a list",
      "an empty value",
    ]);
    expect(only("").given).toBe("an empty file");
    expect(only("# just a comment\n").given).toBe("an empty file");
    expect(only("- a\n- b\n")).toMatchObject({ line: 1, column: 1, path: "", expected: "a mapping" });
  });

  it("a minimum-energy trajectory with an angle", () => {
    const i = only(
      THREAT("    vehicle: x\n" + LAUNCH).replace(
        "    target:",
        "    trajectory: { shape: minimum-energy, flightPathAngle: 30 deg }\n    target:",
      ),
    );
    expect(i.path).toBe("threats[0].trajectory.flightPathAngle");
    expect(i.given).toBe("30 deg");
  });
});

describe("cross-reference mistakes", () => {
  it("duplicate ids in a section", () => {
    const i = only(
      HEAD +
        "assets:\n  - { id: p, at: { lat: 1 deg, lon: 2 deg } }\n  - { id: p, at: { lat: 1 deg, lon: 2 deg } }\n",
    );
    expect([i.line, i.column, i.path]).toEqual([6, 11, "assets[1].id"]);
    expect(i.given).toBe('"p", already the id of assets[0]');
  });

  it("targets and retargets naming no asset; times beyond the duration or before launch", () => {
    const issues = issuesOf(
      HEAD +
        "assets:\n  - { id: port, at: { lat: 1 deg, lon: 2 deg } }\n" +
        "threats:\n  - id: a\n    vehicle: x\n    launch: { at: { lat: 1 deg, lon: 2 deg }, time: 40 min }\n" +
        "    target: prot\n    maneuver: { kind: retarget, time: 1 min, target: base }\n",
    );
    expect(places(issues)).toEqual([
      [9, 53, "threats[0].launch.time"],
      [10, 13, "threats[0].target"],
      [11, 39, "threats[0].maneuver.time"],
      [11, 54, "threats[0].maneuver.target"],
    ]);
    expect(issues[0].expected).toBe("a time within the scenario duration (<= 30 min = 1800 s)");
    expect(issues[1].given).toBe('"prot" (did you mean "port"?)');
    expect(issues[2].expected).toBe("a time at or after the threat's launch (2400 s)");
    expect(issues[3].expected).toBe("an asset id (port) or a point { lat, lon, alt }");
  });

  it("a trajectory shape for a burnout state or a non-ballistic vehicle", () => {
    const issues = issuesOf(
      THREAT(
        "    vehicle: { kind: hgv, base: notional-hgv }\n" +
          "    burnout: { at: { lat: 1 deg, lon: 2 deg }, time: 0 s, speed: 1 km/s, flightPathAngle: 10 deg, azimuth: 0 deg }\n" +
          "    trajectory: { shape: lofted }\n",
      ),
    );
    expect(issues.map((i) => i.expected)).toEqual([
      "no trajectory shape for a threat that starts from a burnout state (the state fixes its flight)",
      "a trajectory shape only for a ballistic vehicle",
    ]);
  });

  it("catalog names, when a catalog is given", () => {
    const text =
      THREAT("    vehicle: notional-hvg\n" + LAUNCH) +
      "sensors:\n  - { id: s, kind: radar, model: { base: notional-x-bnd }, at: { lat: 1 deg, lon: 2 deg } }\n";
    const catalog = { vehicles: ["notional-hgv", "notional-rv"], sensors: new Set(["notional-x-band"]) };
    const issues = issuesOf(text, { catalog });
    expect(places(issues)).toEqual([
      [6, 14, "threats[0].vehicle"],
      [10, 42, "sensors[0].model.base"],
    ]);
    expect(issues[0].expected).toBe("a vehicle from the catalog: notional-hgv or notional-rv");
    expect(issues[0].given).toBe('"notional-hvg" (did you mean "notional-hgv"?)');
    // Without a catalog, names are not checked.
    expect(issuesOf(text + "bogus: 1\n")).toHaveLength(1);
  });

  it("uncertainty paths that name nothing, or units that do not fit the value", () => {
    const issues = issuesOf(
      THREAT("    vehicle: x\n" + LAUNCH) +
        "uncertainty:\n  parameters:\n" +
        "    - { path: threats.a.launch.time, distribution: normal, sigma: 2 km }\n" +
        "    - { path: threats.b.launch.time, distribution: uniform, min: 0 s, max: 1 s }\n" +
        "    - { path: threats.a.launch, distribution: normal, sigma: 1 s }\n" +
        "    - { path: threats.a.launch.time, distribution: uniform, min: 5 s, max: 1 s }\n",
    );
    expect(places(issues)).toEqual([
      [11, 67, "uncertainty.parameters[0].sigma"],
      [12, 15, "uncertainty.parameters[1].path"],
      [13, 15, "uncertainty.parameters[2].path"],
      [14, 76, "uncertainty.parameters[3].max"],
    ]);
    expect(issues[0].expected).toBe('a duration, like the value at threats.a.launch.time ("0 s")');
    expect(issues[1].given).toBe('"threats.b.launch.time" (no item "b" in threats)');
  });
});

describe("YAML mistakes", () => {
  it("a duplicate key", () => {
    const i = only(HEAD + "name: again\n");
    expect([i.line, i.column, i.path]).toEqual([4, 1, "name"]);
    expect(i.expected).toBe("each key at most once in a mapping");
    expect(i.given).toBe('the key "name" again');
  });

  it("syntax errors, with their position", () => {
    const issues = issuesOf(HEAD + "assets: [ { id: a\n");
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.line).toBe(5);
      expect(i.expected).toBe("valid YAML");
    }
    const tab = only(HEAD + "assets:\n\t- x\n");
    expect([tab.line, tab.column, tab.expected, tab.given]).toEqual([
      5,
      1,
      "indentation with spaces",
      "a tab",
    ]);
    const quote = only(HEAD + "description: 'unterminated\n");
    expect([4, 5]).toContain(quote.line); // yaml places it at the end of the scalar
    expect(quote.given).toContain("Missing closing 'quote");
  });

  it("an alias to no anchor, a list as a key, a second document, an unknown tag", () => {
    expect(only(HEAD + "assets:\n  - *nope\n")).toMatchObject({ line: 5, column: 5, path: "assets[0]" });
    expect(only(HEAD + "? [a, b]\n: 1\n")).toMatchObject({
      line: 4,
      column: 3,
      expected: "a plain key (a name)",
    });
    expect(only(HEAD + "---\nname: u\n").given).toContain("multiple documents");
    expect(only(HEAD + "description: !foo bar\n").given).toContain("Unresolved tag");
  });
});
