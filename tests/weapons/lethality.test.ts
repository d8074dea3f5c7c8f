/**
 * Lethality against miss distance and its expectation over a Gaussian miss.
 * - K1 against Abramowitz & Stegun, Handbook of Mathematical Functions, table 9.8 (printed values).
 * - Expected Pk of each kill mechanism against a Monte Carlo of the miss (seeded stream, 400,000 draws),
 *   and the closed forms named in src/weapons/lethality.ts: Rayleigh for the cookie cutter
 *   (1 - exp(-R^2 / 2 sigma^2)), L^2 / (L^2 + sigma^2) for the Carleton function, and the K1 form for
 *   Poisson fragment hits.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { randomStream } from "../../src/math/random.js";
import {
  besselK1,
  expectedKillProbability,
  killProbability,
  type Lethality,
} from "../../src/weapons/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

// A&S table 9.8 gives e^x K1(x) (and x K1(x) below 2); these are K1 from those columns.
const K1_TABLE: [number, number][] = [
  [0.1, 9.85384478],
  [0.5, 1.65644112],
  [1, 0.6019072302],
  [2, 0.1398658818],
  [5, 0.004044613445],
  [10, 1.864877345e-5],
];

const KINDS: Lethality[] = [
  { kind: "hit-to-kill", hitRadiusM: 0.5, killGivenHit: 0.9 },
  { kind: "blast-fragmentation", lethalRadiusM: 8, reliability: 0.95 },
  { kind: "gaussian", lethalRadiusM: 3, killAtZeroMiss: 0.8 },
];

describe("lethality", () => {
  const k1Err = new Worst();
  const mcErr = new Worst();
  afterAll(() => {
    recordValidation({
      area: "weapons",
      model: "besselK1 (A&S 9.8.7-9.8.8 polynomials)",
      reference: "Abramowitz & Stegun table 9.8, x = 0.1 to 10",
      figure: `worst relative error ${sig(k1Err.value, 2)} (${k1Err.at})`,
      tolerance: "2.2e-7 (A&S's stated bound)",
    });
    recordValidation({
      area: "weapons",
      model: "expectedKillProbability (hit-to-kill, blast-fragmentation, Carleton)",
      reference:
        "Monte Carlo of a circular Gaussian miss, 400,000 draws per case (seeded); closed forms in lethality.ts",
      figure: `worst |closed form - Monte Carlo| ${sig(mcErr.value, 2)} (${mcErr.at})`,
      tolerance: "4 Monte Carlo standard errors (about 3e-3)",
    });
  });

  it("K1 matches the printed table", () => {
    for (const [x, ref] of K1_TABLE)
      expect(k1Err.add(Math.abs(besselK1(x) / ref - 1), `x=${x}`)).toBeLessThan(2.2e-7);
  });

  for (const l of KINDS) {
    for (const sigma of [0.2, 1, 3, 10, 40, 200]) {
      it(`${l.kind}: expectation at sigma = ${sigma} m equals a Monte Carlo`, () => {
        const rng = randomStream(7, 0, `lethality:${l.kind}:${sigma}`);
        const n = 400_000;
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const x = rng.normal(0, sigma);
          const y = rng.normal(0, sigma);
          sum += killProbability(l, Math.hypot(x, y));
        }
        const mc = sum / n;
        const closed = expectedKillProbability(l, sigma);
        const se = Math.sqrt(Math.max(mc * (1 - mc), 1e-6) / n);
        expect(mcErr.add(Math.abs(closed - mc), `${l.kind} sigma=${sigma}`)).toBeLessThan(4 * se + 1e-4);
      });
    }
  }

  it("the Carleton form is exact for an elliptical miss (Monte Carlo)", () => {
    const l: Lethality = { kind: "gaussian", lethalRadiusM: 3, killAtZeroMiss: 1 };
    const rng = randomStream(7, 0, "lethality:ellipse");
    const n = 200_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += killProbability(l, Math.hypot(rng.normal(0, 1), rng.normal(0, 6)));
    expect(Math.abs(expectedKillProbability(l, 1, 6) - sum / n)).toBeLessThan(4e-3);
  });

  it("Pk falls with the miss, and the expectation with the spread (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (l, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(killProbability(l, hi)).toBeLessThanOrEqual(killProbability(l, lo));
          expect(expectedKillProbability(l, hi)).toBeLessThanOrEqual(expectedKillProbability(l, lo) + 1e-12);
          const p = expectedKillProbability(l, lo);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it("blast fragmentation: half the reliability at the lethal radius", () => {
    expect(
      killProbability({ kind: "blast-fragmentation", lethalRadiusM: 8, reliability: 0.9 }, 8),
    ).toBeCloseTo(0.45, 14);
  });

  it("refuses bad arguments", () => {
    expect(() => killProbability(KINDS[0], -1)).toThrow(RangeError);
    expect(() => killProbability(KINDS[0], NaN)).toThrow(/missM/);
    expect(() => expectedKillProbability(KINDS[1], NaN)).toThrow(/sigma1M/);
    expect(() => besselK1(0)).toThrow(RangeError);
  });
});
