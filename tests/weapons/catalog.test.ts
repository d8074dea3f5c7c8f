/**
 * The weapon catalog: every entry passes the definition checks and cites its sources, and the entries
 * agree with the public figures they are built on (REFERENCES in the catalog headers): the Japan-like
 * gun's 2,230 m/s, 320 g and 120 rounds (0.8 MJ at the muzzle from a "5 MJ class" store), the 32 MJ
 * gun's 32 MJ at 2.5 km/s and 10 rounds a minute.
 */
import { afterAll, describe, expect, it } from "vitest";
import { makeEarthModel } from "../../src/earth/model.js";
import { idealDeltaVMps } from "../../src/flight/propulsion.js";
import {
  NOTIONAL_32MJ_RAILGUN,
  NOTIONAL_RAILGUN,
  PulsedPowerStore,
  WEAPON_CATALOG,
  createInterceptorFlight,
  validateWeapon,
  weaponModel,
  type BuiltinWeaponDefinition,
  type InterceptorDefinition,
} from "../../src/weapons/index.js";
import { recordValidation, sig } from "../validation.js";

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
      const w = weaponModel(n) as BuiltinWeaponDefinition;
      if (w.kind !== "interceptor") throw new Error(n);
      return idealDeltaVMps(w.stages, w.payload.massKg);
    };
    expect(dv("notional-sm6-class")).toBeGreaterThan(1500);
    expect(dv("notional-sm6-class")).toBeLessThan(2600);
    expect(dv("notional-sm3-class")).toBeGreaterThan(5000);
    expect(dv("notional-sm3-class")).toBeLessThan(6200);
    expect(dv("notional-gpi")).toBeGreaterThan(3500);
  });

  describe("interceptors fly near their quoted burnout speeds", () => {
    const flown: string[] = [];
    afterAll(() => {
      recordValidation({
        area: "weapons",
        model: "interceptor stacks flown (staged motor, drag, ZEM midcourse)",
        reference:
          "quoted burnout speeds: SM-3 IIA about 4.5 km/s [U]; SM-6 about Mach 3.5 [U] (240 km quoted too [U]); GPI notional",
        figure: `burnout speed flying to a point 100 km out, 20 km above the envelope floor: ${flown.join("; ")}`,
        tolerance: "SM-6-class 1.2-2.0 km/s, SM-3-class 3.5-5.0 km/s, GPI 2.0-4.0 km/s",
      });
    });
    const earth = makeEarthModel();
    const DEG = Math.PI / 180;
    for (const [name, lo, hi] of [
      ["notional-sm6-class", 1200, 2000],
      ["notional-sm3-class", 3500, 5000],
      ["notional-gpi", 2000, 4000],
    ] as const) {
      it(name, () => {
        const def = weaponModel(name) as InterceptorDefinition;
        const site = new Float64Array(3);
        earth.ecefFromGeodeticInto(35 * DEG, 139 * DEG, 10, site);
        const h = createInterceptorFlight({
          id: "i",
          definition: def,
          earth,
          startTimeS: 0,
          launcherPosEcefM: site,
          launcherVelEcefMps: [0, 0, 0],
        });
        const P = new Float64Array(3);
        earth.ecefFromGeodeticInto(
          35 * DEG + 100e3 / 6.371e6,
          139 * DEG,
          def.envelope.minInterceptAltitudeM + 20e3,
          P,
        );
        h.midcourse.setTarget(P, [0, 0, 0], null, 0);
        h.flight.advanceTo(h.burnoutS);
        const y = h.flight.state;
        const v = Math.hypot(y[3], y[4], y[5]);
        flown.push(`${name} ${sig(v / 1000, 3)} km/s at ${sig(earth.altitudeM(y) / 1000, 3)} km`);
        expect(v).toBeGreaterThan(lo);
        expect(v).toBeLessThan(hi);
      });
    }
  });
});
