/**
 * Test helpers: truth states built from geodetic positions, seeded streams, sample moments.
 */
import type { FlightPhase, TruthState, VehicleKind } from "../../src/flight/truth.js";
import { enuRotationInto } from "../../src/earth/enu.js";
import { geodeticToEcefInto } from "../../src/earth/geodetic.js";
import { randomStream } from "../../src/math/random.js";
import type { SensorRandom } from "../../src/sensors/stream.js";

const DEG = Math.PI / 180;

export interface TruthSpec {
  id?: string;
  kind?: VehicleKind;
  phase?: FlightPhase;
  latDeg: number;
  lonDeg: number;
  altM: number;
  /** Velocity in the local ENU frame, m/s. */
  velEnu?: [number, number, number];
  thrustN?: number;
  surfaceTempK?: number;
  mach?: number;
  timeS?: number;
}

export function truthAt(s: TruthSpec): TruthState {
  const pos = geodeticToEcefInto(s.latDeg * DEG, s.lonDeg * DEG, s.altM, new Float64Array(3));
  const r = enuRotationInto(s.latDeg * DEG, s.lonDeg * DEG, new Float64Array(9));
  const [e, n, u] = s.velEnu ?? [0, 0, 0];
  const vel = new Float64Array([
    r[0] * e + r[3] * n + r[6] * u,
    r[1] * e + r[4] * n + r[7] * u,
    r[2] * e + r[5] * n + r[8] * u,
  ]);
  const speed = Math.hypot(e, n, u);
  return {
    id: s.id ?? "t1",
    kind: s.kind ?? "hgv",
    timeS: s.timeS ?? 0,
    phase: s.phase ?? "glide",
    posEcefM: pos,
    velEcefMps: vel,
    altM: s.altM,
    airspeedMps: speed,
    mach: s.mach ?? speed / 300,
    thrustN: s.thrustN ?? 0,
    surfaceTempK: s.surfaceTempK ?? 300,
    massKg: 1000,
  };
}

/** A seeded stream from the project's generator (src/math/random.ts), named for the test. */
export function testRng(seed: number): SensorRandom {
  return randomStream(seed, 0, "tests:sensors");
}

/** Sample mean and covariance of rows (each a Float64Array or number[] of length n). */
export function sampleMoments(rows: ArrayLike<number>[]): { mean: number[]; cov: number[][] } {
  const n = rows[0].length;
  const mean = new Array<number>(n).fill(0);
  for (const r of rows) for (let i = 0; i < n; i++) mean[i] += r[i] / rows.length;
  const cov = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const r of rows) {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) cov[i][j] += ((r[i] - mean[i]) * (r[j] - mean[j])) / (rows.length - 1);
  }
  return { mean, cov };
}
