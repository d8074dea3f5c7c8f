/**
 * The run's track-sample columns (src/sim/trackSamples.ts): rows read back as they were pushed across
 * the first chunk's doublings and the fixed chunks after it (65,536 rows each), and the track and
 * threat indices as the writers read them.
 */
import { describe, expect, it } from "vitest";
import { TrackSampleColumns } from "../../src/sim/trackSamples.js";

describe("track sample columns", () => {
  it("reads back every row across chunk boundaries", () => {
    const rows = 2 * 65_536 + 1_000;
    const c = new TrackSampleColumns(["a", "b"]);
    const P = new Float64Array(49);
    const x = new Float64Array(7);
    for (let k = 0; k < rows; k++) {
      for (let i = 0; i < 6; i++) x[i] = k * 10 + i;
      P[0] = k;
      P[8] = 2 * k;
      P[16] = 3 * k;
      P[24] = 4;
      P[32] = 5;
      P[40] = 7;
      c.push(k * 0.5, `t${k % 7}`, k % 3 === 0 ? "confirmed" : "tentative", x, P, (k % 3) - 1);
    }
    expect(c.count).toBe(rows);
    for (const k of [0, 1, 255, 256, 65_535, 65_536, 65_537, 131_071, 131_072, rows - 1]) {
      const r = c.row(k);
      expect(r.timeS).toBe(k * 0.5);
      expect(r.trackId).toBe(`t${k % 7}`);
      expect(r.status).toBe(k % 3 === 0 ? "confirmed" : "tentative");
      expect(r.threatId).toBe([null, "a", "b"][k % 3]);
      expect(r.posEcefM).toEqual([k * 10, k * 10 + 1, k * 10 + 2]);
      expect(r.velEcefMps).toEqual([k * 10 + 3, k * 10 + 4, k * 10 + 5]);
      expect(r.sigmaPosM).toBe(Math.sqrt(6 * k));
      expect(r.sigmaVelMps).toBe(4);
    }
    expect(c.trackIdsByThreat()).toEqual([
      ["t1", "t4", "t0", "t3", "t6", "t2", "t5"],
      ["t2", "t5", "t1", "t4", "t0", "t3", "t6"],
    ]);
    expect([...c.rows()].length).toBe(rows);
  });
});
