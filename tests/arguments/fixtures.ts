/**
 * Valid inputs for the argument cases (tests/arguments.test.ts), made fresh by each call so a corrupted
 * copy never leaks into the next case, and LIB: the package root's exports together with the layer
 * exports whose kernels the cases still check (they are no longer exported from the root).
 */
import * as raijin from "../../src/index.js";
import * as earthLayer from "../../src/earth/index.js";
import * as mathLayer from "../../src/math/index.js";
import * as sensorLayer from "../../src/sensors/index.js";

export const LIB: Record<string, unknown> = { ...mathLayer, ...earthLayer, ...sensorLayer, ...raijin };

export const DATE = new Date("2030-06-01T00:00:00Z");
export const POS = () => [-3.9e6, 3.3e6, 3.7e6];
export const VEL = () => [100, -200, 300];
export const GEO = () => ({ latDeg: 35.3, lonDeg: 139.7, altM: 10 });
export const REF = () => ({ referenceRangeM: 3e5, referenceRcsM2: 1, referenceSnrDb: 13 });
export const HW = () => ({
  averagePowerW: 5e3,
  dwellTimeS: 0.01,
  apertureM2: 10,
  wavelengthM: 0.1,
  systemTemperatureK: 500,
  lossesDb: 5,
});
export const f3 = () => new Float64Array(3);
export const f9 = () => new Float64Array(9);
export const ROT = () => earthLayer.enuRotationInto(0.6, 2.4, new Float64Array(9));
export const M2 = () => Float64Array.from([4, 1, 1, 3]);
export const O4 = () => new Float64Array(4);
export const ELL = () => earthLayer.makeEllipsoid(6378137, 1 / 298.257223563);

/** One Earth model for the cases (its numbers are the library's, never corrupted). */
export const EARTH = raijin.makeEarthModel();

/** A diagonal n x n matrix. */
export function diag(values: readonly number[]): Float64Array {
  const n = values.length;
  const m = new Float64Array(n * n);
  values.forEach((v, i) => (m[i * n + i] = v));
  return m;
}

/** A target 300 km up above the Sea of Japan, climbing at 2 km/s eastwards: position and velocity, ECEF. */
export const TARGET_POS = () => raijin.geodeticToEcef({ latDeg: 38, lonDeg: 134, altM: 3e5 });
export const STATE6 = (timeS = 0) => ({
  x: Float64Array.from([...TARGET_POS(), -1500, -1200, 600]),
  P: diag([1e4, 1e4, 1e4, 100, 100, 100]),
  timeS,
});
/** A position measurement near STATE6's position. */
export const Z3 = () => {
  const p = TARGET_POS();
  return Float64Array.from([p[0] + 30, p[1] - 20, p[2] + 10]);
};
export const R3 = () => diag([2500, 2500, 2500]);
export const CV = () => raijin.constantVelocityModel({ accelSigmaMps2: 5 });
export const POSM = () => raijin.positionMeasurementModel(6, R3());

/** A radar's parts of a detection of STATE6's target from a site in Japan: z = [range, az, el]. */
export function radarParts() {
  const site = raijin.geodeticToEcef({ latDeg: 35.3, lonDeg: 139.7, altM: 10 });
  const rot = earthLayer.enuRotationInto(
    35.3 * (Math.PI / 180),
    139.7 * (Math.PI / 180),
    new Float64Array(9),
  );
  const enu = raijin.ecefToEnu(TARGET_POS(), { latDeg: 35.3, lonDeg: 139.7, altM: 10 });
  const rangeM = Math.hypot(enu[0], enu[1], enu[2]);
  return {
    timeS: 0,
    sensorId: "r",
    z: Float64Array.from([rangeM, Math.atan2(enu[0], enu[1]), Math.asin(enu[2] / rangeM)]),
    R: diag([100, 1e-6, 1e-6]),
    sensorPosEcefM: Float64Array.from(site),
    rotEcefToLocal: rot,
    snr: 30,
  };
}

/** A line of sight's parts: z = [alpha, beta] from a satellite 1,000 km up. */
export function losParts() {
  return {
    timeS: 0,
    sensorId: "ir/1",
    z: Float64Array.from([0.01, -0.02]),
    R: diag([1e-8, 1e-8]),
    sensorPosEcefM: Float64Array.from(raijin.geodeticToEcef({ latDeg: 40, lonDeg: 135, altM: 1e6 })),
    rotEcefToLocal: diag([1, 1, 1]),
  };
}
