// The sparse cut-off assignment (src/tracking/metrics/sparseAssignment.ts) against the dense one
// (ospa.ts cutoffAssignment over the full matrix): on random small clustered cases the optimal cost,
// OSPA and GOSPA are the same (the pairs may differ only between assignments of equal cost), and the
// grid finds exactly the pairs closer than the cut-off. Large components (a dense raid) go to the
// sparse shortest-augmenting-path solve, checked against the dense cost on clouds of 60-150 points.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gospa } from "../../src/tracking/metrics/gospa.js";
import { cutoffAssignment, ospa } from "../../src/tracking/metrics/ospa.js";
import {
  CloseComponents,
  closePairs,
  ospaGospaOf,
  sparseCutoffAssignment,
  sparseMinCostMatching,
} from "../../src/tracking/metrics/sparseAssignment.js";

const C = 1000;

/** Points in a few clusters (so components are non-trivial) around an ECEF-like offset. */
const cloud = (max: number) =>
  fc
    .array(
      fc.record({
        cluster: fc.integer({ min: 0, max: 3 }),
        dx: fc.double({ min: -1500, max: 1500, noNaN: true }),
        dy: fc.double({ min: -1500, max: 1500, noNaN: true }),
        dz: fc.double({ min: -1500, max: 1500, noNaN: true }),
      }),
      { maxLength: max },
    )
    .map((pts) => pts.map((p) => [6.4e6 + p.cluster * 5000 + p.dx, 1e5 + p.dy, -2e5 + p.dz]));

const pack = (pts: number[][]) => Float64Array.from(pts.flat());
const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

function denseCost(X: number[][], Y: number[][], p: number): number {
  let s = 0;
  for (const [i, j] of cutoffAssignment(X, Y, C, p)) s += Math.min(C, dist(X[i], Y[j])) ** p;
  return s + C ** p * (Math.min(X.length, Y.length) - cutoffAssignment(X, Y, C, p).length);
}

/** The sparse assignment of X and Y, checked (each X and each Y at most once, every matched pair
 *  closer than the cut-off), and its cost sum min(c, d)^p. */
function checkedSparse(X: number[][], Y: number[][], p: number) {
  const m = X.length;
  const n = Y.length;
  const matched = sparseCutoffAssignment(closePairs(pack(X), m, pack(Y), n, C), m, n, C, p);
  expect(new Set(matched.map((q) => q.i)).size).toBe(matched.length);
  expect(new Set(matched.map((q) => q.j)).size).toBe(matched.length);
  for (const q of matched) expect(q.distanceM).toBeLessThan(C);
  let cost = C ** p * (Math.min(m, n) - matched.length);
  for (const q of matched) cost += q.distanceM ** p;
  return { matched, cost };
}

describe("sparse cut-off assignment", () => {
  it("finds exactly the pairs closer than the cut-off", () => {
    fc.assert(
      fc.property(cloud(12), cloud(12), (X, Y) => {
        const pairs = closePairs(pack(X), X.length, pack(Y), Y.length, C);
        const found = new Set<string>();
        for (let k = 0; k < pairs.count; k++) found.add(`${pairs.i[k]},${pairs.j[k]}`);
        const want = new Set<string>();
        X.forEach((x, i) => Y.forEach((y, j) => dist(x, y) < C && want.add(`${i},${j}`)));
        expect(found).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it("one set of components solved for p = 1, then 2, then 1 again gives the one-call answers", () => {
    // The scorer groups the close pairs once and solves both exponents on them: a solve must leave the
    // components as it found them (clouds of up to 150 points reach the sparse solve too).
    fc.assert(
      fc.property(cloud(150), cloud(150), (X, Y) => {
        const m = X.length;
        const n = Y.length;
        const pairs = closePairs(pack(X), m, pack(Y), n, C);
        const components = new CloseComponents(pairs, m, n);
        for (const p of [1, 2, 1])
          expect(components.assign(C, p)).toEqual(sparseCutoffAssignment(pairs, m, n, C, p));
      }),
      { numRuns: 60 },
    );
  });

  it("has the dense assignment's cost, OSPA and GOSPA (p = 1 and 2)", () => {
    fc.assert(
      fc.property(cloud(9), cloud(9), fc.constantFrom(1, 2), (X, Y, p) => {
        const { matched, cost } = checkedSparse(X, Y, p);
        expect(cost).toBeCloseTo(denseCost(X, Y, p), 6);
        if (p === 2) {
          const g = ospaGospaOf(matched, X.length, Y.length, C, 2);
          expect(g.ospa).toBeCloseTo(ospa(X, Y, C).ospa, 6);
          expect(g.gospa).toBeCloseTo(gospa(X, Y, C).gospa, 6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("solves large components (above 64 x 64) sparsely, at the dense assignment's cost", () => {
    // One cluster of 60-150 points a side, 4 km across with a 1 km cut-off: one component of 60+
    // rows with many edges each, above the dense solve's limit.
    const big = fc
      .array(
        fc.tuple(
          fc.double({ min: -2000, max: 2000, noNaN: true }),
          fc.double({ min: -2000, max: 2000, noNaN: true }),
          fc.double({ min: -300, max: 300, noNaN: true }),
        ),
        { minLength: 65, maxLength: 150 },
      )
      .map((pts) => pts.map(([dx, dy, dz]) => [6.4e6 + dx, 1e5 + dy, -2e5 + dz]));
    fc.assert(
      fc.property(big, big, fc.constantFrom(1, 2), (X, Y, p) => {
        const { cost } = checkedSparse(X, Y, p);
        const dense = denseCost(X, Y, p);
        expect(Math.abs(cost - dense)).toBeLessThan(1e-9 * C ** p * Math.min(X.length, Y.length));
      }),
      { numRuns: 12 },
    );
  });

  it("sparse matching: leaves a row unmatched rather than take a worse pair, and re-routes", () => {
    // Rows 0 and 1 both want column 0 (costs -5 and -4); row 1's alternative column 1 costs -3:
    // the optimum is 0 -> 0, 1 -> 1 (-8), not 1 -> 0 (-4) with row 0 alone.
    const m = sparseMinCostMatching(
      2,
      2,
      Int32Array.from([1, 0, 1]),
      Int32Array.from([0, 0, 1]),
      Float64Array.from([-4, -5, -3]),
    );
    expect(Array.from(m)).toEqual([1, 2]);
    // Row 1 has no column left: it stays unmatched (-1).
    const lone = sparseMinCostMatching(
      2,
      1,
      Int32Array.from([0, 1]),
      Int32Array.from([0, 0]),
      Float64Array.from([-5, -4]),
    );
    expect(Array.from(lone)).toEqual([0, -1]);
  });

  it("splits into components: two far clusters are solved alone", () => {
    const X = [
      [0, 0, 0],
      [10, 0, 0],
      [1e6, 0, 0],
    ];
    const Y = [
      [5, 0, 0],
      [1e6 + 3, 0, 0],
    ];
    const matched = sparseCutoffAssignment(closePairs(pack(X), 3, pack(Y), 2, C), 3, 2, C, 1);
    expect(matched.map((q) => [q.i, q.j])).toEqual([
      [0, 0],
      [2, 1],
    ]);
  });
});
