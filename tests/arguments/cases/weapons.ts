/**
 * Argument cases of the weapons layer (tests/arguments.test.ts): the catalog check, batteries,
 * lethality, fire control (flyout tables, track prediction, PIP, engagement window, shot Pk, the gun's
 * firing solution), weapon flights, a single engagement and the linear homing loop.
 */
import * as raijin from "../../../src/index.js";
import type { FlyoutTable, InterceptorDefinition, RailgunDefinition } from "../../../src/index.js";
import type { Entry, Leaf } from "../harness.js";
import { EARTH } from "../fixtures.js";

const D2R = Math.PI / 180;
const GUN = raijin.weaponModel("notional-railgun") as RailgunDefinition;
const SAM = raijin.weaponModel("notional-sm6-class") as InterceptorDefinition;

/** A launcher at 35 N 139 E: position and ECEF -> ENU rotation (and at rest, for a muzzle). */
const SITE_GEO = { latDeg: 35, lonDeg: 139, altM: 10 };
function site() {
  const posEcefM = Float64Array.from(raijin.geodeticToEcef(SITE_GEO));
  const east = raijin.enuToEcef([1, 0, 0], SITE_GEO).map((v, i) => v - posEcefM[i]);
  const north = raijin.enuToEcef([0, 1, 0], SITE_GEO).map((v, i) => v - posEcefM[i]);
  const up = raijin.enuToEcef([0, 0, 1], SITE_GEO).map((v, i) => v - posEcefM[i]);
  return {
    posEcefM,
    velEcefMps: new Float64Array(3),
    rotEcefToEnu: Float64Array.from([...east, ...north, ...up]),
  };
}

/** A target 12 km north of the site at 3 km, flying south at 800 m/s (ECEF, straight line). */
function targetSource() {
  const s = site();
  const start = raijin.enuToEcef([0, 12_000, 3_000], SITE_GEO);
  const r = s.rotEcefToEnu;
  const vel = [0, 1, 2].map((c) => r[3 + c] * -800);
  return (t: number, p: Float64Array, v: Float64Array) => {
    for (let c = 0; c < 3; c++) {
      p[c] = start[c] + vel[c] * t;
      v[c] = vel[c];
    }
    return true;
  };
}

/** The gun's flyout table on a coarse grid (built once: about 0.05 s). */
let gunTable: FlyoutTable | null = null;
const GUN_TABLE_OPTIONS = () => ({
  elevationStepRad: 10 * D2R,
  sampleS: 0.5,
  grid: { rangeStepM: 500, rangeCount: 41, altMinM: 0, altStepM: 250, altCount: 33 },
});
function table(): FlyoutTable {
  return (gunTable ??= raijin.gunFlyoutTable(GUN, EARTH, 35 * D2R, GUN_TABLE_OPTIONS()));
}
const prediction = () => new raijin.TrackPrediction().fromSource(0, 60, 0.5, targetSource(), EARTH);
const solver = () => new raijin.PipSolver(table(), GUN.envelope, EARTH);
function solution() {
  const sol = raijin.createPipSolution();
  solver().solve(prediction(), site(), 0, sol);
  return sol;
}

const RV = () => ({
  id: "rv",
  vehicle: "notional-rv",
  burnout: {
    latRad: 35 * D2R,
    lonRad: 137 * D2R,
    altM: 80_000,
    timeS: 0,
    speedMps: 2000,
    flightPathAngleRad: 20 * D2R,
    azimuthRad: 90 * D2R,
  },
});

const vectorLeaves = (i: number, key: string): Leaf[] => [0, 1, 2].map((k) => [i, key, k]);

export const WEAPON_CASES: Record<string, Entry> = {
  validateWeapon: {
    kind: "checks",
    args: () => [structuredClone(GUN)],
    names: ["def"],
    leaves: [
      [0, "muzzleSpeedMps"],
      [0, "launchPackageMassKg"],
      [0, "rateOfFirePerMin"],
      [0, "magazineRounds"],
      [0, "barrelLifeRounds"],
      [0, "reactionTimeS"],
      [0, "dispersion", "aimSigmaRad"],
      [0, "envelope", "maxRangeM"],
      [0, "envelope", "maxTimeOfFlightS"],
      [0, "mount", "elevationMaxRad"],
      [0, "pulsedPower", "rechargeTimeS"],
      [0, "projectile", "lethality", "hitRadiusM"],
    ],
    refuse: [[[0, "magazineRounds"], 2.5]],
  },
  GunShotDelivery: {
    kind: "checks",
    call: (d) => new raijin.GunShotDelivery(d as RailgunDefinition),
    args: () => [structuredClone(GUN)],
    names: ["definition"],
    leaves: [
      [0, "muzzleSpeedMps"],
      [0, "dispersion", "aimSigmaRad"],
      [0, "dispersion", "muzzleSpeedSigmaMps"],
      [0, "projectile", "lethality", "hitRadiusM"],
    ],
  },
  InterceptorShotDelivery: {
    kind: "checks",
    call: (d) => new raijin.InterceptorShotDelivery(d as InterceptorDefinition),
    args: () => [structuredClone(SAM)],
    names: ["definition"],
    leaves: [
      [0, "payload", "massKg"],
      [0, "guidance", "timeConstantS"],
    ],
  },
  createBattery: [
    {
      kind: "checks",
      args: () => ["g1", GUN, { kind: "fixed", at: { ...SITE_GEO } }, 10],
      names: ["id", "definition", "site", "rounds"],
      leaves: [[2, "at", "latDeg"], [2, "at", "lonDeg"], [2, "at", "altM"], [3]],
      refuse: [
        [[3], -1],
        [[3], 1.5],
        [[2, "at", "latDeg"], 95],
      ],
    },
    {
      kind: "checks",
      label: "earliestShotS",
      call: (t, az, el) =>
        raijin
          .createBattery("g1", GUN, { kind: "fixed", at: { ...SITE_GEO } })
          .earliestShotS(t as number, az as number, el as number),
      args: () => [0, 0.5, 0.3],
      names: ["tS", "azimuthRad", "elevationRad"],
    },
    {
      kind: "checks",
      label: "fire",
      call: (t, az, el) =>
        raijin
          .createBattery("g1", GUN, { kind: "fixed", at: { ...SITE_GEO } })
          .fire(t as number, az as number, el as number),
      args: () => [10, 0.5, 0.3],
      names: ["tS", "azimuthRad", "elevationRad"],
    },
  ],
  killProbability: {
    kind: "checks",
    args: () => [{ kind: "blast-fragmentation", lethalRadiusM: 10, reliability: 0.9 }, 5],
    names: ["l", "missM"],
    refuse: [
      [[1], -1],
      [[0, "reliability"], 1.5],
    ],
  },
  expectedKillProbability: {
    kind: "checks",
    args: () => [{ kind: "hit-to-kill", hitRadiusM: 0.5, killGivenHit: 0.9 }, 2, 3],
    names: ["l", "sigma1M", "sigma2M"],
    refuse: [
      [[1], -1],
      [[0, "hitRadiusM"], 0],
    ],
  },
  gunFlyoutTable: {
    kind: "checks",
    slow: "builds a table of trajectories (0.2 s on the coarsest grid)",
    args: () => [GUN, EARTH, 35 * D2R, GUN_TABLE_OPTIONS()],
    names: ["def", "earth", "latRad", "options"],
    leaves: [
      [2],
      [3, "elevationStepRad"],
      [3, "sampleS"],
      [3, "grid", "rangeStepM"],
      [3, "grid", "rangeCount"],
      [3, "grid", "altMinM"],
      [3, "grid", "altStepM"],
      [3, "grid", "altCount"],
    ],
    refuse: [
      [[2], 2],
      [[3, "elevationStepRad"], 1e-9],
      [[3, "sampleS"], 1e-9],
      [[3, "grid", "rangeCount"], 1.5],
    ],
  },
  interceptorFlyoutTable: {
    kind: "checks",
    slow: "flies an interceptor to each grid point",
    args: () => [
      SAM,
      EARTH,
      35 * D2R,
      {
        reachToleranceM: 100,
        grid: { rangeStepM: 40_000, rangeCount: 3, altMinM: 10_000, altStepM: 10_000, altCount: 2 },
      },
    ],
    names: ["def", "earth", "latRad", "options"],
    leaves: [
      [2],
      [3, "reachToleranceM"],
      [3, "grid", "rangeStepM"],
      [3, "grid", "rangeCount"],
      [3, "grid", "altMinM"],
      [3, "grid", "altStepM"],
      [3, "grid", "altCount"],
    ],
    refuse: [
      [[2], -2],
      [[3, "reachToleranceM"], 0],
    ],
  },
  TrackPrediction: [
    {
      kind: "checks",
      label: "new",
      call: (n) => new raijin.TrackPrediction(n as number),
      args: () => [256],
      names: ["capacity"],
      refuse: [
        [[0], 0],
        [[0], 2.5],
      ],
    },
    {
      kind: "checks",
      label: "fromSource",
      call: (t0, h, s, src) =>
        new raijin.TrackPrediction().fromSource(t0 as number, h as number, s as number, src as never, EARTH),
      args: () => [0, 60, 0.5, targetSource()],
      names: ["t0S", "horizonS", "stepS", "source"],
      refuse: [
        [[2], 0],
        [[1], -1],
        [[2], 1e-9],
      ],
    },
    {
      kind: "checks",
      label: "fromFilter",
      call: (s, h, st) => {
        const f = new raijin.KalmanFilter({
          transition: raijin.constantVelocityModel({ accelSigmaMps2: 5 }),
        });
        return new raijin.TrackPrediction().fromFilter(f, s as never, h as number, st as number, EARTH);
      },
      args: () => [
        {
          x: Float64Array.from([...raijin.enuToEcef([0, 12_000, 3_000], SITE_GEO), 0, -800, 0]),
          P: Float64Array.from({ length: 36 }, (_, k) => (k % 7 === 0 ? 100 : 0)),
          timeS: 0,
        },
        60,
        1,
      ],
      names: ["state", "horizonS", "stepS"],
      leaves: [[0, "timeS"], [0, "x", 0], [0, "x", 4], [0, "P", 0], [1], [2]],
      refuse: [[[2], 0]],
    },
  ],
  PipSolver: [
    {
      kind: "checks",
      label: "new",
      call: (t, e, o) => new raijin.PipSolver(t as FlyoutTable, e as never, EARTH, o as never),
      args: () => [
        table(),
        { ...GUN.envelope },
        { scanStepS: 10, minStepS: 0.25, holeStepS: 1, toleranceS: 1e-4 },
      ],
      names: ["table", "envelope", "options"],
      refuse: [
        [[2, "toleranceS"], 0],
        [[2, "scanStepS"], 0.1],
      ],
    },
    {
      kind: "checks",
      label: "solve",
      call: (p, l, t) => solver().solve(p as never, l as never, t as number, raijin.createPipSolution()),
      args: () => [prediction(), site(), 0],
      names: ["prediction", "launcher", "shotTimeS"],
      leaves: [...vectorLeaves(1, "posEcefM"), [1, "rotEcefToEnu", 0], [2]],
    },
    {
      kind: "checks",
      label: "interceptPossible",
      call: (p, l, a, b, d) =>
        solver().interceptPossible(p as never, l as never, a as number, b as number, d as number),
      args: () => [prediction(), site(), 0, 10, 0],
      names: ["prediction", "launcher", "firstShotS", "lastShotS", "launcherDriftM"],
      leaves: [...vectorLeaves(1, "posEcefM"), [2], [3], [4]],
    },
  ],
  engagementWindow: {
    kind: "checks",
    args: () => [solver(), prediction(), () => site(), 0, 30, { stepS: 1, toleranceS: 0.01 }],
    names: ["solver", "prediction", "launcherAt", "fromS", "toS", "options"],
    refuse: [
      [[4], -1],
      [[5, "stepS"], 0],
      [[5, "toleranceS"], 1e-12],
    ],
  },
  elevationWithin: {
    kind: "checks",
    args: () => [0, 1.2],
    names: ["minRad", "maxRad"],
    refuse: [[[1], -0.1]],
  },
  shotKillProbability: {
    kind: "checks",
    args: () => [
      new raijin.GunShotDelivery(GUN),
      solution(),
      prediction(),
      site().posEcefM,
      EARTH,
      { targetAccelerationMps2: 10 },
    ],
    names: ["delivery", "sol", "prediction", "launcherEcefM", "earth", "options"],
    leaves: [...[0, 1, 2].map((k): Leaf => [3, k]), [5, "targetAccelerationMps2"]],
  },
  GunFireControl: {
    kind: "checks",
    label: "solve",
    slow: "flies the round several times",
    call: (p, m, t, pip, o) =>
      new raijin.GunFireControl(GUN, EARTH).solve(
        p as never,
        m as never,
        t as number,
        pip as never,
        { converged: false, azimuthRad: 0, elevationRad: 0, interceptTimeS: 0, missM: 0, flyouts: 0 },
        o as never,
      ),
    args: () => [prediction(), site(), 0, solution(), { toleranceM: 5, maxFlyouts: 4, muzzleSpeedMps: 2200 }],
    names: ["prediction", "muzzle", "shotTimeS", "pip", "options"],
    leaves: [
      ...vectorLeaves(1, "posEcefM"),
      ...vectorLeaves(1, "velEcefMps"),
      [2],
      [4, "toleranceM"],
      [4, "maxFlyouts"],
      [4, "muzzleSpeedMps"],
    ],
    refuse: [
      [[4, "maxFlyouts"], 0],
      [[4, "toleranceM"], 0],
    ],
  },
  createProjectileFlight: {
    kind: "checks",
    args: () => [
      {
        id: "p",
        definition: GUN,
        earth: EARTH,
        startTimeS: 0,
        muzzle: site(),
        azimuthRad: 0.5,
        elevationRad: 0.4,
        muzzleSpeedMps: 2200,
        sampleIntervalS: 1,
        maxFlightTimeS: 90,
        endTimeS: 100,
      },
    ],
    names: ["launch"],
    leaves: [
      [0, "startTimeS"],
      ...vectorLeaves(0, "muzzle").map((l): Leaf => [0, "muzzle", "posEcefM", l[2]]),
      [0, "muzzle", "velEcefMps", 0],
      [0, "muzzle", "rotEcefToEnu", 0],
      [0, "azimuthRad"],
      [0, "elevationRad"],
      [0, "muzzleSpeedMps"],
      [0, "sampleIntervalS"],
      [0, "maxFlightTimeS"],
    ],
    refuse: [
      [[0, "muzzleSpeedMps"], 0],
      [[0, "elevationRad"], 2],
      // +Infinity is no end time (the flight-time limit ends the flight).
      [[0, "endTimeS"], -Infinity],
      [[0, "endTimeS"], Number.NaN],
    ],
  },
  createInterceptorFlight: {
    kind: "checks",
    args: () => [
      {
        id: "i",
        definition: SAM,
        earth: EARTH,
        startTimeS: 0,
        launcherPosEcefM: site().posEcefM,
        launcherVelEcefMps: [0, 0, 0],
        sampleIntervalS: 1,
        maxFlightTimeS: 240,
        endTimeS: 300,
      },
    ],
    names: ["launch"],
    leaves: [
      [0, "startTimeS"],
      [0, "launcherPosEcefM", 0],
      [0, "launcherPosEcefM", 2],
      [0, "launcherVelEcefMps", 1],
      [0, "sampleIntervalS"],
      [0, "maxFlightTimeS"],
    ],
    refuse: [
      // +Infinity is no end time (the flight-time limit ends the flight).
      [[0, "endTimeS"], -Infinity],
      [[0, "endTimeS"], Number.NaN],
    ],
  },
  engage: {
    kind: "checks",
    slow: "runs an engagement",
    args: () => {
      const def = RV();
      return [
        {
          earth: EARTH,
          threat: raijin.createThreatFlight(def, EARTH, { sampleIntervalS: 1 }),
          battery: raijin.createBattery("g1", GUN, { kind: "fixed", at: { ...SITE_GEO } }),
          table: table(),
          sensing: { perfectPath: raijin.flyThreat(def, EARTH, { sampleIntervalS: 1 }) },
          seed: 1,
          run: 0,
          maxShots: 1,
          endS: 60,
        },
      ];
    },
    names: ["options"],
    leaves: [
      [0, "seed"],
      [0, "run"],
      [0, "maxShots"],
      [0, "endS"],
    ],
    refuse: [
      [[0, "seed"], -1],
      [[0, "run"], 0.5],
    ],
  },
  homingLoop: {
    kind: "checks",
    args: () => [
      {
        navigationRatio: 4,
        closingSpeedMps: 3000,
        missileSpeedMps: 1500,
        flightTimeS: 10,
        guidanceTimeConstantS: 0.5,
        targetAccelerationMps2: 30,
        headingErrorRad: 0.1,
        outputIntervalS: 0.1,
      },
    ],
    names: [""],
    refuse: [
      [[0, "navigationRatio"], 0],
      [[0, "guidanceTimeConstantS"], -1],
    ],
  },
};
