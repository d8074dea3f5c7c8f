/**
 * The precomputed hot-path atmosphere (src/earth/atmosphereTable.ts) against the exact U.S. Standard
 * Atmosphere 1976 functions it is built from (src/earth/atmosphere.ts, validated against the printed
 * NOAA-S/T 76-1562 tables in atmosphere.test.ts): the table must stay within 1e-4 relative of them in
 * every output, everywhere in the standard's range -5 km to 1000 km.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ATMOSPHERE_TABLE_MAX_ALT_M,
  ATMOSPHERE_TABLE_MIN_ALT_M,
  makeEarthModel,
  ussa1976Into,
  ussa1976TableInto,
} from "../../src/earth/index.js";
import { recordValidation, sig } from "../validation.js";

const exact = new Float64Array(4);
const table = new Float64Array(4);

function worstRelative(altM: number, worst: Float64Array): void {
  ussa1976Into(altM, exact);
  ussa1976TableInto(altM, table);
  for (let q = 0; q < 4; q++) worst[q] = Math.max(worst[q], Math.abs(table[q] / exact[q] - 1));
}

describe("USSA 1976 hot-path table", () => {
  it("agrees with the exact functions within 1e-4 (T, P, rho, a) on a dense sweep from -5 km to 1000 km", () => {
    const worst = new Float64Array(4);
    // 7.3 m steps (not a divisor of any grid spacing), plus every layer base and the grid joints.
    for (let z = -5000; z <= 1_000_000; z += 7.3) worstRelative(z, worst);
    for (const z of [
      -5000, 0, 11019.1, 20063.1, 32161.9, 47350.1, 51412.5, 71802, 86000, 91000, 110000, 120000, 150000, 1e6,
    ]) {
      for (const dz of [-1e-3, 0, 1e-3]) worstRelative(z + dz, worst);
    }
    recordValidation({
      area: "earth",
      model: "USSA 1976 hot-path table (ussa1976TableInto)",
      reference:
        "the exact USSA 1976 functions (ussa1976Into) every 7.3 m from -5 to 1000 km, plus the layer bases and grid joints",
      figure: `worst relative difference: temperature ${sig(worst[0], 2)}, pressure ${sig(worst[1], 2)}, density ${sig(worst[2], 2)}, speed of sound ${sig(worst[3], 2)}`,
      tolerance: "< 1e-4",
    });
    for (let q = 0; q < 4; q++) expect(worst[q]).toBeLessThan(1e-4);
  });

  it("agrees within 1e-4 at random altitudes (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -5000, max: 1_000_000, noNaN: true }), (z) => {
        const worst = new Float64Array(4);
        worstRelative(z, worst);
        for (let q = 0; q < 4; q++) expect(worst[q]).toBeLessThan(1e-4);
      }),
    );
  });

  it("is continuous across its cells, and at 86 km reproduces the exact model on either side", () => {
    const a = new Float64Array(4);
    const b = new Float64Array(4);
    for (let z = -5000; z < 1_000_000; z += 997.3) {
      ussa1976TableInto(z, a);
      ussa1976TableInto(z + 1e-3, b);
      for (let q = 0; q < 4; q++) expect(Math.abs(b[q] / a[q] - 1)).toBeLessThan(1e-6);
    }
    // The standard's two models meet at 86 km with small steps of their own (the speed of sound switches
    // from the molecular-scale to the kinetic temperature, 2e-4): each side is reproduced, not smoothed.
    for (const z of [86000 - 1e-6, 86000 + 1e-6]) {
      ussa1976TableInto(z, a);
      ussa1976Into(z, b);
      for (let q = 0; q < 4; q++) expect(Math.abs(a[q] / b[q] - 1)).toBeLessThan(1e-9);
    }
  });

  it("outside its range it is the exact function (the hot path never throws)", () => {
    expect(ATMOSPHERE_TABLE_MIN_ALT_M).toBeLessThan(-5000);
    expect(ATMOSPHERE_TABLE_MAX_ALT_M).toBe(1_000_000);
    for (const z of [-8000, 1_000_000.5, 2e6, 3.6e7]) {
      expect(Array.from(ussa1976TableInto(z, table))).toEqual(Array.from(ussa1976Into(z, exact)));
    }
  });

  it("EarthModel serves it: atmosphereInto and airInto (= altitudeM then atmosphereInto)", () => {
    const m = makeEarthModel();
    const p = [3816209.6, 3737108.55, 3485109.57];
    const air = m.airInto(p, new Float64Array(5));
    expect(air[0]).toBe(m.altitudeM(p));
    const atm = m.atmosphereInto(air[0], new Float64Array(4));
    expect(Array.from(air.subarray(1))).toEqual(Array.from(atm));
    expect(Array.from(atm)).toEqual(Array.from(ussa1976TableInto(air[0], table)));
    const none = makeEarthModel({ earth: "wgs84", rotation: true, gravity: "j2", atmosphere: "none" });
    const a0 = none.airInto(p, new Float64Array(5));
    expect(a0[2]).toBe(0);
    expect(a0[3]).toBe(0);
    expect(a0[4]).toBeGreaterThan(300);
  });
});
