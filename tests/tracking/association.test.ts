/**
 * Association: chi-square gate thresholds against tables (chi2inv(0.99, 2) = 9.2103, chi2inv(0.99, 3)
 * = 11.3449, chi2inv(0.99, 4) = 13.2767); global nearest neighbour finds the optimal assignment where a
 * greedy nearest-neighbour choice does not; JPDA association probabilities against a hand enumeration
 * of the joint events of a two-track, two-detection cluster (Bar-Shalom and Li 1995, section 6.2).
 */
import { describe, expect, it } from "vitest";
import { gateThreshold } from "../../src/tracking/association/gating.js";
import { gnnAssign } from "../../src/tracking/association/gnn.js";
import { jpdaProbabilities } from "../../src/tracking/association/jpda.js";

describe("gating", () => {
  it("matches chi-square table values", () => {
    expect(gateThreshold(0.99, 2)).toBeCloseTo(9.2103, 4);
    expect(gateThreshold(0.99, 3)).toBeCloseTo(11.3449, 4);
    expect(gateThreshold(0.99, 4)).toBeCloseTo(13.2767, 4);
  });
});

describe("global nearest neighbour", () => {
  it("takes the optimal assignment, not the greedy one", () => {
    // Greedy would give track 0 detection 0 (cost 1) and leave track 1 with 10; optimal: 2 + 3.
    const cost = [1, 2, 3, 10];
    const a = gnnAssign(cost, 2, 2, 20);
    expect(Array.from(a.trackToDetection)).toEqual([1, 0]);
    expect(a.cost).toBe(5);
  });
  it("leaves a track unassigned when every pair costs more than a miss, and honours the gate", () => {
    const a = gnnAssign([Infinity, 8, Infinity, Infinity], 2, 2, 5);
    expect(Array.from(a.trackToDetection)).toEqual([-1, -1]);
    const b = gnnAssign([Infinity, 4, 3, Infinity], 2, 2, 5);
    expect(Array.from(b.trackToDetection)).toEqual([1, 0]);
    expect(Array.from(b.detectionToTrack)).toEqual([1, 0]);
  });
});

describe("JPDA", () => {
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
    for (let t = 0; t < 2; t++) for (let j = 0; j < 3; j++) expect(beta[t * 3 + j]).toBeCloseTo(b(t, j), 12);
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
    expect(beta[1]).toBeCloseTo(g / (g + m), 12);
    expect(beta[2]).toBe(0);
    expect(beta[5]).toBeCloseTo(g / (g + m), 12);
  });
});
