import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  WGS84_A_M,
  WGS84_B_M,
  WGS84_GM_M3S2,
  WGS84_J2,
  WGS84_OMEGA_RADS,
  gravityJ2Into,
  gravityJ2WithInto,
  gravityPointInto,
  gravityPotentialJ2,
} from "../../src/earth/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

const uniform = (min: number, max: number) =>
  fc.integer({ min: 0, max: 1_000_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000_000);
const norm = (v: ArrayLike<number>) => Math.hypot(v[0], v[1], v[2]);
// Positions from just below the surface to beyond GEO.
const position = fc
  .tuple(uniform(-1, 1), uniform(-1, 1), uniform(-1, 1), uniform(6.35e6, 4.5e7))
  .filter(([x, y, z]) => Math.hypot(x, y, z) > 1e-3)
  .map(([x, y, z, r]) => {
    const n = Math.hypot(x, y, z);
    return [(x / n) * r, (y / n) * r, (z / n) * r];
  });

describe("gravity", () => {
  const closed: string[] = [];
  const j2Zero = new Worst();
  const gradient = new Worst();
  afterAll(() => {
    if (j2Zero.count > 0)
      closed.push(`J2 = 0 vs point mass worst ${sig(j2Zero.value, 2)} of |g| over ${j2Zero.count} points`);
    if (gradient.count > 0)
      closed.push(
        `|grad U - g| / |g| by central differences worst ${sig(gradient.value, 2)} over ${gradient.count / 3} points`,
      );
    if (closed.length > 0)
      recordValidation({
        area: "earth",
        model: "gravityPointInto, gravityJ2Into",
        reference:
          "closed forms: GM/r^2 toward the centre; the J2 field on the axes, GM/a^2 (1 + 3/2 J2) on the equator and GM/b^2 (1 - 3 J2 (a/b)^2) at the pole (Vallado eq. 8-31); g = grad U of the J2 potential",
        figure: closed.join("; "),
        tolerance: "point mass 5e-15 relative; axes < 1e-12 m/s^2; J2 = 0 <= 1e-15 of |g|; gradient < 2e-7",
      });
  });
  it("point mass: magnitude GM/r^2, pointing at the centre", () => {
    const g = new Float64Array(3);
    const worst = new Worst();
    for (const r of [6378137, 7e6, 2.6571e7, 4.2164e7]) {
      gravityPointInto([r / Math.sqrt(3), -r / Math.sqrt(3), r / Math.sqrt(3)], g);
      worst.add(Math.abs(norm(g) / (WGS84_GM_M3S2 / (r * r)) - 1));
      expect(norm(g) / (WGS84_GM_M3S2 / (r * r)) - 1).toBeCloseTo(0, 14);
      expect(g[0]).toBeLessThan(0);
      expect(g[1]).toBeGreaterThan(0);
    }
    closed.unshift(`point mass worst relative error ${sig(worst.value, 2)} (surface to GEO)`);
  });

  it("J2 on the equator and at the pole matches the closed forms GM/a^2 (1 + 3/2 J2) and GM/b^2 (1 - 3 J2 (a/b)^2)", () => {
    // Closed forms: the J2 field evaluated on the axes (Vallado eq. 8-31 with z = 0, resp. x = y = 0).
    const g = new Float64Array(3);
    gravityJ2Into([WGS84_A_M, 0, 0], g);
    const eq = (WGS84_GM_M3S2 / WGS84_A_M ** 2) * (1 + 1.5 * WGS84_J2);
    expect(Math.abs(-g[0] - eq)).toBeLessThan(1e-12);
    expect(Math.abs(g[1]) + Math.abs(g[2])).toBe(0);
    gravityJ2Into([0, 0, WGS84_B_M], g);
    const pole = (WGS84_GM_M3S2 / WGS84_B_M ** 2) * (1 - 3 * WGS84_J2 * (WGS84_A_M / WGS84_B_M) ** 2);
    const eqErr = Math.abs(-gravityJ2Into([WGS84_A_M, 0, 0], new Float64Array(3))[0] - eq);
    closed.push(
      `J2 on the axes: equator ${sig(eqErr, 2)} m/s^2, pole ${sig(Math.abs(-g[2] - pole), 2)} m/s^2`,
    );
    expect(Math.abs(-g[2] - pole)).toBeLessThan(1e-12);
  });

  it("J2 surface gravity agrees with WGS-84 normal gravity at the equator and the poles to 1e-3 m/s^2", () => {
    // Source: NGA TR8350.2, Table 3.4: normal gravity gamma_e = 9.7803253359, gamma_p = 9.8321849378
    // m/s^2 (Somigliana's closed form, centrifugal included). Gravitation = gravity + omega^2 a on the
    // equator; no centrifugal term at the poles. J2 alone explains all but ~1e-4 m/s^2 of it.
    const g = new Float64Array(3);
    gravityJ2Into([WGS84_A_M, 0, 0], g);
    const eqErr = Math.abs(norm(g) - WGS84_OMEGA_RADS ** 2 * WGS84_A_M - 9.7803253359);
    expect(eqErr).toBeLessThan(1e-3);
    gravityJ2Into([0, 0, -WGS84_B_M], g);
    const poleErr = Math.abs(norm(g) - 9.8321849378);
    recordValidation({
      area: "earth",
      model: "gravityJ2Into",
      reference:
        "WGS-84 normal gravity (NGA TR8350.2 Table 3.4, Somigliana): 9.7803253359 m/s^2 on the equator (plus omega^2 a), 9.8321849378 at the poles",
      figure: `equator ${sig(eqErr, 2)} m/s^2, pole ${sig(poleErr, 2)} m/s^2 (the higher zonal terms J2 leaves out)`,
      tolerance: "< 1e-3 m/s^2",
    });
    expect(poleErr).toBeLessThan(1e-3);
  });

  it("with J2 = 0 the J2 field is exactly the point-mass field (property)", () => {
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    fc.assert(
      fc.property(position, (p) => {
        gravityJ2WithInto(p, WGS84_GM_M3S2, 0, WGS84_A_M, a);
        gravityPointInto(p, b);
        j2Zero.add(Math.max(...[0, 1, 2].map((i) => Math.abs(a[i] - b[i]))) / norm(b));
        for (let i = 0; i < 3; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-15 * norm(b));
      }),
      { numRuns: 1000, endOnFailure: true, seed: 20301386 },
    );
  });

  it("the acceleration is the gradient of the J2 potential (central differences, property)", () => {
    const g = new Float64Array(3);
    fc.assert(
      fc.property(position, (p) => {
        gravityJ2Into(p, g);
        const h = 0.5; // m: truncation ~ h^2 U''' and round-off ~ eps U / h both far below the tolerance
        for (let i = 0; i < 3; i++) {
          const plus = [p[0], p[1], p[2]];
          const minus = [p[0], p[1], p[2]];
          plus[i] += h;
          minus[i] -= h;
          const grad =
            (gravityPotentialJ2(plus, WGS84_GM_M3S2, WGS84_J2, WGS84_A_M) -
              gravityPotentialJ2(minus, WGS84_GM_M3S2, WGS84_J2, WGS84_A_M)) /
            (2 * h);
          gradient.add(Math.abs(grad - g[i]) / norm(g));
          expect(Math.abs(grad - g[i])).toBeLessThan(2e-7 * norm(g));
        }
      }),
      { numRuns: 1000, endOnFailure: true, seed: 20301387 },
    );
  });

  it("J2 makes the field axially symmetric and mirror-symmetric about the equator", () => {
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    gravityJ2Into([4e6, 3e6, 5e6], a);
    gravityJ2Into([4e6, 3e6, -5e6], b);
    expect(b[0]).toBeCloseTo(a[0], 15);
    expect(b[2]).toBeCloseTo(-a[2], 15);
    gravityJ2Into([5e6, 0, 5e6], b);
    expect(Math.hypot(a[0], a[1])).toBeCloseTo(Math.abs(b[0]), 14);
  });
});
