import { describe, expect, it } from "vitest";
import { createIrConstellation, createRadar } from "../../src/sensors/factory.js";
import { IR_CATALOG, RADAR_CATALOG, radarModel } from "../../src/sensors/catalog.js";
import { WalkerConstellation } from "../../src/sensors/infrared/walker.js";
import { TleConstellation } from "../../src/sensors/infrared/tle.js";
import { observe } from "../../src/sensors/sensor.js";
import { testRng, truthAt } from "./helpers.js";

const DEG = Math.PI / 180;
const EPOCH = new Date("2030-06-01T00:00:00Z");

describe("sensor factory and catalog", () => {
  it("builds catalog radars, points sectors and applies overrides", () => {
    const r = createRadar({
      id: "fbr",
      model: "notional-x-band",
      site: { kind: "fixed", at: { latDeg: 40.9, lonDeg: 140.3, altM: 50 } },
      boresightAzimuthRad: 250 * DEG,
      overrides: { revisitS: 2 },
    });
    expect(r.fieldOfRegard.azimuthCenterRad).toBeCloseTo(250 * DEG, 15);
    expect(r.fieldOfRegard.azimuthHalfWidthRad).toBe(
      RADAR_CATALOG["notional-x-band"].fieldOfRegard.azimuthHalfWidthRad,
    );
    expect(r.model.revisitS).toBe(2);
    expect(() => radarModel("no-such-radar")).toThrow(/notional-s-band/);
  });

  it("builds the catalog infrared layers from Walker patterns or TLEs", () => {
    const leo = createIrConstellation({ id: "leo", model: "notional-leo-ir", epoch: EPOCH });
    expect(leo.ephemeris).toBeInstanceOf(WalkerConstellation);
    expect(leo.ephemeris.count).toBe(28);
    expect(leo.sensorIds[0]).toBe("leo/sat-1-1");
    const t0 = createIrConstellation({
      id: "t0",
      model: "notional-leo-ir-t0",
      epoch: EPOCH,
      walker: { altitudeM: 900e3 },
    });
    expect(t0.ephemeris.count).toBe(8);
    expect((t0.ephemeris as WalkerConstellation).pattern.altitudeM).toBe(900e3);
    expect((t0.ephemeris as WalkerConstellation).pattern.inclinationRad).toBe(
      IR_CATALOG["notional-leo-ir-t0"].walker.inclinationRad,
    );
    const tle = createIrConstellation({
      id: "tle",
      model: "notional-leo-ir",
      epoch: new Date("2000-06-28T00:00:00Z"),
      tles: [
        {
          line1: "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753",
          line2: "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667",
        },
      ],
    });
    expect(tle.ephemeris).toBeInstanceOf(TleConstellation);
  });

  it("observe() dispatches to every sensor kind and appends to one list", () => {
    const ship = createRadar({
      id: "ship",
      model: "notional-s-band",
      site: { kind: "fixed", at: { latDeg: 35, lonDeg: 135, altM: 25 } },
    });
    const leo = createIrConstellation({ id: "leo", model: "notional-leo-ir", epoch: EPOCH });
    const boost = truthAt({
      id: "m",
      kind: "ballistic",
      phase: "boost",
      latDeg: 36,
      lonDeg: 135,
      altM: 30e3,
      thrustN: 4e5,
    });
    const out = observe(ship, [boost], 0, testRng(1));
    observe(leo, [boost], 0, testRng(2), out);
    expect(out.some((d) => d.kind === "radar")).toBe(true);
    expect(out.every((d) => d.truthId === "m")).toBe(true);
  });
});
