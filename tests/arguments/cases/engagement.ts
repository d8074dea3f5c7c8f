/**
 * Argument cases of the engagement layer (tests/arguments.test.ts): the battle manager (its options and
 * its decision cycle), the doctrine, threat evaluation, kill assessment and the weapon-target
 * assignment solvers.
 */
import * as raijin from "../../../src/index.js";
import type {
  BattleManagerOptions,
  DefendedAsset,
  EngagementDoctrine,
  GaussianState,
  TrackingFilter,
  WtaProblem,
} from "../../../src/index.js";
import type { MotionAssessment } from "../../../src/tracking/predict/motion.js";
import type { Entry, Leaf } from "../harness.js";
import { CV, EARTH, POSM, STATE6 } from "../fixtures.js";

const ASSETS = (): DefendedAsset[] => [
  { id: "port", latDeg: 35.29, lonDeg: 139.67, value: 10, radiusM: 3000 },
];

/** A motion assessment of a ballistic target (its numbers null: evaluateThreat reads only the flags). */
const BALLISTIC: MotionAssessment = {
  ballisticProbability: null,
  alongMps2: null,
  acrossMps2: null,
  acrossSigmaMps2: null,
  meanAlongMps2: null,
  meanAcrossMps2: null,
  meanAcrossSigmaMps2: null,
  intervalS: null,
  lifting: false,
  thrusting: false,
  manoeuvring: false,
  ballistic: true,
  reasons: [],
};

const doctrine = (mode: "shoot-look-shoot" | "salvo" = "shoot-look-shoot"): EngagementDoctrine => ({
  ...raijin.DEFAULT_DOCTRINE,
  mode,
  weaponPriorities: [],
});

/** A battle manager's options with no batteries and an empty picture (a valid, cheap construction). */
function managerOptions(): BattleManagerOptions {
  const filter = new raijin.ExtendedKalmanFilter({
    transition: CV(),
    measurement: POSM(),
  }) as unknown as TrackingFilter<GaussianState>;
  return {
    picture: { tracks: [], filter },
    batteries: [],
    orders: { orders: [], get: () => undefined },
    assets: ASSETS(),
    doctrine: doctrine(),
    earth: EARTH,
    ballisticModel: raijin.ballisticModel(),
    motion: {},
    kappaIndex: -1,
  };
}

/** A small assignment: two threats, two batteries, every limit given. */
const PROBLEM = (): WtaProblem => ({
  threatValues: [10, 5],
  batteryShots: [2, 1],
  killProbability: [
    [0.7, 0.5],
    [0.6, 0.8],
  ],
  maxPairShots: [
    [2, 2],
    [1, 1],
  ],
  maxShotsPerThreat: 3,
  threatShotCaps: [3, 3],
});

const WTA_REFUSE: readonly (readonly [Leaf, unknown])[] = [
  [[0, "threatValues", 0], -1],
  [[0, "batteryShots", 0], 1.5],
  [[0, "batteryShots", 1], 1e7],
  [[0, "killProbability", 0, 1], 1.5],
  [[0, "maxPairShots", 1, 0], -1],
  [[0, "maxShotsPerThreat"], -1],
  [[0, "threatShotCaps", 1], 0.5],
];

const wta = (): Entry => ({
  kind: "checks",
  args: () => [PROBLEM()],
  names: ["problem"],
  refuse: WTA_REFUSE,
});

const DOCTRINE_REFUSE: readonly (readonly [Leaf, unknown])[] = [
  [[0, "salvoSize"], 0],
  [[0, "maxShotsPerThreat"], 1.5],
  [[0, "minKillProbability"], 2],
  [[0, "assessmentDelayS"], -1],
  [[0, "decisionIntervalS"], 0],
];

export const ENGAGEMENT_CASES: Record<string, Entry> = {
  BattleManager: [
    {
      kind: "checks",
      label: "new",
      call: (o) => new raijin.BattleManager(o as BattleManagerOptions),
      args: () => [managerOptions()],
      names: ["o"],
      refuse: [
        [[0, "doctrine", "salvoSize"], 0],
        [[0, "doctrine", "minKillProbability"], -0.5],
        [[0, "assets", 0, "latDeg"], 91],
        [[0, "assets", 0, "value"], -1],
        [[0, "kappaIndex"], -2],
        [[0, "kappaIndex"], 0.5],
      ],
    },
    {
      kind: "checks",
      label: "decide",
      call: (nowS) => new raijin.BattleManager(managerOptions()).decide(nowS as number),
      args: () => [100],
      names: ["nowS"],
    },
  ],
  validateDoctrine: {
    kind: "checks",
    args: () => [doctrine()],
    names: ["d"],
    refuse: DOCTRINE_REFUSE,
  },
  shotsPerEngagement: {
    kind: "checks",
    args: () => [doctrine("salvo")],
    names: ["d"],
    // The only number it reads (validateDoctrine checks the rest).
    leaves: [[0, "salvoSize"]],
    refuse: [
      [[0, "salvoSize"], 0],
      [[0, "salvoSize"], 2.5],
    ],
  },
  evaluateThreat: {
    kind: "checks",
    args: () => [
      "T1",
      STATE6(100),
      BALLISTIC,
      ASSETS(),
      { earth: EARTH, ballisticModel: raijin.ballisticModel(), kappaIndex: -1 },
    ],
    names: ["trackId", "state", "motion", "assets", "o"],
    refuse: [
      [[3, 0, "latDeg"], -91],
      [[3, 0, "radiusM"], -1],
      [[3, 0, "value"], -5],
      [[4, "kappaIndex"], 6],
      [[4, "kappaIndex"], -2],
    ],
    slow: "predicts the ballistic impact (an unscented transform through the ballistic model)",
  },
  groundDistanceM: {
    kind: "checks",
    args: () => [35, 139, 36, 140],
    names: ["lat1Deg", "lon1Deg", "lat2Deg", "lon2Deg"],
    refuse: [
      [[0], 91],
      [[2], -90.5],
    ],
  },
  assessKill: {
    kind: "checks",
    args: () => [
      {
        id: "T1",
        status: "confirmed",
        confirmedAtS: 50,
        lastUpdateS: 99,
        updateIntervalS: 1,
        state: STATE6(99),
      },
      100,
      110,
      3,
      20,
    ],
    names: ["track", "roundsDoneS", "nowS", "delayS", "timeoutS"],
    // The track's state and confirmation time are not read (only when it was last updated).
    leaves: [[0, "lastUpdateS"], [1], [2], [3], [4]],
    refuse: [
      [[3], -1],
      [[4], -1],
    ],
  },
  assignWeapons: wta(),
  exactWta: wta(),
  greedyWta: wta(),
};
