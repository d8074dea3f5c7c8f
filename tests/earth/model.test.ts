import { describe, expect, it } from "vitest";
import {
  DEFAULT_EARTH_ENVIRONMENT,
  WGS84_A_M,
  WGS84_GM_M3S2,
  WGS84_J2,
  WGS84_OMEGA_RADS,
  ecefToGeodeticInto,
  geodeticToEcefInto,
  gravityJ2Into,
  makeEarthModel,
  ussa1976Into,
  type EarthEnvironment,
} from "../../src/earth/index.js";

const env = (over: Partial<EarthEnvironment>): EarthEnvironment => ({
  ...DEFAULT_EARTH_ENVIRONMENT,
  ...over,
});

describe("EarthModel", () => {
  it("the default (WGS-84, rotating, J2, USSA 1976) matches the standalone functions (exactly, or within the stated accuracy of its hot paths)", () => {
    const m = makeEarthModel();
    expect(m.aM).toBe(WGS84_A_M);
    expect(m.omegaRadS).toBe(WGS84_OMEGA_RADS);
    expect(m.gmM3S2).toBe(WGS84_GM_M3S2);
    expect(m.j2).toBe(WGS84_J2);
    const p = [3816209.6, 3737108.55, 3485109.57];
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    expect(Array.from(m.gravityInto(p, a))).toEqual(Array.from(gravityJ2Into(p, b)));
    expect(Array.from(m.geodeticInto(p, a))).toEqual(Array.from(ecefToGeodeticInto(p, b)));
    // altitudeM is the trig-free single-step height (bowringHeightM), within 3e-8 m of the full conversion.
    expect(Math.abs(m.altitudeM(p) - b[2])).toBeLessThan(1e-6);
    expect(Array.from(m.ecefFromGeodeticInto(0.5, 1, 200, a))).toEqual(
      Array.from(geodeticToEcefInto(0.5, 1, 200, b)),
    );
    const o1 = new Float64Array(4);
    const o2 = new Float64Array(4);
    // atmosphereInto is served from the precomputed table (atmosphereTable.ts), within 1e-4 of the exact
    // function (3e-5 measured).
    for (const h of [0, 12345, 90000, 400000]) {
      m.atmosphereInto(h, o1);
      ussa1976Into(h, o2);
      for (let q = 0; q < 4; q++) expect(Math.abs(o1[q] / o2[q] - 1)).toBeLessThan(1e-4);
    }
  });

  it("earth: sphere uses R = 6371 km, geocentric latitude and altitude r - R", () => {
    const m = makeEarthModel(env({ earth: "sphere" }));
    expect(m.aM).toBe(6371000);
    expect(m.f).toBe(0);
    expect(m.e2).toBe(0);
    const p = [4e6, -3e6, 5.2e6];
    const r = Math.hypot(p[0], p[1], p[2]);
    expect(m.altitudeM(p)).toBeCloseTo(r - 6371000, 6);
    const g = m.geodeticInto(p, new Float64Array(3));
    expect(g[0]).toBeCloseTo(Math.asin(p[2] / r), 14);
    const q = m.ecefFromGeodeticInto(g[0], g[1], g[2], new Float64Array(3));
    expect(Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2])).toBeLessThan(1e-6);
  });

  it("gravity: point gives GM/r^2 (j2 = 0); rotation: false gives omega = 0", () => {
    const m = makeEarthModel(env({ gravity: "point", rotation: false }));
    expect(m.j2).toBe(0);
    expect(m.omegaRadS).toBe(0);
    const g = m.gravityInto([0, 0, 7e6], new Float64Array(3));
    expect(-g[2]).toBeCloseTo(WGS84_GM_M3S2 / 49e12, 12);
  });

  it("atmosphere: none gives zero density and pressure but a finite speed of sound", () => {
    const m = makeEarthModel(env({ atmosphere: "none" }));
    expect(m.hasAtmosphere).toBe(false);
    const o = m.atmosphereInto(10000, new Float64Array(4));
    expect(o[1]).toBe(0);
    expect(o[2]).toBe(0);
    expect(o[0]).toBeCloseTo(223.252, 3);
    expect(o[3]).toBeGreaterThan(290);
  });

  it("rejects unknown switches", () => {
    expect(() => makeEarthModel({ ...DEFAULT_EARTH_ENVIRONMENT, earth: "flat" as "wgs84" })).toThrow(
      RangeError,
    );
    expect(() => makeEarthModel({ ...DEFAULT_EARTH_ENVIRONMENT, gravity: "egm" as "j2" })).toThrow(
      RangeError,
    );
    expect(() => makeEarthModel({ ...DEFAULT_EARTH_ENVIRONMENT, atmosphere: "msis" as "none" })).toThrow(
      RangeError,
    );
  });
});
