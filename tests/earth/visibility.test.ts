import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MEAN_EARTH_RADIUS_M,
  WGS84_A_M,
  WGS84_B_M,
  WGS84_E2,
  elevationAngleRad,
  enuRotationInto,
  enuVectorToEcefInto,
  geodeticToEcefInto,
  isAboveRadarHorizon,
  isLineOfSightClear,
  radarHorizonRangeM,
} from "../../src/earth/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

const uniform = (min: number, max: number) =>
  fc.integer({ min: 0, max: 1_000_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000_000);

describe("radar horizon (effective Earth, k = 4/3)", () => {
  const horizon: string[] = [];
  afterAll(() => {
    if (horizon.length > 0)
      recordValidation({
        area: "earth",
        model: "radarHorizonRangeM",
        reference:
          "Skolnik, Introduction to Radar Systems, 3rd ed., sec. 8.2: k = 4/3, d = sqrt(2 k R h_r) + sqrt(2 k R h_t), about 4.12 (sqrt h_r + sqrt h_t) km; k = 1: tangent length sqrt((R + h)^2 - R^2)",
        figure: horizon.join("; "),
        tolerance: "0 to 0.1 %; < 0.2 %; to 0.05 km; k = 1 < 5e-7 m",
      });
  });
  it("matches the textbook d = sqrt(2 k R h_r) + sqrt(2 k R h_t), about 4.12 (sqrt h_r + sqrt h_t) km", () => {
    // Skolnik, Introduction to Radar Systems, 3rd ed., sec. 8.2: d(km) ~ 4.12 sqrt(h(m)) for k = 4/3.
    const kR = (4 / 3) * MEAN_EARTH_RADIUS_M;
    const excess = new Worst();
    const rule = new Worst();
    const cases: Array<[number, number]> = [
      [10, 0],
      [30, 10],
      [100, 100],
      [25, 5000],
      [1000, 15000],
      [0, 30000],
    ];
    for (const [hr, ht] of cases) {
      const d = radarHorizonRangeM(hr, ht);
      const textbook = Math.sqrt(2 * kR * hr) + Math.sqrt(2 * kR * ht);
      // The exact tangent lengths differ from the textbook form by the factor sqrt(1 + h / (2 k R)).
      excess.add(d / textbook - 1, `${hr} m to ${ht} m`);
      rule.add(Math.abs(d / 1000 / (4.12 * (Math.sqrt(hr) + Math.sqrt(ht))) - 1));
      expect(d / textbook - 1).toBeGreaterThanOrEqual(0);
      expect(d / textbook - 1).toBeLessThan(0.001);
      expect(Math.abs(d / 1000 / (4.12 * (Math.sqrt(hr) + Math.sqrt(ht))) - 1)).toBeLessThan(0.002);
    }
    horizon.unshift(
      `k = 4/3, 6 height pairs to 30 km: exact tangent lengths exceed the textbook form by ${sig(excess.value * 100, 2)} % at most (${excess.at}); ` +
        `4.12 rule worst ${sig(rule.value * 100, 2)} %; 30 m mast to a 10 m target ${sig(radarHorizonRangeM(30, 10) / 1000, 4)} km (textbook 35.6)`,
    );
    // A 30 m mast sees a 10 m target to about 35.6 km.
    expect(radarHorizonRangeM(30, 10) / 1000).toBeCloseTo(35.6, 1);
  });

  it("is exact for targets in space (tangent length sqrt(2 k R h + h^2)) and k = 1 is the geometric horizon", () => {
    const h = 1e6;
    const tangent = Math.sqrt((MEAN_EARTH_RADIUS_M + h) ** 2 - MEAN_EARTH_RADIUS_M ** 2);
    horizon.push(
      `k = 1, target 1,000 km up: error ${sig(Math.abs(radarHorizonRangeM(0, h, 1) - tangent), 2)} m of ${sig(tangent / 1000, 5)} km`,
    );
    expect(radarHorizonRangeM(0, h, 1)).toBeCloseTo(
      Math.sqrt((MEAN_EARTH_RADIUS_M + h) ** 2 - MEAN_EARTH_RADIUS_M ** 2),
      6,
    );
    expect(radarHorizonRangeM(-50, 0)).toBe(0);
    expect(() => radarHorizonRangeM(10, 10, 0)).toThrow(RangeError);
  });

  it("isAboveRadarHorizon flips exactly where the slant range crosses radarHorizonRangeM (property)", () => {
    const r = new Float64Array(3);
    const t = new Float64Array(3);
    fc.assert(
      fc.property(uniform(1, 100), uniform(1, 50000), uniform(-1.2, 1.2), (hr, ht, lat) => {
        geodeticToEcefInto(lat, 0.3, hr, r);
        const dMax = radarHorizonRangeM(hr, ht);
        // Walk the target east along the parallel until the slant range brackets dMax, then bisect.
        let lo = 0;
        let hi = Math.PI;
        for (let i = 0; i < 60; i++) {
          const mid = 0.5 * (lo + hi);
          geodeticToEcefInto(lat, 0.3 + mid, ht, t);
          if (Math.hypot(t[0] - r[0], t[1] - r[1], t[2] - r[2]) < dMax) lo = mid;
          else hi = mid;
        }
        geodeticToEcefInto(lat, 0.3 + lo * 0.999, ht, t);
        expect(isAboveRadarHorizon(r, t)).toBe(true);
        geodeticToEcefInto(lat, 0.3 + hi * 1.001, ht, t);
        expect(isAboveRadarHorizon(r, t)).toBe(false);
      }),
      { numRuns: 300, endOnFailure: true, seed: 20300727 },
    );
  });
});

describe("line of sight over the ellipsoid (k = 1)", () => {
  const flips: string[] = [];
  afterAll(() => {
    if (flips.length > 0)
      recordValidation({
        area: "earth",
        model: "isLineOfSightClear (k = 1)",
        reference:
          "closed forms: on the equator the critical separation 2 acos(a / (a + h)); over the pole the chord midpoint (0, 0, (N (1 - e^2) + h) sin phi) at height b",
        figure: `where the test flips from clear to blocked (bisection) vs the closed form: ${flips.join("; ")}`,
        tolerance: "clear at 0.999 and blocked at 1.001 of the critical angle (equator); +-1e-4 rad (pole)",
      });
  });

  it("on the equator (a circle of radius a) the critical angle is 2 acos(a / (a + h))", () => {
    const h = 100000;
    const crit = 2 * Math.acos(WGS84_A_M / (WGS84_A_M + h));
    const p = (lon: number) => [(WGS84_A_M + h) * Math.cos(lon), (WGS84_A_M + h) * Math.sin(lon), 0];
    let lo = 0.5 * crit;
    let hi = 1.5 * crit;
    for (let i = 0; i < 60; i++) {
      const mid = 0.5 * (lo + hi);
      if (isLineOfSightClear(p(0), p(mid))) lo = mid;
      else hi = mid;
    }
    flips.push(`equator, 100 km up: ${sig(Math.abs(lo / crit - 1), 2)} relative`);
    expect(isLineOfSightClear(p(0), p(crit * 0.999))).toBe(true);
    expect(isLineOfSightClear(p(0), p(crit * 1.001))).toBe(false);
  });

  it("over the pole the segment's midpoint height decides (meridian ellipse, closed form)", () => {
    // Points at latitude phi on opposite meridians: the chord's midpoint is (0, 0, (N (1 - e^2) + h) sin phi).
    const h = 200000;
    const mid = (phi: number) => {
      const n = WGS84_A_M / Math.sqrt(1 - WGS84_E2 * Math.sin(phi) ** 2);
      return (n * (1 - WGS84_E2) + h) * Math.sin(phi);
    };
    let lo = 0.5;
    let hi = Math.PI / 2;
    for (let i = 0; i < 80; i++) {
      const m = 0.5 * (lo + hi);
      if (mid(m) < WGS84_B_M) lo = m;
      else hi = m;
    }
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    // Where the test itself flips, by bisection on the latitude of the pair.
    let blocked = 0.5;
    let clear = Math.PI / 2;
    for (let i = 0; i < 60; i++) {
      const m = 0.5 * (blocked + clear);
      geodeticToEcefInto(m, 0, h, a);
      geodeticToEcefInto(m, Math.PI, h, b);
      if (isLineOfSightClear(a, b)) clear = m;
      else blocked = m;
    }
    flips.push(`over the pole, 200 km up: ${sig(Math.abs(clear - hi), 2)} rad`);
    geodeticToEcefInto(hi + 1e-4, 0, h, a);
    geodeticToEcefInto(hi + 1e-4, Math.PI, h, b);
    expect(isLineOfSightClear(a, b)).toBe(true);
    geodeticToEcefInto(lo - 1e-4, 0, h, a);
    geodeticToEcefInto(lo - 1e-4, Math.PI, h, b);
    expect(isLineOfSightClear(a, b)).toBe(false);
  });

  it("a site on the surface sees up and out, not through the Earth; a buried point sees nothing", () => {
    const s = new Float64Array(3);
    const up = new Float64Array(3);
    const far = new Float64Array(3);
    geodeticToEcefInto(0.6, 2.0, 0, s);
    geodeticToEcefInto(0.6, 2.0, 5e5, up);
    geodeticToEcefInto(-0.6, 2.0 + Math.PI, 5e5, far);
    expect(isLineOfSightClear(s, up)).toBe(true);
    expect(isLineOfSightClear(s, far)).toBe(false);
    geodeticToEcefInto(0.6, 2.0, -10, s);
    expect(isLineOfSightClear(s, up)).toBe(false);
  });

  it("with k = 4/3 isLineOfSightClear is the effective-Earth test", () => {
    const r = new Float64Array(3);
    const t = new Float64Array(3);
    geodeticToEcefInto(0.4, 0.1, 20, r);
    geodeticToEcefInto(0.4, 0.1 + 0.0035, 100, t); // about 17 km to the east
    expect(isLineOfSightClear(r, t, 4 / 3)).toBe(isAboveRadarHorizon(r, t, 4 / 3));
  });
});

describe("elevation angle", () => {
  it("recovers the elevation of a target placed along (cos el north + sin el up) (property)", () => {
    const o = new Float64Array(3);
    const rot = new Float64Array(9);
    const d = new Float64Array(3);
    fc.assert(
      fc.property(
        uniform(-1.5, 1.5),
        uniform(-3, 3),
        uniform(-Math.PI / 2 + 1e-3, Math.PI / 2 - 1e-3),
        uniform(10, 2e6),
        (lat, lon, el, range) => {
          geodeticToEcefInto(lat, lon, 50, o);
          enuRotationInto(lat, lon, rot);
          enuVectorToEcefInto(rot, [0, range * Math.cos(el), range * Math.sin(el)], d);
          const t = [o[0] + d[0], o[1] + d[1], o[2] + d[2]];
          expect(Math.abs(elevationAngleRad(o, t) - el)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 1000, endOnFailure: true, seed: 20300728 },
    );
  });

  it("straight up is +pi/2, on the horizontal plane 0", () => {
    expect(elevationAngleRad([WGS84_A_M, 0, 0], [WGS84_A_M + 1000, 0, 0])).toBeCloseTo(Math.PI / 2, 12);
    expect(elevationAngleRad([WGS84_A_M, 0, 0], [WGS84_A_M, 1e5, 0])).toBe(0);
  });
});
