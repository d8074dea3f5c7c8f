/**
 * Weapons in scenario files: model names are checked against the weapon catalog (and its kinds) at
 * load time, as vehicles and sensors are; inline models are built from their base with the changed
 * parameters; every weapon of the reference scenario becomes a battery.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadScenario, ScenarioError } from "../../src/scenario/index.js";
import { weaponBatteries, weaponDefinition } from "../../src/scenario/build/weapons.js";
import { idealDeltaVMps } from "../../src/flight/propulsion.js";
import {
  NOTIONAL_SM3_CLASS,
  RailgunBattery,
  type RailgunDefinition,
  type InterceptorDefinition,
} from "../../src/weapons/index.js";

const HEAD = "name: t\nepoch: 2030-06-01T00:00:00Z\nduration: 30 min\n";

function issues(text: string) {
  try {
    loadScenario(text, { fileName: "t.yaml" });
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}

describe("weapons in scenarios", () => {
  it("reports an unknown weapon model at its line, with the catalog and a suggestion", () => {
    const i = issues(
      HEAD +
        "weapons:\n  - { id: w, kind: railgun, model: notional-railgn, at: { lat: 1 deg, lon: 2 deg } }\n",
    );
    expect(i).toHaveLength(1);
    expect(i[0].line).toBe(5);
    expect(i[0].path).toBe("weapons[0].model");
    expect(i[0].expected).toContain("notional-32mj-railgun");
    expect(i[0].given).toContain("notional-railgun");
  });

  it("reports a model of the wrong kind, and an inline base of the wrong kind", () => {
    const i = issues(
      HEAD +
        "weapons:\n  - { id: w, kind: railgun, model: notional-sm6-class, at: { lat: 1 deg, lon: 2 deg } }\n" +
        "  - { id: v, kind: interceptor, model: { base: notional-railgun }, at: { lat: 1 deg, lon: 2 deg } }\n",
    );
    expect(i.map((x) => x.path)).toEqual(["weapons[0].model", "weapons[1].model.base"]);
    expect(i[0].expected).toContain("a railgun model");
    expect(i[0].given).toContain("interceptor");
  });

  it("builds inline railguns and interceptors from their base", () => {
    const s = loadScenario(
      HEAD +
        "weapons:\n" +
        "  - id: rg\n    kind: railgun\n    at: { lat: 35 deg, lon: 139 deg }\n" +
        "    model: { base: notional-32mj-railgun, muzzleSpeed: 2 km/s, muzzleEnergy: 20 MJ, sustainedPower: 10 MW, rateOfFire: 6 /min, projectileGuidance: unguided }\n" +
        "  - id: sm3\n    kind: interceptor\n    at: { lat: 35 deg, lon: 139 deg }\n    rounds: 4\n" +
        "    model: { base: notional-sm3-class, deltaV: 5 km/s, navigationRatio: 5, maxAltitude: 600 km }\n",
      { fileName: "t.yaml" },
    );
    const rg = weaponDefinition(s.weapons[0]) as RailgunDefinition;
    expect(rg.muzzleSpeedMps).toBe(2000);
    expect(rg.launchPackageMassKg).toBeCloseTo((2 * 20e6) / 2000 ** 2, 12);
    expect(rg.pulsedPower.sustainedPowerW).toBe(10e6);
    expect(rg.rateOfFirePerMin).toBeCloseTo(6, 12);
    expect(rg.projectile.guidance).toBeNull();
    const sm3 = weaponDefinition(s.weapons[1]) as InterceptorDefinition;
    expect(idealDeltaVMps(sm3.stages, sm3.payload.massKg)).toBeCloseTo(5000, 6);
    expect(sm3.guidance.navigationRatio).toBe(5);
    expect(sm3.envelope.maxInterceptAltitudeM).toBe(600_000);
    expect(sm3.stages[0].propellantMassKg).toBe(NOTIONAL_SM3_CLASS.stages[0].propellantMassKg);
    const [b0, b1] = weaponBatteries(s);
    expect(b0).toBeInstanceOf(RailgunBattery);
    expect(b1.roundsLeft).toBe(4);
  });

  it("refuses inline parameters that contradict each other, naming the weapon and field", () => {
    const s = loadScenario(
      HEAD +
        "weapons:\n  - id: rg\n    kind: railgun\n    at: { lat: 35 deg, lon: 139 deg }\n" +
        "    model: { base: notional-railgun, muzzleEnergy: 1 MJ, launchPackageMass: 1 kg }\n" +
        "  - id: rg2\n    kind: railgun\n    at: { lat: 35 deg, lon: 139 deg }\n" +
        "    model: { base: notional-railgun, projectileGuidance: guided }\n",
      { fileName: "t.yaml" },
    );
    expect(() => weaponDefinition(s.weapons[0])).toThrow(/weapon rg: model.muzzleEnergy/);
    expect(() => weaponDefinition(s.weapons[1])).toThrow(/weapon rg2: model.projectileGuidance/);
  });

  it("the reference scenario's weapons become batteries at their sites", () => {
    const text = readFileSync(new URL("../../scenarios/reference-raid.yaml", import.meta.url), "utf8");
    const s = loadScenario(text, { fileName: "reference-raid.yaml" });
    const b = weaponBatteries(s);
    expect(b.map((x) => [x.id, x.definition.name, x.roundsLeft, x.site.moving])).toEqual([
      ["railgun-1", "notional-32mj-railgun", 60, true],
      ["gpi-1", "notional-gpi", 6, false],
    ]);
  });
});
