/** The flattened RCS table and its index agree with the table itself (rcs.ts). */
import { describe, expect, it } from "vitest";
import {
  FLIGHT_PHASES,
  NOTIONAL_RCS,
  VEHICLE_KINDS,
  flattenRcsTable,
  rcsFor,
  rcsIndex,
} from "../../src/sensors/rcs.js";

describe("rcs table", () => {
  it("rcsIndex is kind-major over VEHICLE_KINDS x FLIGHT_PHASES, and the flat table holds rcsFor", () => {
    const flat = flattenRcsTable(NOTIONAL_RCS);
    for (const [k, kind] of VEHICLE_KINDS.entries()) {
      for (const [p, phase] of FLIGHT_PHASES.entries()) {
        const i = rcsIndex(kind, phase);
        expect(i).toBe(k * FLIGHT_PHASES.length + p);
        const e = rcsFor(kind, phase, NOTIONAL_RCS);
        expect(flat[2 * i]).toBe(e.rcsM2);
        expect(flat[2 * i + 1]).toBe(e.swerling);
      }
    }
  });
});
