/**
 * Fire-control mathematics on flyouts written in the test (RK4 point mass in vacuum, helpers.ts), so
 * they do not depend on the flight layer:
 * - a gun's flyout table against the closed forms of a uniform-gravity flat Earth (a 300 m/s gun reaches
 *   9 km, where the sphere and the 1/r^2 gravity differ from them by under 0.5 %): the envelope of
 *   safety h = v^2/(2g) - g s^2/(2 v^2), and the low-angle time of flight s / (v cos theta) with
 *   tan theta = (v^2 - sqrt(v^4 - g (g s^2 + 2 h v^2))) / (g s) (e.g. McCoy, "Modern Exterior
 *   Ballistics", 1999, ch. 3, vacuum trajectories);
 * - the predicted intercept point against a constant-velocity target: the round fired at the solution's
 *   azimuth and elevation passes the target at the intercept time within the table's resolution;
 * - the engagement window's boundaries against a dense scan of shot times;
 * - a span of shot times told in one pass to have no intercept (PipSolver.interceptPossible) against
 *   dense solves over the span, from the launcher and from launchers moved by the allowed drift.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  FlyoutTable,
  PipSolver,
  TrackPrediction,
  createFlyoutPoint,
  GunShotDelivery,
  createPipSolution,
  engagementWindow,
  groundRangeM,
  shotKillProbability,
  tableFromTrajectories,
  type EnvelopeDefinition,
  type SampledTrajectory,
  type ShotDelivery,
  NOTIONAL_RAILGUN,
  NOTIONAL_32MJ_RAILGUN,
} from "../../src/weapons/index.js";
import { DEG, VACUUM, integrate, launchVelocity, launcher } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const G = 3.986004418e14 / 6371000 ** 2;
const SITE = launcher(VACUUM, 35, 139, 0);
const OPEN: EnvelopeDefinition = {
  minInterceptAltitudeM: 0,
  maxInterceptAltitudeM: 1e7,
  minRangeM: 0,
  maxRangeM: 1e8,
  maxTimeOfFlightS: 1e4,
  minArrivalSpeedMps: 0,
};

/** Trajectories of a vacuum gun of speed v at elevations elevs (deg), fired north, sampled every dt. */
function gunTrajectories(v: number, elevs: number[], dt: number): SampledTrajectory[] {
  return elevs.map((eDeg) => {
    const vel = launchVelocity(SITE.rotEcefToEnu, v, eDeg * DEG, 0);
    const s = integrate(VACUUM, SITE.posEcefM, vel, dt, 1e4);
    const n = s.t.length;
    const tr = {
      elevationRad: eDeg * DEG,
      count: n,
      tofS: s.t,
      rangeM: s.pos.map((p) => groundRangeM(SITE.posEcefM, p)),
      altM: s.pos.map((p) => VACUUM.altitudeM(p)),
      speedMps: s.vel.map((w) => Math.hypot(w[0], w[1], w[2])),
      pathAngleRad: s.pos.map((p, i) => {
        const w = s.vel[i];
        const r = Math.hypot(p[0], p[1], p[2]);
        return Math.asin((p[0] * w[0] + p[1] * w[1] + p[2] * w[2]) / (r * Math.hypot(w[0], w[1], w[2])));
      }),
    };
    return tr;
  });
}

const range = (a: number, b: number, step: number) => {
  const out: number[] = [];
  for (let x = a; x <= b + 1e-9; x += step) out.push(x);
  return out;
};

describe("flyout table of a vacuum gun", () => {
  const v = 300;
  const table = tableFromTrajectories(gunTrajectories(v, range(1, 89, 0.25), 0.02), {
    rangeStepM: 100,
    rangeCount: 100,
    altMinM: 0,
    altStepM: 100,
    altCount: 50,
  });
  const tofErr = new Worst();
  const envErr = new Worst();
  afterAll(() => {
    recordValidation({
      area: "weapons",
      model: "flyout table (tableFromTrajectories), vacuum gun 300 m/s",
      reference:
        "flat-Earth vacuum closed forms: low-angle time of flight s/(v cos theta); envelope of safety h = v^2/2g - g s^2/2v^2",
      figure: `worst time-of-flight error ${sig(tofErr.value, 2)} relative (${tofErr.at}); reach edge within ${sig(envErr.value, 2)} of the safety envelope's height`,
      tolerance:
        "0.6 % (sphere and 1/r^2 gravity against a flat Earth); edge within one cell (100 m) + 0.6 %",
    });
  });

  it("time of flight matches the low-angle closed form", () => {
    const p = createFlyoutPoint();
    for (const s of range(500, 8500, 500)) {
      for (const h of range(0, 4000, 500)) {
        const disc = v ** 4 - G * (G * s * s + 2 * h * v * v);
        if (disc < 0.1 * v ** 4) continue; // keep clear of the envelope's edge (one cell)
        const theta = Math.atan((v * v - Math.sqrt(disc)) / (G * s));
        const ref = s / (v * Math.cos(theta));
        expect(table.lookup(s, h, p)).toBe(true);
        expect(tofErr.add(Math.abs(p.tofS / ref - 1), `s=${s} h=${h}`)).toBeLessThan(0.006);
        expect(Math.abs(p.elevationRad - theta)).toBeLessThan(0.01);
      }
    }
  });

  it("reaches exactly the envelope of safety", () => {
    const p = createFlyoutPoint();
    for (const s of range(1000, 8000, 1000)) {
      const hMax = (v * v) / (2 * G) - (G * s * s) / (2 * v * v);
      // Highest reachable grid altitude at this range.
      let reach = -1;
      for (let h = 0; h <= 4900; h += 10) if (table.lookup(s, h, p)) reach = h;
      // One cell conservative in altitude (100 m) and in range (100 m times the envelope's slope g s / v^2).
      const cell = 100 + (100 * G * s) / (v * v);
      expect(envErr.add(Math.abs(reach - hMax) / hMax, `s=${s}`)).toBeLessThan(cell / hMax + 0.006);
    }
  });
});

describe("predicted intercept point and engagement window (vacuum gun 1500 m/s)", () => {
  const v = 1500;
  const table: FlyoutTable = tableFromTrajectories(gunTrajectories(v, range(0.5, 89.5, 0.25), 0.02), {
    rangeStepM: 250,
    rangeCount: 241,
    altMinM: 0,
    altStepM: 250,
    altCount: 121,
  });
  const solver = new PipSolver(table, { ...OPEN, maxTimeOfFlightS: 120 }, VACUUM);
  // A target flying straight at 2 km/s at 20 km altitude towards the launcher, passing 8 km east of it.
  const enu = (e: number, n: number, u: number) => {
    const r = SITE.rotEcefToEnu;
    return [0, 1, 2].map((c) => SITE.posEcefM[c] + r[c] * e + r[3 + c] * n + r[6 + c] * u);
  };
  const start = enu(8000, 60_000, 20_000);
  const velEnu = [0, -2000, 0];
  const velEcef = [0, 1, 2].map(
    (c) =>
      SITE.rotEcefToEnu[c] * velEnu[0] +
      SITE.rotEcefToEnu[3 + c] * velEnu[1] +
      SITE.rotEcefToEnu[6 + c] * velEnu[2],
  );
  const source = (t: number, p: Float64Array, w: Float64Array) => {
    for (let c = 0; c < 3; c++) {
      p[c] = start[c] + velEcef[c] * t;
      w[c] = velEcef[c];
    }
    return true;
  };
  const pred = new TrackPrediction().fromSource(0, 60, 0.5, source, VACUUM);
  const missW = new Worst();
  afterAll(() => {
    recordValidation({
      area: "weapons",
      model: "PipSolver (table time of flight against a track prediction)",
      reference:
        "independent RK4 flyout of the round at the solution's azimuth and elevation (vacuum, sphere)",
      figure: `worst closest approach to the target ${sig(missW.value, 2)} m over ${missW.count} shot times (${missW.at})`,
      tolerance: "10 m (table cells of 250 m and 0.25 deg; bilinear)",
    });
  });

  it("the round passes the target near the PIP at the intercept time", () => {
    const sol = createPipSolution();
    for (const ts of [0, 2, 4, 6, 8, 10, 12, 14]) {
      solver.solve(pred, SITE, ts, sol);
      expect(sol.outcome).toBe("intercept");
      const vel = launchVelocity(SITE.rotEcefToEnu, v, sol.elevationRad, sol.azimuthRad);
      const fly = integrate(VACUUM, SITE.posEcefM, vel, 0.001, sol.tofS + 2);
      let best = Infinity;
      const tp = new Float64Array(3);
      for (let k = 0; k < fly.t.length; k++) {
        source(ts + fly.t[k], tp, new Float64Array(3));
        best = Math.min(
          best,
          Math.hypot(fly.pos[k][0] - tp[0], fly.pos[k][1] - tp[1], fly.pos[k][2] - tp[2]),
        );
      }
      expect(missW.add(best, `shot ${ts} s`)).toBeLessThan(10);
      expect(sol.altM).toBeCloseTo(20_000, -2);
    }
  });

  it("window boundaries equal a dense scan of shot times", () => {
    const w = engagementWindow(solver, pred, () => SITE, 0, 60, { stepS: 1, toleranceS: 0.005 });
    expect(w.intervals.length).toBe(1);
    const sol = createPipSolution();
    let first = NaN;
    let last = NaN;
    for (let t = 0; t <= 60; t += 0.01) {
      solver.solve(pred, SITE, t, sol);
      if (sol.outcome === "intercept") {
        if (Number.isNaN(first)) first = t;
        last = t;
      }
    }
    const i = w.intervals[0];
    expect(Math.abs(i.earliestShot.shotTimeS - first)).toBeLessThan(0.011);
    expect(Math.abs(i.latestShot.shotTimeS - last)).toBeLessThan(0.011);
    expect(i.minInterceptAltM).toBeCloseTo(20_000, -2);
  });

  it("shot Pk: an unguided round's Pk falls with its dispersion", () => {
    const sol = createPipSolution();
    solver.solve(pred, SITE, 5, sol);
    const a = shotKillProbability(new GunShotDelivery(NOTIONAL_RAILGUN), sol, pred, SITE.posEcefM, VACUUM);
    const wide = { ...NOTIONAL_RAILGUN, dispersion: { aimSigmaRad: 5e-3, muzzleSpeedSigmaMps: 10 } };
    const b = shotKillProbability(new GunShotDelivery(wide), sol, pred, SITE.posEcefM, VACUUM);
    expect(a.pk).toBeGreaterThan(b.pk);
    expect(a.pk).toBeGreaterThan(0);
    expect(a.sigma1M).toBeGreaterThan(a.sigma2M * 0.99);
  });

  it("shot Pk: a command-guided round's guidance error is the uplinked estimate's, aged by the link and the track's updates (closed forms)", () => {
    const sol = createPipSolution();
    solver.solve(pred, SITE, 5, sol);
    const delivery = new GunShotDelivery(NOTIONAL_32MJ_RAILGUN);
    const g = NOTIONAL_32MJ_RAILGUN.projectile.guidance!;
    const tau = g.commandLink.latencyS;
    const T = g.timeConstantS;
    // The track: 2 m per axis of position error, 10 m/s of velocity error, tr P_pv 6 m^2/s.
    const pk = (traces: number[], interval: number, nT: number) =>
      shotKillProbability(delivery, sol, pred, SITE.posEcefM, VACUUM, {
        trackErrorTraces: traces,
        trackUpdateIntervalS: interval,
        targetAccelerationMps2: nT,
      });
    // The estimate a = tau + s old, s uniform in [0, Delta]: sigma^2 = mean of
    // (tr P_pp + 2 a tr P_pv + a^2 tr P_vv) / 3 + (n_T a^2 / 2)^2, from the means of a, a^2 and a^4.
    const meanPow = (k: number, d: number) => ((tau + d) ** (k + 1) - tau ** (k + 1)) / ((k + 1) * d);
    const fresh = pk([12, 0, 300], 0, 0);
    expect(fresh.endSigmaM).toBeCloseTo(Math.sqrt((12 + tau * tau * 300) / 3), 12);
    const aged = pk([12, 0, 300], 1, 0);
    expect(aged.endSigmaM).toBeCloseTo(Math.sqrt((12 + meanPow(2, 1) * 300) / 3), 12);
    const nT = 10;
    const full = pk([12, 6, 300], 1, nT);
    const guide2 = (12 + 2 * meanPow(1, 1) * 6 + meanPow(2, 1) * 300) / 3 + 0.25 * nT * nT * meanPow(4, 1);
    expect(full.endSigmaM).toBeCloseTo(Math.hypot(Math.sqrt(guide2), 2 * Math.exp(-2) * nT * T * T), 12);
    // Between a radar's looks 1 s apart the velocity error dominates.
    expect(aged.endSigmaM).toBeGreaterThan(3 * fresh.endSigmaM);
    expect(() => pk([12, 0, -1], 1, 0)).toThrow(/trackErrorTraces/);
    expect(() => pk([12, 0, 300], -1, 0)).toThrow(/trackUpdateIntervalS/);
    recordValidation({
      area: "weapons",
      model:
        "shot Pk of a command-guided round: the uplinked estimate's error over the link latency and the track's update interval (GunShotDelivery)",
      reference:
        "the track's error carried at its velocity error, (tr P_pp + 2 a tr P_pv + a^2 tr P_vv)/3, and the target's drift (n_T a^2/2)^2, averaged over the estimate's age a in [tau, tau + Delta]",
      figure: `2 m and 10 m/s per axis, tau ${tau} s: end-game sigma ${fresh.endSigmaM.toFixed(2)} m fresh, ${aged.endSigmaM.toFixed(2)} m with looks 1 s apart; to 1e-12`,
      tolerance: "1e-12 m",
    });
  });

  it("shot Pk: a weapon of another kind plugs in through its ShotDelivery (closed forms)", () => {
    const sol = createPipSolution();
    solver.solve(pred, SITE, 5, sol);
    // A stand-in round: an isotropic 30 m delivery error, a Carleton lethality (L = 10 m, Pk0 = 0.9),
    // and, when guided, a fixed reach (a_max 20 m/s^2, T 0.5 s, 4 s of homing, 2 m of its own error).
    const sigma = 30;
    const lethality = { kind: "gaussian", lethalRadiusM: 10, killAtZeroMiss: 0.9 } as const;
    const standIn = (guided: boolean): ShotDelivery => ({
      lethality,
      addDeliveryCovariance: (_s, _l, C) => {
        for (let i = 0; i < 3; i++) C[4 * i] += sigma * sigma;
      },
      guidanceInto: (_c, out) => {
        if (!guided) return false;
        out.lateralLimitMps2 = 20;
        out.timeConstantS = 0.5;
        out.homingTimeS = 4;
        out.guideSigmaM = 2;
        return true;
      },
    });
    const unguided = shotKillProbability(standIn(false), sol, pred, SITE.posEcefM, VACUUM);
    expect(unguided.sigma1M).toBeCloseTo(sigma, 9);
    expect(unguided.sigma2M).toBeCloseTo(sigma, 9);
    // Carleton over a circular Gaussian miss: Pk0 L^2 / (L^2 + sigma^2) (Ball 2003, ch. 5) = 0.09.
    expect(unguided.pk).toBeCloseTo((0.9 * 100) / (100 + 900), 12);
    const nT = 30;
    const guided = shotKillProbability(standIn(true), sol, pred, SITE.posEcefM, VACUUM, {
      targetAccelerationMps2: nT,
    });
    // r_c = a_max t_h^2 / 2 = 160 m; P(|e| <= r_c) Rayleigh; the end game's sigma with Zarchan's
    // single-lag peak miss 2 e^-2 n_T T^2.
    const rc = 0.5 * 20 * 16;
    const pCorrect = 1 - Math.exp((-0.5 * rc * rc) / (sigma * sigma));
    const endSigma = Math.hypot(2, 2 * Math.exp(-2) * nT * 0.25);
    expect(guided.correctableRadiusM).toBeCloseTo(rc, 9);
    expect(guided.endSigmaM).toBeCloseTo(endSigma, 9);
    expect(guided.pk).toBeCloseTo((pCorrect * 0.9 * 100) / (100 + endSigma * endSigma), 12);
    // A round re-aimed on the track in flight gives the error it starts homing from (preHomingSigmaM):
    // the Rayleigh probability takes it instead of the prediction's and the delivery's.
    const reaimed = (pre: number): ShotDelivery => ({
      ...standIn(true),
      guidanceInto: (c, out) => {
        standIn(true).guidanceInto(c, out);
        out.preHomingSigmaM = pre;
        return true;
      },
    });
    const wide = shotKillProbability(reaimed(120), sol, pred, SITE.posEcefM, VACUUM);
    expect(wide.pCorrect).toBeCloseTo(1 - Math.exp((-0.5 * rc * rc) / (120 * 120)), 12);
    // A delivery that does not set it after one that did: the prediction's error again.
    expect(shotKillProbability(standIn(true), sol, pred, SITE.posEcefM, VACUUM).pCorrect).toBeCloseTo(
      pCorrect,
      12,
    );
    recordValidation({
      area: "weapons",
      model: "shot Pk through a weapon's ShotDelivery (shotKillProbability with a stand-in delivery)",
      reference:
        "Carleton over a circular Gaussian miss, Pk0 L^2/(L^2 + sigma^2) (Ball 2003, ch. 5); guided: Rayleigh P(miss <= a_max t_h^2/2) and Zarchan's single-lag peak miss 2 e^-2 n_T T^2 (ch. 3)",
      figure: `sigma 30 m, L 10 m, Pk0 0.9: unguided Pk ${unguided.pk.toFixed(2)}; guided (20 m/s^2, T 0.5 s, 4 s, n_T 30 m/s^2): correctable radius ${guided.correctableRadiusM.toFixed(0)} m, end-game sigma ${guided.endSigmaM.toFixed(2)} m; all to 1e-9 or better`,
      tolerance: "1e-9 m, 1e-12 in Pk",
    });
  });
});

/** A 1,500 m/s gun's table to 50 km range and 30 km altitude (the PIP property tests' launcher). */
function gun1500Table(): FlyoutTable {
  return tableFromTrajectories(gunTrajectories(1500, range(0.5, 89.5, 0.5), 0.05), {
    rangeStepM: 500,
    rangeCount: 100,
    altMinM: 0,
    altStepM: 500,
    altCount: 60,
  });
}

/** A solver on `table` with a case's altitude, range and time-of-flight floors, out to 40 km. */
function flooredSolver(
  table: FlyoutTable,
  c: { minAltM: number; minRangeM: number; maxTofS: number },
): PipSolver {
  return new PipSolver(
    table,
    {
      ...OPEN,
      minInterceptAltitudeM: c.minAltM,
      minRangeM: c.minRangeM,
      maxRangeM: 40_000,
      maxTimeOfFlightS: c.maxTofS,
    },
    VACUUM,
  );
}

/** Arbitraries of straightPrediction's flights: 20-90 km out, 1-28 km up, 300-3,000 m/s. */
const STRAIGHT_FLIGHT = {
  rangeM: fc.double({ min: 20_000, max: 90_000, noNaN: true }),
  bearing: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  altM: fc.double({ min: 1000, max: 28_000, noNaN: true }),
  speed: fc.double({ min: 300, max: 3000, noNaN: true }),
  offHeading: fc.double({ min: -1.2, max: 1.2, noNaN: true }),
  climb: fc.double({ min: -150, max: 150, noNaN: true }),
};

/** A straight flight from rangeM out on `bearing`, heading back towards the launcher give or take
 *  offHeading, climbing at `climb` m/s: 240 s of it in 1 s samples. */
function straightPrediction(c: {
  rangeM: number;
  bearing: number;
  altM: number;
  speed: number;
  offHeading: number;
  climb: number;
}): TrackPrediction {
  const r = SITE.rotEcefToEnu;
  const e0 = c.rangeM * Math.sin(c.bearing);
  const n0 = c.rangeM * Math.cos(c.bearing);
  const heading = c.bearing + Math.PI + c.offHeading;
  const ve = c.speed * Math.sin(heading);
  const vn = c.speed * Math.cos(heading);
  const start = [0, 1, 2].map((k) => SITE.posEcefM[k] + r[k] * e0 + r[3 + k] * n0 + r[6 + k] * c.altM);
  const vel = [0, 1, 2].map((k) => r[k] * ve + r[3 + k] * vn + r[6 + k] * c.climb);
  return new TrackPrediction().fromSource(
    0,
    240,
    1,
    (t, p, w) => {
      for (let k = 0; k < 3; k++) {
        p[k] = start[k] + vel[k] * t;
        w[k] = vel[k];
      }
      return true;
    },
    VACUUM,
  );
}

describe("PipSolver.solve from an earlier shot's intercept (scanFromS): the same solutions, fewer evaluations", () => {
  const table = gun1500Table();
  const evaluations = { cold: 0, warm: 0 };
  const solves = { withGap: 0, disagreeing: 0 };
  const point = createFlyoutPoint();
  afterAll(() => {
    // Worth it: the shots that had a start take fewer evaluations than scans from the shot (18 % fewer
    // here, with 0.5-5 s between shots).
    expect(evaluations.warm).toBeLessThan(0.9 * evaluations.cold);
    // And the scans disagree only at gaps of the envelope, rarely.
    expect(solves.disagreeing).toBeLessThan(0.02 * solves.withGap);
    recordValidation({
      area: "weapons",
      model: "PipSolver warm start (a later shot scans from an earlier shot's intercept)",
      reference: "a cold scan from the same shot time, same solver and prediction",
      figure: `200 random straight flights (20-90 km, 300-3,000 m/s, altitude and range floors), 5-30 ascending shots each: same outcome and intercept (within 2e-4 s) on every gap-free case; ${solves.disagreeing} disagreement(s) in ${solves.withGap.toLocaleString("en-US")} shots across envelope gaps, each solution checked real on the table; ${evaluations.warm.toLocaleString("en-US")} evaluations against ${evaluations.cold.toLocaleString("en-US")} cold (${Math.round(100 * (1 - evaluations.warm / evaluations.cold))} % fewer)`,
      tolerance:
        "exact outcome, 2e-4 s (both refined to 1e-4 s); across gaps under 2 % of shots, each solution a real intercept",
    });
  });

  it("every shot of an ascending sequence has the outcome and intercept of a scan from the shot", () => {
    const cold = createPipSolution();
    const warm = createPipSolution();
    fc.assert(
      fc.property(
        fc.record({
          ...STRAIGHT_FLIGHT,
          minAltM: fc.constantFrom(0, 0, 2000, 6000),
          minRangeM: fc.constantFrom(0, 0, 12_000),
          maxTofS: fc.double({ min: 15, max: 90, noNaN: true }),
          steps: fc.array(fc.double({ min: 0.5, max: 5, noNaN: true }), { minLength: 5, maxLength: 30 }),
        }),
        (c) => {
          const solver = flooredSolver(table, c);
          // A straight line's height over the ellipsoid falls then rises, and its range from the
          // launcher too: a floor of altitude or range can cut its inside span in two (a gap). Without
          // floors the inside span is one interval and the two scans must agree.
          const gapFree = c.minAltM === 0 && c.minRangeM === 0;
          const pred = straightPrediction(c);
          let from = NaN;
          let ts = 0;
          for (const step of c.steps) {
            ts += step;
            solver.solve(pred, SITE, ts, cold);
            solver.solve(pred, SITE, ts, warm, from);
            if (from === from) {
              evaluations.cold += cold.evaluations;
              evaluations.warm += warm.evaluations;
            }
            if (!gapFree) solves.withGap++;
            if (gapFree || warm.outcome === cold.outcome) {
              expect(warm.outcome).toBe(cold.outcome);
              if (cold.outcome === "intercept") {
                // Both refined to the solver's 1e-4 s from different brackets.
                expect(Math.abs(warm.interceptTimeS - cold.interceptTimeS)).toBeLessThan(2e-4);
              }
            } else {
              // Over a gap the two scans step differently, and either may call early or late a shot
              // that the other solves across it (the scan samples; a gap narrower than its step can
              // be missed from a cold start too). A solution must still be a real one: the round's
              // table time of flight to the PIP is the time from the shot, inside the envelope.
              solves.disagreeing++;
              const sol = warm.outcome === "intercept" ? warm : cold;
              if (sol.outcome === "intercept") {
                expect(table.lookup(sol.rangeM, sol.altM, point)).toBe(true);
                expect(Math.abs(point.tofS - sol.tofS)).toBeLessThan(1e-3);
                expect(sol.altM).toBeGreaterThanOrEqual(c.minAltM - 1);
                expect(sol.rangeM).toBeGreaterThanOrEqual(c.minRangeM - 1);
                expect(sol.tofS).toBeLessThanOrEqual(c.maxTofS);
              }
            }
            if (warm.laterScanFromS === warm.laterScanFromS) from = warm.laterScanFromS;
          }
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe("PipSolver.interceptPossible: a span of shots that cannot intercept is told in one pass", () => {
  const table = gun1500Table();
  /** The launcher moved east and north by (de, dn) m. */
  const moved = (de: number, dn: number) => {
    const r = SITE.rotEcefToEnu;
    const p = [0, 1, 2].map((c) => SITE.posEcefM[c] + r[c] * de + r[3 + c] * dn);
    const lat = Math.atan2(p[2], Math.hypot(p[0], p[1]));
    const lon = Math.atan2(p[1], p[0]);
    return launcher(VACUUM, lat / DEG, lon / DEG, 0);
  };
  /** Spans 10 s or more from every shot that intercepts, and how many of them were told in one pass. */
  const clear = { spans: 0, told: 0 };
  afterAll(() => {
    // The pass is worth running: most spans well clear of every intercept are told without a solve.
    expect(clear.spans).toBeGreaterThan(50);
    expect(clear.told / clear.spans).toBeGreaterThan(0.8);
  });

  it("false only when no shot of the span, from any launcher position within the drift, intercepts", () => {
    const sol = createPipSolution();
    fc.assert(
      fc.property(
        fc.record({
          ...STRAIGHT_FLIGHT,
          minAltM: fc.constantFrom(0, 2000, 6000),
          minRangeM: fc.constantFrom(0, 0, 12_000),
          maxTofS: fc.double({ min: 15, max: 90, noNaN: true }),
          where: fc.constantFrom("before", "after", "anywhere"),
          gapS: fc.double({ min: 0, max: 15, noNaN: true }),
          spanS: fc.double({ min: 0, max: 40, noNaN: true }),
          driftM: fc.constantFrom(0, 0, 1500),
        }),
        (c) => {
          const solver = flooredSolver(table, c);
          const pred = straightPrediction(c);
          const d = c.driftM / Math.SQRT2;
          const sites =
            c.driftM > 0 ? [SITE, moved(d, d), moved(-d, d), moved(d, -d), moved(-d, -d)] : [SITE];
          // Shots that intercept, every 0.25 s over 150 s, from any of the sites.
          const hits: number[] = [];
          for (let ts = 0; ts <= 150; ts += 0.25)
            if (sites.some((site) => solver.solve(pred, site, ts, sol).outcome === "intercept"))
              hits.push(ts);
          // The span: just before the first shot that intercepts, just after the last, or anywhere.
          let first = 20 + c.gapS;
          if (hits.length > 0 && c.where === "before") first = hits[0] - c.gapS - c.spanS;
          if (hits.length > 0 && c.where === "after") first = hits[hits.length - 1] + c.gapS;
          const last = first + c.spanS;
          const possible = solver.interceptPossible(pred, SITE, first, last, c.driftM);
          if (!hits.some((h) => h > first - 10 && h < last + 10)) {
            clear.spans++;
            if (!possible) clear.told++;
          }
          if (possible) return;
          for (const site of sites)
            for (let ts = first; ts <= last + 1e-9; ts += Math.max(0.05, c.spanS / 200))
              expect(solver.solve(pred, site, ts, sol).outcome).not.toBe("intercept");
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });

  it("names a bad argument", () => {
    const solver = new PipSolver(table, OPEN, VACUUM);
    const pred = new TrackPrediction().fromSource(0, 10, 1, () => false, VACUUM);
    expect(() => solver.interceptPossible(pred, SITE, NaN, 1)).toThrow(/firstShotS/);
    expect(() => solver.interceptPossible(pred, SITE, 0, 1, -1)).toThrow(/launcherDriftM/);
  });
});
