/**
 * Per-threat summary of a flight: ground range (geodesic, launch to impact), apogee, time of flight,
 * maximum speed and Mach, glide altitude band, miss distance at impact.
 */
import { geodesicInverse } from "../earth/geodesic.js";
import type { FlightEarthModel } from "./earthModel.js";
import {
  PHASES,
  type FlightEvent,
  type FlightSamples,
  type FlightSummary,
  type PhaseInterval,
} from "./result.js";

const RAD_TO_DEG = 180 / Math.PI;

/**
 * Surface distance between two ECEF points on the model's Earth, m: the WGS-84 geodesic (Karney, via
 * src/earth/geodesic.ts) on the ellipsoid, the great circle of radius aM on the sphere (`earth: sphere`).
 */
export function surfaceDistanceM(
  earth: FlightEarthModel,
  aEcef: ArrayLike<number>,
  bEcef: ArrayLike<number>,
): number {
  if (earth.e2 === 0) {
    const ra = Math.hypot(aEcef[0], aEcef[1], aEcef[2]);
    const rb = Math.hypot(bEcef[0], bEcef[1], bEcef[2]);
    const c = (aEcef[0] * bEcef[0] + aEcef[1] * bEcef[1] + aEcef[2] * bEcef[2]) / (ra * rb);
    const cx = aEcef[1] * bEcef[2] - aEcef[2] * bEcef[1];
    const cy = aEcef[2] * bEcef[0] - aEcef[0] * bEcef[2];
    const cz = aEcef[0] * bEcef[1] - aEcef[1] * bEcef[0];
    return earth.aM * Math.atan2(Math.hypot(cx, cy, cz) / (ra * rb), c);
  }
  const ga = new Float64Array(3);
  const gb = new Float64Array(3);
  earth.geodeticInto(aEcef, ga);
  earth.geodeticInto(bEcef, gb);
  return geodesicInverse(ga[0] * RAD_TO_DEG, ga[1] * RAD_TO_DEG, gb[0] * RAD_TO_DEG, gb[1] * RAD_TO_DEG)
    .distanceM;
}

/** What the summary needs of a flight's set-up (a FlightPlan is one). */
export interface SummaryBasis {
  readonly startTimeS: number;
  /** Aimpoint at the start (null: free flight, no miss distance). */
  readonly targetEcef: ArrayLike<number> | null;
}

export function summarize(
  earth: FlightEarthModel,
  plan: SummaryBasis,
  events: readonly FlightEvent[],
  phases: readonly PhaseInterval[],
  samples: FlightSamples,
  impacted: boolean,
  finalTargetEcef: ArrayLike<number> | null,
): FlightSummary {
  const first = events[0].state;
  const last = events[events.length - 1];
  let apogee = -Infinity;
  let maxSpeed = 0;
  let maxMach = 0;
  for (const e of events) {
    apogee = Math.max(apogee, earth.altitudeM(e.state));
    const s = e.state;
    maxSpeed = Math.max(maxSpeed, Math.sqrt(s[3] * s[3] + s[4] * s[4] + s[5] * s[5]));
  }
  const glideIdx = PHASES.indexOf("glide");
  let gMin = Infinity;
  let gMax = -Infinity;
  const v = samples.velEcefMps;
  // Math.sqrt of the sum of squares, not Math.hypot: hypot's overflow guard costs about ten times as much,
  // and speeds are far from overflow.
  for (let i = 0; i < samples.count; i++) {
    apogee = Math.max(apogee, samples.altM[i]);
    const vx = v[3 * i];
    const vy = v[3 * i + 1];
    const vz = v[3 * i + 2];
    maxSpeed = Math.max(maxSpeed, Math.sqrt(vx * vx + vy * vy + vz * vz));
    maxMach = Math.max(maxMach, samples.mach[i]);
    if (samples.phase[i] === glideIdx) {
      gMin = Math.min(gMin, samples.altM[i]);
      gMax = Math.max(gMax, samples.altM[i]);
    }
  }
  const hasGlide = phases.some((p) => p.phase === "glide");
  const geo = new Float64Array(3);
  earth.geodeticInto(last.state, geo);
  return {
    groundRangeM: surfaceDistanceM(earth, first, last.state),
    apogeeAltM: apogee,
    timeOfFlightS: last.timeS - plan.startTimeS,
    maxSpeedMps: maxSpeed,
    maxMach,
    glideAltitudeBandM: hasGlide && gMin <= gMax ? { minM: gMin, maxM: gMax } : null,
    missDistanceM:
      plan.targetEcef !== null && finalTargetEcef !== null && impacted
        ? surfaceDistanceM(earth, last.state, finalTargetEcef)
        : NaN,
    impact: impacted ? { latRad: geo[0], lonRad: geo[1], altM: geo[2] } : null,
    impacted,
  };
}
