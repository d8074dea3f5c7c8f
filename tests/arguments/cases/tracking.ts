/**
 * Argument cases of the tracking layer (tests/arguments.test.ts): the filters' constructors, predict and
 * update (NaN or empty measurements, states that are not finite, times that are not numbers), the
 * built-in models, the tracker, prediction from a track and the metrics.
 */
import * as raijin from "../../../src/index.js";
import type { GaussianState } from "../../../src/index.js";
import type { Case, Entry, Leaf } from "../harness.js";
import { CV, diag, EARTH, POSM, R3, radarParts, STATE6, TARGET_POS, Z3 } from "../fixtures.js";

/** The leaves of a Gaussian state at position `i` of the arguments: x, every entry of P, the time. */
function stateLeaves(i: number, n = 6): Leaf[] {
  const out: Leaf[] = [[i, "timeS"]];
  for (let k = 0; k < n; k++) out.push([i, "x", k]);
  for (let k = 0; k < n * n; k++) out.push([i, "P", k]);
  return out;
}

const KF = () => new raijin.KalmanFilter({ transition: CV(), measurement: POSM() });
const EKF = () => new raijin.ExtendedKalmanFilter({ transition: CV(), measurement: POSM() });
const UKF = () =>
  new raijin.UnscentedKalmanFilter({ transition: CV(), measurement: POSM(), alpha: 1, beta: 2, kappa: 0 });
const IMM = () =>
  new raijin.ImmFilter({
    filters: [
      KF(),
      new raijin.KalmanFilter({ transition: raijin.constantVelocityModel({ accelSigmaMps2: 50 }) }),
    ],
    measurement: POSM(),
    sojournTimesS: [20, 10],
    initialProbabilities: [0.5, 0.5],
  });

interface AnyFilter {
  predict(s: GaussianState, t: number): GaussianState;
  update(s: GaussianState, z: ArrayLike<number>): GaussianState;
}

/** predict(state, timeS) and update(predicted, z) of a filter made fresh for each call. */
function filterMethods(make: () => AnyFilter): Case[] {
  return [
    {
      kind: "checks",
      label: "predict",
      call: (s, t) => make().predict(s as GaussianState, t as number),
      args: () => [STATE6(), 10],
      names: ["state", "timeS"],
      leaves: [...stateLeaves(0), [1]],
      refuse: [[[1], -5]],
    },
    {
      kind: "checks",
      label: "update",
      call: (s, z) => make().update(s as GaussianState, z as Float64Array),
      args: () => [STATE6(), Z3()],
      names: ["predicted", "z"],
      leaves: [...stateLeaves(0), [1, 0], [1, 1], [1, 2]],
      refuse: [
        [[1], new Float64Array(0)],
        [[1], new Float64Array(2)],
      ],
    },
  ];
}

/**
 * The leaves of an IMM state: its time, its mode probabilities and its modes' states (the combined x
 * and P are the filter's output, formed from the modes, not an input).
 */
const IMM_LEAVES = (i: number): Leaf[] => [
  [i, "timeS"],
  [i, "probabilities", 0],
  [i, "modes", 0, "timeS"],
  [i, "modes", 0, "x", 0],
  [i, "modes", 0, "P", 0],
  [i, "modes", 1, "x", 4],
  [i, "modes", 1, "P", 7],
];

/** An IMM state made by the filter itself, at 0 s. */
function immState(): GaussianState {
  const f = IMM();
  const s = STATE6();
  return f.initializeInto(s.x, s.P, 0, f.createState());
}

export const TRACKING_CASES: Record<string, Entry> = {
  KalmanFilter: [
    {
      kind: "checks",
      label: "new",
      call: (o) => new raijin.KalmanFilter(o as ConstructorParameters<typeof raijin.KalmanFilter>[0]),
      args: () => [{ transition: CV(), measurement: POSM() }],
      names: ["options"],
      leaves: [],
    },
    ...filterMethods(KF),
  ],
  ExtendedKalmanFilter: filterMethods(EKF),
  UnscentedKalmanFilter: [
    {
      kind: "checks",
      label: "new",
      call: (o) =>
        new raijin.UnscentedKalmanFilter(o as ConstructorParameters<typeof raijin.UnscentedKalmanFilter>[0]),
      args: () => [{ transition: CV(), measurement: POSM(), alpha: 1, beta: 2, kappa: 0 }],
      names: ["options"],
      leaves: [
        [0, "alpha"],
        [0, "beta"],
        [0, "kappa"],
      ],
      refuse: [[[0, "alpha"], 0]],
    },
    ...filterMethods(UKF),
  ],
  ImmFilter: [
    {
      kind: "checks",
      label: "new",
      call: (o) => new raijin.ImmFilter(o as ConstructorParameters<typeof raijin.ImmFilter>[0]),
      args: () => [
        {
          filters: [KF(), KF()],
          measurement: POSM(),
          sojournTimesS: [20, 10],
          initialProbabilities: [0.5, 0.5],
        },
      ],
      names: ["options"],
      leaves: [
        [0, "initialProbabilities", 0],
        [0, "initialProbabilities", 1],
      ],
      refuse: [
        [[0, "initialProbabilities", 0], -0.5],
        [[0, "initialProbabilities", 0], 0.9],
      ],
    },
    {
      // A sojourn time of Infinity is a mode that is never left (its row of the transition matrix is
      // the identity's): only NaN, -Infinity and values <= 0 are refused.
      kind: "checks",
      label: "new",
      infinities: "allowed",
      call: (o) => new raijin.ImmFilter(o as ConstructorParameters<typeof raijin.ImmFilter>[0]),
      args: () => [{ filters: [KF(), KF()], measurement: POSM(), sojournTimesS: [20, 10] }],
      names: ["options"],
      leaves: [
        [0, "sojournTimesS", 0],
        [0, "sojournTimesS", 1],
      ],
      refuse: [
        [[0, "sojournTimesS", 1], 0],
        [[0, "sojournTimesS", 0], -Infinity],
      ],
    },
    {
      kind: "checks",
      label: "predict",
      call: (s, t) => IMM().predict(s as never, t as number),
      args: () => [immState(), 10],
      names: ["state", "timeS"],
      leaves: [...IMM_LEAVES(0), [1]],
      refuse: [[[1], -5]],
    },
    {
      kind: "checks",
      label: "update",
      call: (s, z) => IMM().update(s as never, z as Float64Array),
      args: () => [immState(), Z3()],
      names: ["predicted", "z"],
      leaves: [...IMM_LEAVES(0), [1, 0], [1, 1], [1, 2]],
      refuse: [[[1], new Float64Array(0)]],
    },
  ],
  createGaussianState: {
    kind: "checks",
    args: () => [6, 0],
    names: ["n", "timeS"],
    refuse: [
      [[0], 0],
      [[0], 2.5],
    ],
  },
  // Built-in models: their options, and the models' own functions.
  constantVelocityModel: {
    kind: "checks",
    args: () => [{ accelSigmaMps2: 5 }],
    names: ["options"],
    refuse: [[[0, "accelSigmaMps2"], -1]],
  },
  constantAccelerationModel: {
    kind: "checks",
    args: () => [{ psdM2S5: 1, initialAccelSigmaMps2: 10 }],
    names: ["options"],
    refuse: [[[0, "psdM2S5"], -1]],
  },
  singerModel: {
    kind: "checks",
    args: () => [{ accelSigmaMps2: 20, timeConstantS: 10 }],
    names: ["options"],
    refuse: [[[0, "timeConstantS"], 0]],
  },
  ballisticModel: {
    kind: "checks",
    args: () => [{ kappaPriorMean: 1e-3, kappaPriorSigma: 1e-3, accelPsdM2S3: 1, maxStepS: 5 }],
    names: ["options"],
    refuse: [[[0, "maxStepS"], 0]],
  },
  linearMeasurementModel: {
    kind: "checks",
    args: () => [Float64Array.from([1, 0, 0, 0, 0, 0]), diag([100])],
    names: ["H", "R"],
  },
  positionMeasurementModel: {
    kind: "checks",
    args: () => [3, R3()],
    names: ["ndim", "R"],
    refuse: [[[0], 0]],
  },
  radarMeasurementModel: {
    kind: "checks",
    args: () => [raijin.radarDetection(radarParts())],
    names: ["detection"],
    leaves: [],
  },
  lineOfSightMeasurementModel: {
    kind: "checks",
    args: () => [
      raijin.lineOfSightDetection({
        ...radarParts(),
        z: Float64Array.from([0.1, 0.2]),
        R: diag([1e-8, 1e-8]),
      }),
    ],
    names: ["detection"],
    leaves: [],
  },
  // The tracker: its options, and a step's time.
  Tracker: [
    {
      kind: "checks",
      label: "new",
      call: (o) => new raijin.Tracker(o as ConstructorParameters<typeof raijin.Tracker>[0]),
      args: () => [
        {
          filter: EKF(),
          gateProbability: 0.99,
          confirmHits: 3,
          confirmWindow: 5,
          deleteAfterMisses: 6,
          dropAfterS: 30,
          maxPositionSigmaM: 5e4,
          maxLatenessS: 10,
          initialVelocitySigmaMps: 3000,
          sensorMemoryS: 10,
          detectionProbability: 0.9,
          clutterDensity: 1e-9,
        },
      ],
      names: ["options"],
      refuse: [
        [[0, "gateProbability"], 1],
        [[0, "confirmHits"], 6],
        [[0, "confirmWindow"], 0],
        [[0, "deleteAfterMisses"], 0],
        [[0, "detectionProbability"], 1.5],
      ],
    },
    {
      // Infinity means "never" for these two (range rates always used; no spatial index).
      kind: "checks",
      label: "new",
      infinities: "allowed",
      call: (o) => new raijin.Tracker(o as ConstructorParameters<typeof raijin.Tracker>[0]),
      args: () => [{ filter: EKF(), rangeRateMaxVelocitySigmaMps: 300, spatialIndexMinPairs: 1024 }],
      names: ["options"],
      refuse: [
        [[0, "rangeRateMaxVelocitySigmaMps"], -1],
        [[0, "spatialIndexMinPairs"], -Infinity],
      ],
    },
    {
      kind: "checks",
      label: "step",
      call: (t, d) => new raijin.Tracker({ filter: EKF() }).step(t as number, d as never),
      args: () => [1, [raijin.radarDetection({ ...radarParts(), timeS: 1 })]],
      names: ["nowS", "detections"],
      leaves: [[0]],
    },
  ],
  // What a track predicts.
  predictImpact: {
    kind: "checks",
    args: () => [STATE6(), { stepS: 1, maxTimeS: 600, alpha: 1, beta: 2, kappa: 0, earth: EARTH }],
    names: ["state", "options"],
    leaves: [...stateLeaves(0), [1, "stepS"], [1, "maxTimeS"], [1, "alpha"], [1, "beta"], [1, "kappa"]],
    refuse: [
      [[1, "stepS"], 0],
      [[1, "stepS"], -1],
      [[1, "maxTimeS"], 0],
    ],
  },
  assessTrackMotion: {
    kind: "checks",
    args: () => [STATE6(), { minBallisticProbability: 0.5, minLiftMps2: 5, liftSigmas: 3, earth: EARTH }],
    names: ["state", "options"],
    leaves: [...stateLeaves(0), [1, "minBallisticProbability"], [1, "minLiftMps2"], [1, "liftSigmas"]],
    refuse: [[[1, "minBallisticProbability"], 2]],
  },
  TrackMotionHistory: [
    {
      kind: "checks",
      label: "new",
      call: (a, s) => new raijin.TrackMotionHistory(a as never, s as never),
      args: () => [{ minLiftMps2: 5 }, { spacingS: 5, keepS: 60, lagS: 20 }],
      names: ["assessOptions", "spacing"],
      refuse: [[[1, "spacingS"], 0]],
    },
    {
      kind: "checks",
      label: "note",
      call: (id, s) => new raijin.TrackMotionHistory().note(id as string, s as GaussianState),
      args: () => ["t1", STATE6()],
      names: ["trackId", "state"],
      leaves: stateLeaves(1),
    },
  ],
  glideFootprint: {
    kind: "checks",
    args: () => [
      {
        ...STATE6(),
        x: Float64Array.from([
          ...raijin.geodeticToEcef({ latDeg: 38, lonDeg: 134, altM: 4e4 }),
          -3000,
          -2400,
          0,
        ]),
      },
      {
        banks: 5,
        steps: 50,
        glideAltM: 4e4,
        endSpeedMps: 1500,
        liftToDragMax: 2.5,
        maxBankRad: 0.7,
        earth: EARTH,
      },
    ],
    names: ["state", "options"],
    leaves: [
      ...stateLeaves(0).slice(0, 7),
      [1, "banks"],
      [1, "steps"],
      [1, "glideAltM"],
      [1, "endSpeedMps"],
      [1, "liftToDragMax"],
      [1, "maxBankRad"],
    ],
    refuse: [
      [[1, "banks"], 0],
      [[1, "steps"], 0.5],
    ],
  },
  // Metrics.
  ospa: {
    kind: "checks",
    args: () => [[TARGET_POS()], [TARGET_POS().map((v) => v + 100)], 1e4, 2],
    names: ["X", "Y", "c", "p"],
    refuse: [
      [[2], 0],
      [[3], 0.5],
    ],
  },
  gospa: {
    kind: "checks",
    args: () => [[TARGET_POS()], [TARGET_POS().map((v) => v + 100)], 1e4, 2],
    names: ["truths", "estimates", "c", "p"],
    refuse: [
      [[2], 0],
      [[3], 0.5],
    ],
  },
  // The covariance is checked by its factorisation (NonPositiveDefiniteError, which names it, when it
  // is not positive definite or not finite: tests/tracking/consistency.test.ts); the vectors here.
  nees: {
    kind: "checks",
    args: () => [STATE6().x, STATE6().P, STATE6().x.map((v) => v + 10)],
    names: ["x", "P", "xTrue"],
    leaves: [0, 1, 2, 3, 4, 5].flatMap((k): Leaf[] => [
      [0, k],
      [2, k],
    ]),
  },
  nis: {
    kind: "checks",
    args: () => [Float64Array.from([10, -5, 3]), R3()],
    names: ["y", "S"],
    leaves: [
      [0, 0],
      [0, 1],
      [0, 2],
    ],
  },
  averageChiSquareBounds: {
    kind: "checks",
    args: () => [50, 6, 0.95],
    names: ["runs", "dof", "confidence"],
    refuse: [
      [[0], 0],
      [[1], 0],
      [[2], 1],
    ],
  },
  chiSquareGate: {
    kind: "checks",
    args: () => [0.99, 3],
    names: ["probability", "dof"],
    refuse: [
      [[0], 1],
      [[1], 0],
    ],
  },
  positionVelocityRmse: {
    kind: "checks",
    args: () => [[STATE6().x], [STATE6().x.map((v) => v + 1)]],
    names: ["estimates", "truths"],
  },
  RmseAccumulator: {
    kind: "checks",
    label: "add",
    call: (x, p, v) => new raijin.RmseAccumulator().add(x as number[], p as number[], v as number[]),
    args: () => [Array.from(STATE6().x), TARGET_POS(), [-1500, -1200, 600]],
    names: ["x", "truePos", "trueVel"],
  },
  assignTracksToTruths: {
    kind: "checks",
    args: () => [
      10,
      [{ id: "a", positionEcefM: TARGET_POS() }],
      [{ id: "T1", positionEcefM: TARGET_POS().map((v) => v + 100) }],
      2e4,
    ],
    names: ["timeS", "truths", "tracks", "cutoffM"],
    refuse: [[[3], 0]],
  },
  continuityAndPurity: {
    kind: "checks",
    args: () => [[{ timeS: 0, truthId: "a", trackId: "T1" }]],
    names: ["samples"],
  },
  timeToConfirm: {
    kind: "checks",
    args: () => [[{ timeS: 1, truthId: "a" }], [{ timeS: 4, truthId: "a", trackId: "T1" }]],
    names: ["detections", "confirmedSamples"],
  },
};
