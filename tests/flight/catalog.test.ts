/** The notional catalog: every public name resolves, every vehicle, stage and aerodynamic model names its source. */
import { describe, expect, it } from "vitest";
import { THREAT_CATALOG, idealDeltaVMps, threatVehicle } from "../../src/flight/index.js";

describe("catalog", () => {
  it("has the docs/design.md public names and one ballistic class per range band", () => {
    for (const name of [
      "notional-hgv",
      "notional-rv",
      "notional-srbm",
      "notional-mrbm",
      "notional-irbm",
      "notional-htv2",
      "notional-cav-h",
      "notional-hcm",
    ]) {
      expect(threatVehicle(name).name).toBe(name);
    }
    expect(() => threatVehicle("no-such-thing")).toThrow(RangeError);
  });

  it("every number has a source field", () => {
    for (const v of Object.values(THREAT_CATALOG)) {
      expect(v.source ?? "").not.toBe("");
      for (const s of v.booster?.stages ?? []) expect(s.source ?? "").not.toBe("");
      if (v.booster) expect(v.booster.aero.source ?? "").not.toBe("");
      const aero =
        v.kind === "ballistic" ? v.reentryVehicle.aero : v.kind === "hgv" ? v.glider.aero : v.cruiser.aero;
      expect(aero.source ?? "").not.toBe("");
    }
  });

  it("booster sizing: ideal velocity increments as stated in the catalog comments", () => {
    const dv = (n: string) => {
      const v = threatVehicle(n);
      const payload =
        v.kind === "ballistic"
          ? v.reentryVehicle.massKg
          : v.kind === "hgv"
            ? v.glider.massKg
            : v.cruiser.dryMassKg + v.cruiser.fuelMassKg;
      return idealDeltaVMps(v.booster?.stages ?? [], payload);
    };
    expect(dv("notional-srbm")).toBeCloseTo(3300, -2);
    expect(dv("notional-mrbm")).toBeCloseTo(6000, -2);
    expect(dv("notional-irbm")).toBeCloseTo(7000, -2);
    expect(dv("notional-hgv")).toBeCloseTo(7700, -2);
    expect(dv("notional-hcm")).toBeCloseTo(2500, -2);
  });
});
