import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ecefToEnu,
  ecefToEnuInto,
  enuRotationInto,
  enuToEcef,
  enuToEcefInto,
  enuVectorToEcefInto,
  ecefVectorToEnuInto,
  geodeticToEcef,
  geodeticToEcefInto,
} from "../../src/earth/index.js";
import { recordValidation, sig } from "../validation.js";

const uniform = (min: number, max: number) =>
  fc.integer({ min: 0, max: 1_000_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000_000);

describe("ENU", () => {
  it("GeographicLib CartConvert(1) example: 33.3 44.4 6000 relative to 33 44 20 -> 37288.97 33374.29 5783.64", () => {
    // Source: GeographicLib CartConvert(1) manual, EXAMPLES (`CartConvert -l 33 44 20`); z is up, y north.
    // Printed to 1 cm; we get 37288.9732, 33374.2949, 5783.6466, so the tolerance is one printed unit
    // (the manual's last digit of the up component is 0.0066 m below ours).
    const origin = { latDeg: 33, lonDeg: 44, altM: 20 };
    const p = geodeticToEcef({ latDeg: 33.3, lonDeg: 44.4, altM: 6000 });
    const enu = ecefToEnu(p, origin);
    const printed = [37288.97, 33374.29, 5783.64];
    recordValidation({
      area: "earth",
      model: "ecefToEnu",
      reference:
        "GeographicLib CartConvert(1) manual, CartConvert -l 33 44 20: 33.3 44.4 6000 -> 37288.97 33374.29 5783.64 m (printed to 1 cm)",
      figure: `worst component error ${sig(Math.max(...printed.map((v, k) => Math.abs(enu[k] - v))), 2)} m (east, north, up: ${printed.map((v, k) => sig(enu[k] - v, 2)).join(", ")} m)`,
      tolerance: "< 1 cm (one printed unit)",
    });
    expect(Math.abs(enu[0] - 37288.97)).toBeLessThan(0.01);
    expect(Math.abs(enu[1] - 33374.29)).toBeLessThan(0.01);
    expect(Math.abs(enu[2] - 5783.64)).toBeLessThan(0.01);
    const back = enuToEcef(enu, origin);
    expect(Math.hypot(back[0] - p[0], back[1] - p[1], back[2] - p[2])).toBeLessThan(1e-6);
  });

  it("a point straight above the origin is (0, 0, h); east of it on the equator is +e", () => {
    const origin = { latDeg: -20, lonDeg: 130, altM: 50 };
    const above = geodeticToEcef({ latDeg: -20, lonDeg: 130, altM: 1050 });
    const enu = ecefToEnu(above, origin);
    expect(Math.abs(enu[0])).toBeLessThan(1e-8);
    expect(Math.abs(enu[1])).toBeLessThan(1e-8);
    expect(enu[2]).toBeCloseTo(1000, 8);
    const east = ecefToEnu(geodeticToEcef({ latDeg: 0, lonDeg: 0.001, altM: 0 }), {
      latDeg: 0,
      lonDeg: 0,
      altM: 0,
    });
    expect(east[0]).toBeGreaterThan(100);
    expect(Math.abs(east[1])).toBeLessThan(1e-6);
  });

  it("the rotation is orthonormal with determinant +1 and its Up row is the ellipsoid normal (property)", () => {
    const r = new Float64Array(9);
    fc.assert(
      fc.property(uniform(-Math.PI / 2, Math.PI / 2), uniform(-Math.PI, Math.PI), (lat, lon) => {
        enuRotationInto(lat, lon, r);
        for (let i = 0; i < 3; i++) {
          for (let j = 0; j < 3; j++) {
            const d = r[3 * i] * r[3 * j] + r[3 * i + 1] * r[3 * j + 1] + r[3 * i + 2] * r[3 * j + 2];
            expect(Math.abs(d - (i === j ? 1 : 0))).toBeLessThan(1e-15);
          }
        }
        const det =
          r[0] * (r[4] * r[8] - r[5] * r[7]) -
          r[1] * (r[3] * r[8] - r[5] * r[6]) +
          r[2] * (r[3] * r[7] - r[4] * r[6]);
        expect(det).toBeCloseTo(1, 14);
        // Up is the direction of d(ECEF)/d(altitude).
        const p0 = geodeticToEcefInto(lat, lon, 0, new Float64Array(3));
        const p1 = geodeticToEcefInto(lat, lon, 1, new Float64Array(3));
        expect(Math.abs(p1[0] - p0[0] - r[6])).toBeLessThan(1e-8);
        expect(Math.abs(p1[1] - p0[1] - r[7])).toBeLessThan(1e-8);
        expect(Math.abs(p1[2] - p0[2] - r[8])).toBeLessThan(1e-8);
      }),
      { numRuns: 2000, endOnFailure: true, seed: 20300907 },
    );
  });

  it("ECEF -> ENU -> ECEF round-trips positions and directions (property)", () => {
    const r = new Float64Array(9);
    const o = new Float64Array(3);
    const e = new Float64Array(3);
    const q = new Float64Array(3);
    const coord = uniform(-3e7, 3e7);
    fc.assert(
      fc.property(
        uniform(-Math.PI / 2, Math.PI / 2),
        uniform(-Math.PI, Math.PI),
        coord,
        coord,
        coord,
        (lat, lon, x, y, z) => {
          enuRotationInto(lat, lon, r);
          geodeticToEcefInto(lat, lon, 100, o);
          const p = [x, y, z];
          ecefToEnuInto(p, o, r, e);
          enuToEcefInto(e, o, r, q);
          expect(Math.hypot(q[0] - x, q[1] - y, q[2] - z)).toBeLessThan(1e-7);
          ecefVectorToEnuInto(r, p, e);
          enuVectorToEcefInto(r, e, q);
          expect(Math.hypot(q[0] - x, q[1] - y, q[2] - z)).toBeLessThan(1e-7);
          expect(Math.abs(Math.hypot(e[0], e[1], e[2]) - Math.hypot(x, y, z))).toBeLessThan(1e-7);
        },
      ),
      { numRuns: 2000, endOnFailure: true, seed: 20300908 },
    );
  });
});
