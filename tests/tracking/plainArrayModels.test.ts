/**
 * User models may return plain JavaScript arrays (src/tracking/types.ts): the filters copy what a
 * model's f, F, Q, h, H and residual return, so a model written with array literals must give the
 * same estimates, to the last bit, as the same model written with typed arrays. (On some machines a
 * typed array of more than 64 bytes costs microseconds to allocate; `npm run bench -- tracking`
 * reports both, `public` and `public_array_models`.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { KalmanFilter } from "../../src/tracking/filters/kalman.js";
import { UnscentedKalmanFilter } from "../../src/tracking/filters/unscentedKalman.js";
import type { GaussianState, TrackingFilter } from "../../src/tracking/types.js";

/** 2-D constant velocity [x, y, vx, vy] with white acceleration q = 2 m^2/s^3 (CWNA blocks). */
function F(dt: number): number[] {
  return [1, 0, dt, 0, 0, 1, 0, dt, 0, 0, 1, 0, 0, 0, 0, 1];
}
function Q(dt: number): number[] {
  const q = 2;
  const a = (q * dt ** 3) / 3;
  const b = (q * dt ** 2) / 2;
  return [a, 0, b, 0, 0, a, 0, b, b, 0, q * dt, 0, 0, b, 0, q * dt];
}
function f(x: ArrayLike<number>, dt: number): number[] {
  return [x[0] + dt * x[2], x[1] + dt * x[3], x[2], x[3]];
}
/** Range and bearing from the origin. */
function h(x: ArrayLike<number>): number[] {
  return [Math.hypot(x[0], x[1]), Math.atan2(x[1], x[0])];
}
function H(x: ArrayLike<number>): number[] {
  const r2 = x[0] * x[0] + x[1] * x[1];
  const r = Math.sqrt(r2);
  return [x[0] / r, x[1] / r, 0, 0, -x[1] / r2, x[0] / r2, 0, 0];
}
function residual(z: ArrayLike<number>, zp: ArrayLike<number>): number[] {
  const d = z[1] - zp[1];
  return [z[0] - zp[0], d - 2 * Math.PI * Math.round(d / (2 * Math.PI))];
}
const typed =
  <A extends unknown[]>(g: (...a: A) => number[]) =>
  (...a: A): Float64Array =>
    Float64Array.from(g(...a));

const R = Float64Array.from([25, 0, 0, 1e-6]);
const Hlin = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0]);

/** Both filters from a maker given the array or the typed form of the same functions. */
function pairs(): [string, TrackingFilter<GaussianState>, TrackingFilter<GaussianState>][] {
  const nl = (wrap: boolean) => {
    const w = <A extends unknown[]>(g: (...a: A) => number[]) => (wrap ? typed(g) : g);
    return {
      transition: { f: w(f), F: w((_x: Float64Array, dt: number) => F(dt)), Q: w(Q) },
      measurement: { h: w(h), H: w(H), R, residual: w(residual) },
    };
  };
  const lin = (wrap: boolean) => ({
    transition: wrap ? { F: typed(F), Q: typed(Q) } : { F, Q },
    measurement: { H: Hlin, R: Float64Array.from([100, 0, 0, 100]) },
  });
  return [
    ["KF", new KalmanFilter(lin(false)), new KalmanFilter(lin(true))],
    ["EKF", new ExtendedKalmanFilter(nl(false)), new ExtendedKalmanFilter(nl(true))],
    ["UKF", new UnscentedKalmanFilter(nl(false)), new UnscentedKalmanFilter(nl(true))],
  ];
}

describe("user models returning plain arrays", () => {
  it("give the estimates of the same models returning typed arrays, bit for bit (KF, EKF, UKF)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }),
        (dt, noise) => {
          for (const [kind, arrays, typedArrays] of pairs()) {
            let a: GaussianState = {
              x: Float64Array.from([-20e3, 5e3, 150, -80]),
              P: Float64Array.from([400, 0, 0, 0, 0, 400, 0, 0, 0, 0, 100, 0, 0, 0, 0, 100]),
              timeS: 0,
            };
            let b = a;
            const truth = [-20e3, 5e3, 150, -80];
            for (let k = 0; k < noise.length; k++) {
              const t = (k + 1) * dt;
              const p = f(truth, t);
              const z =
                kind === "KF"
                  ? Float64Array.from([p[0] + 10 * noise[k], p[1] - 10 * noise[k]])
                  : Float64Array.from([h(p)[0] + 5 * noise[k], h(p)[1] + 1e-3 * noise[k]]);
              a = arrays.update(arrays.predict(a, t), z);
              b = typedArrays.update(typedArrays.predict(b, t), z);
            }
            expect(Array.from(a.x), kind).toEqual(Array.from(b.x));
            expect(Array.from(a.P), kind).toEqual(Array.from(b.P));
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
