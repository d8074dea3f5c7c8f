/**
 * Association: chi-square gate thresholds against tables (chi2inv(0.99, 2) = 9.2103, chi2inv(0.99, 3)
 * = 11.3449, chi2inv(0.99, 4) = 13.2767); global nearest neighbour finds the optimal assignment where a
 * greedy nearest-neighbour choice does not; JPDA association probabilities against a hand enumeration
 * of the joint events of a two-track, two-detection cluster (Bar-Shalom and Li 1995, section 6.2).
 */
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { gateThreshold } from "../../src/tracking/association/gating.js";
import { gnnAssign } from "../../src/tracking/association/gnn.js";
import { jpdaProbabilities } from "../../src/tracking/association/jpda.js";
import { Worst, recordValidation, sig } from "../validation.js";

describe("gating", () => {
  it("matches chi-square table values", () => {
    const w = new Worst();
    for (const [m, table] of [
      [2, 9.2103],
      [3, 11.3449],
      [4, 13.2767],
    ]) {
      w.add(Math.abs(gateThreshold(0.99, m) - table), `m = ${m}`);
      expect(gateThreshold(0.99, m)).toBeCloseTo(table, 4);
    }
    recordValidation({
      area: "tracking",
      model: "gateThreshold (chi-square gate)",
      reference:
        "chi-square tables: chi2inv(0.99, 2) = 9.2103, chi2inv(0.99, 3) = 11.3449, chi2inv(0.99, 4) = 13.2767",
      figure: `worst |threshold - table| ${sig(w.value, 2)} (${w.at})`,
      tolerance: "< 5e-5 (half the last printed digit)",
    });
  });
});

const gnnGap = new Worst();
const gnnFigures: string[] = [];
afterAll(() => {
  if (gnnFigures.length + gnnGap.count > 0)
    recordValidation({
      area: "tracking",
      model: "gnnAssign (global nearest neighbour)",
      reference:
        "the optimal assignment: a 2 x 2 case where the greedy choice costs 11 and the optimum 5; brute-force enumeration of random one-track or one-detection problems (the direct solution), gates and miss costs honoured",
      figure: [
        ...gnnFigures,
        `${gnnGap.count} random problems: worst |cost - optimum| ${sig(gnnGap.value, 2)}`,
      ].join("; "),
      tolerance: "optimum exactly; random < 5e-10",
    });
});

describe("global nearest neighbour", () => {
  it("takes the optimal assignment, not the greedy one", () => {
    // Greedy would give track 0 detection 0 (cost 1) and leave track 1 with 10; optimal: 2 + 3.
    const cost = [1, 2, 3, 10];
    const a = gnnAssign(cost, 2, 2, 20);
    expect(Array.from(a.trackToDetection)).toEqual([1, 0]);
    expect(a.cost).toBe(5);
    gnnFigures.unshift(`2 x 2 example: cost ${a.cost} (optimum 5; greedy 11)`);
  });
  it("leaves a track unassigned when every pair costs more than a miss, and honours the gate", () => {
    const a = gnnAssign([Infinity, 8, Infinity, Infinity], 2, 2, 5);
    expect(Array.from(a.trackToDetection)).toEqual([-1, -1]);
    const b = gnnAssign([Infinity, 4, 3, Infinity], 2, 2, 5);
    expect(Array.from(b.trackToDetection)).toEqual([1, 0]);
    expect(Array.from(b.detectionToTrack)).toEqual([1, 0]);
  });
});

describe("global nearest neighbour with one track or one detection (direct solution)", () => {
  it("reaches the brute-force optimum, gates honoured (property)", () => {
    const cost = fc.oneof(fc.constant(Infinity), fc.double({ min: 0, max: 20, noNaN: true }));
    const problem = fc.oneof(
      fc.integer({ min: 1, max: 6 }).map((d) => [1, d] as const),
      fc.integer({ min: 1, max: 6 }).map((t) => [t, 1] as const),
    );
    fc.assert(
      fc.property(
        problem.chain(([T, D]) =>
          fc.tuple(
            fc.constant(T),
            fc.constant(D),
            fc.array(cost, { minLength: T * D, maxLength: T * D }),
            fc.double({ min: 0.5, max: 15, noNaN: true }),
          ),
        ),
        ([T, D, c, miss]) => {
          const a = gnnAssign(c, T, D, miss);
          // Brute force: every single pair (at most one is possible) or none.
          let best = T * miss;
          for (let i = 0; i < T; i++)
            for (let j = 0; j < D; j++) best = Math.min(best, (T - 1) * miss + c[i * D + j]);
          expect(gnnGap.add(Math.abs(a.cost - best))).toBeLessThan(5e-10);
          let total = 0;
          for (let i = 0; i < T; i++) {
            const j = a.trackToDetection[i];
            if (j >= 0) {
              expect(Number.isFinite(c[i * D + j])).toBe(true);
              expect(a.detectionToTrack[j]).toBe(i);
              total += c[i * D + j];
            } else total += miss;
          }
          expect(total).toBeCloseTo(best, 9);
        },
      ),
    );
  });
});

describe("JPDA", () => {
  const jpdaErr = new Worst();
  afterAll(() => {
    if (jpdaErr.count > 0)
      recordValidation({
        area: "tracking",
        model: "jpdaProbabilities",
        reference:
          "hand enumeration of the 7 joint events of a two-track, two-detection cluster (weights P_D L / lambda per assigned pair, 1 - P_D P_G per undetected track; Bar-Shalom & Li 1995 sec. 6.2); one track alone: beta = g / (g + 1 - P_D P_G)",
        figure: `worst |beta - enumeration| over ${jpdaErr.count} association probabilities: ${sig(jpdaErr.value, 2)}`,
        tolerance: "< 5e-13",
      });
  });
  it("matches a hand enumeration of a two-track, two-detection cluster", () => {
    const pd = 0.9;
    const pg = 0.99;
    const lambda = 0.01;
    const L = [
      [0.5, 0.2],
      [0.1, 0.4],
    ];
    const logL = [Math.log(L[0][0]), Math.log(L[0][1]), Math.log(L[1][0]), Math.log(L[1][1])];
    const { beta } = jpdaProbabilities(logL, 2, 2, {
      detectionProbability: pd,
      gateProbability: pg,
      clutterDensity: lambda,
    });
    // Joint events (track 0 -> a, track 1 -> b; 0 = none): weight prod over detected (pd L / lambda),
    // prod over undetected (1 - pd pg).
    const m = 1 - pd * pg;
    const g = (t: number, j: number) => (pd * L[t][j]) / lambda;
    const events: [number, number, number][] = [
      [0, 0, m * m],
      [1, 0, g(0, 0) * m],
      [2, 0, g(0, 1) * m],
      [0, 1, m * g(1, 0)],
      [0, 2, m * g(1, 1)],
      [1, 2, g(0, 0) * g(1, 1)],
      [2, 1, g(0, 1) * g(1, 0)],
    ];
    const total = events.reduce((s, e) => s + e[2], 0);
    const b = (t: number, j: number) =>
      events.filter((e) => e[t] === j).reduce((s, e) => s + e[2], 0) / total;
    for (let t = 0; t < 2; t++)
      for (let j = 0; j < 3; j++)
        expect(jpdaErr.add(Math.abs(beta[t * 3 + j] - b(t, j)))).toBeLessThan(5e-13);
  });
  it("separates clusters that share no detection", () => {
    const logL = [0, -Infinity, -Infinity, 0];
    const { beta } = jpdaProbabilities(logL, 2, 2, {
      detectionProbability: 0.9,
      gateProbability: 0.99,
      clutterDensity: 1,
    });
    // Each track alone: beta_1 = (pd L / lambda) / ((pd L / lambda) + (1 - pd pg)).
    const g = 0.9;
    const m = 1 - 0.9 * 0.99;
    expect(jpdaErr.add(Math.abs(beta[1] - g / (g + m)))).toBeLessThan(5e-13);
    expect(beta[2]).toBe(0);
    expect(jpdaErr.add(Math.abs(beta[5] - g / (g + m)))).toBeLessThan(5e-13);
  });
});
