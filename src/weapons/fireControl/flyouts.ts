/**
 * Flyout tables built from the weapons' own flights (src/weapons/flight on the flight layer's
 * propagator: drag, gravity, the Earth model's shape and rotation), once per weapon model, Earth model
 * and launcher latitude (to the degree), and cached as the threat steering is.
 *
 * - A gun: rounds fired from a reference launcher at the battery's latitude, northwards, at elevations
 *   every `elevationStepRad` across the mount's range (from 0.25 deg up), each sampled every
 *   `sampleS` along its flight; flyoutTable.ts turns the family into the table (both branches, shortest
 *   time of flight).
 * - An interceptor: flights to each grid point (ground range, altitude) northwards, vertical rise then
 *   ZEM steering to the point at rest, stopped at its closest approach (PointApproachDetector); the
 *   point is in reach when a flight passes within `reachToleranceM` of it, within the envelope's
 *   longest time of flight and at or above its slowest arrival speed (a flight is also stopped once it
 *   has slowed below that speed). Trajectory shaping: while its motors burn the missile aims at the
 *   point raised by a loft (LOFTS_M, tried in turn), and at the point itself from burnout; the table
 *   keeps the first flight that reaches it, and its loft, which the engagement flies
 *   (engagement/rounds.ts). Flown straight at a low point, a glide-phase interceptor crosses the
 *   stratosphere's denser air and its kill vehicle, separated at burnout, slows below its floor (the
 *   notional GPI reached no point of the glide band between 75 and 250 km of ground range); a steeper
 *   boost takes it above that air (docs/models.md 10.6).
 * The reference azimuth makes the table's times of flight those of a northward shot; the Earth's
 * rotation changes them with azimuth by a fraction of a percent (the Eotvos effect), which the gun's
 * firing solution (firingSolution.ts) and the interceptors' guidance take out in flight.
 */
import { argError } from "../../math/check.js";
import { enuRotationInto } from "../../earth/enu.js";
import type { FlightEarthModel } from "../../flight/earthModel.js";
import { SpeedCrossing } from "../../flight/propagation/detectors.js";
import type { InterceptorDefinition, RailgunDefinition, WeaponDefinition } from "../definitions.js";
import { createInterceptorFlight } from "../flight/interceptor.js";
import { PointApproachDetector } from "../flight/forces.js";
import { createProjectileFlight } from "../flight/projectile.js";
import {
  checkFlyoutGrid,
  tableFromPoints,
  tableFromTrajectories,
  type FlyoutGrid,
  type FlyoutTable,
  type PointFlyout,
  type SampledTrajectory,
} from "./flyoutTable.js";
import { groundRangeM } from "./geometry.js";

const DEG = Math.PI / 180;
/** Most trajectories of a gun's table, and most samples of one (the work of a table stays bounded). */
const MAX_TRAJECTORIES = 10_000;
const MAX_SAMPLES = 1_000_000;

/** The reference launcher's latitude, in [-pi/2, pi/2] rad. */
function checkLatitude(fn: string, latRad: number): void {
  if (!(latRad >= -Math.PI / 2 && latRad <= Math.PI / 2))
    throw argError(fn, "latRad", "a latitude in [-pi/2, pi/2] rad", latRad);
}

export interface GunTableOptions {
  readonly grid?: FlyoutGrid;
  /** Elevation step of the trajectory family, rad (default 0.25 deg). */
  readonly elevationStepRad?: number;
  /** Sample interval along each trajectory, s (default 0.05). */
  readonly sampleS?: number;
}

export interface InterceptorTableOptions {
  readonly grid?: FlyoutGrid;
  /** Largest miss of the point at which it counts as reached, m (default 100). */
  readonly reachToleranceM?: number;
}

/** A reference launcher at latitude `latRad`, longitude 0, height 0, on `earth`. */
function referenceLauncher(earth: FlightEarthModel, latRad: number) {
  const posEcefM = new Float64Array(3);
  earth.ecefFromGeodeticInto(latRad, 0, 0, posEcefM);
  const rotEcefToEnu = enuRotationInto(latRad, 0, new Float64Array(9));
  return { posEcefM, velEcefMps: new Float64Array(3), rotEcefToEnu };
}

/** The default grid of a gun: 0 to the envelope's range and altitude, about 240 x 160 cells. */
export function defaultGunGrid(def: RailgunDefinition): FlyoutGrid {
  const e = def.envelope;
  const rangeStepM = Math.max(100, Math.ceil(e.maxRangeM / 240 / 50) * 50);
  const altStepM = Math.max(50, Math.ceil(e.maxInterceptAltitudeM / 160 / 50) * 50);
  return {
    rangeStepM,
    rangeCount: Math.ceil(e.maxRangeM / rangeStepM) + 1,
    altMinM: 0,
    altStepM,
    altCount: Math.ceil(e.maxInterceptAltitudeM / altStepM) + 1,
  };
}

/** The default grid of an interceptor: the envelope in about 40 x 30 points. */
export function defaultInterceptorGrid(def: InterceptorDefinition): FlyoutGrid {
  const e = def.envelope;
  const rangeStepM = Math.max(1000, Math.ceil(e.maxRangeM / 40 / 1000) * 1000);
  const altMinM = Math.floor(e.minInterceptAltitudeM / 1000) * 1000;
  const altStepM = Math.max(500, Math.ceil((e.maxInterceptAltitudeM - altMinM) / 30 / 500) * 500);
  return {
    rangeStepM,
    rangeCount: Math.ceil(e.maxRangeM / rangeStepM) + 1,
    altMinM,
    altStepM,
    altCount: Math.ceil((e.maxInterceptAltitudeM - altMinM) / altStepM) + 1,
  };
}

/** One round fired from the reference launcher at `elevationRad`, sampled (see the file comment). */
export function gunTrajectory(
  def: RailgunDefinition,
  earth: FlightEarthModel,
  latRad: number,
  elevationRad: number,
  sampleS: number,
): SampledTrajectory {
  const l = referenceLauncher(earth, latRad);
  const { flight } = createProjectileFlight({
    id: "table",
    definition: def,
    earth,
    startTimeS: 0,
    muzzle: l,
    azimuthRad: 0,
    elevationRad,
    maxFlightTimeS: def.envelope.maxTimeOfFlightS,
  });
  const n = Math.floor(def.envelope.maxTimeOfFlightS / sampleS) + 1;
  const tof = new Float64Array(n);
  const range = new Float64Array(n);
  const alt = new Float64Array(n);
  const speed = new Float64Array(n);
  const gamma = new Float64Array(n);
  const y = new Float64Array(7);
  let count = 0;
  for (let k = 0; k < n; k++) {
    const t = k * sampleS;
    flight.advanceTo(t);
    const tt = Math.min(t, flight.timeS);
    flight.stateAt(tt, y);
    const r = Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
    const v = Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]);
    tof[count] = tt;
    range[count] = groundRangeM(l.posEcefM, y);
    alt[count] = earth.altitudeM(y);
    speed[count] = v;
    gamma[count] = v > 0 ? Math.asin((y[0] * y[3] + y[1] * y[4] + y[2] * y[5]) / (r * v)) : 0;
    count++;
    if (flight.ended) break;
  }
  return { elevationRad, count, tofS: tof, rangeM: range, altM: alt, speedMps: speed, pathAngleRad: gamma };
}

/** A gun's flyout table (see the file comment). */
export function gunFlyoutTable(
  def: RailgunDefinition,
  earth: FlightEarthModel,
  latRad: number,
  options: GunTableOptions = {},
): FlyoutTable {
  const step = options.elevationStepRad ?? 0.25 * DEG;
  const sampleS = options.sampleS ?? 0.05;
  checkLatitude("gunFlyoutTable", latRad);
  const lo = Math.max(def.mount.elevationMinRad, 0.25 * DEG);
  const hi = def.mount.elevationMaxRad;
  // Bounded work: at most MAX_TRAJECTORIES rounds of at most MAX_SAMPLES samples each.
  if (!(step > 0 && Number.isFinite(step) && (hi - lo) / step <= MAX_TRAJECTORIES))
    throw argError(
      "gunFlyoutTable",
      "options.elevationStepRad",
      `a step > 0 giving at most ${MAX_TRAJECTORIES} trajectories`,
      step,
    );
  if (!(sampleS > 0 && Number.isFinite(sampleS) && def.envelope.maxTimeOfFlightS / sampleS <= MAX_SAMPLES))
    throw argError(
      "gunFlyoutTable",
      "options.sampleS",
      `an interval > 0 giving at most ${MAX_SAMPLES} samples a trajectory`,
      sampleS,
    );
  if (options.grid !== undefined) checkFlyoutGrid(options.grid);
  const trajectories: SampledTrajectory[] = [];
  for (let e = lo; e <= hi + 1e-12; e += step)
    trajectories.push(gunTrajectory(def, earth, latRad, Math.min(e, hi), sampleS));
  return tableFromTrajectories(trajectories, options.grid ?? defaultGunGrid(def));
}

/**
 * Lofts an interceptor's table tries, m, in this order (see the file comment). The smallest that
 * reaches the point is kept, not the fastest: a larger loft is faster (150 km at 62.7 km: 116 s
 * straight, 79 s with 60 km) but leaves the kill vehicle more to turn at burnout, and an engagement
 * flies a loft interpolated between grid points towards a point that moves with the track. Kept
 * fastest, the reference raid's GPIs saturated their 5 g of divert from burnout and missed its SRBMs by
 * 150-600 m on real tracks.
 */
export const LOFTS_M: readonly number[] = [
  0, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 40_000, 50_000, 60_000,
];

/**
 * An interceptor flown to the point at (rangeM, altM) north of the reference launcher with the smallest
 * of the lofts LOFTS_M that reaches it (see the file comment), or null when none does.
 */
export function interceptorPointFlyout(
  def: InterceptorDefinition,
  earth: FlightEarthModel,
  latRad: number,
  rangeM: number,
  altM: number,
  reachToleranceM = 100,
): PointFlyout | null {
  for (const loftM of LOFTS_M) {
    const f = interceptorLoftedFlyout(def, earth, latRad, rangeM, altM, loftM, reachToleranceM);
    if (f !== null) return f;
  }
  return null;
}

/**
 * One interceptor flown to the point at (rangeM, altM) north of the reference launcher, aiming `loftM`
 * above it while its motors burn, or null when it does not reach it.
 */
export function interceptorLoftedFlyout(
  def: InterceptorDefinition,
  earth: FlightEarthModel,
  latRad: number,
  rangeM: number,
  altM: number,
  loftM: number,
  reachToleranceM = 100,
): PointFlyout | null {
  const l = referenceLauncher(earth, latRad);
  // The point: ground range along the meridian through the launcher's latitude, at altM.
  const ra = Math.hypot(l.posEcefM[0], l.posEcefM[1], l.posEcefM[2]);
  const latP = latRad + rangeM / ra;
  if (latP > Math.PI / 2) return null;
  const P = new Float64Array(3);
  earth.ecefFromGeodeticInto(latP, 0, altM, P);
  const aim = new Float64Array(3);
  earth.ecefFromGeodeticInto(latP, 0, altM + loftM, aim);
  const det = new PointApproachDetector(P);
  const slow = new SpeedCrossing(def.envelope.minArrivalSpeedMps, -1, (f) => f.stop("stopped"));
  const { flight, midcourse, riseEndS, burnoutS } = createInterceptorFlight({
    id: "table",
    definition: def,
    earth,
    startTimeS: 0,
    launcherPosEcefM: l.posEcefM,
    launcherVelEcefMps: l.velEcefMps,
    detectors: [det, slow],
    maxFlightTimeS: def.envelope.maxTimeOfFlightS,
    historySteps: 1,
  });
  midcourse.setTarget(aim, [0, 0, 0], null, 0);
  flight.advanceTo(riseEndS);
  if (loftM !== 0) {
    // From burnout the point itself (the midcourse law is the flight's by then: the rise has ended).
    flight.advanceTo(burnoutS + 1e-6); // just past the separation, a scheduled time
    if (!flight.ended) flight.setTarget(P, [0, 0, 0], null, flight.timeS);
  }
  flight.advanceTo(Infinity);
  const y = flight.state;
  const miss = Math.hypot(y[0] - P[0], y[1] - P[1], y[2] - P[2]);
  const v = Math.hypot(y[3], y[4], y[5]);
  if (!(miss <= reachToleranceM) || v < def.envelope.minArrivalSpeedMps) return null;
  const r = Math.hypot(y[0], y[1], y[2]);
  return {
    tofS: flight.timeS,
    elevationRad: Math.PI / 2,
    speedMps: v,
    pathAngleRad: Math.asin((y[0] * y[3] + y[1] * y[4] + y[2] * y[5]) / (r * v)),
    loftM,
  };
}

/** An interceptor's flyout table (see the file comment). */
export function interceptorFlyoutTable(
  def: InterceptorDefinition,
  earth: FlightEarthModel,
  latRad: number,
  options: InterceptorTableOptions = {},
): FlyoutTable {
  const tol = options.reachToleranceM ?? 100;
  checkLatitude("interceptorFlyoutTable", latRad);
  if (!(tol > 0 && Number.isFinite(tol)))
    throw argError("interceptorFlyoutTable", "options.reachToleranceM", "a finite number > 0", tol);
  if (options.grid !== undefined) checkFlyoutGrid(options.grid);
  return tableFromPoints(options.grid ?? defaultInterceptorGrid(def), (s, h) =>
    interceptorPointFlyout(def, earth, latRad, s, h, tol),
  );
}

/**
 * Tables by weapon model, Earth model and launcher latitude (rounded to the degree): built on first use
 * by the weapon's own builder (its battery's: WeaponBattery.flyoutTable), shared by every battery of
 * that model (a campaign builds each once).
 */
export class FlyoutTableCache {
  private readonly tables = new WeakMap<
    WeaponDefinition,
    WeakMap<FlightEarthModel, Map<number, FlyoutTable>>
  >();

  /** The table of `def` over `earth` at latRad's degree, built by `build` the first time. */
  get<D extends WeaponDefinition>(
    def: D,
    earth: FlightEarthModel,
    latRad: number,
    build: (def: D, earth: FlightEarthModel, latRad: number) => FlyoutTable,
  ): FlyoutTable {
    let byEarth = this.tables.get(def);
    if (byEarth === undefined) {
      byEarth = new WeakMap();
      this.tables.set(def, byEarth);
    }
    let byLat = byEarth.get(earth);
    if (byLat === undefined) {
      byLat = new Map();
      byEarth.set(earth, byLat);
    }
    const latDeg = Math.round(latRad / DEG);
    let t = byLat.get(latDeg);
    if (t === undefined) {
      t = build(def, earth, latDeg * DEG);
      byLat.set(latDeg, t);
    }
    return t;
  }
}

/** The process-wide cache. */
export const defaultFlyoutTables = new FlyoutTableCache();
