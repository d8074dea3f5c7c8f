/**
 * FlightSamples.compact: an ended flight's columns move to a buffer of exactly their rows (growth by
 * doubling leaves up to half a buffer unused) with every value kept, and a compact buffer stays as it is.
 */
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { FlightSamples } from "../../src/flight/result.js";

const ROW_BYTES = 12 * 8 + 1;

/** Every column's rows, as text to compare. */
function columnsOf(s: FlightSamples): string {
  const columns = [s.timeS, s.posEcefM, s.velEcefMps, s.massKg, s.phase, s.altM, s.mach, s.thrustN];
  return JSON.stringify([...columns, s.surfaceTempK].map((a) => Array.from(a)));
}

describe("flight samples", () => {
  it("compact keeps every row and drops the unused capacity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), (rows) => {
        const s = new FlightSamples();
        const y = new Float64Array(7);
        for (let i = 0; i < rows; i++) {
          for (let k = 0; k < 7; k++) y[k] = i * 10 + k + 0.5;
          const j = s.push(i * 0.5, y, i % 5);
          s.altM[j] = i;
          s.mach[j] = -i;
          s.thrustN[j] = 2 * i;
          s.surfaceTempK[j] = 3 * i;
        }
        s.trim();
        const before = columnsOf(s);
        s.compact();
        const after = columnsOf(s);
        expect(after).toBe(before);
        expect(s.count).toBe(rows);
        expect(s.timeS.buffer.byteLength).toBe(Math.max(1, rows) * ROW_BYTES);
        const buffer = s.timeS.buffer;
        s.compact();
        expect(s.timeS.buffer).toBe(buffer);
      }),
      { numRuns: 40 },
    );
  });
});
