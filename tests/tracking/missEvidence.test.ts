/**
 * Miss evidence for track deletion (src/tracking/management/missEvidence.ts): a missed scan adds
 * -ln(1 - P_D P_G), the decrement of the log-likelihood-ratio track score (Blackman and Popoli 1999,
 * ch. 6), with P_D the sensor's recent detection rate of the track; simultaneous misses count once.
 * Closed forms: a sensor that detects on every look makes each miss worth -ln(1 - P_G) = ln 100 for a
 * 99 % gate, one that detects one look in two about -ln(1 - 0.5 P_G).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  LOOK_MEMORY,
  MissRun,
  missEvidenceLimit,
  recordHit,
  recordMiss,
} from "../../src/tracking/management/missEvidence.js";
import type { SensorLooks } from "../../src/tracking/management/missEvidence.js";

const PG = 0.99;

describe("miss evidence", () => {
  it("a sensor that always detects: each miss is worth ln 100, N of them the limit of N misses", () => {
    const looks = new Map<string, SensorLooks>();
    for (let t = 0; t < 20; t++) recordHit(looks, "radar", t);
    const run = new MissRun();
    for (let t = 20; t < 26; t++) run.add(t, recordMiss(looks.get("radar")!, PG));
    expect(run.count).toBe(6);
    expect(run.evidence).toBeCloseTo(6 * Math.log(100), 12);
    expect(run.evidence).toBeCloseTo(missEvidenceLimit(6, PG), 12);
  });

  it("a sensor that detects every other look: each miss is worth about -ln(1 - 0.5 P_G)", () => {
    const looks = new Map<string, SensorLooks>();
    for (let t = 0; t < 200; t++) {
      if (t % 2 === 0) recordHit(looks, "sat", t);
      else recordMiss(looks.get("sat")!, PG);
    }
    // Discounted rate just after a hit of the alternating sequence: 1 / (1 + LOOK_MEMORY).
    const rate = 1 / (1 + LOOK_MEMORY);
    expect(looks.get("sat")!.rateAtLastHit).toBeCloseTo(rate, 6);
    const e = recordMiss(looks.get("sat")!, PG);
    expect(e).toBeCloseTo(-Math.log(1 - rate * PG), 6);
    expect(e).toBeLessThan(Math.log(100) / 5);
  });

  it("a run of misses is scored with the rate at the last hit (it cannot lower its own penalty)", () => {
    const looks = new Map<string, SensorLooks>();
    for (let t = 0; t < 20; t++) recordHit(looks, "radar", t);
    const s = looks.get("radar")!;
    const first = recordMiss(s, PG);
    for (let k = 0; k < 10; k++) expect(recordMiss(s, PG)).toBe(first);
  });

  it("simultaneous misses count once, with the largest evidence", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (instants) => {
          const run = new MissRun();
          let expected = 0;
          instants.forEach((es, t) => {
            for (const e of es) run.add(t, e);
            expected += Math.max(...es);
          });
          expect(run.evidence).toBeCloseTo(expected, 9);
          expect(run.count).toBe(instants.reduce((n, es) => n + es.length, 0));
        },
      ),
    );
  });
});
