/**
 * Earth-layer benchmarks (`npx tsx bench/run.ts earth`), calls per second on one core:
 * - ecefToGeodeticInto (hot path, allocation-free) and ecefToGeodetic (public form, allocates its
 *   result): issue 2 target >= 1e7 for `ecefToGeodetic`; both are reported.
 * - ussa1976Into (hot path) and ussa1976 (public form): target >= 1e7. Altitudes are swept 0-1000 km in
 *   order, the access pattern of a trajectory; a shuffled sweep is reported for information.
 * - gravityJ2Into: target >= 1e7.
 * - informational: EarthModel.geodeticInto / gravityInto / atmosphereInto, geodeticToEcefInto, gmstRad.
 * Inputs come from a fixed linear congruential sequence, so every run sees the same points.
 */
import { gmstRadFromUnixMs } from "../src/earth/eci.js";
import { ecefToGeodetic, ecefToGeodeticInto, geodeticToEcefInto } from "../src/earth/geodetic.js";
import { gravityJ2Into } from "../src/earth/gravity.js";
import { ussa1976, ussa1976Into } from "../src/earth/atmosphere.js";
import { makeEarthModel } from "../src/earth/model.js";
import { ratePerSecond, report } from "./harness.js";

const N = 4096;
const MASK = N - 1;
const TARGET = 1e7;

/** Deterministic uniform numbers in [0, 1) (Numerical Recipes LCG), no Math.random in benchmarks either. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function figure(name: string, rate: number, target?: number, detail?: Record<string, unknown>): void {
  report({
    name,
    value: Math.round(rate),
    unit: "calls/s",
    ...(target !== undefined ? { target: `>= ${target.toExponential(0)}`, pass: rate >= target } : {}),
    ...(detail ? { detail } : {}),
  });
}

export function run(): void {
  const rnd = lcg(20300601);
  // ECEF points: latitudes uniform in sin(lat), all longitudes, heights -1 km .. 40,000 km (a quarter
  // of them in the first 100 km, where flight happens).
  const pts = new Float64Array(3 * N);
  const p = new Float64Array(3);
  for (let i = 0; i < N; i++) {
    const lat = Math.asin(2 * rnd() - 1);
    const lon = (2 * rnd() - 1) * Math.PI;
    const h = i % 4 === 0 ? -1000 + 101000 * rnd() : -1000 + 4.0001e7 * rnd();
    geodeticToEcefInto(lat, lon, h, p);
    pts.set(p, 3 * i);
  }
  const views = Array.from({ length: N }, (_, i) => pts.subarray(3 * i, 3 * i + 3));
  const out3 = new Float64Array(3);
  const out4 = new Float64Array(4);

  const geoInto = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += ecefToGeodeticInto(views[i & MASK], out3)[2];
    return s;
  });
  figure("earth.ecefToGeodeticInto", geoInto, TARGET, {
    heightsM: "-1e3..4e7",
    form: "hot path, no allocation",
  });

  const geoObj = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += ecefToGeodetic(views[i & MASK]).altM;
    return s;
  });
  figure("earth.ecefToGeodetic", geoObj, TARGET, { form: "public, allocates { latDeg, lonDeg, altM }" });

  const sweep = new Float64Array(N);
  for (let i = 0; i < N; i++) sweep[i] = (1e6 * i) / N + 100 * rnd();
  const shuffled = Float64Array.from(sweep);
  for (let i = N - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = shuffled[i];
    shuffled[i] = shuffled[j];
    shuffled[j] = t;
  }
  const below86 = new Float64Array(N);
  for (let i = 0; i < N; i++) below86[i] = (86000 * i) / N;

  const atmInto = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += ussa1976Into(sweep[i & MASK], out4)[2];
    return s;
  });
  figure("earth.ussa1976Into", atmInto, TARGET, { altitudes: "0..1000 km swept in order" });

  const atmObj = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += ussa1976(sweep[i & MASK]).densityKgM3;
    return s;
  });
  figure("earth.ussa1976", atmObj, TARGET, {
    altitudes: "0..1000 km swept in order",
    form: "public, allocates",
  });

  const atmLow = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += ussa1976Into(below86[i & MASK], out4)[2];
    return s;
  });
  figure("earth.ussa1976Into.below86km", atmLow, undefined, { altitudes: "0..86 km swept in order" });

  const atmShuffled = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += ussa1976Into(shuffled[i & MASK], out4)[2];
    return s;
  });
  figure("earth.ussa1976Into.shuffled", atmShuffled, undefined, { altitudes: "0..1000 km in random order" });

  const grav = ratePerSecond((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += gravityJ2Into(views[i & MASK], out3)[2];
    return s;
  });
  figure("earth.gravityJ2Into", grav, TARGET);

  const model = makeEarthModel();
  figure(
    "earth.model.geodeticInto",
    ratePerSecond((n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += model.geodeticInto(views[i & MASK], out3)[2];
      return s;
    }),
  );
  figure(
    "earth.model.gravityInto",
    ratePerSecond((n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += model.gravityInto(views[i & MASK], out3)[2];
      return s;
    }),
  );
  figure(
    "earth.model.atmosphereInto",
    ratePerSecond((n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += model.atmosphereInto(sweep[i & MASK], out4)[2];
      return s;
    }),
  );
  figure(
    "earth.geodeticToEcefInto",
    ratePerSecond((n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += geodeticToEcefInto(sweep[i & MASK] * 1e-6, 0.5, 1000, out3)[2];
      return s;
    }),
  );
  figure(
    "earth.gmstRadFromUnixMs",
    ratePerSecond((n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += gmstRadFromUnixMs(1.9e12 + i * 1000);
      return s;
    }),
  );
}
