import { afterAll, describe, expect, it } from "vitest";
import { Rk4 } from "../../src/math/ode/index.js";
import type { OdeRhs } from "../../src/math/ode/index.js";
import { oscillatorRhs } from "./odeProblems.js";
import { recordValidation, sig } from "../validation.js";

// Global error of a p-th order method scales as h^p (Hairer-Nørsett-Wanner I, Theorem II.3.6):
// halving h divides the error by 2^4 = 16 for RK4.
const expRhs: OdeRhs = (_t, y, d) => {
  d[0] = y[0];
};

function rk4ErrorExp(h: number): number {
  const rk = new Rk4(1);
  const y = Float64Array.of(1);
  rk.integrate(expRhs, 0, y, 1, h);
  return Math.abs(y[0] - Math.E);
}

function rk4ErrorOscillator(h: number): number {
  const rk = new Rk4(2);
  const y = Float64Array.of(0, 1);
  rk.integrate(oscillatorRhs, 0, y, 10, h);
  return Math.hypot(y[0] - Math.sin(10), y[1] - Math.cos(10));
}

describe("Rk4", () => {
  const ratios: string[] = [];
  afterAll(() => {
    if (ratios.length > 0)
      recordValidation({
        area: "math",
        model: "RK4",
        reference:
          "global order 4 (Hairer, Norsett & Wanner I, Theorem II.3.6): error ratio 2^4 = 16 per halving of h; y' = y to t = 1 against e, y'' = -y to t = 10 against sin t",
        figure: `error ratio per halving of h: ${ratios.join("; ")}`,
        tolerance: "14.5 to 17.5 (y' = y, h 0.1), otherwise 15 to 17",
      });
  });
  it("has global order 4 on y' = y (error ratio ~16 when h halves)", () => {
    const e1 = rk4ErrorExp(0.1);
    const e2 = rk4ErrorExp(0.05);
    const e3 = rk4ErrorExp(0.025);
    ratios.unshift(`y' = y ${sig(e1 / e2, 4)} (h 0.1 to 0.05), ${sig(e2 / e3, 4)} (0.05 to 0.025)`);
    expect(e1 / e2).toBeGreaterThan(14.5);
    expect(e1 / e2).toBeLessThan(17.5);
    expect(e2 / e3).toBeGreaterThan(15);
    expect(e2 / e3).toBeLessThan(17);
  });

  it("has global order 4 on the harmonic oscillator", () => {
    const ratio = rk4ErrorOscillator(0.1) / rk4ErrorOscillator(0.05);
    ratios.push(`y'' = -y ${sig(ratio, 4)} (h 0.1 to 0.05)`);
    expect(ratio).toBeGreaterThan(15);
    expect(ratio).toBeLessThan(17);
  });

  it("lands exactly on tEnd with equal steps and calls onStep each step", () => {
    const rk = new Rk4(2);
    const y = Float64Array.of(0, 1);
    const times: number[] = [];
    const steps = rk.integrate(oscillatorRhs, 0, y, 1, 0.3, (t) => times.push(t));
    expect(steps).toBe(4);
    expect(times.length).toBe(4);
    expect(times[3]).toBe(1);
    expect(times[0]).toBeCloseTo(0.25, 15);
    expect(rk.rhsEvaluations).toBe(16);
    expect(steps).toBe(rk.integrate(oscillatorRhs, 0, Float64Array.of(0, 1), 1.2, 0.3));
  });

  it("integrates backward", () => {
    const rk = new Rk4(2);
    const y = Float64Array.of(Math.sin(2), Math.cos(2));
    rk.integrate(oscillatorRhs, 2, y, 0, 0.01);
    expect(Math.abs(y[0])).toBeLessThan(1e-9);
    expect(Math.abs(y[1] - 1)).toBeLessThan(1e-9);
  });

  it("step() may write to a separate out array", () => {
    const rk = new Rk4(2);
    const y = Float64Array.of(0, 1);
    const out = new Float64Array(2);
    rk.step(oscillatorRhs, 0, y, 0.1, out);
    expect(y[0]).toBe(0);
    expect(out[0]).toBeCloseTo(Math.sin(0.1), 6);
  });

  it("rejects a wrong-length state or a non-positive step", () => {
    const rk = new Rk4(2);
    expect(() => rk.integrate(oscillatorRhs, 0, new Float64Array(3), 1, 0.1)).toThrow(RangeError);
    expect(() => rk.integrate(oscillatorRhs, 0, new Float64Array(2), 1, 0)).toThrow(RangeError);
  });
});
