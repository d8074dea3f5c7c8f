/**
 * The right-hand side's row view of a C_L/C_D table (src/flight/aero/row.ts) against the reference
 * LiftDragTable methods (bilinear lookup and exact inverses, tests/flight/table.test.ts), and the
 * candidate columns of maximum L/D (src/flight/aero/maxLiftToDragColumns.ts) against a full scan.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxLiftToDragColumns } from "../../src/flight/aero/maxLiftToDragColumns.js";
import { CAVH_AERO, HTV2_AERO, LiftDragRow, LiftDragTable } from "../../src/flight/index.js";

const DEG = Math.PI / 180;
const tables = [CAVH_AERO, HTV2_AERO].map((d) => new LiftDragTable(d.mach, d.alphaRad, d.cl, d.cd));
/** A table whose maximum L/D moves between columns inside a Mach interval (several candidates). */
const moving = new LiftDragTable(
  [2, 10],
  [0, 5, 10, 15, 20].map((a) => a * DEG),
  [0, 0.2, 0.4, 0.6, 0.8, 0, 0.25, 0.45, 0.62, 0.8],
  [0.1, 0.12, 0.2, 0.4, 0.7, 0.12, 0.2, 0.2, 0.25, 0.5],
);
tables.push(moving);

const close = (a: number, b: number, tol = 1e-12): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
};

describe("LiftDragRow", () => {
  it("lookup equals LiftDragTable.lookup (property, inside and outside the grids)", () => {
    for (const t of tables) {
      const row = new LiftDragRow(t);
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 40, noNaN: true }),
          fc.double({ min: -0.2, max: 0.6, noNaN: true }),
          (m, a) => {
            row.setMach(m);
            row.lookup(a);
            t.lookup(m, a);
            close(row.cl, t.cl);
            close(row.cd, t.cd);
          },
        ),
      );
    }
  });

  it("setLift flies the wanted C_L at the alpha of alphaForLift (property)", () => {
    for (const t of tables) {
      const row = new LiftDragRow(t);
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 40, noNaN: true }),
          fc.double({ min: -0.3, max: 1.2, noNaN: true }),
          (m, c) => {
            row.setMach(m);
            row.setLift(c);
            close(row.alphaRad, t.alphaForLift(m, c), 1e-12);
            t.lookup(m, row.alphaRad);
            close(row.cl, t.cl, 1e-12);
            close(row.cd, t.cd, 1e-12);
          },
        ),
      );
    }
  });

  it("setLiftToDrag flies the alpha of alphaForLiftToDrag, on the high-alpha branch (property)", () => {
    for (const t of tables) {
      const row = new LiftDragRow(t);
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 40, noNaN: true }),
          fc.double({ min: 0, max: 5, noNaN: true }),
          (m, ld) => {
            row.setMach(m);
            row.setLiftToDrag(ld);
            close(row.alphaRad, t.alphaForLiftToDrag(m, ld), 1e-12);
            t.lookup(m, row.alphaRad);
            close(row.cl, t.cl, 1e-12);
            close(row.cd, t.cd, 1e-12);
          },
        ),
      );
    }
  });

  it("maxLift is C_L at the largest alpha", () => {
    const t = tables[0];
    const row = new LiftDragRow(t);
    row.setMach(12);
    t.lookup(12, t.alphaMaxRad);
    close(row.maxLift(), t.cl);
  });
});

describe("candidate columns of maximum L/D", () => {
  it("always contain the column a full scan of the interpolated row finds (property)", () => {
    for (const t of tables) {
      const na = t.alphaRad.length;
      const nm = t.mach.length;
      const { start, cols } = maxLiftToDragColumns(t.clValues, t.cdValues, nm, na);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: nm - 2 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (i, w) => {
            let best = -Infinity;
            let jBest = -1;
            for (let j = 0; j < na; j++) {
              const k = i * na + j;
              const ld =
                (t.clValues[k] + w * (t.clValues[k + na] - t.clValues[k])) /
                (t.cdValues[k] + w * (t.cdValues[k + na] - t.cdValues[k]));
              if (ld > best) {
                best = ld;
                jBest = j;
              }
            }
            expect(Array.from(cols.subarray(start[i], start[i + 1]))).toContain(jBest);
          },
        ),
      );
    }
  });

  it("are a single column for a table whose Mach rows share one polar (HTV-2-like), several where the maximum moves", () => {
    const h = tables[1];
    const r = maxLiftToDragColumns(h.clValues, h.cdValues, h.mach.length, h.alphaRad.length);
    expect(Array.from(r.cols)).toEqual([2 + 2]); // 10 deg on the 2.5-deg grid
    const m = maxLiftToDragColumns(moving.clValues, moving.cdValues, 2, 5);
    expect(m.cols.length).toBeGreaterThan(1);
  });
});
