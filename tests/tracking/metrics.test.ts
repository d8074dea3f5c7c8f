/**
 * Metrics: OSPA against the definition's worked values (Schuhmacher, Vo and Vo 2008: a cardinality
 * error costs c, a localisation error its cut-off distance, normalised by the larger cardinality) and
 * its metric axioms; GOSPA with alpha = 2 against Rahmathullah et al. 2017 (a missed or false target
 * costs c^p / 2, an assigned pair d^p, pairs beyond c count as one missed plus one false) and its
 * triangle inequality; RMSE, NEES/NIS bounds (chi-square quantiles, Bar-Shalom et al. 2001 section
 * 5.4.2: 50 runs of a 6-state filter -> [5.08, 7.00] at 95 %), continuity, purity, time to confirm.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ospa } from "../../src/tracking/metrics/ospa.js";
import { gospa } from "../../src/tracking/metrics/gospa.js";
import { RmseAccumulator, positionVelocityRmse } from "../../src/tracking/metrics/rmse.js";
import { averageChiSquareBounds, nees, nis } from "../../src/tracking/metrics/consistency.js";
import { assignTracksToTruths, continuityAndPurity } from "../../src/tracking/metrics/continuity.js";
import { timeToConfirm } from "../../src/tracking/metrics/timeToConfirm.js";
import { Worst, recordValidation, sig } from "../validation.js";

const pt = (x: number, y = 0, z = 0) => [x, y, z];

describe("OSPA", () => {
  it("worked values", () => {
    const w = new Worst();
    expect(ospa([], [], 10).ospa).toBe(0);
    expect(w.add(Math.abs(ospa([pt(0)], [], 10).ospa - 10))).toBeLessThan(5e-13);
    expect(w.add(Math.abs(ospa([pt(0)], [pt(3)], 10, 2).ospa - 3))).toBeLessThan(5e-13);
    expect(w.add(Math.abs(ospa([pt(0)], [pt(30)], 10, 2).ospa - 10))).toBeLessThan(5e-13);
    // X = {0}, Y = {0, 100}, c = 10, p = 1: (0 + 10 * 1) / 2 = 5.
    expect(w.add(Math.abs(ospa([pt(0)], [pt(0), pt(100)], 10, 1).ospa - 5))).toBeLessThan(5e-13);
    // p = 2, X = {0, 10}, Y = {1}: sqrt((1 + 100) / 2).
    const r = ospa([pt(0), pt(10)], [pt(1)], 10, 2);
    expect(w.add(Math.abs(r.ospa - Math.sqrt(101 / 2)))).toBeLessThan(5e-13);
    const split = Math.abs(r.ospa ** 2 - (r.localisation ** 2 + r.cardinality ** 2));
    expect(r.ospa ** 2).toBeCloseTo(r.localisation ** 2 + r.cardinality ** 2, 9);
    recordValidation({
      area: "tracking",
      model: "ospa",
      reference:
        "Schuhmacher, Vo & Vo, IEEE Trans. SP 56(8) 2008, definition: empty sets 0; one unmatched point c; a pair min(d, c); normalised by the larger cardinality (e.g. X = {0}, Y = {0, 100}, c = 10, p = 1: 5; X = {0, 10}, Y = {1}, p = 2: sqrt(101/2))",
      figure: `6 worked values: worst error ${sig(w.value, 2)}; localisation^2 + cardinality^2 - OSPA^2 ${sig(split, 2)}`,
      tolerance: "< 5e-13; split < 5e-10",
    });
  });
  it("is symmetric, zero on equal sets and satisfies the triangle inequality (property)", () => {
    const set = fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(set, set, set, (a, b, c) => {
        const A = a.map(([x, y]) => pt(x, y));
        const B = b.map(([x, y]) => pt(x, y));
        const C = c.map(([x, y]) => pt(x, y));
        const d = (X: number[][], Y: number[][]) => ospa(X, Y, 20, 2).ospa;
        expect(d(A, B)).toBeCloseTo(d(B, A), 9);
        expect(d(A, A)).toBeCloseTo(0, 9);
        expect(d(A, C)).toBeLessThanOrEqual(d(A, B) + d(B, C) + 1e-9);
      }),
    );
  });
});

describe("GOSPA (alpha = 2)", () => {
  it("worked values and decomposition", () => {
    const c = 10;
    const w = new Worst();
    const err = (v: number, ref: number) => w.add(Math.abs(v - ref));
    expect(err(gospa([pt(0)], [], c, 2).gospa, Math.sqrt(50))).toBeLessThan(5e-13); // one missed: c^2 / 2
    expect(err(gospa([], [pt(0)], c, 1).gospa, 5)).toBeLessThan(5e-13); // one false: c / 2
    expect(err(gospa([pt(0)], [pt(3)], c, 2).gospa, 3)).toBeLessThan(5e-13);
    const far = gospa([pt(0)], [pt(30)], c, 2);
    expect(err(far.gospa, c)).toBeLessThan(5e-13); // missed + false = c^2
    expect([far.missed, far.false]).toEqual([1, 1]);
    const r = gospa([pt(0), pt(100)], [pt(1), pt(2), pt(300)], c, 2);
    // 0 <-> 1 or 2 at distance 1 (best), 100 missed, two estimates false.
    expect(err(r.localisationP, 1)).toBeLessThan(5e-13);
    expect([r.missed, r.false]).toEqual([1, 2]);
    expect(err(r.gospa, Math.sqrt(1 + 50 * 3))).toBeLessThan(5e-13);
    recordValidation({
      area: "tracking",
      model: "gospa (alpha = 2)",
      reference:
        "Rahmathullah, Garcia-Fernandez & Svensson, FUSION 2017: a missed or false target costs c^p / 2, an assigned pair d^p, a pair beyond c one missed plus one false (e.g. X = {0, 100}, Y = {1, 2, 300}, c = 10, p = 2: sqrt(1 + 3 * 50))",
      figure: `6 worked values: worst error ${sig(w.value, 2)}; missed and false counts exact (1 and 1; 1 and 2)`,
      tolerance: "< 5e-13; counts exact",
    });
  });
  it("satisfies the triangle inequality (property)", () => {
    const set = fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(set, set, set, (a, b, c) => {
        const [A, B, C] = [a, b, c].map((s) => s.map(([x, y]) => pt(x, y)));
        const d = (X: number[][], Y: number[][]) => gospa(X, Y, 20, 2).gospa;
        expect(d(A, C)).toBeLessThanOrEqual(d(A, B) + d(B, C) + 1e-9);
        expect(d(A, B)).toBeCloseTo(d(B, A), 9);
      }),
    );
  });
});

describe("RMSE and consistency statistics", () => {
  it("RMSE of known errors", () => {
    const acc = new RmseAccumulator();
    acc.add([3, 4, 0, 1, 0, 0], [0, 0, 0], [0, 0, 0]);
    acc.add([0, 0, 0, 0, 0, 0], [0, 0, 0], [0, 0, 0]);
    expect(acc.positionM).toBeCloseTo(Math.sqrt(25 / 2), 12);
    expect(acc.velocityMps).toBeCloseTo(Math.sqrt(1 / 2), 12);
    const r = positionVelocityRmse([[1, 0, 0, 0, 2, 0]], [[0, 0, 0, 0, 0, 0]]);
    expect(r).toEqual({ positionM: 1, velocityMps: 2 });
  });
  it("NEES and NIS", () => {
    expect(nees([1, 2], [4, 0, 0, 1], [3, 2])).toBeCloseTo(1, 12); // (2^2)/4
    expect(nis([2, 0], [4, 0, 0, 9])).toBeCloseTo(1, 12);
  });
  it("chi-square bounds of a 50-run average (6 dof)", () => {
    const b = averageChiSquareBounds(50, 6, 0.95);
    // chi2inv(0.025, 300) = 253.91, chi2inv(0.975, 300) = 349.87 (standard tables).
    recordValidation({
      area: "tracking",
      model: "averageChiSquareBounds (NEES and NIS acceptance interval)",
      reference:
        "Bar-Shalom, Li & Kirubarajan 2001 sec. 5.4.2: 95 % interval of a 50-run average of a 6-dof NEES, [chi2inv(0.025, 300), chi2inv(0.975, 300)] / 50 = [253.912, 349.874] / 50",
      figure: `[${sig(b.lower, 6)}, ${sig(b.upper, 6)}]: errors ${sig(Math.abs(b.lower - 253.912 / 50), 2)}, ${sig(Math.abs(b.upper - 349.874 / 50), 2)}`,
      tolerance: "< 5e-4",
    });
    expect(b.lower).toBeCloseTo(253.912 / 50, 3);
    expect(b.upper).toBeCloseTo(349.874 / 50, 3);
  });
});

describe("continuity, purity and time to confirm", () => {
  it("counts id switches, fragmentations and purity", () => {
    const truths = [
      { id: "a", positionEcefM: pt(0) },
      { id: "b", positionEcefM: pt(1000) },
    ];
    const samples = [
      ...assignTracksToTruths(0, truths, [{ id: "T1", positionEcefM: pt(5) }], 100),
      ...assignTracksToTruths(
        1,
        truths,
        [
          { id: "T1", positionEcefM: pt(3) },
          { id: "T2", positionEcefM: pt(990) },
        ],
        100,
      ),
      ...assignTracksToTruths(2, truths, [{ id: "T2", positionEcefM: pt(995) }], 100),
      ...assignTracksToTruths(
        3,
        truths,
        [
          { id: "T3", positionEcefM: pt(1) },
          { id: "T2", positionEcefM: pt(1001) },
        ],
        100,
      ),
      ...assignTracksToTruths(
        4,
        truths,
        [
          { id: "T3", positionEcefM: pt(2) },
          { id: "T2", positionEcefM: pt(1002) },
        ],
        100,
      ),
    ];
    const { truths: cont, tracks } = continuityAndPurity(samples);
    const a = cont.find((c) => c.truthId === "a")!;
    expect(a).toMatchObject({ trackedSamples: 4, distinctTracks: 2, idSwitches: 1, fragmentations: 1 });
    expect(a.continuity).toBeCloseTo(0.5, 12);
    const b = cont.find((c) => c.truthId === "b")!;
    expect(b).toMatchObject({
      trackedSamples: 4,
      distinctTracks: 1,
      idSwitches: 0,
      fragmentations: 0,
      continuity: 1,
    });
    expect(tracks.every((t) => t.purity === 1)).toBe(true);
  });
  it("time from first detection to the first confirmed track", () => {
    const dets = [
      { timeS: 2, truthId: "a" },
      { timeS: 1, truthId: "a" },
      { timeS: 5, truthId: "b" },
      { timeS: 0, truthId: null },
    ];
    const samples = [
      { timeS: 4, truthId: "a", trackId: "T1" },
      { timeS: 3, truthId: "a", trackId: null },
      { timeS: 6, truthId: "b", trackId: null },
    ];
    expect(timeToConfirm(dets, samples)).toEqual([
      { truthId: "a", firstDetectionS: 1, firstConfirmedTrackS: 4, delayS: 3 },
      { truthId: "b", firstDetectionS: 5, firstConfirmedTrackS: null, delayS: null },
    ]);
  });
});
