/**
 * Rotating-frame consistency: a vacuum trajectory integrated in ECEF with the Coriolis and centrifugal
 * terms (rotation on) must equal the same trajectory integrated in an inertial frame (rotation off, the
 * initial velocity made inertial by adding omega x r) and then rotated by the Earth angle omega t
 * (Vallado, "Fundamentals of Astrodynamics", sec. 3.7, ECI/ECEF transformation without precession). Gravity
 * J2 is axially symmetric, so the two problems are the same with or without it.
 */
import { afterAll, describe, expect, it } from "vitest";
import { makeEarthModel } from "../../src/earth/model.js";
import { flyThreat } from "../../src/flight/index.js";
import { DEG } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const rotating = makeEarthModel({ earth: "sphere", rotation: true, gravity: "j2", atmosphere: "none" });
const inertial = makeEarthModel({ earth: "sphere", rotation: false, gravity: "j2", atmosphere: "none" });
const W = rotating.omegaRadS;

describe("ECEF integration with Coriolis and centrifugal terms = inertial integration rotated", () => {
  const timeErr = new Worst();
  const posErr = new Worst();
  afterAll(() => {
    if (timeErr.count > 0)
      recordValidation({
        area: "flight",
        model: "Rotating-frame dynamics (Coriolis, centrifugal)",
        reference:
          "the same flight integrated in an inertial frame and rotated by omega t (Vallado sec. 3.7); sphere, J2, no atmosphere",
        figure: `worst of ${timeErr.count} flights: impact time ${sig(timeErr.value, 2)} s, impact point ${sig(posErr.value, 2)} m`,
        tolerance: "< 1e-4 s; < 0.5 m",
      });
  });
  for (const [lat, az, v, g] of [
    [20, 90, 5000, 35],
    [-45, 200, 6500, 25],
    [70, 10, 3000, 60],
  ]) {
    it(`lat ${lat}, az ${az}, ${v} m/s, ${g} deg`, () => {
      const lonRad = 15 * DEG;
      const latRad = lat * DEG;
      const t0 = 50;
      const opts = { rtol: 1e-11, atol: 1e-7, sampleIntervalS: 0 };
      const rot = flyThreat(
        {
          vehicle: "notional-rv",
          burnout: {
            latRad,
            lonRad,
            altM: 0,
            timeS: t0,
            speedMps: v,
            flightPathAngleRad: g * DEG,
            azimuthRad: az * DEG,
          },
        },
        rotating,
        opts,
      );
      // Same initial state seen from an inertial frame aligned with ECEF at t0: v_i = v_ecef + omega x r.
      const y0 = rot.events[0].state;
      const vi = [y0[3] - W * y0[1], y0[4] + W * y0[0], y0[5]];
      const E = [-Math.sin(lonRad), Math.cos(lonRad), 0];
      const N = [
        -Math.sin(latRad) * Math.cos(lonRad),
        -Math.sin(latRad) * Math.sin(lonRad),
        Math.cos(latRad),
      ];
      const U = [Math.cos(latRad) * Math.cos(lonRad), Math.cos(latRad) * Math.sin(lonRad), Math.sin(latRad)];
      const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
      const speed = Math.hypot(vi[0], vi[1], vi[2]);
      const ine = flyThreat(
        {
          vehicle: "notional-rv",
          burnout: {
            latRad,
            lonRad,
            altM: 0,
            timeS: t0,
            speedMps: speed,
            flightPathAngleRad: Math.asin(dot(vi, U) / speed),
            azimuthRad: Math.atan2(dot(vi, E), dot(vi, N)),
          },
        },
        inertial,
        opts,
      );
      const a = rot.events[rot.events.length - 1];
      const b = ine.events[ine.events.length - 1];
      expect(a.type).toBe("impact");
      expect(timeErr.add(Math.abs(a.timeS - b.timeS))).toBeLessThan(1e-4);
      const th = W * (b.timeS - t0);
      const x = Math.cos(th) * b.state[0] + Math.sin(th) * b.state[1];
      const y = -Math.sin(th) * b.state[0] + Math.cos(th) * b.state[1];
      expect(posErr.add(Math.hypot(x - a.state[0], y - a.state[1], b.state[2] - a.state[2]))).toBeLessThan(
        0.5,
      );
    });
  }
});
