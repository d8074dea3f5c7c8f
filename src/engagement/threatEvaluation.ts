/**
 * Threat evaluation from a track alone: what the target is, which defended assets it puts at risk, and
 * how soon.
 *
 * Class, from the track's kinematics and the IMM's mode probabilities (src/tracking/predict/motion.ts,
 * with the lift a track once showed remembered by TrackMotionHistory):
 * - "ballistic": neither lift nor thrust; the ballistic impact prediction (predictImpact, the unscented
 *   transform through the ballistic model on the scenario's Earth) stands;
 * - "lifting": lift without thrust, a glider or a cruise missile: it does not fly ballistic, so the
 *   assets at risk are those inside its reachable glide footprint from its speed, altitude and heading
 *   (glideFootprint, src/tracking/predict/footprint.ts);
 * - "boosting": thrust (a rocket in boost, or a cruise missile's sustainer): neither prediction holds
 *   while it burns. A slow thrusting track (below Mach 3) is not assessed; a fast one is taken as a
 *   cruise missile and given its glide footprint (a sustainer only extends it, which the Kuchemann
 *   L/D bound of the footprint over-covers).
 *
 * Assets at risk:
 * - ballistic: an asset whose centre lies within its own radius, the warhead's damage radius and three
 *   standard deviations of the impact ellipse's major axis from the predicted impact point; its time to
 *   go is the predicted impact time less now;
 * - lifting: an asset inside the footprint; its time to go is the great-circle distance over the
 *   track's ground speed (a glider only slows, so this is a lower bound).
 * The threat's value is that of the most valuable asset at risk (a warhead destroys one); assets are
 * listed by time to go, then by value.
 */
import type { EarthModel } from "../earth/model.js";
import { argError, finiteArg, integerArg, nonNegativeArg, rangeArg } from "../math/check.js";
import { checkState } from "../tracking/filters/checks.js";
import { glideFootprint } from "../tracking/predict/footprint.js";
import { predictImpact } from "../tracking/predict/impactPoint.js";
import type { MotionAssessment } from "../tracking/predict/motion.js";
import type { BallisticModel } from "../tracking/models/transition/ballistic.js";
import type { GaussianState } from "../tracking/types.js";

/**
 * Radius around an impact point within which a threat's warhead destroys a defended asset's
 * installations, m [N]: a conventional unitary warhead of a few hundred kilograms against soft
 * structures (blast overpressure of a few psi reaches about this far). An impact hits an asset when it
 * lands within the asset's own radius plus this.
 */
export const WARHEAD_DAMAGE_RADIUS_M = 500;

/** Below this speed a thrusting track is not taken for a cruise missile (a boosting rocket), m/s. */
export const CRUISE_MIN_SPEED_MPS = 1000;

export type ThreatClass = "ballistic" | "lifting" | "boosting";

/** A defended asset as the defence knows it. */
export interface DefendedAsset {
  readonly id: string;
  readonly latDeg: number;
  readonly lonDeg: number;
  readonly value: number;
  /** Radius of the defended area, m. */
  readonly radiusM: number;
}

export interface AssetAtRisk {
  readonly assetId: string;
  readonly value: number;
  /** Time until the threat can reach it, s (predicted impact, or distance over ground speed). */
  readonly timeToGoS: number;
  /** Distance from the predicted impact point (ballistic) or from the track's ground point (lifting), m. */
  readonly distanceM: number;
}

export interface ThreatAssessment {
  readonly trackId: string;
  readonly timeS: number;
  readonly threatClass: ThreatClass;
  /** Why the class (the motion check's reasons; empty for ballistic). */
  readonly reasons: readonly string[];
  /** Predicted impact (ballistic class only). */
  readonly impact: {
    readonly timeS: number;
    readonly latDeg: number;
    readonly lonDeg: number;
    readonly majorSigmaM: number;
    readonly reliable: boolean;
  } | null;
  /** The footprint's reach ahead, m (lifting class only). */
  readonly footprintDownrangeM: number | null;
  /** Assets at risk, soonest first (then most valuable). */
  readonly assets: readonly AssetAtRisk[];
  /** Value of the most valuable asset at risk (0: none). */
  readonly value: number;
  /** Smallest time to go over the assets at risk (Infinity: none). */
  readonly timeToGoS: number;
  /** The predicted impact time (ballistic) or now plus the time to go to the most valuable asset at risk (lifting), s; NaN when unknown. */
  readonly impactTimeS: number;
}

export interface ThreatEvaluationOptions {
  readonly earth: EarthModel;
  /** The ballistic model the impact is predicted with (the scenario's Earth). */
  readonly ballisticModel: BallisticModel;
  /** Index of the drag parameter kappa in the track's state, or -1. */
  readonly kappaIndex: number;
}

const D2R = Math.PI / 180;
/** Mean Earth radius for distances between assets and ground points, m (within 0.5 % of the ellipsoid). */
const R_EARTH_M = 6_371_000;

/**
 * Defended assets' numbers (latitude in [-90, 90] deg, longitude finite, value and radius finite and
 * >= 0), each refused with a RangeError naming it (`assets[1].radiusM`).
 */
export function checkDefendedAssets(fn: string, assets: readonly DefendedAsset[]): void {
  assets.forEach((a, i) => {
    if (typeof a !== "object" || a === null || typeof a.id !== "string")
      throw argError(fn, `assets[${i}]`, "an asset { id, latDeg, lonDeg, value, radiusM }", a);
    rangeArg(fn, `assets[${i}].latDeg`, a.latDeg, -90, 90, "deg");
    finiteArg(fn, `assets[${i}].lonDeg`, a.lonDeg);
    nonNegativeArg(fn, `assets[${i}].value`, a.value);
    nonNegativeArg(fn, `assets[${i}].radiusM`, a.radiusM);
  });
}

/** Great-circle distance (haversine), m; a RangeError names a latitude outside [-90, 90] deg or a
 *  longitude that is not finite. */
export function groundDistanceM(lat1Deg: number, lon1Deg: number, lat2Deg: number, lon2Deg: number): number {
  if (!(lat1Deg >= -90 && lat1Deg <= 90 && lat2Deg >= -90 && lat2Deg <= 90))
    throw !(lat1Deg >= -90 && lat1Deg <= 90)
      ? argError("groundDistanceM", "lat1Deg", "a latitude in [-90, 90] deg", lat1Deg)
      : argError("groundDistanceM", "lat2Deg", "a latitude in [-90, 90] deg", lat2Deg);
  if (!Number.isFinite(lon1Deg)) throw argError("groundDistanceM", "lon1Deg", "a finite longitude", lon1Deg);
  if (!Number.isFinite(lon2Deg)) throw argError("groundDistanceM", "lon2Deg", "a finite longitude", lon2Deg);
  const p1 = lat1Deg * D2R;
  const p2 = lat2Deg * D2R;
  const dp = p2 - p1;
  const dl = (lon2Deg - lon1Deg) * D2R;
  const a = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * R_EARTH_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

function classOf(m: MotionAssessment, speedMps: number): ThreatClass {
  if (m.thrusting) return speedMps >= CRUISE_MIN_SPEED_MPS ? "lifting" : "boosting";
  if (m.lifting || m.manoeuvring) return "lifting";
  return "ballistic";
}

function sortAssets(list: AssetAtRisk[]): AssetAtRisk[] {
  return list.sort(
    (a, b) => a.timeToGoS - b.timeToGoS || b.value - a.value || (a.assetId < b.assetId ? -1 : 1),
  );
}

/**
 * Evaluates one track (see the file comment). A RangeError names a state that is not finite (position
 * and velocity at least), a bad asset or a kappa index outside the state; the motion assessment's
 * flags are read as they are (assessTrackMotion checks what it is given).
 */
export function evaluateThreat(
  trackId: string,
  state: Readonly<GaussianState>,
  motion: MotionAssessment,
  assets: readonly DefendedAsset[],
  o: ThreatEvaluationOptions,
): ThreatAssessment {
  const fn = "evaluateThreat";
  if (!(state?.x?.length >= 6))
    throw argError(fn, "state", "a Gaussian state with position and velocity", state);
  checkState(fn, "state", state as GaussianState, state.x.length);
  checkDefendedAssets(fn, assets);
  integerArg(fn, "o.kappaIndex", o.kappaIndex, -1, state.x.length - 1);
  const x = state.x;
  const speed = Math.hypot(x[3], x[4], x[5]);
  const threatClass = classOf(motion, speed);
  const now = state.timeS;
  const geo = o.earth.geodeticInto(x, new Float64Array(3));
  const latDeg = geo[0] / D2R;
  const lonDeg = geo[1] / D2R;
  const base = { trackId, timeS: now, threatClass, reasons: motion.reasons };
  if (threatClass === "ballistic") {
    let p = null;
    try {
      p = predictImpact(state as GaussianState, {
        model: o.ballisticModel,
        ...(o.kappaIndex >= 0 ? { kappaIndex: o.kappaIndex } : { kappaIndex: -1 }),
        maxTimeS: 3600,
      });
    } catch (e) {
      // An ill-conditioned track has no prediction this cycle (the tracker repairs or drops it).
      if (!(e instanceof RangeError)) throw e;
    }
    if (p === null)
      return {
        ...base,
        impact: null,
        footprintDownrangeM: null,
        assets: [],
        value: 0,
        timeToGoS: Infinity,
        impactTimeS: NaN,
      };
    const list: AssetAtRisk[] = [];
    for (const a of assets) {
      const d = groundDistanceM(p.latDeg, p.lonDeg, a.latDeg, a.lonDeg);
      if (d <= a.radiusM + WARHEAD_DAMAGE_RADIUS_M + 3 * p.majorSigmaM)
        list.push({ assetId: a.id, value: a.value, timeToGoS: p.timeS - now, distanceM: d });
    }
    sortAssets(list);
    return {
      ...base,
      impact: {
        timeS: p.timeS,
        latDeg: p.latDeg,
        lonDeg: p.lonDeg,
        majorSigmaM: p.majorSigmaM,
        reliable: p.reliable,
      },
      footprintDownrangeM: null,
      assets: list,
      value: list.reduce((v, a) => Math.max(v, a.value), 0),
      timeToGoS: list.length > 0 ? list[0].timeToGoS : Infinity,
      impactTimeS: p.timeS,
    };
  }
  if (threatClass === "boosting")
    return {
      ...base,
      impact: null,
      footprintDownrangeM: null,
      assets: [],
      value: 0,
      timeToGoS: Infinity,
      impactTimeS: NaN,
    };
  // Lifting: the reachable footprint.
  let fp = null;
  try {
    fp = glideFootprint(state as GaussianState, { earth: o.earth });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const up = [x[0], x[1], x[2]];
  const r = Math.hypot(up[0], up[1], up[2]);
  const vUp = (x[3] * up[0] + x[4] * up[1] + x[5] * up[2]) / r;
  const ground = Math.sqrt(Math.max(1, speed * speed - vUp * vUp));
  const list: AssetAtRisk[] = [];
  if (fp !== null)
    for (const a of assets) {
      const d = groundDistanceM(latDeg, lonDeg, a.latDeg, a.lonDeg);
      if (d <= a.radiusM + WARHEAD_DAMAGE_RADIUS_M || fp.contains(a.latDeg, a.lonDeg))
        list.push({ assetId: a.id, value: a.value, timeToGoS: d / ground, distanceM: d });
    }
  sortAssets(list);
  let best: AssetAtRisk | null = null;
  for (const a of list) if (best === null || a.value > best.value) best = a;
  return {
    ...base,
    impact: null,
    footprintDownrangeM: fp?.maxDownrangeM ?? null,
    assets: list,
    value: best?.value ?? 0,
    timeToGoS: list.length > 0 ? list[0].timeToGoS : Infinity,
    impactTimeS: best === null ? NaN : now + best.timeToGoS,
  };
}
