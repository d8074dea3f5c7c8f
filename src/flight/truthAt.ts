/**
 * Truth at any time from a flight's samples, for sensors that look at their own times: position by cubic
 * Hermite interpolation between the two bracketing samples (positions and velocities at both ends; exact
 * for cubic motion, error O(dt^4) in position), velocity as the derivative of that cubic (O(dt^3)); mass,
 * altitude, Mach, thrust and temperature linear; phase from the phase intervals. Before the first sample the
 * first sample is returned, after the last one the last (the vehicle is at the impact point).
 */
import type { FlightResult } from "./result.js";
import type { TruthState } from "./truth.js";

/** A TruthState the caller owns and truthAt overwrites (no allocation per call). */
export type MutableTruthState = { -readonly [K in keyof TruthState]: TruthState[K] };

export function createTruthState(id = "", kind: TruthState["kind"] = "ballistic"): MutableTruthState {
  return {
    id,
    kind,
    timeS: 0,
    phase: "boost",
    posEcefM: new Float64Array(3),
    velEcefMps: new Float64Array(3),
    altM: 0,
    airspeedMps: 0,
    mach: 0,
    thrustN: 0,
    surfaceTempK: 0,
    massKg: 0,
  };
}

/** Index i with t[i] <= tS < t[i+1] (the last of equal times), clamped to [0, n-2]. */
function bracket(t: Float64Array, n: number, tS: number): number {
  let lo = 0;
  let hi = n - 1;
  if (tS < t[0]) return 0;
  if (tS >= t[n - 1]) return n - 2;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= tS) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Writes the truth at tS into `out` and returns it. Throws RangeError when the flight has no samples. */
export function truthAt(result: FlightResult, tS: number, out: MutableTruthState): MutableTruthState {
  const s = result.samples;
  const n = s.count;
  if (n === 0) throw new RangeError("truthAt: the flight was run without samples (sampleIntervalS <= 0)");
  out.id = result.id;
  out.kind = result.kind;
  out.timeS = tS;
  const P = s.posEcefM;
  const V = s.velEcefMps;
  if (n === 1 || tS <= s.timeS[0] || tS >= s.timeS[n - 1]) {
    const k = n === 1 || tS <= s.timeS[0] ? 0 : n - 1;
    for (let c = 0; c < 3; c++) {
      out.posEcefM[c] = P[3 * k + c];
      out.velEcefMps[c] = k === n - 1 && n > 1 && tS > s.timeS[n - 1] ? 0 : V[3 * k + c];
    }
    copyScalars(result, k, k, 0, out);
    out.phase =
      k === n - 1 && result.summary.impacted && tS >= s.timeS[n - 1] ? "impact" : phaseAt(result, tS);
    if (out.phase === "impact") out.airspeedMps = out.mach = out.thrustN = 0;
    return out;
  }
  const i = bracket(s.timeS, n, tS);
  const t0 = s.timeS[i];
  const h = s.timeS[i + 1] - t0;
  if (!(h > 0)) {
    for (let c = 0; c < 3; c++) {
      out.posEcefM[c] = P[3 * i + 3 + c];
      out.velEcefMps[c] = V[3 * i + 3 + c];
    }
    copyScalars(result, i + 1, i + 1, 0, out);
    out.phase = phaseAt(result, tS);
    return out;
  }
  const u = (tS - t0) / h;
  const u2 = u * u;
  const u3 = u2 * u;
  // Cubic Hermite basis and derivatives (per unit u).
  const h00 = 2 * u3 - 3 * u2 + 1;
  const h10 = u3 - 2 * u2 + u;
  const h01 = -2 * u3 + 3 * u2;
  const h11 = u3 - u2;
  const d00 = 6 * u2 - 6 * u;
  const d10 = 3 * u2 - 4 * u + 1;
  const d01 = -6 * u2 + 6 * u;
  const d11 = 3 * u2 - 2 * u;
  for (let c = 0; c < 3; c++) {
    const p0 = P[3 * i + c];
    const p1 = P[3 * i + 3 + c];
    const v0 = V[3 * i + c];
    const v1 = V[3 * i + 3 + c];
    out.posEcefM[c] = h00 * p0 + h10 * h * v0 + h01 * p1 + h11 * h * v1;
    out.velEcefMps[c] = (d00 * p0 + d01 * p1) / h + d10 * v0 + d11 * v1;
  }
  copyScalars(result, i, i + 1, u, out);
  out.phase = phaseAt(result, tS);
  return out;
}

function copyScalars(result: FlightResult, i: number, j: number, u: number, out: MutableTruthState): void {
  const s = result.samples;
  const lerp = (a: Float64Array) => a[i] + u * (a[j] - a[i]);
  out.massKg = lerp(s.massKg);
  out.altM = lerp(s.altM);
  out.mach = lerp(s.mach);
  out.thrustN = lerp(s.thrustN);
  out.surfaceTempK = lerp(s.surfaceTempK);
  const v = out.velEcefMps;
  out.airspeedMps = Math.hypot(v[0], v[1], v[2]);
}

/** Phase at tS from the phase intervals (the last interval starting at or before tS). */
export function phaseAt(result: FlightResult, tS: number): TruthState["phase"] {
  const ph = result.phases;
  for (let k = ph.length - 1; k > 0; k--) if (ph[k].startS <= tS) return ph[k].phase;
  return ph[0].phase;
}
