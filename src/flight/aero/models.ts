/**
 * Runtime aerodynamic models built once from the plain definitions (definitions.ts), used in the hot
 * path of the right-hand side.
 */
import { argError, positiveArg } from "../../math/check.js";
import type { DragAeroDefinition, LiftDragAeroDefinition } from "../definitions.js";
import { LiftDragRow } from "./row.js";
import { LiftDragTable, Table1D } from "./table.js";

/** A table's grid: finite and strictly increasing; a RangeError names the bad entry. */
function checkGrid(fn: string, name: string, xs: readonly number[]): void {
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) throw argError(fn, `${name}[${i}]`, "a finite number", xs[i]);
    if (i > 0 && !(xs[i] > xs[i - 1]))
      throw argError(
        fn,
        `${name}[${i}]`,
        `greater than ${name}[${i - 1}] (${xs[i - 1]}): the grid must increase`,
        xs[i],
      );
  }
}

/** A table's coefficients: finite and at least `min`; a RangeError names the bad entry. */
function checkCoefficients(fn: string, name: string, ys: readonly number[], min: number): void {
  for (let i = 0; i < ys.length; i++)
    if (!(Number.isFinite(ys[i]) && ys[i] >= min))
      throw argError(
        fn,
        `${name}[${i}]`,
        min === -Infinity ? "a finite number" : min > 0 ? "a finite number > 0" : "a finite number >= 0",
        ys[i],
      );
}

/**
 * Drag of a non-lifting body. Drag acceleration = q * dragPerDynamicPressure(mach, mass):
 * - ballistic coefficient beta = m / (C_D A): 1 / beta (independent of the mass: beta is a property of the
 *   re-entry vehicle as flown, the usual form in re-entry analysis, Regan & Anandakrishnan ch. 4);
 * - C_D(Mach) table with a reference area: C_D(M) A / m.
 */
export class DragModel {
  private readonly invBeta: number;
  private readonly table: Table1D | null;
  private readonly areaM2: number;

  constructor(def: DragAeroDefinition) {
    if (def.kind === "ballistic-coefficient") {
      positiveArg("DragModel", "def.betaKgM2", def.betaKgM2);
      this.invBeta = 1 / def.betaKgM2;
      this.table = null;
      this.areaM2 = 0;
    } else {
      positiveArg("DragModel", "def.refAreaM2", def.refAreaM2);
      checkGrid("DragModel", "def.mach", def.mach);
      checkCoefficients("DragModel", "def.cd", def.cd, 0);
      this.invBeta = 0;
      this.table = new Table1D(def.mach, def.cd);
      this.areaM2 = def.refAreaM2;
    }
  }

  /** Drag acceleration per unit dynamic pressure, m^2/kg. */
  dragPerDynamicPressure(mach: number, massKg: number): number {
    const t = this.table;
    return t === null ? this.invBeta : (t.at(mach) * this.areaM2) / massKg;
  }
}

/** Lifting-body aerodynamics: the C_L/C_D table, its hot-path row view, and its reference area. */
export class LiftDragModel {
  readonly table: LiftDragTable;
  /** The right-hand side's view of `table` (one Mach row at a time). */
  readonly row: LiftDragRow;
  readonly refAreaM2: number;

  constructor(def: LiftDragAeroDefinition) {
    positiveArg("LiftDragModel", "def.refAreaM2", def.refAreaM2);
    checkGrid("LiftDragModel", "def.mach", def.mach);
    checkGrid("LiftDragModel", "def.alphaRad", def.alphaRad);
    checkCoefficients("LiftDragModel", "def.cl", def.cl, -Infinity);
    checkCoefficients("LiftDragModel", "def.cd", def.cd, Number.MIN_VALUE);
    this.table = new LiftDragTable(def.mach, def.alphaRad, def.cl, def.cd);
    this.row = new LiftDragRow(this.table);
    this.refAreaM2 = def.refAreaM2;
  }
}

/**
 * Builds a C_L/C_D table from a lift-curve slope and a parabolic drag polar on a grid:
 * C_L = clAlpha(M) * (alpha - alpha0), C_D = cd0(M) + k(M) * C_L^2 (the standard hypersonic-glider form, e.g.
 * Vinh, "Hypersonic and Planetary Entry Flight Mechanics", 1980, ch. 2). Each Mach row gives its own
 * (clAlpha, cd0, k). Maximum L/D of a row is 1 / (2 sqrt(cd0 k)) at C_L = sqrt(cd0 / k).
 */
export function polarTable(
  mach: readonly number[],
  alphaRad: readonly number[],
  rows: readonly { clAlphaPerRad: number; alpha0Rad?: number; cd0: number; k: number }[],
  refAreaM2: number,
  source: string,
): LiftDragAeroDefinition {
  if (rows.length !== mach.length) throw new RangeError("polarTable: one polar row per Mach value");
  const cl: number[] = [];
  const cd: number[] = [];
  for (const row of rows) {
    for (const a of alphaRad) {
      const c = row.clAlphaPerRad * (a - (row.alpha0Rad ?? 0));
      cl.push(c);
      cd.push(row.cd0 + row.k * c * c);
    }
  }
  return { kind: "lift-drag-table", refAreaM2, mach, alphaRad, cl, cd, source };
}
