import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { RadarMeasurementModel } from "../../src/tracking/models/measurement/radar.js";
import { LineOfSightMeasurementModel } from "../../src/tracking/models/measurement/lineOfSight.js";
import { radarDetection } from "../../src/sensors/models/detections.js";
import { wrapAngle } from "../../src/tracking/models/measurement/angles.js";
import type { NonlinearMeasurementModel } from "../../src/tracking/types.js";
import { Worst, recordValidation, sig } from "../validation.js";

const jacRadar = new Worst();
const jacLos = new Worst();
const geometry: string[] = [];
afterAll(() => {
  if (jacRadar.count + jacLos.count > 0)
    recordValidation({
      area: "tracking",
      model: "Measurement Jacobians H (radar 3-D and 4-D, line of sight)",
      reference:
        "central differences of the model's own h, 60 random targets each (radar up to 300 km, 5-200 km up; satellite 1,000 km up, targets to 2,000 km off nadir)",
      figure: `worst |H - differences| per row, relative to the row's largest entry: radar ${sig(jacRadar.value, 2)}, line of sight ${sig(jacLos.value, 2)}`,
      tolerance: "<= 1e-5",
    });
  if (geometry.length > 0)
    recordValidation({
      area: "tracking",
      model: "Measurement functions h (radar, line of sight)",
      reference:
        "closed-form geometry: a target 100 km north of the radar, 10 km up, receding at 1 km/s has range sqrt(100^2 + 10^2) km, azimuth 0, elevation atan(0.1), range rate 1 km/s; a satellite sees nadir at (0, 0) and a target due east in its plane at alpha = 90 deg",
      figure: geometry.join("; "),
      tolerance: "range < 5e-7 m, angles < 5e-13 rad, range rate < 5e-10 m/s; line of sight < 5e-13 rad",
    });
});

/** ENU rotation at geodetic (lat, lon), rows E, N, U (standard formula, e.g. Vallado eq. 3-28 form). */
function enuRotation(latRad: number, lonRad: number): Float64Array {
  const sl = Math.sin(latRad);
  const cl = Math.cos(latRad);
  const so = Math.sin(lonRad);
  const co = Math.cos(lonRad);
  return Float64Array.from([-so, co, 0, -sl * co, -sl * so, cl, cl * co, cl * so, sl]);
}

/** Central-difference Jacobian of h at x (m x n). */
function numericJacobian(model: NonlinearMeasurementModel, x: Float64Array, m: number): Float64Array {
  const n = x.length;
  const J = new Float64Array(m * n);
  for (let j = 0; j < n; j++) {
    const step = Math.max(1e-3, Math.abs(x[j]) * 1e-7);
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[j] += step;
    xm[j] -= step;
    const hp = model.h(xp);
    const hm = model.h(xm);
    for (let i = 0; i < m; i++) J[i * n + j] = wrapAngle(hp[i] - hm[i]) / (2 * step);
  }
  return J;
}

/** Each row of H within 1e-5 of the row's largest entry of J (differences are noisy near zero). */
function expectJacobianClose(H: Float64Array, J: Float64Array, m: number, n: number, worst: Worst): void {
  for (let i = 0; i < m; i++) {
    let scale = 0;
    for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(J[i * n + j]));
    for (let j = 0; j < n; j++) {
      worst.add(Math.abs(H[i * n + j] - J[i * n + j]) / (scale > 0 ? scale : 1));
      expect(Math.abs(H[i * n + j] - J[i * n + j])).toBeLessThanOrEqual(1e-5 * scale);
    }
  }
}

const radarPos = Float64Array.from([-3947762, 3364401, 3699431]); // roughly 35.7 N, 139.5 E on the ellipsoid
const radarRot = enuRotation((35.7 * Math.PI) / 180, (139.5 * Math.PI) / 180);

describe("radar measurement model", () => {
  it("measures a target due north, 10 km up, as azimuth 0 and the right elevation", () => {
    const radar = new RadarMeasurementModel().configureFrom(
      radarPos,
      [0, 0, 0],
      radarRot,
      new Float64Array(16),
      4,
    );
    // Target = radar + 100 km north + 10 km up (ENU -> ECEF with the transposed rotation).
    const enu = [0, 100e3, 10e3];
    const x = new Float64Array(6);
    for (let i = 0; i < 3; i++) {
      x[i] = radarPos[i] + radarRot[i] * enu[0] + radarRot[3 + i] * enu[1] + radarRot[6 + i] * enu[2];
    }
    // Velocity 1 km/s straight away from the radar along the line of sight.
    const r = Math.hypot(100e3, 10e3);
    for (let i = 0; i < 3; i++) x[3 + i] = (1000 * (x[i] - radarPos[i])) / r;
    const z = radar.h(x);
    geometry.push(
      `radar errors: range ${sig(Math.abs(z[0] - r), 2)} m, azimuth ${sig(Math.abs(z[1]), 2)} rad, ` +
        `elevation ${sig(Math.abs(z[2] - Math.atan2(10e3, 100e3)), 2)} rad, range rate ${sig(Math.abs(z[3] - 1000), 2)} m/s`,
    );
    expect(z[0]).toBeCloseTo(r, 6);
    expect(z[1]).toBeCloseTo(0, 12);
    expect(z[2]).toBeCloseTo(Math.atan2(10e3, 100e3), 12);
    expect(z[3]).toBeCloseTo(1000, 9);
  });
  it("analytic Jacobian matches central differences, with and without range rate (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -300e3, max: 300e3, noNaN: true }),
        fc.double({ min: -300e3, max: 300e3, noNaN: true }),
        fc.double({ min: 5e3, max: 200e3, noNaN: true }),
        fc.double({ min: -3e3, max: 3e3, noNaN: true }),
        fc.constantFrom(3 as const, 4 as const),
        (e, nn, u, v, m) => {
          fc.pre(Math.hypot(e, nn) > 1000); // azimuth is singular at the zenith
          const radar = new RadarMeasurementModel().configureFrom(
            radarPos,
            [1, 2, 3],
            radarRot,
            new Float64Array(m * m),
            m,
          );
          const x = new Float64Array(9); // a 9-state (CA) vector: extra columns must be zero
          for (let i = 0; i < 3; i++) {
            x[i] = radarPos[i] + radarRot[i] * e + radarRot[3 + i] * nn + radarRot[6 + i] * u;
            x[3 + i] = v * (i + 1) * 0.3;
          }
          const H = radar.H(x);
          const J = numericJacobian(radar, x, m);
          expectJacobianClose(H, J, m, 9, jacRadar);
        },
      ),
      { numRuns: 60 },
    );
  });
  it("wraps the azimuth residual across +-pi", () => {
    const radar = new RadarMeasurementModel().configureFrom(
      radarPos,
      [0, 0, 0],
      radarRot,
      new Float64Array(9),
      3,
    );
    const y = radar.residual([1000, Math.PI - 0.01, 0.1], [1000, -Math.PI + 0.01, 0.1]);
    expect(y[1]).toBeCloseTo(-0.02, 12);
  });
  it("configures from a detection, 3 or 4 components", () => {
    const det = radarDetection({
      timeS: 0,
      sensorId: "r",
      z: new Float64Array(3),
      R: Float64Array.from([1, 0, 0, 0, 2, 0, 0, 0, 3]),
      sensorPosEcefM: radarPos,
      rotEcefToLocal: radarRot,
    });
    const radar = new RadarMeasurementModel(det);
    expect(radar.m).toBe(3);
    expect(Array.from(radar.R)).toEqual([1, 0, 0, 0, 2, 0, 0, 0, 3]);
    expect(() => new LineOfSightMeasurementModel().configure(det)).toThrow(RangeError);
  });
});

describe("line-of-sight measurement model", () => {
  // A satellite 1000 km above (0 N, 0 E); sensor frame x to nadir, y east, z = x cross y (south).
  const sat = Float64Array.from([6378137 + 1e6, 0, 0]);
  const rot = Float64Array.from([-1, 0, 0, 0, 1, 0, 0, 0, -1]);
  it("sees a target at nadir at (0, 0) and one to the east at alpha = +90 deg", () => {
    const los = new LineOfSightMeasurementModel().configureFrom(sat, rot, [1e-8, 0, 0, 1e-8]);
    const nadir = los.h(Float64Array.from([6378137, 0, 0, 0, 0, 0]));
    expect(nadir[0]).toBeCloseTo(0, 12);
    expect(nadir[1]).toBeCloseTo(0, 12);
    const east = los.h(Float64Array.from([6378137 + 1e6, 1e5, 0, 0, 0, 0]));
    geometry.push(
      `line-of-sight errors: nadir ${sig(Math.max(Math.abs(nadir[0]), Math.abs(nadir[1])), 2)} rad, east ${sig(Math.abs(east[0] - Math.PI / 2), 2)} rad`,
    );
    expect(east[0]).toBeCloseTo(Math.PI / 2, 12);
  });
  it("analytic Jacobian matches central differences (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2000e3, max: 2000e3, noNaN: true }),
        fc.double({ min: -2000e3, max: 2000e3, noNaN: true }),
        fc.double({ min: 0, max: 100e3, noNaN: true }),
        (y, z, h) => {
          const los = new LineOfSightMeasurementModel().configureFrom(sat, rot, [1e-8, 0, 0, 1e-8]);
          const x = Float64Array.from([6378137 + h, y, z, 0, 0, 0, 0]);
          const H = los.H(x);
          const J = numericJacobian(los, x, 2);
          expectJacobianClose(H, J, 2, 7, jacLos);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("wrapAngle", () => {
  it("maps into (-pi, pi] (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (a) => {
        const w = wrapAngle(a);
        expect(w).toBeGreaterThan(-Math.PI);
        expect(w).toBeLessThanOrEqual(Math.PI);
        expect(Math.abs(Math.sin(w) - Math.sin(a))).toBeLessThan(1e-9);
        expect(Math.abs(Math.cos(w) - Math.cos(a))).toBeLessThan(1e-9);
      }),
    );
    expect(wrapAngle(-Math.PI)).toBe(Math.PI);
  });
});
