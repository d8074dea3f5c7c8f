/**
 * Miss evidence for track deletion (src/tracking/management/missEvidence.ts): a missed scan adds
 * -ln(1 - P_D P_G), the decrement of the log-likelihood-ratio track score (Blackman and Popoli 1999,
 * ch. 6), with P_D the sensor's recent detection rate of the track; simultaneous misses count once.
 * Closed forms: a sensor that detects on every look makes each miss worth -ln(1 - P_G) = ln 100 for a
 * 99 % gate, one that detects one look in two about -ln(1 - 0.5 P_G).
 */
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  LOOK_MEMORY,
  MissRun,
  missEvidenceLimit,
  recordHit,
  recordMiss,
} from "../../src/tracking/management/missEvidence.js";
import type { SensorLooks } from "../../src/tracking/management/missEvidence.js";
import { Worst, recordValidation, sig } from "../validation.js";

const PG = 0.99;

describe("miss evidence", () => {
  const parts: string[] = [];
  const together = new Worst();
  afterAll(() => {
    if (together.count > 0)
      parts.push(
        `${together.count} random runs of simultaneous misses: worst |evidence - sum of the largest per instant| ${sig(together.value, 2)}`,
      );
    if (parts.length > 0)
      recordValidation({
        area: "tracking",
        model: "Miss evidence (track deletion)",
        reference:
          "the log-likelihood-ratio track score decrement -ln(1 - P_D P_G) of a missed scan (Blackman & Popoli 1999 ch. 6), 99 % gate: P_D = 1 gives ln 100 = 4.605 per miss; an alternating sensor's discounted rate 1 / (1 + 0.9) just after a hit gives -ln(1 - 0.99 / 1.9)",
        figure: parts.join("; "),
        tolerance:
          "< 5e-13 (always detecting); < 5e-7 (alternating); simultaneous misses: the largest, < 5e-10",
      });
  });
  it("a sensor that always detects: each miss is worth ln 100, N of them the limit of N misses", () => {
    const looks = new Map<string, SensorLooks>();
    for (let t = 0; t < 20; t++) recordHit(looks, "radar", t);
    const run = new MissRun();
    for (let t = 20; t < 26; t++) run.add(t, recordMiss(looks.get("radar")!, PG));
    expect(run.count).toBe(6);
    parts.unshift(
      `always detecting: 6 misses ${sig(run.evidence, 5)} nats, error ${sig(Math.abs(run.evidence - 6 * Math.log(100)), 2)}`,
    );
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
    parts.push(
      `every other look: rate ${sig(looks.get("sat")!.rateAtLastHit, 4)} (error ${sig(Math.abs(looks.get("sat")!.rateAtLastHit - rate), 2)}), ` +
        `a miss ${sig(e, 4)} nats (error ${sig(Math.abs(e + Math.log(1 - rate * PG)), 2)}), ${sig(e / Math.log(100), 2)} of a sure sensor's`,
    );
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
          expect(together.add(Math.abs(run.evidence - expected))).toBeLessThan(5e-10);
          expect(run.count).toBe(instants.reduce((n, es) => n + es.length, 0));
        },
      ),
    );
  });
});
