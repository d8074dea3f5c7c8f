/**
 * Numerical-core benchmarks: Dormand-Prince 5(4) right-hand-side evaluations per second on a
 * two-body orbit (issue 2 target: at least 2 million), RK4 steps per second, normal draws per
 * second from a seeded stream, and (informational) the wall time of a ~3700 km ballistic arc in
 * point-mass gravity with apogee and impact events located to 1e-6 s.
 */
import { bestTimeMs, ratePerSecond, report } from "./harness.js";
import { DormandPrince54, Rk4 } from "../src/math/ode/index.js";
import type { EventDetector, OdeRhs } from "../src/math/ode/index.js";
import { randomStream } from "../src/math/random.js";

// Point-mass gravity in 6 states (x, y, z, vx, vy, vz); mu of the Earth, EGM-96/WGS-84 value
// 3.986004418e14 m^3/s^2 (NIMA TR8350.2, 3rd ed., Table 3.1).
const MU_M3PS2 = 3.986004418e14;
const twoBody: OdeRhs = (_t, y, d) => {
  const r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
  const k = -MU_M3PS2 / (r2 * Math.sqrt(r2));
  d[0] = y[3];
  d[1] = y[4];
  d[2] = y[5];
  d[3] = k * y[0];
  d[4] = k * y[1];
  d[5] = k * y[2];
};

/** A 7000 km x 12000 km-apoapsis-ish orbit (e about 0.26) started at periapsis. */
function orbitInitial(y: Float64Array): Float64Array {
  const rp = 7_000_000;
  const a = 9_500_000;
  y.fill(0);
  y[0] = rp;
  y[4] = Math.sqrt(MU_M3PS2 * (2 / rp - 1 / a));
  y[5] = 100; // small out-of-plane velocity so all six components are exercised
  return y;
}

export function run(): void {
  const periodS = 2 * Math.PI * Math.sqrt(9_500_000 ** 3 / MU_M3PS2);
  const dp = new DormandPrince54(6, { rtol: 1e-9, atol: 1e-6 });
  const y = new Float64Array(6);
  // One batch = one orbit; report rhs evaluations per second.
  let evalsPerOrbit = 0;
  const orbitsPerSecond = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = dp.integrate(twoBody, 0, orbitInitial(y), periodS);
      evalsPerOrbit = r.rhsEvaluations;
      s += y[0];
    }
    return s;
  });
  const dpRate = orbitsPerSecond * evalsPerOrbit;
  report({
    name: "math.dp54.rhsEvaluationsPerSecond",
    value: Math.round(dpRate),
    unit: "1/s",
    target: ">= 2e6",
    pass: dpRate >= 2e6,
    detail: { problem: "two-body orbit, e~0.26, rtol 1e-9", rhsEvaluationsPerOrbit: evalsPerOrbit },
  });

  const rk = new Rk4(6);
  const stepsPerOrbit = 2000;
  const rkOrbits = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      rk.integrate(twoBody, 0, orbitInitial(y), periodS, periodS / stepsPerOrbit);
      s += y[0];
    }
    return s;
  });
  report({
    name: "math.rk4.stepsPerSecond",
    value: Math.round(rkOrbits * stepsPerOrbit),
    unit: "1/s",
    detail: { problem: "two-body orbit, 6 states" },
  });

  const rng = randomStream(1, 0, "bench:normal");
  const normals = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += rng.normal();
    return s;
  });
  report({ name: "math.random.normalDrawsPerSecond", value: Math.round(normals), unit: "1/s" });

  // Ballistic arc over a spherical Earth (radius 6371 km, the IUGG mean radius): burnout at
  // 100 km altitude, 5.2 km/s at 40 degrees flight-path angle; apogee (radial velocity falling)
  // and impact (altitude falling, terminal) events.
  const R_EARTH_M = 6_371_000;
  const arc = new DormandPrince54(6, { rtol: 1e-9, atol: 1e-6 });
  const events: EventDetector[] = [
    { g: (_t, s) => s[0] * s[3] + s[1] * s[4] + s[2] * s[5], direction: -1, terminal: false },
    { g: (_t, s) => Math.hypot(s[0], s[1], s[2]) - R_EARTH_M, direction: -1, terminal: true },
  ];
  const gamma = (40 * Math.PI) / 180;
  let flightS = 0;
  let rangeKm = 0;
  let arcSteps = 0;
  const arcMs = bestTimeMs(() => {
    y.fill(0);
    y[0] = R_EARTH_M + 100_000;
    y[3] = 5200 * Math.sin(gamma);
    y[4] = 5200 * Math.cos(gamma);
    const r = arc.integrate(twoBody, 0, y, 3600, events);
    flightS = r.tS;
    arcSteps = r.steps;
    rangeKm = (R_EARTH_M * Math.atan2(y[1], y[0])) / 1000;
    return r.tS;
  });
  report({
    name: "math.dp54.ballisticArcWithEventsMs",
    value: Number(arcMs.toFixed(4)),
    unit: "ms",
    detail: { flightS: Number(flightS.toFixed(3)), rangeKm: Number(rangeKm.toFixed(1)), steps: arcSteps },
  });
}
