/**
 * Weapons benchmarks (`npm run bench -- weapons`), each with CPU time beside wall time and the median
 * and spread of the repeats beside the best (the machine is shared: compare figures taken together):
 * - fire-control solutions per second (the PIP of a shot against a prepared track prediction, tables
 *   built; target >= 100,000 on one core), for a railgun against a straight-line target and an
 *   interceptor against a re-entry vehicle's path; and, beside it, the public path that first predicts
 *   a track with the IMM filter (the tracking layer's models) and then solves;
 * - railgun projectile flyouts per second (target >= 20,000): unguided rounds on the full Earth model
 *   fired at every reachable cell of the gun's table for that cell's time of flight (what a firing
 *   solution flies), and, informational, the same rounds flown on to their impact;
 * - interceptor flyouts with guidance per second (vertical rise, staged motors, ZEM midcourse to a
 *   point, stopped at the closest approach; target >= 2,000);
 * - informational: the one-off build of each weapon's flyout table.
 */
import { loadavg } from "node:os";
import { makeEarthModel } from "../src/earth/model.js";
import { enuRotationInto } from "../src/earth/enu.js";
import { flyThreat } from "../src/flight/fly.js";
import { createTruthState, truthAt } from "../src/flight/truthAt.js";
import { trackingFilter } from "../src/scenario/build/tracker.js";
import {
  createBattery,
  NOTIONAL_32MJ_RAILGUN,
  NOTIONAL_GPI,
  NOTIONAL_RAILGUN,
  NOTIONAL_SM3_CLASS,
  NOTIONAL_SM6_CLASS,
  PipSolver,
  TrackPrediction,
  createPipSolution,
  createProjectileFlight,
  interceptorPointFlyout,
  type WeaponDefinition,
} from "../src/weapons/index.js";
import { report, timedRuns, type RunTiming } from "./harness.js";

/** The runs of a figure after two warm-up runs (the first builds what later ones reuse). */
const timed = (body: () => number, repeats: number, warmup = 2): RunTiming =>
  timedRuns(body, repeats, warmup);
const DEG = Math.PI / 180;
const EARTH = makeEarthModel();
const LAT = 35 * DEG;

/** A rate figure (operations per second from the median run) with its timing detail. */
function rate(
  name: string,
  ops: number,
  t: RunTiming,
  target?: number,
  detail: Record<string, unknown> = {},
): void {
  const perS = (ops / t.medianMs) * 1000;
  report({
    name,
    value: Math.round(perS),
    unit: "/s (median wall)",
    ...(target === undefined ? {} : { target: `>= ${target}`, pass: perS >= target }),
    detail: {
      bestPerS: Math.round((ops / t.bestMs) * 1000),
      cpuPerS: Math.round((ops / t.cpuMedianMs) * 1000),
      spreadMs: Number(t.spreadMs.toFixed(2)),
      runMs: Number(t.medianMs.toFixed(2)),
      opsPerRun: ops,
      repeats: t.repeats,
      load1: Number(loadavg()[0].toFixed(2)),
      ...detail,
    },
  });
}

function site(latRad: number) {
  const posEcefM = new Float64Array(3);
  EARTH.ecefFromGeodeticInto(latRad, 139 * DEG, 10, posEcefM);
  return {
    posEcefM,
    velEcefMps: new Float64Array(3),
    rotEcefToEnu: enuRotationInto(latRad, 139 * DEG, new Float64Array(9)),
  };
}

export function run(): void {
  // Each model's table as a user's battery asks for it (WeaponBattery.flyoutTable: built on the first
  // call in this process, cached after).
  const tableOf = (def: WeaponDefinition) =>
    createBattery(def.name, def, {
      kind: "fixed",
      at: { latDeg: LAT / DEG, lonDeg: 139, altM: 10 },
    }).flyoutTable(EARTH, LAT);
  for (const def of [
    NOTIONAL_RAILGUN,
    NOTIONAL_32MJ_RAILGUN,
    NOTIONAL_SM6_CLASS,
    NOTIONAL_SM3_CLASS,
    NOTIONAL_GPI,
  ] as WeaponDefinition[]) {
    const t0 = performance.now();
    const tab = tableOf(def);
    report({
      name: `weapons.table.${def.name}`,
      value: Number((performance.now() - t0).toFixed(0)),
      unit: "ms (one-off build)",
      detail: { cells: tab.tofS.length, reachable: tab.reachableCells },
    });
  }
  const L = site(LAT);

  // Fire control against a straight-line target (32 MJ gun) and an RV's path (SM-6-class).
  const r = L.rotEcefToEnu;
  const line = (enu: number[], venu: number[]) => {
    const p0 = [0, 1, 2].map((c) => L.posEcefM[c] + r[c] * enu[0] + r[3 + c] * enu[1] + r[6 + c] * enu[2]);
    const v0 = [0, 1, 2].map((c) => r[c] * venu[0] + r[3 + c] * venu[1] + r[6 + c] * venu[2]);
    return (t: number, p: Float64Array, v: Float64Array) => {
      for (let c = 0; c < 3; c++) {
        p[c] = p0[c] + v0[c] * t;
        v[c] = v0[c];
      }
      return true;
    };
  };
  const gunPred = new TrackPrediction().fromSource(
    0,
    300,
    1,
    line([10_000, 90_000, 30_000], [-300, -2500, 0]),
    EARTH,
  );
  const gunSolver = new PipSolver(tableOf(NOTIONAL_32MJ_RAILGUN), NOTIONAL_32MJ_RAILGUN.envelope, EARTH);
  const rv = flyThreat(
    {
      vehicle: "notional-rv",
      burnout: {
        latRad: 35 * DEG,
        lonRad: 135 * DEG,
        altM: 80_000,
        timeS: 0,
        speedMps: 2000,
        flightPathAngleRad: 30 * DEG,
        azimuthRad: 90 * DEG,
      },
    },
    EARTH,
    { sampleIntervalS: 1 },
  );
  const truth = createTruthState("rv", "ballistic");
  const rvPred = new TrackPrediction().fromSource(
    180,
    90,
    1,
    (t, p, v) => {
      if (t > rv.endTimeS) return false;
      truthAt(rv, t, truth);
      p.set(truth.posEcefM);
      v.set(truth.velEcefMps);
      return true;
    },
    EARTH,
  );
  const rvSite = site(35.05 * DEG);
  EARTH.ecefFromGeodeticInto(35.05 * DEG, 139.8 * DEG, 10, rvSite.posEcefM);
  enuRotationInto(35.05 * DEG, 139.8 * DEG, rvSite.rotEcefToEnu);
  const samSolver = new PipSolver(tableOf(NOTIONAL_SM6_CLASS), NOTIONAL_SM6_CLASS.envelope, EARTH);
  const sol = createPipSolution();
  const n = 20_000;
  for (const [label, solver, pred, l, t0, span] of [
    ["railgun-32mj", gunSolver, gunPred, L, 0, 20],
    ["sm6-class", samSolver, rvPred, rvSite, 215, 20],
  ] as const) {
    let evals = 0;
    let hits = 0;
    const t = timed(() => {
      evals = 0;
      hits = 0;
      for (let i = 0; i < n; i++) {
        solver.solve(pred, l, t0 + (span * i) / n, sol);
        evals += sol.evaluations;
        if (sol.outcome === "intercept") hits++;
      }
      return hits;
    }, 9);
    rate(`weapons.fire-control.${label}.solutions`, n, t, 100_000, {
      intercepts: hits,
      meanEvaluations: Number((evals / n).toFixed(1)),
    });
  }

  // The public path: an IMM track state predicted with the tracking layer's models, then solved.
  const filter = trackingFilter({ filter: "imm" });
  const state = filter.createState(200);
  truthAt(rv, 200, truth);
  const mean6 = Float64Array.from([...truth.posEcefM, ...truth.velEcefMps]);
  const cov6 = new Float64Array(36);
  for (let i = 0; i < 6; i++) cov6[i * 7] = i < 3 ? 100 : 25;
  filter.initializeInto(mean6, cov6, 200, state);
  const imm = new TrackPrediction();
  const m = 200;
  const tPublic = timed(() => {
    let s = 0;
    for (let i = 0; i < m; i++) {
      imm.fromFilter(filter, state, 90, 1, EARTH);
      samSolver.solve(imm, rvSite, 203, sol);
      s += sol.evaluations;
    }
    return s;
  }, 5);
  rate("weapons.fire-control.sm6-class.imm-prediction-and-solution", m, tPublic, undefined, {
    predictionHorizonS: 90,
    predictionStepS: 1,
  });

  // Railgun projectile flyouts: over the gun's envelope (every reachable table cell, in turn), each
  // round fired at the cell's elevation and flown for the cell's time of flight (what a firing solution
  // flies), and, informational, flown on to its impact.
  for (const def of [NOTIONAL_32MJ_RAILGUN, NOTIONAL_RAILGUN]) {
    const tab = tableOf(def);
    const cells: number[] = [];
    for (let c = 0; c < tab.tofS.length; c++) if (tab.tofS[c] === tab.tofS[c]) cells.push(c);
    const stride = Math.max(1, Math.floor(cells.length / 2000));
    const picks = cells.filter((_, i) => i % stride === 0);
    const muzzle = { posEcefM: L.posEcefM, velEcefMps: L.velEcefMps, rotEcefToEnu: L.rotEcefToEnu };
    let tofSum = 0;
    const fly = (toImpact: boolean) => () => {
      let s = 0;
      tofSum = 0;
      for (let i = 0; i < picks.length; i++) {
        const c = picks[i];
        const { flight } = createProjectileFlight({
          id: "r",
          definition: def,
          earth: EARTH,
          startTimeS: 0,
          muzzle,
          azimuthRad: (i % 360) * DEG,
          elevationRad: tab.elevationRad[c],
          historySteps: 1,
        });
        flight.advanceTo(toImpact ? Infinity : tab.tofS[c]);
        tofSum += flight.timeS;
        s += flight.timeS;
      }
      return s;
    };
    const tI = timed(fly(false), 7);
    rate(
      `weapons.railgun.flyouts.${def.name}`,
      picks.length,
      tI,
      def === NOTIONAL_32MJ_RAILGUN ? 20_000 : undefined,
      {
        flight:
          "muzzle to the table cell's time of flight (a firing-solution flyout), every reachable cell in turn",
        meanTimeOfFlightS: Number((tofSum / picks.length).toFixed(1)),
      },
    );
    const tW = timed(fly(true), 5);
    rate(`weapons.railgun.flyouts.${def.name}.to-impact`, picks.length, tW, undefined, {
      flight: "the same rounds flown on to their impact",
      meanTimeOfFlightS: Number((tofSum / picks.length).toFixed(1)),
    });
  }

  // Interceptor flyouts with guidance.
  for (const def of [NOTIONAL_SM6_CLASS, NOTIONAL_GPI, NOTIONAL_SM3_CLASS]) {
    const points: [number, number][] = [];
    const e = def.envelope;
    for (let i = 1; i <= 8; i++)
      for (let j = 0; j < 4; j++)
        points.push([
          (i / 9) * Math.min(e.maxRangeM, 300_000),
          e.minInterceptAltitudeM +
            ((j + 0.5) / 4) * (Math.min(e.maxInterceptAltitudeM, 200_000) - e.minInterceptAltitudeM),
        ]);
    let reached = 0;
    const reps = 8;
    const tI = timed(() => {
      reached = 0;
      let s = 0;
      for (let r2 = 0; r2 < reps; r2++)
        for (const [rg, h] of points) {
          const f = interceptorPointFlyout(def, EARTH, LAT, rg, h);
          if (f !== null) {
            reached++;
            s += f.tofS;
          }
        }
      return s;
    }, 5);
    rate(`weapons.interceptor.flyouts.${def.name}`, reps * points.length, tI, 2_000, {
      reached: reached / reps,
      of: points.length,
      flight: "vertical rise, staged motors, ZEM midcourse to a point, stopped at the closest approach",
    });
  }
}
