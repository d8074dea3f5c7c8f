import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  WGS84_A_M,
  WGS84_B_M,
  ecefToGeodetic,
  ecefToGeodeticInto,
  ecefToGeodeticWithInto,
  geodeticToEcef,
  geodeticToEcefInto,
  geodeticToEcefWithInto,
  makeEllipsoid,
} from "../../src/earth/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

describe("geodetic <-> ECEF against published vectors", () => {
  const nvector: string[] = [];
  afterAll(() => {
    if (nvector.length > 0)
      recordValidation({
        area: "earth",
        model: "geodeticToEcef, ecefToGeodetic",
        reference:
          "n-vector examples 4 (forward, printed to 1e-8 m) and 3 (inverse, 4,702 km up), Gade, J. Navigation 63(3) 2010",
        figure: nvector.join("; "),
        tolerance: "forward < 1e-6 m; inverse height < 5 mm, latitude and longitude to the printed 0.01 deg",
      });
  });
  it("GeographicLib CartConvert(1) man page example: 33.3 44.4 6000 -> 3816209.60 3737108.55 3485109.57", () => {
    // Source: C. F. F. Karney, GeographicLib, CartConvert(1) manual, EXAMPLES section (printed to 1 cm).
    const p = geodeticToEcef({ latDeg: 33.3, lonDeg: 44.4, altM: 6000 });
    const printed = [3816209.6, 3737108.55, 3485109.57];
    const fwd = Math.max(...printed.map((v, k) => Math.abs(p[k] - v)));
    const inv = ecefToGeodetic(printed);
    recordValidation({
      area: "earth",
      model: "geodeticToEcef, ecefToGeodetic",
      reference:
        "GeographicLib CartConvert(1) manual example: 33.3 deg, 44.4 deg, 6000 m -> 3816209.60, 3737108.55, 3485109.57 m (printed to 1 cm)",
      figure:
        `forward: worst component error ${sig(fwd, 2)} m; inverse of the printed point: latitude ${sig(Math.abs(inv.latDeg - 33.3), 2)} deg, ` +
        `longitude ${sig(Math.abs(inv.lonDeg - 44.4), 2)} deg, height ${sig(Math.abs(inv.altM - 6000), 2)} m`,
      tolerance: "forward < 5 mm; inverse < 2e-7 deg (1 cm is 9e-8 deg), < 1 cm",
    });
    expect(p[0]).toBeCloseTo(3816209.6, 2);
    expect(p[1]).toBeCloseTo(3737108.55, 2);
    expect(p[2]).toBeCloseTo(3485109.57, 2);
    // And back from the printed (cm-rounded) coordinates: 1 cm is 9e-8 deg.
    const g = ecefToGeodetic([3816209.6, 3737108.55, 3485109.57]);
    expect(Math.abs(g.latDeg - 33.3)).toBeLessThan(2e-7);
    expect(Math.abs(g.lonDeg - 44.4)).toBeLessThan(2e-7);
    expect(Math.abs(g.altM - 6000)).toBeLessThan(0.01);
  });

  it("n-vector Example 4 (Gade 2010, navlab.net): lat 1, lon 2, h 3 m -> [6373290.27721828, 222560.20067474, 110568.82718179]", () => {
    // Source: K. Gade, "A Non-singular Horizontal Position Representation", J. Navigation 63(3), 2010;
    // worked example 4 in the n-vector documentation (WGS-84), printed to 1e-8 m.
    const p = geodeticToEcef({ latDeg: 1, lonDeg: 2, altM: 3 });
    const ex4 = [6373290.27721828, 222560.20067474, 110568.82718179];
    nvector.push(
      `example 4: worst component error ${sig(Math.max(...ex4.map((v, k) => Math.abs(p[k] - v))), 2)} m`,
    );
    expect(Math.abs(p[0] - 6373290.27721828)).toBeLessThan(1e-6);
    expect(Math.abs(p[1] - 222560.20067474)).toBeLessThan(1e-6);
    expect(Math.abs(p[2] - 110568.82718179)).toBeLessThan(1e-6);
  });

  it("n-vector Example 3: 6371 km * (0.9, -1, 1.1) -> lat 39.38, lon -48.01, h 4702059.83 m (high altitude)", () => {
    // Source: n-vector documentation, example 3 "ECEF-vector to geodetic latitude" (WGS-84).
    const g = ecefToGeodetic([6371e3 * 0.9, -6371e3, 6371e3 * 1.1]);
    nvector.push(
      `example 3: height error ${sig(Math.abs(g.altM - 4702059.83), 2)} m, latitude ${sig(g.latDeg, 6)} deg, longitude ${sig(g.lonDeg, 6)} deg (printed 39.38, -48.01)`,
    );
    expect(g.latDeg).toBeCloseTo(39.38, 2);
    expect(g.lonDeg).toBeCloseTo(-48.01, 2);
    expect(Math.abs(g.altM - 4702059.83)).toBeLessThan(0.005);
  });

  it("Vallado Example 3-3: r = (6524.834, 6862.875, 6448.296) km -> 34.352496 deg, 46.4464 deg, 5085.22 km", () => {
    // Source: D. A. Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., Example 3-3, p. 173.
    // Vallado uses a = 6378.1363 km; with WGS-84's 6378.137 km the latitude moves by about 1e-6 deg,
    // hence the tolerance of 1.5e-6 deg on a value printed to 1e-6 deg.
    const g = ecefToGeodetic([6524834, 6862875, 6448296]);
    recordValidation({
      area: "earth",
      model: "ecefToGeodetic",
      reference:
        "Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., Example 3-3: 34.352496 deg, 46.4464 deg, 5085.22 km",
      figure:
        `latitude error ${sig(Math.abs(g.latDeg - 34.352496), 2)} deg, longitude ${sig(Math.abs(g.lonDeg - 46.4464), 2)} deg, ` +
        `height ${sig(Math.abs(g.altM - 5085.22e3), 2)} m`,
      tolerance: "< 1.5e-6 deg (Vallado's a is 0.7 m smaller), < 5e-5 deg, < 5 m",
    });
    expect(Math.abs(g.latDeg - 34.352496)).toBeLessThan(1.5e-6);
    expect(Math.abs(g.lonDeg - 46.4464)).toBeLessThan(5e-5);
    expect(Math.abs(g.altM / 1000 - 5085.22)).toBeLessThan(0.005);
  });

  it("poles and equator, 1 km below the surface to 40,000 km, are exact (closed-form expectations)", () => {
    const out = new Float64Array(3);
    const worst = new Worst();
    let latitudesExact = 0;
    for (const h of [-1000, 0, 100, 1e5, 1e6, 3.6e7, 4e7]) {
      for (const sign of [1, -1]) {
        ecefToGeodeticInto([0, 0, sign * (WGS84_B_M + h)], out);
        if (out[0] === (sign * Math.PI) / 2) latitudesExact++;
        expect(out[0]).toBe((sign * Math.PI) / 2);
        expect(worst.add(Math.abs(out[2] - h), `pole, ${h} m`)).toBeLessThan(1e-6);
      }
      ecefToGeodeticInto([WGS84_A_M + h, 0, 0], out);
      if (out[0] === 0) latitudesExact++;
      expect(out[0]).toBe(0);
      expect(worst.add(Math.abs(out[2] - h), `equator, ${h} m`)).toBeLessThan(1e-6);
      ecefToGeodeticInto([0, -(WGS84_A_M + h), 0], out);
      expect(out[1]).toBeCloseTo(-Math.PI / 2, 15);
    }
    recordValidation({
      area: "earth",
      model: "ecefToGeodetic",
      reference:
        "closed form on the axes: poles (latitude +-90 deg, height |z| - b) and equator (0 deg, x - a), 1 km below to 40,000 km",
      figure: `worst height error ${sig(worst.value, 2)} m (${worst.at}); ${latitudesExact} of ${worst.count} latitudes exact`,
      tolerance: "< 1e-6 m; latitude exact",
    });
  });

  it("rejects a latitude outside [-90, 90] degrees", () => {
    expect(() => geodeticToEcef({ latDeg: 90.5, lonDeg: 0, altM: 0 })).toThrow(RangeError);
    expect(() => geodeticToEcef({ latDeg: Number.NaN, lonDeg: 0, altM: 0 })).toThrow(RangeError);
  });
});

// fast-check's doubles favour the bounds and zero, so uniform coverage comes from integers mapped to
// the range; the special regions (poles, equator, just below the surface) are added explicitly.
const uniform = (min: number, max: number) =>
  fc.integer({ min: 0, max: 1_000_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000_000);
const latRad = fc.oneof(
  uniform(-Math.PI / 2, Math.PI / 2),
  uniform(-Math.PI / 2, Math.PI / 2),
  uniform(Math.PI / 2 - 1e-6, Math.PI / 2),
  uniform(-Math.PI / 2, -Math.PI / 2 + 1e-6),
  uniform(-1e-6, 1e-6),
);
const lonRad = uniform(-Math.PI, Math.PI);
const altM = fc.oneof(
  uniform(-1000, 1000),
  uniform(-1000, 4e7),
  uniform(0, 7.6).map((e) => 10 ** e - 1000),
);

describe("geodetic <-> ECEF round trips (properties)", () => {
  // Worst round-trip errors as distances (m): latitude along the meridian, longitude along the parallel.
  const forward = new Worst();
  const backward = new Worst();
  const deep = new Worst();
  const sphereWorst = new Worst();
  afterAll(() => {
    if (forward.count + backward.count + deep.count > 0)
      recordValidation({
        area: "earth",
        model: "geodeticToEcef, ecefToGeodetic",
        reference:
          "round trips (identity), from 1 km below the surface to 40,000 km, poles and equator included; on a sphere (f = 0) the closed form height r - R, latitude atan2(z, rho)",
        figure:
          `geodetic -> ECEF -> geodetic worst ${sig(forward.value, 2)} m over ${forward.count} points (0.25-deg grid + random); ` +
          `ECEF -> geodetic -> ECEF worst ${sig(backward.value, 2)} m over ${backward.count}; ` +
          `1,000-6,000 km below the surface worst ${sig(deep.value, 2)} m over ${deep.count}; ` +
          `sphere worst ${sig(sphereWorst.value, 2)} m over ${sphereWorst.count}`,
        tolerance: "< 1e-6 m (sphere latitude < 1e-14 rad)",
      });
  });
  it("a dense grid (every 0.25 deg of latitude, 1 km below the surface to 40,000 km) round-trips to 1e-6 m", () => {
    const p = new Float64Array(3);
    const g = new Float64Array(3);
    let worst = 0;
    for (const h of [-1000, -100, 0, 1e3, 1e4, 1e5, 3e5, 1e6, 3e6, 1e7, 2e7, 3.6e7, 4e7]) {
      for (let i = 0; i <= 720; i++) {
        const lat = ((i - 360) * Math.PI) / 720;
        geodeticToEcefInto(lat, 1.1, h, p);
        ecefToGeodeticInto(p, g);
        worst = Math.max(worst, Math.abs(g[2] - h), Math.abs(g[0] - lat) * (WGS84_A_M + h));
        forward.add(Math.max(Math.abs(g[2] - h), Math.abs(g[0] - lat) * (WGS84_A_M + h)));
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it("geodetic -> ECEF -> geodetic is exact to 1e-6 m from 1 km below the surface to 40,000 km", () => {
    const p = new Float64Array(3);
    const g = new Float64Array(3);
    fc.assert(
      fc.property(latRad, lonRad, altM, (lat, lon, h) => {
        geodeticToEcefInto(lat, lon, h, p);
        ecefToGeodeticInto(p, g);
        // Longitude is undefined at the poles; elsewhere compare as a distance along the parallel.
        const dLon = Math.atan2(Math.sin(g[1] - lon), Math.cos(g[1] - lon));
        forward.add(
          Math.max(
            Math.abs(g[2] - h),
            Math.abs(g[0] - lat) * (WGS84_A_M + h),
            Math.abs(dLon) * (WGS84_A_M + h) * Math.cos(lat),
          ),
        );
        expect(Math.abs(g[2] - h)).toBeLessThan(1e-6);
        // Latitude error as a distance along the meridian.
        expect(Math.abs(g[0] - lat) * (WGS84_A_M + h)).toBeLessThan(1e-6);
        expect(Math.abs(dLon) * (WGS84_A_M + h) * Math.cos(lat)).toBeLessThan(1e-6);
      }),
      { numRuns: 5000, endOnFailure: true, seed: 20301002 },
    );
  });

  it("ECEF -> geodetic -> ECEF reproduces the point to 1e-6 m", () => {
    const g = new Float64Array(3);
    const q = new Float64Array(3);
    const dir = fc.tuple(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(dir, fc.double({ min: WGS84_B_M - 1000, max: 4.7e7, noNaN: true }), ([x, y, z], r) => {
        const n = Math.hypot(x, y, z);
        fc.pre(n > 1e-3);
        const p = [(x / n) * r, (y / n) * r, (z / n) * r];
        ecefToGeodeticInto(p, g);
        fc.pre(g[2] >= -1000);
        geodeticToEcefInto(g[0], g[1], g[2], q);
        expect(backward.add(Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]))).toBeLessThan(1e-6);
      }),
      { numRuns: 5000, endOnFailure: true, seed: 20301003 },
    );
  });

  it("deep inside the Earth (1,000-6,000 km below the surface) the iterated branch is still exact", () => {
    const p = new Float64Array(3);
    const g = new Float64Array(3);
    for (const h of [-1.2e6, -1.4e6, -3e6, -5e6, -6e6]) {
      for (let i = 0; i <= 90; i++) {
        const lat = ((i - 45) * Math.PI) / 90;
        geodeticToEcefInto(lat, 0.7, h, p);
        ecefToGeodeticInto(p, g);
        deep.add(Math.max(Math.abs(g[2] - h), Math.abs(g[0] - lat) * (WGS84_A_M + h)));
        expect(Math.abs(g[2] - h)).toBeLessThan(1e-6);
        expect(Math.abs(g[0] - lat) * (WGS84_A_M + h)).toBeLessThan(1e-6);
      }
    }
  });

  it("on a sphere (f = 0) geodetic latitude is geocentric and height is r - R", () => {
    const sphere = makeEllipsoid(6371000, 0);
    const g = new Float64Array(3);
    const q = new Float64Array(3);
    fc.assert(
      fc.property(latRad, lonRad, altM, (lat, lon, h) => {
        geodeticToEcefWithInto(lat, lon, h, sphere, q);
        const r = Math.hypot(q[0], q[1], q[2]);
        ecefToGeodeticWithInto(q, sphere, g);
        sphereWorst.add(Math.max(Math.abs(r - (6371000 + h)), Math.abs(g[2] - h)));
        expect(Math.abs(r - (6371000 + h))).toBeLessThan(1e-6);
        expect(Math.abs(g[2] - h)).toBeLessThan(1e-6);
        expect(Math.abs(g[0] - Math.atan2(q[2], Math.hypot(q[0], q[1])))).toBeLessThan(1e-14);
      }),
      { numRuns: 5000, endOnFailure: true, seed: 20301004 },
    );
  });

  it("never returns NaN or a latitude outside [-90, 90] deg, even at and near the centre", () => {
    const g = new Float64Array(3);
    for (const p of [
      [0, 0, 0],
      [30000, 30000, 0],
      [1, 0, 1],
      [0, 0, 10],
      [20000, 0, -5000],
    ]) {
      ecefToGeodeticInto(p, g);
      expect(Number.isFinite(g[0]) && Number.isFinite(g[1]) && Number.isFinite(g[2])).toBe(true);
      expect(Math.abs(g[0])).toBeLessThanOrEqual(Math.PI / 2);
    }
    // GeographicLib CartConvert -r example inside the evolute: (30000, 30000, 0) has several normals;
    // CartConvert prints lat 6.483 h -6335709.73, the equatorial normal (lat 0, h = rho - a) is also valid.
    ecefToGeodeticInto([30000, 30000, 0], g);
    expect(g[2]).toBeCloseTo(Math.hypot(30000, 30000) - WGS84_A_M, 6);
  });
});

describe("public forms", () => {
  it("ecefToGeodetic returns degrees and geodeticToEcef a plain [x, y, z]", () => {
    const p = geodeticToEcef({ latDeg: 45, lonDeg: -120, altM: 250 });
    expect(Array.isArray(p)).toBe(true);
    const g = ecefToGeodetic(p);
    expect(g.latDeg).toBeCloseTo(45, 12);
    expect(g.lonDeg).toBeCloseTo(-120, 12);
    expect(g.altM).toBeCloseTo(250, 8);
  });
});
