import { describe, expect, it } from "vitest";
import { loadScenario, ScenarioError } from "../../src/scenario/index.js";
import { HEAD, issuesOf, places, readScenario } from "./helpers.js";

const DEG = Math.PI / 180;

describe("loadScenario: valid files", () => {
  it("loads the mixed raid (the reference raid until issue 14) with every quantity in SI", () => {
    const s = loadScenario(readScenario("mixed-raid.yaml"), { fileName: "mixed-raid.yaml" });
    expect(s.name).toBe("Notional mixed raid on a port and an airbase (tracking study)");
    expect(s.epoch).toEqual(new Date(Date.UTC(2030, 5, 1, 0, 0, 0)));
    expect(s.duration).toBe(1800);
    expect(s.environment).toEqual({ earth: "wgs84", rotation: true, gravity: "j2", atmosphere: "ussa1976" });

    const port = s.assets[0];
    expect(port.id).toBe("port");
    expect(port.at.lat).toBeCloseTo(35.29 * DEG, 15);
    expect(port.at.lon).toBeCloseTo(139.67 * DEG, 15);
    expect(port.radius).toBe(5000);
    expect(s.assets[1].at.alt).toBe(140);

    expect(s.threats.map((t) => t.id)).toEqual(["srbm-1", "mrbm-1", "hgv-1", "hgv-2", "hcm-1", "rv-1"]);
    const [srbm, , hgv, hgv2, hcm, rv] = s.threats;
    expect(srbm.trajectory).toEqual({ shape: "depressed" });
    expect(hgv.maneuver).toEqual({ kind: "weave", bankAmplitude: 30 * DEG, period: 90 });
    expect(hgv2.maneuver).toEqual({ kind: "retarget", time: 500, target: "airbase" });
    expect(hcm.launch?.at.alt).toBe(10_000);
    expect(hcm.launch?.time).toBe(120);
    expect(rv.launch).toBeUndefined();
    expect(rv.burnout).toEqual({
      at: { lat: 37.5 * DEG, lon: 131.5 * DEG, alt: 80_000 },
      time: 30,
      speed: 2440,
      flightPathAngle: 35 * DEG,
      azimuth: 102.4 * DEG,
    });

    const layer = s.sensors.find((x) => x.id === "tracking-layer");
    expect(layer?.kind).toBe("infrared-constellation");
    if (layer?.kind === "infrared-constellation") {
      // SDA Tranche 1 Tracking Layer as quoted in docs/sources.md: 28 satellites, 4 planes, ~1000 km, 81 deg.
      expect(layer.walker).toEqual({
        altitude: 1e6,
        inclination: 81 * DEG,
        planes: 4,
        perPlane: 7,
        phasing: 1,
      });
    }
    const ship = s.sensors[0];
    expect(ship.kind === "radar" && ship.track?.[1].time).toBe(1800);
    const forward = s.sensors[1];
    expect(forward.kind === "radar" && forward.fieldOfRegard?.width).toBeCloseTo(120 * DEG, 15);

    // A tracking study: no weapons (tests/engagement/scenarios.test.ts loads the defended port's).
    expect(s.weapons).toEqual([]);
    expect(s.tracking).toMatchObject({
      filter: "imm",
      association: "gnn",
      gateProbability: 0.99,
      dropAfter: 30,
      deleteAfterMisses: 10,
      maxPositionSigma: 50_000,
      detectionProbability: 0.9,
      clutterDensity: 1e-9,
    });
    expect(s.doctrine.mode).toBe("shoot-look-shoot");
    expect(s.uncertainty.parameters[0]).toEqual({
      path: "threats.hgv-1.launch.time",
      distribution: "uniform",
      min: 0,
      max: 120,
    });
    expect(s.uncertainty.parameters[1]).toMatchObject({ distribution: "normal", sigma: 0.05 * DEG });
  });

  it("fills every default of a minimal scenario", () => {
    const s = loadScenario(HEAD);
    expect(s).toEqual({
      name: "t",
      epoch: new Date("2030-06-01T00:00:00Z"),
      duration: 1800,
      environment: { earth: "wgs84", rotation: true, gravity: "j2", atmosphere: "ussa1976" },
      assets: [],
      threats: [],
      sensors: [],
      weapons: [],
      tracking: {
        filter: "imm",
        association: "gnn",
        gateProbability: 0.99,
        confirmHits: 3,
        confirmWindow: 5,
        dropAfter: 30,
        deleteAfterMisses: 10,
        maxPositionSigma: 50_000,
        detectionProbability: 0.9,
        clutterDensity: 1e-9,
      },
      doctrine: {
        mode: "shoot-look-shoot",
        maxShotsPerThreat: 4,
        salvoSize: 2,
        weapons: "tight",
        minInterceptAltitude: 0,
        weaponPriorities: [],
        minKillProbability: 0,
        assessmentDelay: 3,
        decisionInterval: 1,
        planningHorizon: 120,
      },
      uncertainty: { parameters: [] },
    });
  });

  it("takes the environment switches used for closed-form checks", () => {
    const s = loadScenario(
      HEAD + "environment: { earth: sphere, rotation: false, gravity: point, atmosphere: none }\n",
    );
    expect(s.environment).toEqual({ earth: "sphere", rotation: false, gravity: "point", atmosphere: "none" });
  });

  it("accepts inline definitions, point targets, TLEs and the catalog hook", () => {
    // ISS element set, the worked example of the TLE format on Wikipedia's "Two-line element set"
    // page (checksums 7 and 7 per the CelesTrak rule).
    const text =
      HEAD +
      `threats:
  - id: a
    vehicle: { kind: hgv, base: notional-hgv, mass: 1 t, ballisticCoefficient: 13000 kg/m^2, liftToDrag: 2.6, rcs: -10 dBsm }
    launch: { at: { lat: 1 deg, lon: 2 deg }, time: 0 s }
    target: { lat: 3 deg, lon: 4 deg, alt: 100 m }
sensors:
  - id: ir
    kind: infrared-constellation
    model: notional-leo-ir
    tles:
      - name: ISS
        line1: "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927"
        line2: "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537"
`;
    const s = loadScenario(text, {
      catalog: { vehicles: new Set(["notional-hgv"]), sensors: ["notional-leo-ir"] },
    });
    expect(s.threats[0].vehicle).toEqual({
      kind: "hgv",
      base: "notional-hgv",
      mass: 1000,
      ballisticCoefficient: 13000,
      liftToDrag: 2.6,
      rcs: expect.closeTo(0.1, 12),
    });
    expect(s.threats[0].target).toEqual({ lat: 3 * DEG, lon: 4 * DEG, alt: 100 });
    const ir = s.sensors[0];
    expect(ir.kind === "infrared-constellation" && ir.tles?.[0].name).toBe("ISS");
  });
});

describe("loadScenario: the bad example reports every mistake at once", () => {
  it("lists each problem with line, column, path, expected and given", () => {
    const issues = issuesOf(readScenario("bad-example.yaml"), { fileName: "bad-example.yaml" });
    expect(places(issues)).toEqual([
      [7, 10, "environment.earth"],
      [10, 11, "assets[1].id"],
      [10, 28, "assets[1].at.lat"],
      [15, 13, "threats[0].target"],
      [16, 45, "threats[0].maneuver.bankAmplitude"],
      [20, 23, "threats[1].burnout.speed"],
      [22, 5, "threats[2]"],
      [25, 39, "threats[2].maneuver.time"],
      [31, 5, "sensors[0].feildOfRegard"],
      [33, 56, "doctrine.maxShotsPerThreat"],
    ]);
    const byPath = new Map(issues.map((i) => [i.path, i]));
    const check = (path: string, expected: string, given: string) => {
      const i = byPath.get(path);
      expect(i?.file).toBe("bad-example.yaml");
      expect(i?.expected).toContain(expected);
      expect(i?.given).toContain(given);
      expect(i?.message).toBe(`expected ${i?.expected}, given ${i?.given}`);
    };
    check("environment.earth", "one of wgs84 or sphere", '"wgs-84" (did you mean "wgs84"?)');
    check("assets[1].id", "a unique asset id", "already the id of assets[0]");
    check(
      "assets[1].at.lat",
      "an angle in [-90 deg, 90 deg] (SI: [-1.5708, 1.5708] rad)",
      '"95 deg" (SI: 1.65806 rad)',
    );
    check("threats[0].target", "an asset id (port) or a point", '"prot" (did you mean "port"?)');
    check(
      "threats[0].maneuver.bankAmplitude",
      "an angle with a unit (deg, rad",
      "30, a bare number without a unit",
    );
    check(
      "threats[1].burnout.speed",
      "a speed with a unit (m/s, km/s, km/h, kn)",
      'unknown unit "kmh" (did you mean "km/h"?)',
    );
    check("threats[2]", "one of launch or burnout", "neither");
    check("threats[2].maneuver.time", "a time within the scenario duration (<= 30 min = 1800 s)", "45 min");
    check(
      "sensors[0].feildOfRegard",
      "one of the keys id, kind, model, walker, tles or fieldOfRegard",
      '(did you mean "fieldOfRegard"?)',
    );
    check("doctrine.maxShotsPerThreat", "an integer in [1, 64]", "0");
  });

  it("puts every issue in the error message and in format()", () => {
    try {
      loadScenario(readScenario("bad-example.yaml"), { fileName: "bad.yaml" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const err = e as ScenarioError;
      expect(err.name).toBe("ScenarioError");
      expect(err.message.split("\n")[0]).toBe("10 problems in the scenario:");
      const lines = err.format().split("\n");
      expect(lines).toHaveLength(10);
      expect(lines[0]).toBe(
        'bad.yaml:7:10: environment.earth: expected one of wgs84 or sphere, given "wgs-84" (did you mean "wgs84"?)',
      );
      for (const line of lines) {
        expect(line).toMatch(/^bad\.yaml:\d+:\d+: \S+: expected .+, given .+$/);
        expect(err.message).toContain(line);
      }
    }
  });
});
