/**
 * The weapon catalog: every entry passes the definition checks and cites its sources, and the entries
 * agree with the public figures they are built on (REFERENCES in the catalog headers): the Japan-like
 * gun's 2,230 m/s, 320 g and 120 rounds (0.8 MJ at the muzzle from a "5 MJ class" store), the 32 MJ
 * gun's 32 MJ at 2.5 km/s and 10 rounds a minute.
 */
import { describe, expect, it } from "vitest";
import { idealDeltaVMps } from "../../src/flight/propulsion.js";
import {
  NOTIONAL_32MJ_RAILGUN,
  NOTIONAL_RAILGUN,
  PulsedPowerStore,
  WEAPON_CATALOG,
  validateWeapon,
  weaponModel,
} from "../../src/weapons/index.js";

describe("weapon catalog", () => {
  it("holds the five public names, each valid and sourced", () => {
    expect(Object.keys(WEAPON_CATALOG).sort()).toEqual([
      "notional-32mj-railgun",
      "notional-gpi",
      "notional-railgun",
      "notional-sm3-class",
      "notional-sm6-class",
    ]);
    for (const [name, w] of Object.entries(WEAPON_CATALOG)) {
      expect(w.name).toBe(name);
      expect(() => validateWeapon(w)).not.toThrow();
      expect(w.sources.length).toBeGreaterThan(0);
      expect(w.sources.join(" ")).toMatch(/\[S\]/);
    }
    expect(() => weaponModel("notional-laser")).toThrow(/notional-railgun/);
  });

  it("Japan-like railgun: 2,230 m/s, 320 g (0.80 MJ), 120 rounds of rail life, 5 MJ stored a shot", () => {
    const w = NOTIONAL_RAILGUN;
    expect(w.muzzleSpeedMps).toBe(2230);
    expect(w.launchPackageMassKg).toBe(0.32);
    expect(w.projectile.flightBodyMassKg).toBeLessThanOrEqual(w.launchPackageMassKg);
    expect(w.barrelLifeRounds).toBe(120);
    const ke = 0.5 * w.launchPackageMassKg * w.muzzleSpeedMps ** 2;
    expect(ke / 1e6).toBeCloseTo(0.796, 3);
    const p = new PulsedPowerStore(w.pulsedPower, ke);
    expect(p.shotEnergyJ / 1e6).toBeCloseTo(4.97, 2);
  });

  it("32 MJ railgun: 32 MJ at 2.5 km/s, 10 rounds a minute within its power", () => {
    const w = NOTIONAL_32MJ_RAILGUN;
    const ke = 0.5 * w.launchPackageMassKg * w.muzzleSpeedMps ** 2;
    expect(ke / 1e6).toBeCloseTo(32, 1);
    expect(w.rateOfFirePerMin).toBe(10);
    const p = new PulsedPowerStore(w.pulsedPower, ke);
    // The plant sustains at least the loader's 10 rounds a minute.
    expect(p.sustainedIntervalS).toBeLessThanOrEqual(6);
    expect(w.projectile.guidance).not.toBeNull();
  });

  it("interceptor stacks are sized near their quoted burnout speeds (ideal delta-v, before losses)", () => {
    // Ideal delta-v exceeds the quoted burnout speed by the gravity and drag losses of a steep climb
    // (several hundred m/s to 1 km/s for these burn times): SM-6-class ~Mach 3.5-5, SM-3-class IIA ~4.5
    // km/s, GPI notional.
    const dv = (n: string) => {
      const w = weaponModel(n);
      if (w.kind !== "interceptor") throw new Error(n);
      return idealDeltaVMps(w.stages, w.payload.massKg);
    };
    expect(dv("notional-sm6-class")).toBeGreaterThan(1500);
    expect(dv("notional-sm6-class")).toBeLessThan(2600);
    expect(dv("notional-sm3-class")).toBeGreaterThan(5000);
    expect(dv("notional-sm3-class")).toBeLessThan(6200);
    expect(dv("notional-gpi")).toBeGreaterThan(3500);
  });
});
