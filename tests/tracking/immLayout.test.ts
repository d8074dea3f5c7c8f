/**
 * The IMM's interaction (mixing) and output combination for modes of different dimension
 * (src/tracking/filters/immLayout.ts) against a direct, plain-array transcription of the formulas of
 * imm.ts (Blom and Bar-Shalom 1988; Bar-Shalom, Li and Kirubarajan 2001, section 11.6.6, eqs. of the
 * interaction and combination steps), with unbiased mixing of missing components (Yuan, Bar-Shalom,
 * Willett et al., IEEE Trans. AES 48(4), 2012): mode i carried into mode j's layout keeps its own
 * components, takes mode j's mean and covariance block where it lacks both components of an entry and
 * no cross-covariance where it lacks one; the combination fills a missing group with its moment match
 * over the modes that have it. Random mode states (property test); results exactly symmetric.
 */
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { ImmFilter } from "../../src/tracking/filters/imm.js";
import { ImmLayout } from "../../src/tracking/filters/immLayout.js";
import { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import { ConstantAccelerationModel } from "../../src/tracking/models/transition/constantAcceleration.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import { TestRng } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const filters = [
  new ExtendedKalmanFilter({ transition: new BallisticModel() }),
  new ExtendedKalmanFilter({ transition: new ConstantAccelerationModel() }),
  new ExtendedKalmanFilter({ transition: new ConstantVelocityModel() }),
];
const names = filters.map((f) => f.transition.stateNames ?? []);
const imm = new ImmFilter({ filters });
const layout = new ImmLayout(filters);

/** A random mode state: mean of km-scale positions, covariance B B^T + I (positive definite). */
function randomState(seed: number) {
  const rng = new TestRng(seed);
  const s = imm.createState(0);
  for (const m of s.modes) {
    const n = m.x.length;
    for (let i = 0; i < n; i++) m.x[i] = (i < 3 ? 1e5 : 1e2) * rng.normal();
    const B = Array.from({ length: n * n }, () => 30 * rng.normal());
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let v = i === j ? 1 : 0;
        for (let k = 0; k < n; k++) v += B[i * n + k] * B[j * n + k];
        m.P[i * n + j] = v;
      }
    }
  }
  const p = [rng.uniform() + 0.01, rng.uniform() + 0.01, rng.uniform() + 0.01];
  const sum = p[0] + p[1] + p[2];
  s.probabilities.set(p.map((v) => v / sum));
  return s;
}

/** Each entry within 1e-9 of (1 + |b|); the worst ratio goes to `worst`. */
function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, worst: Worst): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++)
    expect(worst.add(Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])))).toBeLessThanOrEqual(1e-9);
}

function expectSymmetric(P: ArrayLike<number>, n: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(P[i * n + j]).toBe(P[j * n + i]);
}

describe("IMM mixing and combination", () => {
  const mixErr = new Worst();
  const combErr = new Worst();
  afterAll(() => {
    if (mixErr.count + combErr.count > 0)
      recordValidation({
        area: "tracking",
        model: "ImmLayout mixing and combination (ballistic 7, CA 9, CV 6 states)",
        reference:
          "the IMM interaction and combination formulas (Blom & Bar-Shalom 1988; Bar-Shalom, Li & Kirubarajan 2001 sec. 11.6.6) with unbiased mixing of missing components (Yuan, Bar-Shalom, Willett et al., IEEE Trans. AES 48(4) 2012), transcribed on plain arrays",
        figure: `60 random mode sets each: worst |difference| / (1 + |value|) mixing ${sig(mixErr.value, 2)}, combination ${sig(combErr.value, 2)}; covariances exactly symmetric`,
        tolerance: "<= 1e-9; symmetric bit for bit",
      });
  });
  it("mixing equals the direct formula with unbiased filling (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 2 }), (seed, j) => {
        const s = randomState(seed);
        const w = Float64Array.from(s.probabilities);
        const nj = names[j].length;
        const a: number[][] = [];
        const A: number[][] = [];
        for (let i = 0; i < 3; i++) {
          const src = names[j].map((nm) => names[i].indexOf(nm));
          const { x, P } = s.modes[i];
          const ni = x.length;
          a.push(src.map((k, q) => (k >= 0 ? x[k] : s.modes[j].x[q])));
          const Ai: number[] = [];
          for (let p = 0; p < nj; p++) {
            for (let q = 0; q < nj; q++) {
              if (src[p] >= 0 && src[q] >= 0) Ai.push(P[src[p] * ni + src[q]]);
              else if (src[p] < 0 && src[q] < 0) Ai.push(s.modes[j].P[p * nj + q]);
              else Ai.push(0);
            }
          }
          A.push(Ai);
        }
        const x0 = names[j].map((_, p) => a.reduce((acc, ai, i) => acc + w[i] * ai[p], 0));
        const P0: number[] = [];
        for (let p = 0; p < nj; p++) {
          for (let q = 0; q < nj; q++) {
            let v = 0;
            for (let i = 0; i < 3; i++)
              v += w[i] * (A[i][p * nj + q] + (a[i][p] - x0[p]) * (a[i][q] - x0[q]));
            P0.push(v);
          }
        }
        const out = filters[j].createState();
        layout.mixInto(s, j, w, out);
        expectClose(out.x, x0, mixErr);
        expectClose(out.P, P0, mixErr);
        expectSymmetric(out.P, nj);
      }),
      { numRuns: 60 },
    );
  });

  it("combination equals the direct formula with group fills (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const s = randomState(seed);
        const mu = s.probabilities;
        const all = layout.stateNames;
        const N = all.length;
        const has = (j: number, k: number) => names[j].indexOf(all[k]);
        const modesOf = (k: number) => [0, 1, 2].filter((j) => has(j, k) >= 0);
        const sameModes = (k: number, l: number) => modesOf(k).join() === modesOf(l).join();
        const x = all.map((_, k) => {
          const js = modesOf(k);
          const W = js.reduce((acc, j) => acc + mu[j], 0);
          return js.reduce((acc, j) => acc + mu[j] * s.modes[j].x[has(j, k)], 0) / W;
        });
        const Pm = (j: number, k: number, l: number) => s.modes[j].P[has(j, k) * names[j].length + has(j, l)];
        const dev = (j: number, k: number) => (has(j, k) >= 0 ? s.modes[j].x[has(j, k)] - x[k] : 0);
        /** Moment-matched covariance of a group over the modes that have it. */
        const fill = (k: number, l: number) => {
          const js = modesOf(k);
          const W = js.reduce((acc, j) => acc + mu[j], 0);
          return js.reduce((acc, j) => acc + mu[j] * (Pm(j, k, l) + dev(j, k) * dev(j, l)), 0) / W;
        };
        const P: number[] = [];
        for (let k = 0; k < N; k++) {
          for (let l = 0; l < N; l++) {
            let v = 0;
            for (let j = 0; j < 3; j++) {
              const hk = has(j, k) >= 0;
              const hl = has(j, l) >= 0;
              const own = hk && hl ? Pm(j, k, l) : !hk && !hl && sameModes(k, l) ? fill(k, l) : 0;
              v += mu[j] * (own + dev(j, k) * dev(j, l));
            }
            P.push(v);
          }
        }
        const xo = new Float64Array(N);
        const Po = new Float64Array(N * N);
        layout.combine(s, xo, Po);
        expectClose(xo, x, combErr);
        expectClose(Po, P, combErr);
        expectSymmetric(Po, N);
      }),
      { numRuns: 60 },
    );
  });

  it("stays finite when the only modes holding a component have all but lost their probability", () => {
    // A 2,000-threat raid ended with a combined drag parameter of NaN: the ballistic mode's probability
    // had underflowed to a subnormal, so 1 / W overflowed while mu x underflowed (0 * Infinity).
    for (const tiny of [5e-324, 1e-310, 1e-250]) {
      const s = randomState(7);
      s.probabilities.set([tiny, 0.5 - tiny / 2, 0.5 - tiny / 2]);
      const xo = new Float64Array(layout.ndim);
      const Po = new Float64Array(layout.ndim * layout.ndim);
      layout.combine(s, xo, Po);
      for (const v of xo) expect(Number.isFinite(v)).toBe(true);
      for (const v of Po) expect(Number.isFinite(v)).toBe(true);
      // The ballistic-only component (kappa) is the ballistic mode's own value.
      const k = layout.stateNames.indexOf("kappa");
      expect(xo[k]).toBeCloseTo(s.modes[0].x[names[0].indexOf("kappa")], 6);
    }
  });
});
