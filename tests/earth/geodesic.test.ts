import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { GeodesicPath, geodesicDirect, geodesicInverse } from "../../src/earth/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

const uniform = (min: number, max: number) =>
  fc.integer({ min: 0, max: 1_000_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000_000);

describe("geodesics (GeographicLib)", () => {
  const parts: string[] = [];
  const trip = new Worst();
  afterAll(() => {
    if (trip.count > 0)
      parts.push(`${trip.count} random direct-inverse round trips worst ${sig(trip.value, 2)} m`);
    if (parts.length > 0)
      recordValidation({
        area: "earth",
        model: "geodesicInverse, geodesicDirect",
        reference:
          "geographiclib-geodesic README (Karney): Wellington-Salamanca 19959679.267 m, 20000 km SW of Perth -> 32.11195529, -63.95925278; meridian arc 0-1 deg 110574.389 m (NGA TR8350.2)",
        figure: parts.join("; "),
        tolerance: "< 5e-4 m; < 5e-9 deg; < 5 mm; round trip < 1e-6 m",
      });
  });
  it("Wellington to Salamanca is 19959679.267 m (geographiclib-geodesic README example)", () => {
    // Source: geographiclib-geodesic README (C. F. F. Karney): "The distance is 19959679.267 m."
    const r = geodesicInverse(-41.32, 174.81, 40.96, -5.5);
    parts.push(`distance error ${sig(Math.abs(r.distanceM - 19959679.267), 2)} m`);
    expect(r.distanceM).toBeCloseTo(19959679.267, 3);
  });

  it("20000 km SW of Perth is (32.11195529, -63.95925278) (same README)", () => {
    const r = geodesicDirect(-32.06, 115.74, 225, 20000e3);
    parts.push(
      `direct position error ${sig(Math.max(Math.abs(r.latDeg - 32.11195529), Math.abs(r.lonDeg + 63.95925278)), 2)} deg`,
    );
    expect(r.latDeg).toBeCloseTo(32.11195529, 8);
    expect(r.lonDeg).toBeCloseTo(-63.95925278, 8);
  });

  it("due north along a meridian: azimuth 0 and the meridian arc", () => {
    const r = geodesicInverse(0, 10, 1, 10);
    expect(r.azimuth1Deg).toBeCloseTo(0, 12);
    // Meridian arc 0 -> 1 deg on WGS-84: 110574.389 m (e.g. NGA TR8350.2 meridian-arc series).
    parts.push(`meridian arc error ${sig(Math.abs(r.distanceM - 110574.389), 2)} m`);
    expect(r.distanceM).toBeCloseTo(110574.389, 2);
  });

  it("direct then inverse round-trips distance and azimuths (property)", () => {
    fc.assert(
      fc.property(
        uniform(-80, 80),
        uniform(-180, 180),
        uniform(-180, 180),
        uniform(1, 1.9e7),
        (lat, lon, az, s) => {
          const d = geodesicDirect(lat, lon, az, s);
          const i = geodesicInverse(lat, lon, d.latDeg, d.lonDeg);
          expect(trip.add(Math.abs(i.distanceM - s))).toBeLessThan(1e-6);
          const dAz = ((i.azimuth1Deg - az + 540) % 360) - 180;
          expect(Math.abs(dAz)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 500, endOnFailure: true, seed: 20301319 },
    );
  });

  it("a path set up once gives geodesicDirect's points to the last bit (property)", () => {
    fc.assert(
      fc.property(
        uniform(-89, 89),
        uniform(-180, 180),
        uniform(-180, 180),
        fc.array(uniform(0, 1.9e7), { minLength: 1, maxLength: 5 }),
        (lat, lon, az, distances) => {
          const path = new GeodesicPath(lat, lon, az);
          for (const s of distances) expect(path.position(s)).toStrictEqual(geodesicDirect(lat, lon, az, s));
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
    expect(() => new GeodesicPath(0, 0, NaN)).toThrow(/azimuthDeg/);
    expect(() => new GeodesicPath(0, 0, 0).position(NaN)).toThrow(/distanceM/);
  });

  it("rejects latitudes outside [-90, 90]", () => {
    expect(() => geodesicInverse(91, 0, 0, 0)).toThrow(RangeError);
    expect(() => geodesicDirect(-91, 0, 0, 1)).toThrow(RangeError);
  });
});
