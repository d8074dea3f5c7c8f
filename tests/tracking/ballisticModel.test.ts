/**
 * The ballistic transition model: its analytic Jacobian against central differences of its own
 * Runge-Kutta propagation, the rotating-frame terms through the Jacobi integral (conserved in a
 * uniformly rotating frame with a time-independent potential: E = v^2/2 - U(r) - |omega x r|^2/2,
 * e.g. Goldstein, Classical Mechanics, 3rd ed., section 4.10 / the restricted problem's Jacobi
 * constant; it checks the centrifugal term, as the Coriolis force does no work) and through an inertial
 * propagation rotated into ECEF (Coriolis and centrifugal together), and the drag deceleration rho v^2 kappa / 2 at sea level (USSA 1976: 1.225 kg/m^3).
 */
import { afterAll, describe, expect, it } from "vitest";
import { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import { gravityPotentialJ2 } from "../../src/earth/gravity.js";
import { WGS84_A_M, WGS84_GM_M3S2, WGS84_J2, WGS84_OMEGA_RADS } from "../../src/earth/wgs84.js";
import { Worst, recordValidation, sig } from "../validation.js";

function numericF(model: BallisticModel, x: Float64Array, dt: number): Float64Array {
  const n = 7;
  const J = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const step = j < 3 ? 1 : j < 6 ? 0.01 : 1e-7;
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[j] += step;
    xm[j] -= step;
    const fp = model.f(xp, dt);
    const fm = model.f(xm, dt);
    for (let i = 0; i < n; i++) J[i * n + j] = (fp[i] - fm[i]) / (2 * step);
  }
  return J;
}

/** A re-entering target: 60 km over 35 N 135 E, 4 km/s, diving 20 deg. */
function reentryState(): Float64Array {
  const lat = (35 * Math.PI) / 180;
  const lon = (135 * Math.PI) / 180;
  const r = WGS84_A_M + 60e3;
  const up = [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
  const east = [-Math.sin(lon), Math.cos(lon), 0];
  const gamma = (-20 * Math.PI) / 180;
  const v = 4000;
  return Float64Array.from([
    r * up[0],
    r * up[1],
    r * up[2],
    v * (Math.cos(gamma) * east[0] + Math.sin(gamma) * up[0]),
    v * (Math.cos(gamma) * east[1] + Math.sin(gamma) * up[1]),
    v * (Math.cos(gamma) * east[2] + Math.sin(gamma) * up[2]),
    2e-4,
  ]);
}

describe("ballistic model", () => {
  const jac = new Worst();
  afterAll(() => {
    if (jac.count > 0)
      recordValidation({
        area: "tracking",
        model: "BallisticModel transition matrix F (J2, rotation, drag)",
        reference:
          "central differences of the model's own propagation f over 0.2, 1 and 3 s, a re-entering target 60 km up at 4 km/s; columns scaled by 100 m, 10 m/s, 2e-5 m^2/kg",
        figure: `worst |F - differences| per row, relative to the row's largest scaled entry: ${sig(jac.value, 2)} (${jac.at})`,
        tolerance: "< 1e-3 (second order per substep)",
      });
  });
  for (const dt of [0.2, 1, 3]) {
    it(`analytic transition matrix matches central differences of f over ${dt} s`, () => {
      const model = new BallisticModel();
      const x = reentryState();
      const F = model.F(x, dt);
      const J = numericF(model, x, dt);
      // Compare the columns scaled by typical track uncertainties (100 m, 10 m/s, 2e-5 m^2/kg), so
      // each row's error is measured in what it does to a covariance.
      const sd = [100, 100, 100, 10, 10, 10, 2e-5];
      for (let i = 0; i < 7; i++) {
        let scale = 0;
        for (let j = 0; j < 7; j++) scale = Math.max(scale, Math.abs(J[i * 7 + j] * sd[j]));
        for (let j = 0; j < 7; j++) {
          // Second order per substep (midpoint A): well under 1e-3 of the row's scale.
          expect(jac.add((Math.abs(F[i * 7 + j] - J[i * 7 + j]) * sd[j]) / scale, `${dt} s`)).toBeLessThan(
            1e-3,
          );
        }
      }
    });
  }

  it("conserves the Jacobi integral in the rotating frame without drag (the centrifugal term)", () => {
    const model = new BallisticModel({ drag: false, maxStepS: 0.25 });
    const x = reentryState();
    x[2] += 400e3; // well above the atmosphere
    const jacobi = (s: Float64Array) => {
      const v2 = s[3] ** 2 + s[4] ** 2 + s[5] ** 2;
      const w2 = WGS84_OMEGA_RADS ** 2 * (s[0] ** 2 + s[1] ** 2);
      return v2 / 2 - gravityPotentialJ2(s, WGS84_GM_M3S2, WGS84_J2, WGS84_A_M) - w2 / 2;
    };
    const e0 = jacobi(x);
    const x1 = model.f(x, 120);
    expect(Math.abs(jacobi(x1) - e0)).toBeLessThan(1e-4);
    // A wrong Coriolis sign would not conserve it: check the test can fail.
    const inertial = new BallisticModel({ drag: false, maxStepS: 0.25, omegaRadS: 0 });
    const x2 = inertial.f(x, 120);
    expect(Math.abs(jacobi(x2) - e0)).toBeGreaterThan(1);
    recordValidation({
      area: "tracking",
      model: "BallisticModel rotating-frame terms (centrifugal)",
      reference:
        "Jacobi integral v^2/2 - U_J2 - omega^2 (x^2 + y^2)/2, constant in a uniformly rotating frame (Goldstein, Classical Mechanics 3rd ed. sec. 4.10); no drag, above the atmosphere, 120 s, 0.25 s steps",
      figure: `change ${sig(Math.abs(jacobi(x1) - e0), 2)} J/kg; the same flight without the rotating-frame terms changes it by ${sig(Math.abs(jacobi(x2) - e0), 3)} J/kg`,
      tolerance: "< 1e-4 J/kg; > 1 J/kg without them (the check can fail)",
    });
  });

  it("matches an inertial propagation rotated into ECEF (Coriolis and centrifugal terms)", () => {
    // J2 gravity is symmetric about the rotation axis, so the inertial model (omega = 0) flown from
    // v_inertial = v_ecef + omega x r and rotated by -omega t about z must agree with the ECEF model.
    const w = WGS84_OMEGA_RADS;
    const rotating = new BallisticModel({ drag: false, maxStepS: 0.1 });
    const inertial = new BallisticModel({ drag: false, maxStepS: 0.1, omegaRadS: 0 });
    const x = reentryState();
    x[2] += 300e3;
    const xi = Float64Array.from(x);
    xi[3] -= w * x[1];
    xi[4] += w * x[0];
    const T = 200;
    const e = rotating.f(x, T);
    const i = inertial.f(xi, T);
    const c = Math.cos(w * T);
    const s = Math.sin(w * T);
    const px = c * i[0] + s * i[1];
    const py = -s * i[0] + c * i[1];
    const d = Math.hypot(e[0] - px, e[1] - py, e[2] - i[2]);
    recordValidation({
      area: "tracking",
      model: "BallisticModel rotating-frame terms (Coriolis and centrifugal)",
      reference:
        "the same flight propagated inertially (omega = 0, v + omega x r) and rotated by -omega t about z (J2 is axially symmetric); no drag, above the atmosphere, 200 s, 0.1 s steps",
      figure: `position difference ${sig(d, 2)} m`,
      tolerance: "< 0.05 m",
    });
    expect(d).toBeLessThan(0.05);
  });

  it("decelerates by rho v^2 kappa / 2 at sea level", () => {
    const model = new BallisticModel({ omegaRadS: 0, gravity: "point" });
    const x = Float64Array.from([WGS84_A_M, 0, 0, 0, 1000, 0, 1e-3]);
    const d = model.derivativeInto(x, new Float64Array(6));
    const expected = -0.5 * 1.225 * 1000 * 1000 * 1e-3;
    recordValidation({
      area: "tracking",
      model: "BallisticModel drag",
      reference:
        "deceleration rho v^2 kappa / 2 at sea level, rho = 1.225 kg/m^3 (USSA 1976): 612.5 m/s^2 at 1 km/s, kappa = 1e-3 m^2/kg (point gravity, no rotation, horizontal flight)",
      figure: `along-track acceleration ${sig(-d[4], 5)} m/s^2, error ${sig(Math.abs(d[4] - expected), 2)} m/s^2`,
      tolerance: "< 5e-3 m/s^2",
    });
    expect(d[4]).toBeCloseTo(expected, 2);
  });

  it("holds the surface density below the surface (a prediction past impact)", () => {
    // The atmosphere's law extrapolated into the ground gives 34 kg/m^3 at -52 km: a mode flown there
    // diverged. Below the surface the drag is that of sea-level air, and the Jacobian's density
    // gradient is zero there, so the model stays finite and consistent with its own propagation.
    const model = new BallisticModel({ omegaRadS: 0, gravity: "point" });
    const at = (r: number) => Float64Array.from([r, 0, 0, 0, 1000, 0, 1e-3]);
    const surface = model.derivativeInto(at(WGS84_A_M), new Float64Array(6))[4];
    for (const depthM of [100, 5e3, 52e3]) {
      const d = model.derivativeInto(at(WGS84_A_M - depthM), new Float64Array(6));
      expect(d[4]).toBe(surface);
    }
    // The transition matrix there against central differences of f, scaled as in the test above (a
    // denser body, kappa 1e-5 m^2/kg: at 1e-3 sea-level drag is 62 g and the midpoint composition's
    // error grows with it, below as above the surface).
    const x = at(WGS84_A_M - 20e3);
    x[6] = 1e-5;
    const F = model.F(x, 1);
    const J = numericF(model, x, 1);
    const sd = [100, 100, 100, 10, 10, 10, 2e-5];
    let worst = 0;
    for (let i = 0; i < 7; i++) {
      let scale = 0;
      for (let j = 0; j < 7; j++) scale = Math.max(scale, Math.abs(J[i * 7 + j] * sd[j]));
      for (let j = 0; j < 7; j++)
        worst = Math.max(worst, (Math.abs(F[i * 7 + j] - J[i * 7 + j]) * sd[j]) / scale);
    }
    recordValidation({
      area: "tracking",
      model: "BallisticModel below the surface",
      reference:
        "the surface density held below the surface: the drag at 100 m, 5 km and 52 km depth equals the sea-level drag (612.5 m/s^2 at 1 km/s, kappa 1e-3); the transition matrix 20 km down against central differences of f (kappa 1e-5, 1 s)",
      figure: `drag equal to the surface's at all three depths; worst scaled Jacobian difference ${sig(worst, 2)}`,
      tolerance: "exactly equal; < 1e-3",
    });
    expect(worst).toBeLessThan(1e-3);
  });
  it("withMaxStepS changes the substep and nothing else", () => {
    // The tracker's own model (aerodynamic noise, a correlated kappa with a floor): the same substep
    // gives the same f, F and Q to the last bit; another one gives what a model built with it gives.
    const options = {
      accelPsdM2S3: 3,
      kappaCorrelationTimeS: 300,
      kappaMin: 0,
      aeroNoiseFraction: 0.5,
      aeroNoiseTimeS: 10,
    };
    const model = new BallisticModel(options);
    const x = reentryState();
    const same = model.withMaxStepS(0.5);
    const coarse = model.withMaxStepS(2);
    const built = new BallisticModel({ ...options, maxStepS: 2 });
    expect(coarse.maxStepS).toBe(2);
    for (const [a, b] of [
      [same, model],
      [coarse, built],
    ] as const) {
      expect(Array.from(a.f(x, 6))).toEqual(Array.from(b.f(x, 6)));
      expect(Array.from(a.F(x, 6))).toEqual(Array.from(b.F(x, 6)));
      expect(Array.from(a.Q(6))).toEqual(Array.from(b.Q(6)));
    }
    // A coarser substep is another integration: the 6 s path differs (by centimetres here).
    expect(Array.from(coarse.f(x, 6))).not.toEqual(Array.from(model.f(x, 6)));
    expect(() => model.withMaxStepS(0)).toThrow(/maxStepS/);
  });
});
