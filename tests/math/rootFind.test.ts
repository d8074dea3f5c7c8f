import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { brentRoot, RootResult } from "../../src/math/ode/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

describe("brentRoot (Brent 1973, chapter 4)", () => {
  const out = new RootResult();
  const parts: string[] = [];
  const cubics = new Worst();
  afterAll(() => {
    if (cubics.count > 0) parts.push(`${cubics.count} random monotone cubics worst ${sig(cubics.value, 2)}`);
    if (parts.length > 0)
      recordValidation({
        area: "math",
        model: "brentRoot",
        reference:
          "Brent 1973 ch. 4; closed-form roots: sqrt 2 of x^2 - 2, pi/2 of cos x, 1 of (x - 1)^3, r of (x - r)(1 + k (x - r)^2)",
        figure: `|x - root| / requested tolerance: ${parts.join(", ")}`,
        tolerance: "<= 1 (sqrt 2: 2)",
      });
  });

  it("finds sqrt(2) as the root of x^2 - 2 and reports the far side of the bracket", () => {
    const f = (x: number) => x * x - 2;
    brentRoot(f, 0, 2, f(0), f(2), 1e-12, out);
    parts.push(`sqrt 2 ${sig(Math.abs(out.x - Math.SQRT2) / 1e-12, 2)}`);
    expect(Math.abs(out.x - Math.SQRT2)).toBeLessThan(2e-12);
    expect(f(out.x)).toBeGreaterThanOrEqual(0); // same sign as f(b) = 2
    expect(Math.abs(out.x - out.other)).toBeLessThanOrEqual(1e-12 + 8 * Number.EPSILON);
    expect(out.evaluations).toBeLessThan(15);
  });

  it("works with a > b and reports b's side", () => {
    const f = (x: number) => Math.cos(x);
    brentRoot(f, 3, 0, f(3), f(0), 1e-10, out);
    parts.push(`pi/2 ${sig(Math.abs(out.x - Math.PI / 2) / 1e-10, 2)}`);
    expect(Math.abs(out.x - Math.PI / 2)).toBeLessThan(1e-10);
    expect(f(out.x)).toBeGreaterThanOrEqual(0);
  });

  it("returns an endpoint that is already a root", () => {
    const f = (x: number) => x - 1;
    expect(brentRoot(f, 0, 1, -1, 0, 1e-9, out).x).toBe(1);
    expect(brentRoot(f, 1, 3, 0, 2, 1e-9, out).x).toBe(1);
  });

  it("throws when the endpoints do not bracket a root", () => {
    const f = (x: number) => x * x + 1;
    expect(() => brentRoot(f, -1, 1, 2, 2, 1e-9, out)).toThrow(RangeError);
  });

  it("converges on a triple root (x - 1)^3 (interpolation is slow there; bisection steps take over)", () => {
    const f = (x: number) => (x - 1) ** 3;
    brentRoot(f, -4, 3, f(-4), f(3), 1e-9, out);
    parts.push(`triple root ${sig(Math.abs(out.x - 1) / 1e-9, 2)}`);
    expect(Math.abs(out.x - 1)).toBeLessThanOrEqual(1e-9);
    expect(out.evaluations).toBeLessThan(150);
  });

  it("property: brackets the root of a monotone cubic to the tolerance, on the far side", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 50, noNaN: true }),
        fc.double({ min: 0.001, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (root, left, right, k) => {
          const f = (x: number) => (x - root) * (1 + k * (x - root) * (x - root));
          const a = root - left;
          const b = root + right;
          brentRoot(f, a, b, f(a), f(b), 1e-8, out);
          const tol = 1e-8 + 1e-13 * Math.abs(root);
          return cubics.add(Math.abs(out.x - root) / tol) <= 1 && f(out.x) >= 0;
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });
});
