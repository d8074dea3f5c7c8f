/**
 * Flight benchmarks (`npx tsx bench/run.ts flight`):
 * - one 3,000 km boost-glide flight with guidance, all events located and 1 s samples (target <= 1 ms,
 *   best of many on one core; the steering is solved once and cached, as in a campaign);
 * - right-hand-side evaluations per second of the full aerodynamic dynamics (glide guidance mode: J2
 *   gravity, WGS-84 altitude, USSA-1976, C_L/C_D table lookups with the L/D and C_L inversions, heading and
 *   range-to-go geometry; target >= 5e6);
 * - informational: a ballistic flight, a cruise flight, and the uncached steering solves: the second in
 *   the process (mostly JIT compilation, as a first `raijin run` pays) and, settled, the median and spread
 *   of 40 repeats with CPU time (what each further new threat pays);
 * - stepping: 1,000 flights (the 20 threats of scenarios/raid-20.yaml, 50 copies each launched
 *   (37 j mod 241) s apart) advanced alternately in 1 s increments, as an engine loop advances them,
 *   against flying the same 1,000 whole one after the other (target: within 1.5 times), with CPU time
 *   beside wall time and the median and spread of the repeats beside the best.
 */
import { readFileSync } from "node:fs";
import { makeEarthModel } from "../src/earth/model.js";
import { threatDefinitions } from "../src/scenario/build/index.js";
import { loadScenario } from "../src/scenario/index.js";
import {
  Aimpoint,
  Flight,
  GlideGuidance,
  GlideKernelForce,
  GlideLaw,
  GravityForce,
  LiftDragForce,
  LiftDragModel,
  NOTIONAL_HGV,
  TargetingCache,
  createThreatFlight,
  flyThreat,
  type GeodeticPoint,
  type ThreatDefinition,
} from "../src/flight/index.js";
import {
  bestTimeMs,
  measureInterleaved,
  ratePerSecond,
  repoPath,
  report,
  runTimingOf,
  timeRepeats,
} from "./harness.js";

const DEG = Math.PI / 180;

/** The load average when a figure was taken (the machine is shared: figures vary with it). */
function load(): number {
  try {
    return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  } catch {
    return NaN;
  }
}
const LAUNCH = { latRad: 30 * DEG, lonRad: 40 * DEG, altM: 0, timeS: 0 };

function pointAt(az: number, rangeM: number): GeodeticPoint {
  const R = 6371000;
  const d = rangeM / R;
  const la = LAUNCH.latRad;
  const lat2 = Math.asin(Math.sin(la) * Math.cos(d) + Math.cos(la) * Math.sin(d) * Math.cos(az));
  const lon2 =
    LAUNCH.lonRad +
    Math.atan2(Math.sin(az) * Math.sin(d) * Math.cos(la), Math.cos(d) - Math.sin(la) * Math.sin(lat2));
  return { latRad: lat2, lonRad: lon2, altM: 0 };
}

export function run(): void {
  const earth = makeEarthModel();
  const cache = new TargetingCache();
  const hgv: ThreatDefinition = {
    vehicle: "notional-hgv",
    launch: LAUNCH,
    target: pointAt(70 * DEG, 3000e3),
  };
  const mrbm: ThreatDefinition = {
    vehicle: "notional-mrbm",
    launch: LAUNCH,
    target: pointAt(50 * DEG, 2000e3),
  };
  const hcm: ThreatDefinition = { vehicle: "notional-hcm", launch: LAUNCH, target: pointAt(30 * DEG, 800e3) };

  // One-off solves (uncached), then cached flights.
  for (const [name, def] of [
    ["hgv-3000km-plan", hgv],
    ["mrbm-2000km-minimum-energy", mrbm],
    ["mrbm-2000km-lofted", { ...mrbm, trajectory: "lofted" }],
  ] as [string, ThreatDefinition][]) {
    flyThreat(def, earth, { cache: null }); // warm the JIT
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = flyThreat(def, earth, { cache: null });
    const wallMs = performance.now() - t0;
    const cu = process.cpuUsage(c0);
    report({
      name: `flight.solve.${name}`,
      value: wallMs,
      unit: "ms",
      timing: null,
      detail: {
        what: "the second solve in the process (one warm-up): most of it is still the JIT compiling",
        cpuMs: Number(((cu.user + cu.system) / 1000).toFixed(2)),
        iterations: r.targeting?.iterations,
        flights: r.targeting?.flights,
        missM: r.summary.missDistanceM,
      },
    });
    // The same uncached solve repeated once the JIT has settled: what each further new threat pays.
    const warm = timeRepeats(() => flyThreat(def, earth, { cache: null }).endTimeS, 40, 10);
    report({
      name: `flight.solve.${name}.settled`,
      value: warm.cpu.median,
      unit: "ms CPU (median)",
      timing: warm,
      detail: { what: "uncached solve and flight, repeated after 10 untimed", flights: r.targeting?.flights },
    });
  }

  const res = flyThreat(hgv, earth, { cache });
  const hgvMs = bestTimeMs(() => flyThreat(hgv, earth, { cache }).endTimeS, 300, 30);
  report({
    name: "flight.hgv-3000km.flight",
    value: hgvMs,
    unit: "ms",
    target: "<= 1",
    pass: hgvMs <= 1,
    detail: {
      steps: res.steps,
      rhsEvaluations: res.rhsEvaluations,
      samples: res.samples.count,
      events: res.events.map((e) => e.type),
      timeOfFlightS: res.summary.timeOfFlightS,
      missM: res.summary.missDistanceM,
    },
  });
  const noSamples = bestTimeMs(() => flyThreat(hgv, earth, { cache, sampleIntervalS: 0 }).endTimeS, 300, 30);
  report({ name: "flight.hgv-3000km.flight-no-samples", value: noSamples, unit: "ms" });

  flyThreat(mrbm, earth, { cache });
  const mrbmMs = bestTimeMs(() => flyThreat(mrbm, earth, { cache }).endTimeS, 300, 30);
  report({ name: "flight.mrbm-2000km.flight", value: mrbmMs, unit: "ms" });
  const hcmMs = bestTimeMs(() => flyThreat(hcm, earth, { cache }).endTimeS, 300, 30);
  report({ name: "flight.hcm-800km.flight", value: hcmMs, unit: "ms" });

  // Right-hand side of the full aero dynamics on states from the glide of the flight above, as the
  // integrator calls it: a flight in its glide configuration (the glide kernel as its only force).
  const aim = new Aimpoint();
  const t = new Float64Array(3);
  const target = hgv.target as GeodeticPoint;
  earth.ecefFromGeodeticInto(target.latRad, target.lonRad, 0, t);
  aim.set(t);
  const lift = new LiftDragForce(new LiftDragModel(NOTIONAL_HGV.glider.aero));
  const glideForce = new GlideKernelForce(
    new GravityForce(earth),
    new GlideGuidance(earth, new GlideLaw(), aim, lift),
  );
  const s = res.samples;
  const states: Float64Array[] = [];
  for (let i = 0; i < s.count; i++) {
    if (s.phase[i] !== 4) continue;
    const y = new Float64Array(7);
    y.set(s.posEcefM.subarray(3 * i, 3 * i + 3), 0);
    y.set(s.velEcefMps.subarray(3 * i, 3 * i + 3), 3);
    y[6] = s.massKg[i];
    states.push(y);
  }
  const glider = new Flight({
    id: "bench-glide",
    kind: "hgv",
    earth,
    startTimeS: 0,
    initialState: states[0],
    forces: [glideForce],
    phase: "glide",
  });
  const dydt = new Float64Array(7);
  const n = states.length;
  // Best of 10 repeats rather than 5: on a shared 2-core VM single repeats vary by +-30%.
  const rate = ratePerSecond(
    (iterations) => {
      let acc = 0;
      for (let k = 0; k < iterations; k++) {
        glider.evaluate(k, states[k % n], dydt);
        acc += dydt[3];
      }
      return acc;
    },
    1,
    200,
    10,
  );
  report({
    name: "flight.rhs.glide-full-aero",
    value: rate,
    unit: "evaluations/s",
    target: ">= 5e6",
    pass: rate >= 5e6,
    detail: { states: n },
  });

  stepping(earth);
}

/**
 * 1,000 flights stepped alternately in 1 s increments against the same flown whole. Both build their
 * flights (steering cached: the copies differ only in launch time, which the steering does not depend on),
 * take 1 s samples and keep every result, as the run loop does. What stepping costs beyond flying whole is
 * mostly the memory hierarchy: each flight's integrator, forces and sample columns are cold again when
 * its turn comes round, so a sampled threat flight takes a few steps each time (steps ahead of its clock,
 * propagation/flight.ts). What is left: the wakings steps ahead cannot save (events, scheduled times),
 * and the collector copying and marking a thousand flights that are alive at once.
 */
function stepping(earth: ReturnType<typeof makeEarthModel>): void {
  const file = repoPath("scenarios/raid-20.yaml");
  const scenario = loadScenario(readFileSync(file, "utf8"), { fileName: file });
  const base = threatDefinitions(scenario);
  const defs: ThreatDefinition[] = [];
  for (let j = 0; j < 50; j++)
    for (const d of base) {
      const shift = (37 * j) % 241;
      defs.push(
        d.launch !== undefined
          ? { ...d, id: `${d.id}-${j}`, launch: { ...d.launch, timeS: d.launch.timeS + shift } }
          : { ...d, id: `${d.id}-${j}` },
      );
    }
  const cache = new TargetingCache();
  for (const d of defs.slice(0, base.length)) flyThreat(d, earth, { cache });
  let samples = 0;
  // Both keep every result, as a run does (flyRaid keeps the raid's trajectories).
  const flyWhole = (): number => {
    let n = 0;
    const kept = defs.map((d) => createThreatFlight(d, earth, { cache }).run());
    for (const r of kept) n += r.samples.count;
    samples = n;
    return n;
  };
  let calls = 0;
  const flyStepped = (): number => {
    const flights = defs.map((d) => createThreatFlight(d, earth, { cache }));
    let live = flights.length;
    let n = 0;
    calls = 0;
    for (let t = 1; live > 0; t += 1) {
      live = 0;
      for (const f of flights) {
        if (f.ended) continue;
        if (t >= f.startTimeS) {
          f.advanceTo(t);
          calls++;
        }
        if (!f.ended) live++;
      }
    }
    for (const f of flights) n += f.result().samples.count;
    return n;
  };
  // In turn (whole, stepped, whole, ...), so a change of load weighs on both alike.
  const [whole, stepped] = measureInterleaved([flyWhole, flyStepped], 7, 1).map(runTimingOf);
  const ratio = stepped.medianMs / whole.medianMs;
  const cpuRatio = stepped.cpuMedianMs / whole.cpuMedianMs;
  report({
    name: "flight.stepping.1000-flights-1s-vs-whole",
    value: Number(ratio.toFixed(3)),
    unit: "x (median wall time, stepped / whole)",
    target: "<= 1.5",
    pass: ratio <= 1.5,
    detail: {
      flights: defs.length,
      advanceToCalls: calls,
      samples,
      whole,
      stepped,
      cpuRatio: Number(cpuRatio.toFixed(3)),
      loadAverage: load(),
    },
  });
}
