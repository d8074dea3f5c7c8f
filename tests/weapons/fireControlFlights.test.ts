/**
 * Fire control on the weapons' own flights over the full Earth model (WGS-84, rotation, J2, the 1976
 * atmosphere):
 * - the predicted intercept point is reached: over a sweep of target geometries (altitudes, speeds,
 *   crossing offsets), the table's PIP refined by flyouts (firingSolution.ts) puts the round within
 *   0.5 m of the target's predicted position at the closest approach, flown again independently;
 * - an interceptor's table (times of flight to grid points, from guided flyouts) against fresh flyouts
 *   to off-grid points (cell centres);
 * - the engagement window against brute-force flyouts: a target flying straight at the gun at a
 *   constant altitude, the feasible shot times found by flying rounds at every elevation (0.02 deg
 *   apart) and checking the envelope, against the window from the table.
 */
import { afterAll, describe, expect, it } from "vitest";
import { makeEarthModel } from "../../src/earth/model.js";
import {
  ApproachTracker,
  GunFireControl,
  NOTIONAL_32MJ_RAILGUN,
  NOTIONAL_GPI,
  NOTIONAL_RAILGUN,
  NOTIONAL_SM6_CLASS,
  PipSolver,
  TrackPrediction,
  createClosestApproach,
  createGunFiringSolution,
  createPipSolution,
  createProjectileFlight,
  defaultFlyoutTables,
  elevationWithin,
  engagementWindow,
  groundRangeM,
  gunFlyoutTable,
  interceptorFlyoutTable,
  interceptorLoftedFlyout,
  interceptorPointFlyout,
  createFlyoutPoint,
  type FlyoutPoint,
  type InterceptorDefinition,
  type RailgunDefinition,
} from "../../src/weapons/index.js";
import { DEG, launcher } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const EARTH = makeEarthModel();
const LAT = 35;
const SITE = launcher(EARTH, LAT, 139, 10);
const MUZZLE = { ...SITE, velEcefMps: new Float64Array(3) };

/** A target flying straight (ECEF, constant velocity) from an ENU start at an ENU velocity. */
function lineTarget(enu: readonly number[], venu: readonly number[]) {
  const r = SITE.rotEcefToEnu;
  const p0 = [0, 1, 2].map((c) => SITE.posEcefM[c] + r[c] * enu[0] + r[3 + c] * enu[1] + r[6 + c] * enu[2]);
  const v0 = [0, 1, 2].map((c) => r[c] * venu[0] + r[3 + c] * venu[1] + r[6 + c] * venu[2]);
  return (t: number, p: Float64Array, v: Float64Array) => {
    for (let c = 0; c < 3; c++) {
      p[c] = p0[c] + v0[c] * t;
      v[c] = v0[c];
    }
    return true;
  };
}

describe("the PIP is reached by the flyout (guns, full Earth model)", () => {
  const solved = new Worst();
  const flown = new Worst();
  const tableOnly = new Worst();
  afterAll(() => {
    recordValidation({
      area: "weapons",
      model: "gun firing solution (table PIP refined by flyouts) against a track prediction",
      reference:
        "the round flown again at the solution's aim, closest approach to the predicted target located in continuous time; WGS-84, rotation, J2, USSA 1976",
      figure: `${flown.count} shots over 10 geometries of two guns: worst miss ${sig(flown.value, 2)} m (${flown.at}); the table's aim alone missed by up to ${sig(tableOnly.value, 2)} m`,
      tolerance: "0.5 m",
    });
  });
  const cases: [RailgunDefinition, string, number[], number[]][] = [
    [NOTIONAL_RAILGUN, "head-on 3 km", [0, 20_000, 3_000], [0, -1500, 0]],
    [NOTIONAL_RAILGUN, "diving", [2_000, 15_000, 8_000], [-100, -1200, -600]],
    [NOTIONAL_RAILGUN, "crossing 5 km", [6_000, 12_000, 5_000], [-300, -1000, -100]],
    [NOTIONAL_RAILGUN, "fast head-on", [0, 40_000, 6_000], [0, -3000, -200]],
    [NOTIONAL_RAILGUN, "from the east", [25_000, 0, 4_000], [-2000, 0, 0]],
    [NOTIONAL_32MJ_RAILGUN, "head-on 20 km", [0, 80_000, 20_000], [0, -2000, -200]],
    [NOTIONAL_32MJ_RAILGUN, "glide 30 km", [10_000, 90_000, 30_000], [-300, -2500, 0]],
    [NOTIONAL_32MJ_RAILGUN, "diving", [5_000, 40_000, 15_000], [-200, -1500, -900]],
    [NOTIONAL_32MJ_RAILGUN, "crossing 10 km", [30_000, 30_000, 10_000], [-1500, -200, 0]],
    [NOTIONAL_32MJ_RAILGUN, "from the south-west", [-40_000, -40_000, 12_000], [1400, 1400, -100]],
  ];
  for (const [def, label, enu, venu] of cases) {
    it(`${def.name}: ${label}`, () => {
      const unguided: RailgunDefinition = { ...def, projectile: { ...def.projectile, guidance: null } };
      const table = defaultFlyoutTables.get(def, EARTH, LAT * DEG, gunFlyoutTable);
      const source = lineTarget(enu, venu);
      const pred = new TrackPrediction().fromSource(0, 200, 0.5, source, EARTH);
      const solver = new PipSolver(table, def.envelope, EARTH);
      const w = engagementWindow(solver, pred, () => SITE, 0, 120, {
        accept: elevationWithin(def.mount.elevationMinRad, def.mount.elevationMaxRad),
      });
      expect(w.intervals.length).toBeGreaterThan(0);
      const iv = w.intervals[0];
      const fc = new GunFireControl(unguided, EARTH);
      const sol = createPipSolution();
      const tracker = new ApproachTracker();
      const ca = createClosestApproach();
      for (const f of [0.2, 0.5, 0.8]) {
        const ts = iv.earliestShot.shotTimeS + f * (iv.latestShot.shotTimeS - iv.earliestShot.shotTimeS);
        solver.solve(pred, SITE, ts, sol);
        expect(sol.outcome).toBe("intercept");
        // The table's aim alone.
        const t0 = createProjectileFlight({
          id: "t",
          definition: unguided,
          earth: EARTH,
          startTimeS: ts,
          muzzle: MUZZLE,
          azimuthRad: sol.azimuthRad,
          elevationRad: sol.elevationRad,
        });
        tracker.fly(t0.flight, source, 0.25, ts + 200, ca);
        tableOnly.add(ca.distanceM, `${label} f=${f}`);
        const fs = fc.solve(pred, MUZZLE, ts, sol, createGunFiringSolution());
        expect(solved.add(fs.missM, label)).toBeLessThan(0.5);
        const again = createProjectileFlight({
          id: "a",
          definition: unguided,
          earth: EARTH,
          startTimeS: ts,
          muzzle: MUZZLE,
          azimuthRad: fs.azimuthRad,
          elevationRad: fs.elevationRad,
        });
        tracker.fly(again.flight, source, 0.25, ts + 200, ca);
        expect(ca.found).toBe(true);
        expect(flown.add(ca.distanceM, `${def.name} ${label} f=${f}`)).toBeLessThan(0.5);
      }
    });
  }
});

describe("interceptor tables against fresh flyouts", () => {
  const err = new Worst();
  const errLoft = new Worst();
  afterAll(() => {
    recordValidation({
      area: "weapons",
      model:
        "interceptor flyout table (ZEM-guided flights to each grid point with the smallest loft that reaches it, bilinear)",
      reference: "a guided flyout to each cell centre (off the grid) from the same reference launcher",
      figure: `${err.count} cell centres of two interceptors flown with one loft: worst time-of-flight error ${sig(err.value, 2)} relative (${err.at}); ${errLoft.count} cells across a change of loft: ${sig(errLoft.value, 2)} (${errLoft.at})`,
      tolerance:
        "5 % (bilinear over cells of up to 20 km x 2 km; the worst cells are the nearest, flown mostly in boost); 10 % across a change of loft (the flights there just reach their points, and the loft between grid points is interpolated; an engagement re-solves the intercept time from burnout)",
    });
  });
  for (const def of [NOTIONAL_SM6_CLASS, NOTIONAL_GPI] as InterceptorDefinition[]) {
    it(def.name, () => {
      const table = defaultFlyoutTables.get(def, EARTH, LAT * DEG, interceptorFlyoutTable);
      const g = table.grid;
      const p: FlyoutPoint = createFlyoutPoint();
      let checked = 0;
      for (let j = 1; j < g.altCount - 1; j += 4) {
        for (let i = 2; i < g.rangeCount - 1; i += 5) {
          const s = (i + 0.5) * g.rangeStepM;
          const h = g.altMinM + (j + 0.5) * g.altStepM;
          if (!table.lookup(s, h, p)) continue;
          const f = interceptorPointFlyout(def, EARTH, LAT * DEG, s, h);
          if (f === null) continue;
          checked++;
          const k = j * g.rangeCount + i;
          const l = table.loftM;
          const oneLoft =
            l[k] === l[k + 1] && l[k] === l[k + g.rangeCount] && l[k] === l[k + g.rangeCount + 1];
          const at = `${def.name} ${(s / 1000).toFixed(0)} km ${(h / 1000).toFixed(1)} km`;
          const e = Math.abs(p.tofS / f.tofS - 1);
          if (oneLoft) expect(err.add(e, at)).toBeLessThan(0.05);
          else expect(errLoft.add(e, at)).toBeLessThan(0.1);
        }
      }
      expect(checked).toBeGreaterThan(10);
    });
  }

  it("the GPI reaches the glide band at medium range with a loft, not without", () => {
    // Flown straight at 150 km and 40 km, the kill vehicle (separated at burnout, about 15 km up) slows below
    // its 1,000 m/s floor in the stratosphere's denser air; a steeper boost takes it above that air.
    const table = defaultFlyoutTables.get(NOTIONAL_GPI, EARTH, LAT * DEG, interceptorFlyoutTable);
    const p = createFlyoutPoint();
    for (const [s, h] of [
      [100e3, 40e3],
      [150e3, 40e3],
      [200e3, 35e3],
    ]) {
      expect(interceptorLoftedFlyout(NOTIONAL_GPI, EARTH, LAT * DEG, s, h, 0)).toBeNull();
      const f = interceptorPointFlyout(NOTIONAL_GPI, EARTH, LAT * DEG, s, h);
      expect(f).not.toBeNull();
      expect(f?.loftM).toBeGreaterThan(0);
      expect(f?.speedMps).toBeGreaterThanOrEqual(NOTIONAL_GPI.envelope.minArrivalSpeedMps);
      expect(table.lookup(s, h, p)).toBe(true);
    }
    // Where the straight flight reaches, it is kept.
    expect(interceptorPointFlyout(NOTIONAL_GPI, EARTH, LAT * DEG, 150e3, 70e3)?.loftM).toBe(0);
    expect(table.reachableCells).toBeGreaterThan(0.99 * table.tofS.length);
  });
});

describe("engagement window against brute-force flyouts", () => {
  const err = new Worst();
  afterAll(() => {
    recordValidation({
      area: "weapons",
      model: "engagementWindow (table PIP, envelope, mount limits)",
      reference:
        "brute force: rounds flown at every elevation (0.02 deg apart) for each shot time, intercept and envelope checked on the flights",
      figure: `earliest and latest shot of ${err.count / 2} approaches: worst difference ${sig(err.value, 2)} s (${err.at})`,
      tolerance: "0.3 s (table cells of 250 m and 150 m against targets at 1-1.5 km/s)",
    });
  });

  /**
   * Whether a round fired at ts can meet a target that flies straight at the gun (due north of it,
   * towards it) at altitude h with speed u, starting at ground range s0: for each elevation, the
   * round's rising crossing of h gives (time, range); the target is there when its range at that time
   * equals the round's; feasible when such an elevation exists within the mount and the crossing is
   * inside the envelope (speed, altitude band, range, time of flight).
   */
  function feasible(def: RailgunDefinition, ts: number, h: number, u: number, s0: number): boolean {
    const e = def.envelope;
    let prev: number | null = null;
    for (
      let el = Math.max(def.mount.elevationMinRad, 0.25 * DEG);
      el <= def.mount.elevationMaxRad;
      el += 0.02 * DEG
    ) {
      const { flight } = createProjectileFlight({
        id: "b",
        definition: def,
        earth: EARTH,
        startTimeS: ts,
        muzzle: MUZZLE,
        azimuthRad: 0,
        elevationRad: el,
        maxFlightTimeS: e.maxTimeOfFlightS,
      });
      const y = new Float64Array(7);
      let tPrev = ts;
      let hPrev = EARTH.altitudeM(SITE.posEcefM);
      let hit: { t: number; s: number; v: number } | null = null;
      while (!flight.ended) {
        const t = Math.min(tPrev + 0.05, ts + e.maxTimeOfFlightS);
        flight.advanceTo(t);
        flight.stateAt(flight.timeS, y);
        const hh = EARTH.altitudeM(y);
        if (hh < hPrev) break; // past the apex without reaching h
        if (hh >= h) {
          const f = (h - hPrev) / (hh - hPrev);
          const tc = tPrev + f * (flight.timeS - tPrev);
          const yc = new Float64Array(7);
          flight.stateAt(tc, yc);
          hit = { t: tc, s: groundRangeM(SITE.posEcefM, yc), v: Math.hypot(yc[3], yc[4], yc[5]) };
          break;
        }
        tPrev = flight.timeS;
        hPrev = hh;
        if (flight.timeS >= ts + e.maxTimeOfFlightS) break;
      }
      if (hit === null) {
        prev = null;
        continue;
      }
      const gap = hit.s - (s0 - u * hit.t);
      const ok =
        hit.v >= e.minArrivalSpeedMps &&
        hit.s >= e.minRangeM &&
        hit.s <= e.maxRangeM &&
        hit.t - ts <= e.maxTimeOfFlightS;
      if (prev !== null && ok && Math.sign(gap) !== Math.sign(prev)) return true;
      prev = ok ? gap : null;
    }
    return false;
  }

  for (const [def, h, u, s0] of [
    [NOTIONAL_RAILGUN, 3_000, 1_500, 40_000],
    [NOTIONAL_RAILGUN, 5_000, 1_000, 30_000],
  ] as [RailgunDefinition, number, number, number][]) {
    it(`${def.name}: ${h / 1000} km, ${u} m/s`, () => {
      const table = defaultFlyoutTables.get(def, EARTH, LAT * DEG, gunFlyoutTable);
      const solver = new PipSolver(table, def.envelope, EARTH);
      const source = lineTarget([0, s0, h], [0, -u, 0]);
      const pred = new TrackPrediction().fromSource(0, 120, 0.5, source, EARTH);
      const w = engagementWindow(solver, pred, () => SITE, 0, 60, {
        accept: elevationWithin(def.mount.elevationMinRad, def.mount.elevationMaxRad),
        toleranceS: 0.01,
      });
      // The first interval: the target approaching from the north (it passes overhead, beyond the mount's
      // elevation, and a second interval opens as it flies away).
      expect(w.intervals.length).toBeGreaterThan(0);
      const iv = w.intervals[0];
      // Brute-force boundaries: bisection on shot times between feasible and infeasible, to 0.05 s.
      const edge = (bad: number, good: number) => {
        while (Math.abs(good - bad) > 0.05) {
          const mid = 0.5 * (bad + good);
          if (feasible(def, mid, h, u, s0)) good = mid;
          else bad = mid;
        }
        return good;
      };
      const mid = 0.5 * (iv.earliestShot.shotTimeS + iv.latestShot.shotTimeS);
      expect(feasible(def, mid, h, u, s0)).toBe(true);
      const first = edge(Math.max(0, iv.earliestShot.shotTimeS - 3), mid);
      const last = edge(Math.min(60, iv.latestShot.shotTimeS + 3), mid);
      expect(err.add(Math.abs(first - iv.earliestShot.shotTimeS), `${h / 1000} km earliest`)).toBeLessThan(
        0.6,
      );
      expect(err.add(Math.abs(last - iv.latestShot.shotTimeS), `${h / 1000} km latest`)).toBeLessThan(0.3);
    });
  }
});
