/**
 * Argument cases of the Earth and math layers (tests/arguments.test.ts): the public, checked forms;
 * the kernels of hot loops, which are not exported from the package root but keep their documented
 * non-finite contract (src/math/check.ts); statistics and special functions.
 */
import type { Entry } from "../harness.js";
import { DATE, ELL, f3, f9, GEO, M2, O4, POS, ROT, VEL } from "../fixtures.js";

export const CORE_CASES: Record<string, Entry> = {
  // earth: public forms check their arguments
  geodeticToEcef: { kind: "checks", args: () => [GEO()], names: ["g"], refuse: [[[0, "latDeg"], 91]] },
  ecefToGeodetic: { kind: "checks", args: () => [POS()], names: ["pEcef"] },
  altitudeAboveEllipsoidM: { kind: "checks", args: () => [POS()], names: ["pEcef"] },
  ecefToEnu: {
    kind: "checks",
    args: () => [POS(), GEO()],
    names: ["pEcef", "originGeodetic"],
    refuse: [[[1, "latDeg"], -90.5]],
  },
  enuToEcef: { kind: "checks", args: () => [[1e3, 2e3, 3e3], GEO()], names: ["enu", "originGeodetic"] },
  gmstRadFromUnixMs: { kind: "checks", args: () => [DATE.getTime()], names: ["unixMs"] },
  gmstRad: { kind: "checks", args: () => [DATE], names: ["date"], refuse: [[[0], new Date(Number.NaN)]] },
  ecefToEci: { kind: "checks", args: () => [POS(), DATE], names: ["pEcef", "date"] },
  eciToEcef: { kind: "checks", args: () => [POS(), DATE], names: ["pEci", "date"] },
  ecefToEciState: { kind: "checks", args: () => [POS(), VEL(), DATE], names: ["pEcef", "vEcef", "date"] },
  eciToEcefState: { kind: "checks", args: () => [POS(), VEL(), DATE], names: ["pEci", "vEci", "date"] },
  geodesicInverse: {
    kind: "checks",
    args: () => [35, 139, 36, 140],
    names: ["latDeg1", "lonDeg1", "latDeg2", "lonDeg2"],
    refuse: [[[2], 90.01]],
  },
  geodesicDirect: {
    kind: "checks",
    args: () => [35, 139, 45, 1e5],
    names: ["latDeg", "lonDeg", "azimuthDeg", "distanceM"],
  },
  radarHorizonRangeM: {
    kind: "checks",
    args: () => [20, 1e5, 4 / 3],
    names: ["radarAltM", "targetAltM", "kFactor"],
    refuse: [
      [[2], 0],
      [[2], -1],
    ],
  },
  elevationAngleRad: {
    kind: "checks",
    args: () => [POS(), [-3.8e6, 3.3e6, 3.8e6]],
    names: ["observerEcef", "targetEcef"],
  },
  isAboveRadarHorizon: {
    kind: "checks",
    args: () => [POS(), [-3.8e6, 3.3e6, 3.8e6], 4 / 3],
    names: ["radarEcef", "targetEcef", "kFactor"],
  },
  isLineOfSightClear: {
    kind: "checks",
    args: () => [POS(), [-3.8e6, 3.3e6, 3.8e6], 1],
    names: ["aEcef", "bEcef", "kFactor"],
  },
  ussa1976: {
    kind: "checks",
    args: () => [1e4],
    names: ["altM"],
    refuse: [
      [[0], 1.1e6],
      [[0], -6e3],
    ],
  },
  // The plain-number forms of the hot path: outside [-5, 1000] km they hold the end values
  // (tests/earth/atmosphere.test.ts); NaN gives NaN.
  densityKgM3: { kind: "limits", args: () => [1e4], names: ["altM"] },
  speedOfSoundMps: { kind: "limits", args: () => [1e4], names: ["altM"] },
  geometricToGeopotentialM: { kind: "checks", args: () => [1e4], names: ["zM"], refuse: [[[0], -7e6]] },
  geopotentialToGeometricM: { kind: "checks", args: () => [1e4], names: ["hM"], refuse: [[[0], 7e6]] },
  molecularWeightRatio: { kind: "checks", args: () => [9e4], names: ["zM"] },
  makeEllipsoid: {
    kind: "checks",
    args: () => [6378137, 0.0033],
    names: ["aM", "f"],
    refuse: [
      [[1], 1],
      [[0], -1],
    ],
  },
  makeEarthModel: {
    kind: "checks",
    args: () => [{ earth: "wgs84", rotation: true, gravity: "j2", atmosphere: "ussa1976" }],
    names: ["env"],
    refuse: [[[0, "earth"], "moon"]],
  },
  // earth: kernels of hot loops (nonfinite in, nonfinite out)
  ecefToGeodeticInto: { kind: "nonfinite", args: () => [POS(), f3()], names: ["pEcef", "out"], out: [1] },
  ecefToGeodeticWithInto: {
    kind: "nonfinite",
    args: () => [POS(), ELL(), f3()],
    names: ["pEcef", "ell", "out"],
    out: [1, 2],
  },
  geodeticToEcefInto: {
    kind: "nonfinite",
    args: () => [0.6, 2.4, 10, f3()],
    names: ["latRad", "lonRad", "altM", "out"],
    out: [3],
  },
  geodeticToEcefWithInto: {
    kind: "nonfinite",
    args: () => [0.6, 2.4, 10, ELL(), f3()],
    names: ["latRad", "lonRad", "altM", "ell", "out"],
    out: [3, 4],
  },
  bowringInto: {
    kind: "nonfinite",
    args: () => {
      const e = ELL();
      return [...POS(), e.aM, e.bM, e.e2, e.ep2 * e.bM, e.e2 * e.aM, 1 - e.f, f3()];
    },
    names: ["x", "y", "z", "aM", "bM", "e2", "c1", "c2", "bOverA", "out"],
    out: [3, 4, 5, 6, 7, 8, 9],
  },
  bowringHeightM: {
    kind: "nonfinite",
    args: () => {
      const e = ELL();
      return [...POS(), e.aM, e.bM, e.e2, e.ep2 * e.bM, e.e2 * e.aM, 1 - e.f];
    },
    names: ["x", "y", "z", "aM", "bM", "e2", "c1", "c2", "bOverA"],
    out: [3, 4, 5, 6, 7, 8],
  },
  enuRotationInto: {
    kind: "nonfinite",
    args: () => [0.6, 2.4, f9()],
    names: ["latRad", "lonRad", "out9"],
    out: [2],
  },
  ecefVectorToEnuInto: {
    kind: "nonfinite",
    args: () => [ROT(), VEL(), f3()],
    names: ["rot9", "v", "out"],
    out: [0, 2],
  },
  enuVectorToEcefInto: {
    kind: "nonfinite",
    args: () => [ROT(), VEL(), f3()],
    names: ["rot9", "v", "out"],
    out: [0, 2],
  },
  ecefToEnuInto: {
    kind: "nonfinite",
    args: () => [POS(), POS(), ROT(), f3()],
    names: ["p", "o", "rot9", "out"],
    out: [2, 3],
  },
  enuToEcefInto: {
    kind: "nonfinite",
    args: () => [VEL(), POS(), ROT(), f3()],
    names: ["enu", "o", "rot9", "out"],
    out: [2, 3],
  },
  ecefToEciInto: {
    kind: "nonfinite",
    args: () => [POS(), 1.2, f3()],
    names: ["pEcef", "gmstRadians", "out"],
    out: [2],
  },
  eciToEcefInto: {
    kind: "nonfinite",
    args: () => [POS(), 1.2, f3()],
    names: ["pEci", "gmstRadians", "out"],
    out: [2],
  },
  ecefToEciStateInto: {
    kind: "nonfinite",
    args: () => [POS(), VEL(), 1.2, 7.29e-5, f3(), f3()],
    names: ["p", "v", "gmst", "omega", "outPos", "outVel"],
    out: [4, 5],
  },
  eciToEcefStateInto: {
    kind: "nonfinite",
    args: () => [POS(), VEL(), 1.2, 7.29e-5, f3(), f3()],
    names: ["p", "v", "gmst", "omega", "outPos", "outVel"],
    out: [4, 5],
  },
  gravityJ2Into: { kind: "nonfinite", args: () => [POS(), f3()], names: ["pEcef", "out"], out: [1] },
  gravityPointInto: { kind: "nonfinite", args: () => [POS(), f3()], names: ["pEcef", "out"], out: [1] },
  gravityJ2WithInto: {
    kind: "nonfinite",
    args: () => [POS(), 3.986e14, 1.08e-3, 6378137, f3()],
    names: ["pEcef", "gm", "j2", "r", "out"],
    out: [4],
  },
  gravityJ2: { kind: "checks", args: () => [POS()], names: ["pEcef"], refuse: [[[0], [0, 0, 0]]] },
  gravityPoint: { kind: "checks", args: () => [POS()], names: ["pEcef"], refuse: [[[0], [0, 0, 0]]] },
  gravityPotentialJ2: {
    kind: "checks",
    args: () => [POS(), 3.986e14, 1.08e-3, 6378137],
    names: ["pEcef", "gm", "j2", "r"],
  },
  ussa1976Into: {
    kind: "nonfinite",
    args: () => [1e4, new Float64Array(4)],
    names: ["altM", "out4"],
    out: [1],
  },
  ussa1976TableInto: {
    kind: "nonfinite",
    args: () => [1e4, new Float64Array(4)],
    names: ["altM", "out4"],
    out: [1],
  },
  // math: vector and matrix arithmetic (nonfinite in, nonfinite out)
  vec3: { kind: "nonfinite", args: () => [1, 2, 3], names: ["x", "y", "z"] },
  set3: { kind: "nonfinite", args: () => [f3(), 1, 2, 3], names: ["out", "x", "y", "z"], out: [0] },
  copy3: { kind: "nonfinite", args: () => [f3(), VEL()], names: ["out", "a"], out: [0] },
  add3: { kind: "nonfinite", args: () => [f3(), VEL(), POS()], names: ["out", "a", "b"], out: [0] },
  sub3: { kind: "nonfinite", args: () => [f3(), VEL(), POS()], names: ["out", "a", "b"], out: [0] },
  scale3: { kind: "nonfinite", args: () => [f3(), VEL(), 2], names: ["out", "a", "s"], out: [0] },
  addScaled3: {
    kind: "nonfinite",
    args: () => [f3(), VEL(), POS(), 2],
    names: ["out", "a", "b", "s"],
    out: [0],
  },
  dot3: { kind: "nonfinite", args: () => [VEL(), POS()], names: ["a", "b"] },
  cross3: { kind: "nonfinite", args: () => [f3(), VEL(), POS()], names: ["out", "a", "b"], out: [0] },
  norm3: { kind: "nonfinite", args: () => [VEL()], names: ["a"] },
  normSq3: { kind: "nonfinite", args: () => [VEL()], names: ["a"] },
  distance3: { kind: "nonfinite", args: () => [VEL(), POS()], names: ["a", "b"] },
  normalize3: { kind: "nonfinite", args: () => [f3(), VEL()], names: ["out", "a"], out: [0] },
  matAdd: {
    kind: "nonfinite",
    args: () => [O4(), M2(), M2(), 4],
    names: ["out", "a", "b", "len"],
    out: [0, 3],
  },
  matSub: {
    kind: "nonfinite",
    args: () => [O4(), M2(), M2(), 4],
    names: ["out", "a", "b", "len"],
    out: [0, 3],
  },
  matScale: {
    kind: "nonfinite",
    args: () => [O4(), M2(), 2, 4],
    names: ["out", "a", "s", "len"],
    out: [0, 3],
  },
  matAddScaled: {
    kind: "nonfinite",
    args: () => [O4(), M2(), M2(), 2, 4],
    names: ["out", "a", "b", "s", "len"],
    out: [0, 4],
  },
  matCopy: { kind: "nonfinite", args: () => [O4(), M2(), 4], names: ["out", "a", "len"], out: [0, 2] },
  matTranspose: {
    kind: "nonfinite",
    args: () => [O4(), M2(), 2, 2],
    names: ["out", "a", "rows", "cols"],
    out: [0, 2, 3],
  },
  matMul: {
    kind: "nonfinite",
    args: () => [O4(), M2(), M2(), 2, 2, 2],
    names: ["out", "a", "b", "n", "k", "m"],
    out: [0, 3, 4, 5],
  },
  matMulABt: {
    kind: "nonfinite",
    args: () => [O4(), M2(), M2(), 2, 2, 2],
    names: ["out", "a", "b", "n", "k", "m"],
    out: [0, 3, 4, 5],
  },
  matMulAtB: {
    kind: "nonfinite",
    args: () => [O4(), M2(), M2(), 2, 2, 2],
    names: ["out", "a", "b", "n", "k", "m"],
    out: [0, 3, 4, 5],
  },
  matMulABtSym: {
    kind: "nonfinite",
    args: () => [O4(), M2(), M2(), 2, 2],
    names: ["out", "a", "b", "n", "k"],
    out: [0, 3, 4],
  },
  matVecMul: {
    kind: "nonfinite",
    args: () => [new Float64Array(2), M2(), Float64Array.from([1, 2]), 2, 2],
    names: ["out", "a", "x", "rows", "cols"],
    out: [0, 3, 4],
  },
  matSymmetrize: { kind: "nonfinite", args: () => [M2(), 2], names: ["a", "n"], out: [1] },
  // 1 x 1, so every element is on the diagonal (the trace rightly ignores the others).
  matTrace: { kind: "nonfinite", args: () => [Float64Array.from([4]), 1], names: ["a", "n"], out: [1] },
  matCongruence: {
    kind: "nonfinite",
    args: () => [O4(), M2(), M2(), 2, 2, O4()],
    names: ["out", "a", "b", "n", "m", "work"],
    out: [0, 3, 4, 5],
  },
  // math: statistics and special functions
  normalQuantile: { kind: "checks", args: () => [0.3], names: ["p"], refuse: [[[0], 1.5]] },
  chiSquareQuantile: { kind: "checks", args: () => [0.3, 3], names: ["p", "k"], refuse: [[[1], 0]] },
  chiSquareCdf: { kind: "limits", args: () => [2, 3], names: ["x", "k"], refuse: [[[1], -1]] },
  chiSquareSf: { kind: "limits", args: () => [2, 3], names: ["x", "k"], refuse: [[[1], 0]] },
  normalCdf: { kind: "limits", args: () => [0.3], names: ["x"] },
  normalPdf: { kind: "limits", args: () => [0.3], names: ["x"] },
  erf: { kind: "limits", args: () => [0.3], names: ["x"] },
  erfc: { kind: "limits", args: () => [0.3], names: ["x"] },
  lnGamma: { kind: "limits", args: () => [2.5], names: ["x"] },
  regularizedGammaP: { kind: "limits", args: () => [2, 1.5], names: ["a", "x"], refuse: [[[0], 0]] },
  regularizedGammaQ: { kind: "limits", args: () => [2, 1.5], names: ["a", "x"], refuse: [[[1], -1]] },
  zForConfidence: { kind: "checks", args: () => [0.95], names: ["confidence"], refuse: [[[0], 1]] },
  wilsonInterval: {
    kind: "checks",
    args: () => [3, 10, 0.95],
    names: ["successes", "trials", "confidence"],
    refuse: [[[0], 11]],
  },
  quantile: {
    kind: "checks",
    infinities: "allowed",
    args: () => [[1, 2, 3, 4], 0.5],
    names: ["values", "p"],
    refuse: [[[1], 2]],
  },
  quantileSorted: {
    kind: "checks",
    infinities: "allowed",
    args: () => [[1, 2, 3, 4], 0.5],
    names: ["sorted", "p"],
    refuse: [[[1], -1]],
  },
  randomStream: {
    kind: "checks",
    args: () => [1, 0, "x"],
    names: ["seed", "run", "name"],
    refuse: [
      [[0], -1],
      [[1], 0.5],
    ],
  },
};
