import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { RandomStream, randomStream } from "../../src/math/random.js";
import { chiSquareQuantile, normalQuantile } from "../../src/math/stats/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

// Sampling bounds: a sample statistic is accepted within 5 standard errors of its expectation
// (two-sided probability of a false failure ~6e-7 per check; the seeds are fixed anyway).
const K_SIGMA = 5;

describe("xoshiro128** core", () => {
  it("matches the reference implementation from state {1, 2, 3, 4}", () => {
    // Blackman & Vigna's xoshiro128starstar.c v1.1, as recorded in the rand_xoshiro crate's tests.
    const r = new RandomStream(Uint32Array.of(1, 2, 3, 4), "ref");
    const expected = [
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ];
    const got = expected.map(() => r.uint32());
    recordValidation({
      area: "math",
      model: "xoshiro128** (randomStream core)",
      reference:
        "Blackman & Vigna xoshiro128starstar.c v1.1 from state {1, 2, 3, 4} (rand_xoshiro test vectors)",
      figure: `${got.filter((v, i) => v === expected[i]).length} of ${expected.length} outputs identical`,
      tolerance: "all identical",
    });
    expect(got).toEqual(expected);
  });

  it("never uses the all-zero state", () => {
    const r = new RandomStream(new Uint32Array(4), "zero");
    const out = [r.uint32(), r.uint32(), r.uint32(), r.uint32()];
    expect(out.some((v) => v !== 0)).toBe(true);
  });
});

describe("randomStream determinism", () => {
  it("reproduces recorded golden values (the stream format is part of run reproducibility)", () => {
    const s = randomStream(42, 7, "threat:hgv-1:launch-error");
    expect(Array.from(s.key)).toEqual([0x0bc7fec0, 0x55a517e2, 0xe52a1a1a, 0x310f2432]);
    expect(s.uint32()).toBe(43606022);
    expect(s.uint32()).toBe(3915411188);
    expect(s.next()).toBe(0.31335865979686617);
    expect(s.normal()).toBe(0.07879585402567507);
    expect(s.normal()).toBe(-0.4116987742068494);
    const c = randomStream(42, 7, "threat:hgv-1:launch-error").split("azimuth");
    expect(c.next()).toBe(0.4126368107018793);
    expect(c.next()).toBe(0.8578495582690093);
    expect(c.name).toBe("threat:hgv-1:launch-error/azimuth");
  });

  it("property: same (seed, run, name) gives the same sequence", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.string({ maxLength: 30 }), (seed, run, name) => {
        const a = randomStream(seed, run, name);
        const b = randomStream(seed, run, name);
        for (let i = 0; i < 16; i++) if (a.next() !== b.next()) return false;
        return true;
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it("property: a different seed, run or name gives a different stream", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 40 }),
        fc.nat({ max: 1e6 }),
        fc.string({ maxLength: 30 }),
        fc.constantFrom(0, 1, 2),
        (seed, run, name, which) => {
          const a = randomStream(seed, run, name);
          const b =
            which === 0
              ? randomStream(seed + 1, run, name)
              : which === 1
                ? randomStream(seed, run + 1, name)
                : randomStream(seed, run, name + "x");
          const wa = [a.uint32(), a.uint32(), a.uint32()];
          const wb = [b.uint32(), b.uint32(), b.uint32()];
          return wa.some((v, i) => v !== wb[i]);
        },
      ),
      { seed: 2, numRuns: 300 },
    );
  });

  it("seed and run are not interchangeable, and large seeds (> 2^32) are distinct", () => {
    expect(randomStream(1, 2, "x").uint32()).not.toBe(randomStream(2, 1, "x").uint32());
    expect(randomStream(2 ** 40, 0, "x").uint32()).not.toBe(randomStream(0, 0, "x").uint32());
    expect(randomStream(2 ** 32, 0, "x").uint32()).not.toBe(randomStream(0, 1, "x").uint32());
  });

  it("split depends on the parent's identity and the child's name only, not on parent draws", () => {
    const p1 = randomStream(9, 3, "sensor:radar-1");
    const p2 = randomStream(9, 3, "sensor:radar-1");
    for (let i = 0; i < 37; i++) p2.normal();
    const a = p1.split("range-noise");
    const b = p2.split("range-noise");
    for (let i = 0; i < 10; i++) expect(a.next()).toBe(b.next());
    expect(p1.split("x").uint32()).not.toBe(p1.split("y").uint32());
    // A child is not its parent, nor a root stream of the same name.
    expect(p1.split("range-noise").uint32()).not.toBe(randomStream(9, 3, "range-noise").uint32());
  });

  it("rejects negative or non-integer seeds and runs", () => {
    expect(() => randomStream(-1, 0, "x")).toThrow(RangeError);
    expect(() => randomStream(0, 1.5, "x")).toThrow(RangeError);
    expect(() => randomStream(2 ** 53, 0, "x")).toThrow(RangeError);
  });
});

describe("distribution of draws", () => {
  const N = 200_000;
  // Each moment's distance from its expectation in standard errors, and each chi-square statistic as a
  // fraction of its 0.999 quantile: one figure for the whole block.
  const zWorst = new Worst();
  const chi2Parts: string[] = [];
  afterAll(() => {
    if (zWorst.count > 0)
      recordValidation({
        area: "math",
        model: "randomStream draws",
        reference:
          "moments of U(0, 1), N(0, 1) (mean, variance, skewness, kurtosis), Poisson, exponential, Bernoulli; chi-square goodness of fit; independent streams",
        figure:
          `worst of ${zWorst.count} moments and correlations: ${sig(zWorst.value, 2)} standard errors (${zWorst.at}); ` +
          `chi-square / 0.999 quantile: ${chi2Parts.join(", ")}`,
        tolerance: "< 5 standard errors; chi-square < 0.999 quantile",
      });
  });
  const z = (dev: number, se: number, at: string) => zWorst.add(Math.abs(dev) / se, at);

  it("uniform next(): mean 1/2 and variance 1/12 within 5 standard errors, all in [0, 1)", () => {
    const r = randomStream(2024, 0, "test:uniform");
    let s = 0;
    let s2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < N; i++) {
      const u = r.next();
      s += u;
      s2 += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    const mean = s / N;
    const variance = s2 / N - mean * mean;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    z(mean - 0.5, Math.sqrt(1 / 12 / N), "uniform mean");
    z(variance - 1 / 12, Math.sqrt((1 / 80 - 1 / 144) / N), "uniform variance");
    expect(Math.abs(mean - 0.5)).toBeLessThan(K_SIGMA * Math.sqrt(1 / 12 / N));
    // Var of the sample variance ~ (mu4 - sigma^4) / N with mu4 = 1/80 for U(0, 1).
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(K_SIGMA * Math.sqrt((1 / 80 - 1 / 144) / N));
  });

  it("uniform: chi-square test on 100 equal bins passes at the 0.999 level", () => {
    const r = randomStream(2024, 1, "test:uniform-chi2");
    const bins = new Float64Array(100);
    for (let i = 0; i < N; i++) bins[Math.floor(r.next() * 100)]++;
    const e = N / 100;
    let chi2 = 0;
    for (const o of bins) chi2 += ((o - e) * (o - e)) / e;
    chi2Parts.push(`uniform (100 bins) ${sig(chi2 / chiSquareQuantile(0.999, 99), 2)}`);
    expect(chi2).toBeLessThan(chiSquareQuantile(0.999, 99));
    expect(chi2).toBeGreaterThan(chiSquareQuantile(0.001, 99));
  });

  it("uniform(a, b) stays in [a, b); uniform() is next()", () => {
    const r = randomStream(1, 1, "test:ab");
    expect(randomStream(3, 3, "u").uniform()).toBe(randomStream(3, 3, "u").next());
    for (let i = 0; i < 1000; i++) {
      const x = r.uniform(-3, 5);
      expect(x).toBeGreaterThanOrEqual(-3);
      expect(x).toBeLessThan(5);
    }
  });

  it("normal: mean, variance, skewness and excess kurtosis within 5 standard errors", () => {
    const r = randomStream(2024, 2, "test:normal");
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (let i = 0; i < N; i++) {
      const z = r.normal();
      s1 += z;
      s2 += z * z;
      s3 += z * z * z;
      s4 += z * z * z * z;
    }
    const m = s1 / N;
    z(m, 1 / Math.sqrt(N), "normal mean");
    z(s2 / N - 1, Math.sqrt(2 / N), "normal variance");
    z(s3 / N, Math.sqrt(15 / N), "normal skewness");
    z(s4 / N - 3, Math.sqrt(96 / N), "normal kurtosis");
    expect(Math.abs(m)).toBeLessThan(K_SIGMA / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(K_SIGMA * Math.sqrt(2 / N));
    expect(Math.abs(s3 / N)).toBeLessThan(K_SIGMA * Math.sqrt(15 / N)); // Var(z^3) = 15
    expect(Math.abs(s4 / N - 3)).toBeLessThan(K_SIGMA * Math.sqrt(96 / N)); // Var(z^4) = 105 - 9
  });

  it("normal: chi-square test on 50 equiprobable bins (bin edges from the normal quantile)", () => {
    const r = randomStream(2024, 3, "test:normal-chi2");
    const k = 50;
    const edges = Array.from({ length: k - 1 }, (_, i) => normalQuantile((i + 1) / k));
    const bins = new Float64Array(k);
    for (let i = 0; i < N; i++) {
      const z = r.normal(10, 2);
      const u = (z - 10) / 2;
      let lo = 0;
      let hi = k - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (u < edges[mid]) hi = mid;
        else lo = mid + 1;
      }
      bins[lo]++;
    }
    const e = N / k;
    let chi2 = 0;
    for (const o of bins) chi2 += ((o - e) * (o - e)) / e;
    chi2Parts.push(`normal (50 bins) ${sig(chi2 / chiSquareQuantile(0.999, k - 1), 2)}`);
    expect(chi2).toBeLessThan(chiSquareQuantile(0.999, k - 1));
  });

  it("sibling streams are uncorrelated (|Pearson r| < 5 / sqrt(N))", () => {
    const pairs: [RandomStream, RandomStream][] = [
      [randomStream(5, 0, "threat:a"), randomStream(5, 0, "threat:b")],
      [randomStream(5, 0, "threat:a"), randomStream(5, 1, "threat:a")],
      [randomStream(5, 0, "threat:a"), randomStream(6, 0, "threat:a")],
      [randomStream(5, 0, "threat:a").split("x"), randomStream(5, 0, "threat:a").split("y")],
    ];
    const n = 50_000;
    for (const [a, b] of pairs) {
      let sx = 0;
      let sy = 0;
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let i = 0; i < n; i++) {
        const x = a.next();
        const y = b.next();
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
      }
      const cov = sxy / n - (sx / n) * (sy / n);
      const rho = cov / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
      z(rho, 1 / Math.sqrt(n), "sibling correlation");
      expect(Math.abs(rho)).toBeLessThan(K_SIGMA / Math.sqrt(n));
    }
  });

  it("int(lo, hi) is inclusive and unbiased (chi-square on a die)", () => {
    const r = randomStream(7, 0, "test:die");
    const counts = new Float64Array(6);
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[r.int(1, 6) - 1]++;
    let chi2 = 0;
    for (const o of counts) chi2 += (o - n / 6) ** 2 / (n / 6);
    chi2Parts.push(`int(1, 6) die ${sig(chi2 / chiSquareQuantile(0.999, 5), 2)}`);
    expect(chi2).toBeLessThan(chiSquareQuantile(0.999, 5));
    expect(r.int(3, 3)).toBe(3);
    for (let i = 0; i < 100; i++) {
      const v = r.int(-(2 ** 50), 2 ** 50);
      expect(Number.isInteger(v) && Math.abs(v) <= 2 ** 50).toBe(true);
    }
    expect(() => r.int(2, 1)).toThrow(RangeError);
  });

  it("poisson: mean and variance equal lambda within 5 standard errors (both algorithms)", () => {
    for (const lambda of [0.5, 3, 9.5, 10, 40, 1000]) {
      const r = randomStream(11, 0, `test:poisson:${lambda}`);
      const n = 40_000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const k = r.poisson(lambda);
        expect(Number.isInteger(k) && k >= 0).toBe(true);
        s += k;
        s2 += k * k;
      }
      const m = s / n;
      const v = s2 / n - m * m;
      z(m - lambda, Math.sqrt(lambda / n), `Poisson mean, lambda ${lambda}`);
      z(v - lambda, Math.sqrt((lambda + 2 * lambda * lambda) / n), `Poisson variance, lambda ${lambda}`);
      expect(Math.abs(m - lambda)).toBeLessThan(K_SIGMA * Math.sqrt(lambda / n));
      // Var of the sample variance ~ (mu4 - sigma^4) / n = (lambda + 2 lambda^2) / n.
      expect(Math.abs(v - lambda)).toBeLessThan(K_SIGMA * Math.sqrt((lambda + 2 * lambda * lambda) / n));
    }
    expect(randomStream(1, 1, "p").poisson(0)).toBe(0);
  });

  it("exponential and bernoulli have the right means", () => {
    const r = randomStream(12, 0, "test:exp");
    const n = 100_000;
    let s = 0;
    let hits = 0;
    for (let i = 0; i < n; i++) {
      s += r.exponential(4);
      if (r.bernoulli(0.3)) hits++;
    }
    z(s / n - 0.25, 0.25 / Math.sqrt(n), "exponential mean");
    z(hits / n - 0.3, Math.sqrt((0.3 * 0.7) / n), "Bernoulli mean");
    expect(Math.abs(s / n - 0.25)).toBeLessThan(K_SIGMA * (0.25 / Math.sqrt(n)));
    expect(Math.abs(hits / n - 0.3)).toBeLessThan(K_SIGMA * Math.sqrt((0.3 * 0.7) / n));
  });
});
