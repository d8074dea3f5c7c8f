/**
 * The linearised planar homing loop against Zarchan's closed forms ("Tactical and Strategic Missile
 * Guidance", 6th ed., AIAA 2012):
 * - zero lag, step target manoeuvre nT, PN (ch. 2): zero miss and
 *     nc / nT = N'/(N'-2) [1 - (1 - t/tF)^(N'-2)];
 * - zero lag, heading error HE (ch. 2): zero miss and nc = -VM HE N'/tF (1 - t/tF)^(N'-2);
 * - zero lag, APN against a step (ch. 8): nc / nT = (N'/2) (1 - t/tF)^(N'-2);
 * - single lag T, N' = 3, step nT (ch. 3, closed form by the method of adjoints):
 *     miss / (nT T^2) = 0.5 x^2 e^-x,  x = tF / T;
 * - single lag, N' = 3, heading error: by the adjoint the miss of a velocity impulse at time to go tF is
 *   the derivative of the step-manoeuvre miss with respect to tF (a step is a sum of velocity impulses,
 *   and the loop's coefficients depend on the time to go only), and y'(0) = -VM HE, so
 *     miss / (-VM HE T) = d/dx (0.5 x^2 e^-x) = x e^-x (1 - x/2).
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { homingLoop } from "../../src/weapons/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

const DEG = Math.PI / 180;
const base = {
  closingSpeedMps: 4000,
  missileSpeedMps: 3000,
  flightTimeS: 10,
  guidanceTimeConstantS: 0,
};

describe("homingLoop: zero lag (Zarchan ch. 2)", () => {
  const stepErr = new Worst();
  const heErr = new Worst();
  const apnErr = new Worst();
  const miss = new Worst();
  afterAll(() => {
    recordValidation({
      area: "weapons",
      model: "homingLoop, zero lag, PN against a step manoeuvre",
      reference:
        "Zarchan, Tactical and Strategic Missile Guidance, ch. 2: nc/nT = N'/(N'-2)[1-(1-t/tF)^(N'-2)], zero miss",
      figure: `N' = 3, 4, 5: worst |nc/nT - closed form| ${sig(stepErr.value, 2)} (${stepErr.at}); worst |miss| ${sig(miss.value, 2)} m per 10 m/s^2 or per 1 deg of heading error`,
      tolerance: "1e-6 in nc/nT; 1e-6 m",
    });
    recordValidation({
      area: "weapons",
      model: "homingLoop, zero lag, PN with a heading error",
      reference: "Zarchan ch. 2: nc = -VM HE N'/tF (1-t/tF)^(N'-2)",
      figure: `N' = 3, 4, 5, HE = 1 deg: worst |nc - closed form| / (VM HE N'/tF) ${sig(heErr.value, 2)} (${heErr.at})`,
      tolerance: "1e-6",
    });
    recordValidation({
      area: "weapons",
      model: "homingLoop, zero lag, APN against a step manoeuvre",
      reference: "Zarchan ch. 8: nc/nT = (N'/2)(1-t/tF)^(N'-2)",
      figure: `N' = 3, 4, 5: worst |nc/nT - closed form| ${sig(apnErr.value, 2)} (${apnErr.at})`,
      tolerance: "1e-6",
    });
  });

  for (const np of [3, 4, 5]) {
    it(`N' = ${np}: step manoeuvre, commanded acceleration and zero miss`, () => {
      const nT = 10;
      const r = homingLoop({ ...base, navigationRatio: np, targetAccelerationMps2: nT });
      const tf = base.flightTimeS;
      for (let k = 0; k < r.timeS.length; k++) {
        const t = r.timeS[k];
        const ref = (np / (np - 2)) * (1 - (1 - t / tf) ** (np - 2));
        expect(
          stepErr.add(Math.abs(r.commandedAccelerationMps2[k] / nT - ref), `N'=${np} t=${sig(t)}`),
        ).toBeLessThan(1e-6);
      }
      expect(miss.add(Math.abs(r.missM), `step N'=${np}`)).toBeLessThan(1e-6);
    });

    it(`N' = ${np}: heading error, commanded acceleration and zero miss`, () => {
      const he = 1 * DEG;
      const r = homingLoop({ ...base, navigationRatio: np, headingErrorRad: he });
      const tf = base.flightTimeS;
      const scale = (base.missileSpeedMps * he * np) / tf;
      for (let k = 0; k < r.timeS.length; k++) {
        const t = r.timeS[k];
        const ref = -scale * (1 - t / tf) ** (np - 2);
        expect(
          heErr.add(Math.abs(r.commandedAccelerationMps2[k] - ref) / scale, `N'=${np} t=${sig(t)}`),
        ).toBeLessThan(1e-6);
      }
      expect(miss.add(Math.abs(r.missM), `HE N'=${np}`)).toBeLessThan(1e-6);
    });

    it(`N' = ${np}: APN against a step`, () => {
      const nT = 10;
      const r = homingLoop({ ...base, navigationRatio: np, targetAccelerationMps2: nT, augmented: true });
      const tf = base.flightTimeS;
      for (let k = 0; k < r.timeS.length; k++) {
        const t = r.timeS[k];
        const ref = (np / 2) * (1 - t / tf) ** (np - 2);
        expect(
          apnErr.add(Math.abs(r.commandedAccelerationMps2[k] / nT - ref), `N'=${np} t=${sig(t)}`),
        ).toBeLessThan(1e-6);
      }
      expect(Math.abs(r.missM)).toBeLessThan(1e-6);
    });
  }
});

describe("homingLoop: single lag, N' = 3 (Zarchan ch. 3, adjoint closed forms)", () => {
  const stepErr = new Worst();
  const heErr = new Worst();
  afterAll(() => {
    recordValidation({
      area: "weapons",
      model: "homingLoop, single lag, N' = 3, step manoeuvre miss",
      reference: "Zarchan ch. 3: miss/(nT T^2) = 0.5 x^2 e^-x, x = tF/T",
      figure: `x = 0.5 to 20 (${stepErr.count} cases): worst |miss/(nT T^2) - closed form| ${sig(stepErr.value, 2)} (${stepErr.at})`,
      tolerance: "1e-6",
    });
    recordValidation({
      area: "weapons",
      model: "homingLoop, single lag, N' = 3, heading-error miss",
      reference:
        "Zarchan ch. 3 adjoint: miss/(-VM HE T) = x e^-x (1 - x/2), the tF-derivative of the step miss",
      figure: `x = 0.5 to 20 (${heErr.count} cases): worst error ${sig(heErr.value, 2)} (${heErr.at})`,
      tolerance: "1e-6",
    });
  });

  for (const x of [0.5, 1, 2, 3, 5, 8, 12, 20]) {
    it(`x = tF/T = ${x}`, () => {
      const T = 0.5;
      const tf = x * T;
      const nT = 30;
      const step = homingLoop({
        ...base,
        navigationRatio: 3,
        flightTimeS: tf,
        guidanceTimeConstantS: T,
        targetAccelerationMps2: nT,
      });
      expect(
        stepErr.add(Math.abs(step.missM / (nT * T * T) - 0.5 * x * x * Math.exp(-x)), `x=${x}`),
      ).toBeLessThan(1e-6);
      const he = -2 * DEG;
      const h = homingLoop({
        ...base,
        navigationRatio: 3,
        flightTimeS: tf,
        guidanceTimeConstantS: T,
        headingErrorRad: he,
      });
      const ref = x * Math.exp(-x) * (1 - x / 2);
      expect(heErr.add(Math.abs(h.missM / (-base.missileSpeedMps * he * T) - ref), `x=${x}`)).toBeLessThan(
        1e-6,
      );
    });
  }
});

describe("homingLoop: properties and arguments", () => {
  it("is linear: the miss of a step and a heading error together is the sum of each", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 2.5, max: 6, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -0.1, max: 0.1, noNaN: true }),
        (np, T, tf, nT, he) => {
          const o = { ...base, navigationRatio: np, guidanceTimeConstantS: T, flightTimeS: tf };
          const both = homingLoop({ ...o, targetAccelerationMps2: nT, headingErrorRad: he }).missM;
          const sum =
            homingLoop({ ...o, targetAccelerationMps2: nT }).missM +
            homingLoop({ ...o, headingErrorRad: he }).missM;
          expect(Math.abs(both - sum)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(both)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("histories start at t = 0 and stop before tF at the output interval", () => {
    const r = homingLoop({ ...base, navigationRatio: 4, targetAccelerationMps2: 5, outputIntervalS: 0.5 });
    expect(r.timeS.length).toBe(20);
    expect(r.timeS[0]).toBe(0);
    expect(r.timeS[19]).toBeCloseTo(9.5, 12);
    expect(r.relativePositionM[0]).toBe(0);
  });

  it("refuses bad arguments with a RangeError naming them", () => {
    const ok = { ...base, navigationRatio: 3 };
    expect(() => homingLoop({ ...ok, navigationRatio: 0 })).toThrow(/navigationRatio/);
    expect(() => homingLoop({ ...ok, closingSpeedMps: NaN })).toThrow(/closingSpeedMps/);
    expect(() => homingLoop({ ...ok, missileSpeedMps: -1 })).toThrow(/missileSpeedMps/);
    expect(() => homingLoop({ ...ok, flightTimeS: Infinity })).toThrow(/flightTimeS/);
    expect(() => homingLoop({ ...ok, guidanceTimeConstantS: -0.1 })).toThrow(/guidanceTimeConstantS/);
    expect(() => homingLoop({ ...ok, targetAccelerationMps2: NaN })).toThrow(/targetAccelerationMps2/);
    expect(() => homingLoop({ ...ok, headingErrorRad: Infinity })).toThrow(/headingErrorRad/);
    expect(() => homingLoop({ ...ok, outputIntervalS: 1e-9 })).toThrow(/outputIntervalS/);
    expect(() => homingLoop({ ...ok, navigationRatio: 0 })).toThrow(RangeError);
  });
});
