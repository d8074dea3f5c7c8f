import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cross3, dot3, norm3, normalize3, vec3 } from "../../src/math/vec3.js";

// Integers keep the property away from subnormal round-off, which is not what it tests.
const finite = fc.integer({ min: -1_000_000, max: 1_000_000 });

describe("vec3", () => {
  it("cross product is orthogonal to both operands (property)", () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, finite, finite, (a, b, c, d, e, f) => {
        const u = vec3(a, b, c);
        const v = vec3(d, e, f);
        const w = cross3(vec3(), u, v);
        const scale = norm3(u) * norm3(v) * norm3(w) + 1e-300;
        expect(Math.abs(dot3(w, u)) / scale).toBeLessThan(1e-9);
        expect(Math.abs(dot3(w, v)) / scale).toBeLessThan(1e-9);
      }),
    );
  });
  it("cross3 may write into one of its operands", () => {
    const u = vec3(1, 0, 0);
    cross3(u, u, vec3(0, 1, 0));
    expect(Array.from(u)).toEqual([0, 0, 1]);
  });
  it("normalize3 refuses the zero vector", () => {
    expect(() => normalize3(vec3(), vec3())).toThrow(RangeError);
  });
});
