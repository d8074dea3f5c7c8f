/**
 * The trig-light hot paths of src/earth/geodetic.ts:
 * - the height-only Bowring step (bowringHeightM, EarthModel.altitudeM) against the full conversion
 *   ecefToGeodeticInto (itself checked against GeographicLib and closed forms in geodetic.test.ts);
 * - the longitude from one arctangent (half-angle identity) against Math.atan2.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  WGS84_ELLIPSOID,
  bowringHeightM,
  ecefToGeodeticInto,
  geodeticToEcefInto,
  makeEarthModel,
} from "../../src/earth/index.js";
import { recordValidation, sig } from "../validation.js";

const E = WGS84_ELLIPSOID;
const C1 = E.ep2 * E.bM;
const C2 = E.e2 * E.aM;
const BA = 1 - E.f;
const height = (p: ArrayLike<number>): number =>
  bowringHeightM(p[0], p[1], p[2], E.aM, E.bM, E.e2, C1, C2, BA);

describe("height without latitude (single Bowring step)", () => {
  it("is within 1e-7 m of the full conversion from 1 km below the surface to 40,000 km, poles and equator included", () => {
    const p = new Float64Array(3);
    const g = new Float64Array(3);
    let worst = 0;
    for (let latDeg = -90; latDeg <= 90; latDeg += 0.25) {
      for (const h of [-1000, 0, 50, 30e3, 100e3, 400e3, 1e6, 6e6, 2e7, 3.6e7, 4e7]) {
        geodeticToEcefInto((latDeg * Math.PI) / 180, 0.7, h, p);
        worst = Math.max(worst, Math.abs(height(p) - ecefToGeodeticInto(p, g)[2]));
      }
    }
    recordValidation({
      area: "earth",
      model: "bowringHeightM (hot-path height, one Bowring step)",
      reference:
        "the full conversion ecefToGeodeticInto, every 0.25 deg of latitude, 1 km below the surface to 40,000 km",
      figure: `worst height difference ${sig(worst, 2)} m`,
      tolerance: "< 1e-7 m",
    });
    expect(worst).toBeLessThan(1e-7);
  });

  it("EarthModel.altitudeM is it, on WGS-84 and on the sphere (r - R)", () => {
    const m = makeEarthModel();
    const p = [-2.1e6, 4.4e6, -4.1e6];
    expect(m.altitudeM(p)).toBe(height(p));
    const s = makeEarthModel({ earth: "sphere", rotation: false, gravity: "point", atmosphere: "none" });
    expect(s.altitudeM(p)).toBeCloseTo(Math.hypot(p[0], p[1], p[2]) - 6371000, 7);
  });

  it("deep inside the Earth it falls back to the iterated solution", () => {
    const p = new Float64Array(3);
    geodeticToEcefInto(0.4, -2, -3_000_000, p);
    expect(Math.abs(height(p) + 3_000_000)).toBeLessThan(1e-6);
  });
});

describe("longitude from one arctangent", () => {
  it("equals Math.atan2(y, x) to 1e-15 rad (property, all quadrants)", () => {
    const g = new Float64Array(3);
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (a, b, c) => {
          const x = 7e6 * a;
          const y = 7e6 * b;
          fc.pre(Math.hypot(x, y) > 1);
          ecefToGeodeticInto([x, y, 6e6 * c], g);
          let d = g[1] - Math.atan2(y, x);
          if (d > Math.PI) d -= 2 * Math.PI;
          if (d < -Math.PI) d += 2 * Math.PI;
          expect(Math.abs(d)).toBeLessThan(1e-15);
        },
      ),
    );
  });

  it("handles the axes, the 180-degree meridian and the poles", () => {
    const g = new Float64Array(3);
    const R = 6.4e6;
    const cases: Array<[number, number, number]> = [
      [R, 0, 0],
      [0, R, Math.PI / 2],
      [0, -R, -Math.PI / 2],
      [-R, 0, Math.PI],
      [-R, 1e-3, Math.atan2(1e-3, -R)],
      [-R, -1e-3, Math.atan2(-1e-3, -R)],
      [0, 0, 0],
    ];
    for (const [x, y, lon] of cases) {
      ecefToGeodeticInto([x, y, x === 0 && y === 0 ? E.bM : 0], g);
      expect(Math.abs(g[1] - lon)).toBeLessThan(1e-15);
    }
  });
});
