/** Aerodynamic tables: bilinear interpolation, clamped extrapolation, exact inverse lookups. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAVH_AERO, HTV2_AERO, LiftDragTable, Table1D } from "../../src/flight/index.js";

const DEG = Math.PI / 180;
const cav = new LiftDragTable(CAVH_AERO.mach, CAVH_AERO.alphaRad, CAVH_AERO.cl, CAVH_AERO.cd);
const htv = new LiftDragTable(HTV2_AERO.mach, HTV2_AERO.alphaRad, HTV2_AERO.cl, HTV2_AERO.cd);

describe("tables", () => {
  it("1-D: linear inside, clamped outside", () => {
    const t = new Table1D([0, 1, 3], [10, 20, 0]);
    expect(t.at(0.5)).toBe(15);
    expect(t.at(2)).toBe(10);
    expect(t.at(-5)).toBe(10);
    expect(t.at(9)).toBe(0);
    expect(() => new Table1D([0, 0], [1, 2])).toThrow(RangeError);
  });

  it("2-D: reproduces grid values, bilinear between, clamped outside (CAV-H table: CL 0.38, CD 0.114 at Mach 10, 10 deg)", () => {
    cav.lookup(10, 10 * DEG);
    expect(cav.cl).toBeCloseTo(0.38, 12);
    expect(cav.cd).toBeCloseTo(0.114, 12);
    cav.lookup(12.5, 12.5 * DEG);
    // Mean of the four corners (Mach 10/15, alpha 10/15 deg).
    expect(cav.cl).toBeCloseTo((0.38 + 0.642 + 0.365 + 0.604) / 4, 12);
    cav.lookup(40, 30 * DEG);
    expect(cav.cl).toBeCloseTo(0.774, 12);
    cav.lookup(1, -5 * DEG);
    expect(cav.cl).toBeCloseTo(-0.153, 12);
  });

  it("HTV-2-like table: max L/D 2.6 at 10 deg with C_D A = m / beta = 1000/13000 (Tracy & Wright 2020)", () => {
    expect(htv.maxLiftToDrag(8)).toBeCloseTo(2.6, 10);
    htv.lookup(8, 10 * DEG);
    expect(htv.cd * HTV2_AERO.refAreaM2).toBeCloseTo(1000 / 13000, 10);
  });

  it("alphaForLift inverts lookup (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (m, aDeg) => {
          cav.lookup(m, aDeg * DEG);
          const a = cav.alphaForLift(m, cav.cl);
          expect(Math.abs(a - aDeg * DEG)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it("alphaForLiftToDrag returns an alpha on the high-alpha branch flying the asked L/D (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 3.5, max: 23, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, f) => {
          const ldMax = cav.maxLiftToDrag(m);
          cav.lookup(m, 20 * DEG);
          const ldMin = cav.cl / cav.cd;
          const want = ldMin + f * (ldMax - ldMin);
          const a = cav.alphaForLiftToDrag(m, want);
          cav.lookup(m, a);
          expect(Math.abs(cav.cl / cav.cd - want)).toBeLessThan(1e-9);
          expect(a).toBeGreaterThanOrEqual(10 * DEG - 1e-12);
        },
      ),
    );
    expect(cav.alphaForLiftToDrag(10, 99)).toBeCloseTo(10 * DEG, 12);
  });
});
