/**
 * Argument cases of the sensor layer (tests/arguments.test.ts).
 */
import * as raijin from "../../../src/index.js";
import type { Entry } from "../harness.js";
import { DATE, HW, losParts, radarParts, REF, STATE6 } from "../fixtures.js";

const D2R = Math.PI / 180;

const RADAR_SPEC = () => ({
  id: "r",
  model: "notional-s-band",
  site: { kind: "fixed" as const, at: { latDeg: 35.3, lonDeg: 139.7, altM: 10 } },
  boresightAzimuthRad: 4,
  firstLookS: 0,
});
const IR_SPEC = () => ({
  id: "ir",
  model: "notional-leo-ir",
  epoch: DATE,
  walker: { altitudeM: 1e6, inclinationRad: 81 * D2R, planes: 4, satellitesPerPlane: 7, phasing: 1 },
  firstLookS: 0,
});
/** A truth state of STATE6's target at 0 s, as sensors see the objects in flight. */
function truth() {
  const s = STATE6();
  return {
    id: "a",
    kind: "ballistic",
    phase: "midcourse",
    timeS: 0,
    posEcefM: s.x.slice(0, 3),
    velEcefMps: s.x.slice(3, 6),
    altM: 3e5,
    massKg: 1000,
    airspeedMps: 2000,
    mach: 7,
    thrustN: 0,
    surfaceTempK: 300,
  };
}

export const SENSOR_CASES: Record<string, Entry> = {
  // sensors: building the built-ins, looking, detections and their models
  createRadar: {
    kind: "checks",
    args: () => [RADAR_SPEC()],
    names: ["spec"],
    refuse: [
      [[0, "site", "at", "latDeg"], 91],
      [[0, "firstLookS"], -1],
    ],
  },
  createIrConstellation: {
    kind: "checks",
    args: () => [IR_SPEC()],
    names: ["spec"],
    refuse: [
      [[0, "walker", "planes"], 0],
      [[0, "walker", "phasing"], 4],
      [[0, "walker", "altitudeM"], -1],
      [[0, "epoch"], new Date(Number.NaN)],
    ],
  },
  observe: {
    kind: "checks",
    args: () => [raijin.createRadar(RADAR_SPEC()), [truth()], 0, raijin.randomStream(1, 0, "sensor:r")],
    names: ["sensor", "truths", "timeS", "rng"],
    leaves: [[2]],
  },
  radarDetection: {
    kind: "checks",
    args: () => [radarParts()],
    names: ["parts"],
    refuse: [[[0, "R", 0], -1]],
  },
  lineOfSightDetection: {
    kind: "checks",
    args: () => [losParts()],
    names: ["parts"],
    refuse: [[[0, "R", 0], -1]],
  },
  rcsFor: {
    kind: "checks",
    args: () => ["ballistic", "midcourse"],
    names: ["kind", "phase"],
    refuse: [[[1], "orbiting"]],
  },
  // An angle kernel of the measurement models' hot loops: NaN in, NaN out (src/sensors/models/angles.ts).
  wrapAngle: { kind: "nonfinite", args: () => [4], names: ["a"] },
  radarCoverageBoundary: {
    kind: "checks",
    args: () => [
      raijin.createRadar(RADAR_SPEC()),
      { targetAltM: 1e4, rcsM2: 0.1, pd: 0.5, timeS: 0, azimuthSteps: 36 },
    ],
    names: ["radar", "options"],
    refuse: [
      [[1, "azimuthSteps"], 0],
      [[1, "pd"], 1],
    ],
  },
  irFootprintBoundary: {
    kind: "checks",
    args: () => [
      raijin.createIrConstellation(IR_SPEC()),
      0,
      { targetAltM: 1e5, intensityWPerSr: 1e4, timeS: 0, steps: 36 },
    ],
    names: ["constellation", "index", "options"],
    refuse: [
      [[1], 28],
      [[1], 0.5],
      [[2, "steps"], 0],
    ],
  },
  satelliteTracks: {
    kind: "checks",
    args: () => [raijin.createIrConstellation(IR_SPEC()).ephemeris, 0, 600, 60],
    names: ["ephemeris", "startS", "endS", "stepS"],
    refuse: [
      [[3], 0],
      [[2], -1],
    ],
  },
  // sensors: the radar's free functions
  radarConstant: {
    kind: "checks",
    args: () => [REF()],
    names: ["ref"],
    refuse: [[[0, "referenceRcsM2"], 0]],
  },
  snrAtRange: {
    kind: "checks",
    args: () => [REF(), 1e5, 0.1],
    names: ["ref", "rangeM", "rcsM2"],
    refuse: [[[1], 0]],
  },
  detectionRangeM: {
    kind: "checks",
    args: () => [REF(), 0.1, 13],
    names: ["ref", "rcsM2", "snrDb"],
    refuse: [[[1], -1]],
  },
  radarEquationSnr: {
    kind: "checks",
    args: () => [HW(), 1e5, 1],
    names: ["hw", "rangeM", "rcsM2"],
    refuse: [[[0, "wavelengthM"], 0]],
  },
  referenceFromHardware: { kind: "checks", args: () => [HW(), 1, 13], names: ["hw", "rcsM2", "snrDb"] },
  detectionProbability: {
    kind: "checks",
    args: () => [{ snr: 20, pfa: 1e-6, swerling: 1 }],
    names: [""],
    refuse: [
      [[0, "swerling"], 2],
      [[0, "swerling"], 4],
      [[0, "swerling"], undefined],
      [[0, "pfa"], 1],
      [[0, "snr"], -1],
    ],
  },
  requiredSnr: {
    kind: "checks",
    args: () => [{ pd: 0.9, pfa: 1e-6, swerling: 1 }],
    names: [""],
    refuse: [
      [[0, "swerling"], 2],
      [[0, "pd"], 1],
    ],
  },
  marcumQ1: { kind: "limits", args: () => [2, 1], names: ["a", "b"], refuse: [[[0], -1]] },
  // A kernel of the radar's hot loop: an infinite bandwidth, slope, dwell or SNR gives the limit (the
  // noise floors), a negative SNR is clamped to 1e-12 by design, NaN gives NaN.
  radarSigmasInto: {
    kind: "limits",
    args: () => [
      {
        bandwidthHz: 1e6,
        beamwidthRad: 0.02,
        monopulseSlope: 1.6,
        wavelengthM: 0.1,
        dwellTimeS: 0.01,
        rangeFloorM: 5,
        angleFloorRad: 1e-4,
        rangeRateFloorMps: 1,
      },
      20,
      0.1,
      new Float64Array(4),
    ],
    names: ["p", "snr", "elevationRad", "out"],
    out: [3],
  },
};
