/**
 * A ground- or ship-based radar: field of regard, instrumented range, masking by the effective Earth,
 * detection from the reference-form radar equation with Swerling statistics, revisit scheduling,
 * SNR-scaled measurement noise, optional false alarms. Produces `Detection`s with
 * z = [range, azimuth, elevation, range rate] exactly as src/sensors/detection.ts lays them out.
 *
 * Order of tests for each target (cheapest first, so most pairs cost a few multiplications):
 * instrumented and minimum range on the squared distance; elevation limits from the ENU up component;
 * azimuth sector by a dot product; the effective-Earth horizon; then SNR and Pd; one uniform draw
 * decides detection; four normal draws (range, azimuth, elevation, range rate, in that order) make
 * the measurement. A Detection is allocated only for a detection.
 *
 * Earth masking: the effective-Earth model of src/earth/visibility.ts (refraction replaced by
 * straight rays over a sphere of radius k R, R = 6,371 km, k = 4/3 by default; Skolnik, Introduction
 * to Radar Systems, 3rd ed., sec. 8.2). A target is visible when its slant range does not exceed
 * `radarHorizonRangeM(h_radar, h_target, k)`, the sum of the two tangent lengths
 * sqrt(2 k R h + h^2) - exactly the test of `isAboveRadarHorizon`, evaluated here from the geodetic
 * altitudes already at hand (the site's and the truth's `altM`) instead of recomputing them.
 * The elevation a detection reports is geometric (refraction assumed corrected by the radar); the
 * field-of-regard lower limit should therefore sit a little below 0 so the horizon, not the limit,
 * masks low targets (a target on the refracted horizon is at about -1 degree geometric elevation).
 *
 * Detection uses the mean SNR of the look and the target's Swerling case (../rcs.ts); measurement
 * noise uses the same mean SNR (./noise.ts), and the covariance a detection carries is the one its
 * noise was drawn from. Looks happen at firstLookS + k * revisitS: a call to `observe` at or after a
 * due time performs the look with the truths it is given and stamps it with the call's time.
 */
import { lookDue, nextLookAfter } from "../schedule.js";
import type { TruthState } from "../../flight/truth.js";
import type { Detection } from "../detection.js";
import type { Sensor } from "../sensor.js";
import { radarHorizonRangeM } from "../../earth/visibility.js";
import { MEAN_EARTH_RADIUS_M } from "../../earth/wgs84.js";
import { Float64Pool } from "../pool.js";
import { flattenRcsTable, NOTIONAL_RCS, rcsIndex, type RcsTable } from "../rcs.js";
import { poissonDraw, wrapPi, type SensorRandom } from "../stream.js";
import { radarSigmasInto, type RadarNoiseParams } from "./noise.js";
import { radarConstant, type RadarReference } from "./radarEquation.js";
import { makeSiteState, RadarSite, type SiteSpec, type SiteState } from "./site.js";
import { RadarMeasurementModel } from "../models/radar.js";
import { DetectionProbabilityCache, type SwerlingCase } from "./swerling.js";

const DEG = Math.PI / 180;

export interface FieldOfRegard {
  /** Centre of the azimuth sector, from north towards east, rad (ignored when all-round). */
  readonly azimuthCenterRad: number;
  /** Half-width of the azimuth sector, rad; pi (or more) means all-round. */
  readonly azimuthHalfWidthRad: number;
  /** Lowest geometric elevation, rad (slightly negative: see the file comment). */
  readonly elevationMinRad: number;
  /** Highest elevation, rad (pi/2 for no cone of silence). */
  readonly elevationMaxRad: number;
}

/** All-round coverage from 3 degrees below the horizontal to the zenith. */
export const ALL_ROUND: FieldOfRegard = {
  azimuthCenterRad: 0,
  azimuthHalfWidthRad: Math.PI,
  elevationMinRad: -3 * DEG,
  elevationMaxRad: Math.PI / 2,
};

/** Everything about a radar type except where it is (the catalog holds these). */
export interface RadarModel {
  readonly name: string;
  readonly description: string;
  /** Reference point of the radar equation (./radarEquation.ts). */
  readonly reference: RadarReference;
  /** False-alarm probability per resolution cell, in (0, 1). */
  readonly pfa: number;
  readonly noise: RadarNoiseParams;
  readonly fieldOfRegard: FieldOfRegard;
  /** Instrumented (maximum processed) range, m. */
  readonly instrumentedRangeM: number;
  /** Minimum range (eclipsing / blind zone), m. */
  readonly minimumRangeM: number;
  /** Interval between looks at the whole field of regard, s (> 0). */
  readonly revisitS: number;
  /** Effective-Earth factor k (4/3 standard atmosphere). */
  readonly kFactor: number;
  /** Delay from measurement to the tracker, s. */
  readonly latencyS: number;
  /** Mean number of false alarms per look (Poisson); 0 disables them. */
  readonly falseAlarmsPerLook: number;
  /** False alarms draw range rate uniformly in +-this, m/s. */
  readonly falseAlarmMaxRangeRateMps: number;
  /** Where the numbers come from, with labels ([S], [U], notional). */
  readonly sources: readonly string[];
}

export interface RadarConfig {
  /** Sensor id used in detections. */
  readonly id: string;
  readonly model: RadarModel;
  readonly site: SiteSpec;
  /** Overrides the model's field of regard (e.g. to point a sector radar). */
  readonly fieldOfRegard?: FieldOfRegard;
  /** Cross-section table (default ../rcs.ts NOTIONAL_RCS). */
  readonly rcs?: RcsTable;
  /**
   * Mean cross-section of particular threats after boost, m^2, by truth id (a scenario's inline vehicle
   * `rcs`); it replaces the table's value outside the boost phase and keeps the table's Swerling case.
   */
  readonly rcsOverridesM2?: ReadonlyMap<string, number>;
  /** Time of the first look, s (default 0). */
  readonly firstLookS?: number;
}

/** Geometry and detectability of one target, for analysis and tests (allocates). */
export interface RadarGeometry {
  rangeM: number;
  azimuthRad: number;
  elevationRad: number;
  rangeRateMps: number;
  inRange: boolean;
  inFieldOfRegard: boolean;
  aboveHorizon: boolean;
  /** Mean SNR (linear) and single-look Pd, whether or not the target is visible. */
  snr: number;
  pd: number;
  /** All three geometric conditions hold. */
  visible: boolean;
}

export class Radar implements Sensor {
  readonly kind = "radar" as const;
  readonly id: string;
  readonly model: RadarModel;
  readonly site: RadarSite;
  readonly fieldOfRegard: FieldOfRegard;
  /** Site state at the last look (reused). */
  readonly state: SiteState = makeSiteState();
  private nextLookS: number;
  private readonly firstLookS: number;
  private readonly radarConst: number;
  private readonly pd: DetectionProbabilityCache;
  private readonly rcsFlat: Float64Array;
  private readonly rcsOverrides: ReadonlyMap<string, number> | null;
  private readonly rMax2: number;
  private readonly rMin2: number;
  private readonly sinElMin: number;
  private readonly sinElMax: number;
  private readonly allRound: boolean;
  private readonly cosHalf: number;
  private readonly sinCenter: number;
  private readonly cosCenter: number;
  private readonly effRadius: number;
  private readonly sig = new Float64Array(4);
  private readonly pool = new Float64Pool();

  constructor(config: RadarConfig) {
    const m = config.model;
    if (!(m.revisitS > 0)) throw new RangeError(`radar ${config.id}: revisit must be > 0`);
    if (!(m.kFactor > 0)) throw new RangeError(`radar ${config.id}: k factor must be > 0`);
    this.id = config.id;
    this.model = m;
    this.site = new RadarSite(config.site);
    this.fieldOfRegard = config.fieldOfRegard ?? m.fieldOfRegard;
    this.firstLookS = config.firstLookS ?? 0;
    this.nextLookS = this.firstLookS;
    this.radarConst = radarConstant(m.reference);
    this.pd = new DetectionProbabilityCache(m.pfa);
    this.rcsFlat = flattenRcsTable(config.rcs ?? NOTIONAL_RCS);
    this.rcsOverrides = config.rcsOverridesM2 ?? null;
    this.rMax2 = m.instrumentedRangeM * m.instrumentedRangeM;
    this.rMin2 = m.minimumRangeM * m.minimumRangeM;
    const f = this.fieldOfRegard;
    this.sinElMin = Math.sin(f.elevationMinRad);
    this.sinElMax = f.elevationMaxRad >= Math.PI / 2 ? 2 : Math.sin(f.elevationMaxRad);
    this.allRound = f.azimuthHalfWidthRad >= Math.PI;
    this.cosHalf = Math.cos(f.azimuthHalfWidthRad);
    this.sinCenter = Math.sin(f.azimuthCenterRad);
    this.cosCenter = Math.cos(f.azimuthCenterRad);
    this.effRadius = m.kFactor * MEAN_EARTH_RADIUS_M;
  }

  /** Time of the next scheduled look, s. */
  get nextLookTimeS(): number {
    return this.nextLookS;
  }

  /** Delay from a look to its detections reaching the tracker, s. */
  get latencyS(): number {
    return this.model.latencyS;
  }

  /** Back to the state before the first look. */
  reset(): void {
    this.nextLookS = this.firstLookS;
    this.state.timeS = NaN;
  }

  /**
   * Looks if one is due at `timeS` (see the file comment), appending detections to `out`; returns `out`.
   * `truths` must all be at `timeS`.
   */
  /** Mean cross-section of a truth: its override after boost, else the table's (index ri). */
  private rcsOf(truth: TruthState, ri: number): number {
    const o = this.rcsOverrides;
    if (o === null || truth.phase === "boost") return this.rcsFlat[ri];
    return o.get(truth.id) ?? this.rcsFlat[ri];
  }

  observe(
    truths: readonly TruthState[],
    timeS: number,
    rng: SensorRandom,
    out: Detection[] = [],
  ): Detection[] {
    if (!lookDue(timeS, this.nextLookS)) return out;
    this.nextLookS = nextLookAfter(timeS, this.firstLookS, this.model.revisitS);
    return this.look(truths, timeS, rng, out);
  }

  /** One look at `timeS` regardless of the schedule. */
  look(truths: readonly TruthState[], timeS: number, rng: SensorRandom, out: Detection[] = []): Detection[] {
    const st = this.site.stateInto(timeS, this.state);
    const s = st.posEcefM;
    const sv = st.velEcefMps;
    const r = st.rotEcefToEnu;
    const sx = s[0];
    const sy = s[1];
    const sz = s[2];
    const kR = this.effRadius;
    const hs = st.altM > 0 ? st.altM : 0;
    const siteTangent = Math.sqrt(hs * (2 * kR + hs)); // tangent length, as radarHorizonRangeM
    let shared: SharedState | null = null;
    for (let i = 0; i < truths.length; i++) {
      const tr = truths[i];
      if (tr.phase === "impact") continue;
      const p = tr.posEcefM;
      const dx = p[0] - sx;
      const dy = p[1] - sy;
      const dz = p[2] - sz;
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 > this.rMax2 || d2 < this.rMin2) continue;
      const range = Math.sqrt(d2);
      const up = r[6] * dx + r[7] * dy + r[8] * dz;
      const sinEl = up / range;
      if (sinEl < this.sinElMin || sinEl > this.sinElMax) continue;
      const east = r[0] * dx + r[1] * dy + r[2] * dz;
      const north = r[3] * dx + r[4] * dy + r[5] * dz;
      if (!this.allRound) {
        const h = Math.sqrt(east * east + north * north);
        if (h > 0 && east * this.sinCenter + north * this.cosCenter < this.cosHalf * h) continue;
      }
      // effective-Earth horizon (src/earth/visibility.ts radarHorizonRangeM, inlined)
      const ht = tr.altM > 0 ? tr.altM : 0;
      if (range > siteTangent + Math.sqrt(ht * (2 * kR + ht))) continue;
      const ri = 2 * rcsIndex(tr.kind, tr.phase);
      const snr = (this.radarConst * this.rcsOf(tr, ri)) / (d2 * d2);
      const pd = this.pd.pdOf(snr, this.rcsFlat[ri + 1] as SwerlingCase);
      if (rng.uniform() >= pd) continue;
      // a detection: measurement with SNR-scaled noise
      const v = tr.velEcefMps;
      const rr = (dx * (v[0] - sv[0]) + dy * (v[1] - sv[1]) + dz * (v[2] - sv[2])) / range;
      const el = Math.asin(sinEl);
      const az = Math.atan2(east, north);
      const sg = radarSigmasInto(this.model.noise, snr, el, this.sig);
      // Four doubles: an ordinary typed array is stored inside V8's heap (up to 64 bytes), cheaper than
      // a pool view; R (16 doubles) comes from the pool.
      const z = new Float64Array(4);
      z[0] = range + sg[0] * rng.normal();
      z[1] = wrapPi(az + sg[1] * rng.normal());
      z[2] = el + sg[2] * rng.normal();
      z[3] = rr + sg[3] * rng.normal();
      shared ??= this.snapshot(st);
      out.push(this.makeDetection(timeS, z, sg, shared, snr, tr.id));
    }
    if (this.model.falseAlarmsPerLook > 0) this.falseAlarms(timeS, rng, out, shared ?? this.snapshot(st));
    return out;
  }

  private makeDetection(
    timeS: number,
    z: Float64Array,
    sg: Float64Array,
    sh: SharedState,
    snr: number,
    truthId: string | null,
  ): Detection {
    const R = this.pool.take(16);
    R[0] = sg[0] * sg[0];
    R[5] = sg[1] * sg[1];
    R[10] = sg[2] * sg[2];
    R[15] = sg[3] * sg[3];
    // The detection's own measurement model, referring to the shared site state and its R.
    const model = RadarMeasurementModel.sharing(sh.pos, sh.vel, sh.rot, R, 4);
    return {
      timeS,
      arrivalTimeS: timeS + this.model.latencyS,
      sensorId: this.id,
      kind: "radar",
      z,
      R,
      model,
      initiation: model,
      sensorPosEcefM: sh.pos,
      sensorVelEcefMps: sh.vel,
      rotEcefToLocal: sh.rot,
      snr,
      truthId,
    };
  }

  /**
   * Poisson-many false alarms, each uniform in range, in sector azimuth and in elevation (from
   * max(0, min elevation) to the maximum) separately (uniform in those cells, not in volume), and in range rate; their SNR is the detection
   * threshold -ln(Pfa) and their covariance the noise model's at that SNR.
   */
  private falseAlarms(timeS: number, rng: SensorRandom, out: Detection[], sh: SharedState): void {
    const n = poissonDraw(this.model.falseAlarmsPerLook, rng);
    const f = this.fieldOfRegard;
    const m = this.model;
    const snr = this.pd.threshold;
    const elLo = Math.max(0, f.elevationMinRad);
    for (let i = 0; i < n; i++) {
      const z = this.pool.take(4);
      z[0] = m.minimumRangeM + (m.instrumentedRangeM - m.minimumRangeM) * rng.uniform();
      const half = Math.min(f.azimuthHalfWidthRad, Math.PI);
      z[1] = wrapPi(f.azimuthCenterRad + half * (2 * rng.uniform() - 1));
      z[2] = elLo + (f.elevationMaxRad - elLo) * rng.uniform();
      z[3] = m.falseAlarmMaxRangeRateMps * (2 * rng.uniform() - 1);
      const sg = radarSigmasInto(m.noise, snr, z[2], this.sig);
      out.push(this.makeDetection(timeS, z, sg, sh, snr, null));
    }
  }

  /**
   * Copies of the site state for the detections of one look (shared by them; treat as read-only). A
   * fixed site's state never changes, so its copies are made once and shared by every look.
   */
  private snapshot(st: SiteState): SharedState {
    if (this.fixedSnapshot !== null) return this.fixedSnapshot;
    const sh = {
      pos: this.pool.copy(st.posEcefM),
      vel: this.pool.copy(st.velEcefMps),
      rot: this.pool.copy(st.rotEcefToEnu),
    };
    if (!this.site.moving) this.fixedSnapshot = sh;
    return sh;
  }
  private fixedSnapshot: SharedState | null = null;

  /** Geometry, SNR and Pd of one target at the site state for `timeS` (analysis helper; allocates). */
  geometry(truth: TruthState, timeS: number): RadarGeometry {
    const st = this.site.stateInto(timeS, this.state);
    const s = st.posEcefM;
    const r = st.rotEcefToEnu;
    const p = truth.posEcefM;
    const d = [p[0] - s[0], p[1] - s[1], p[2] - s[2]];
    const range = Math.hypot(d[0], d[1], d[2]);
    const east = r[0] * d[0] + r[1] * d[1] + r[2] * d[2];
    const north = r[3] * d[0] + r[4] * d[1] + r[5] * d[2];
    const up = r[6] * d[0] + r[7] * d[1] + r[8] * d[2];
    const v = truth.velEcefMps;
    const sv = st.velEcefMps;
    const rr = (d[0] * (v[0] - sv[0]) + d[1] * (v[1] - sv[1]) + d[2] * (v[2] - sv[2])) / range;
    const el = Math.asin(up / range);
    const az = Math.atan2(east, north);
    const f = this.fieldOfRegard;
    const inRange = range <= this.model.instrumentedRangeM && range >= this.model.minimumRangeM;
    const inAz = this.allRound || Math.abs(wrapPi(az - f.azimuthCenterRad)) <= f.azimuthHalfWidthRad;
    const inFor = inAz && el >= f.elevationMinRad && el <= f.elevationMaxRad;
    const aboveHorizon = range <= radarHorizonRangeM(st.altM, truth.altM, this.model.kFactor);
    const ri = 2 * rcsIndex(truth.kind, truth.phase);
    const snr = (this.radarConst * this.rcsOf(truth, ri)) / (range * range * range * range);
    const pd = this.pd.pdOf(snr, this.rcsFlat[ri + 1] as SwerlingCase);
    return {
      rangeM: range,
      azimuthRad: az,
      elevationRad: el,
      rangeRateMps: rr,
      inRange,
      inFieldOfRegard: inFor,
      aboveHorizon,
      snr,
      pd,
      visible: inRange && inFor && aboveHorizon,
    };
  }
}

interface SharedState {
  pos: Float64Array;
  vel: Float64Array;
  rot: Float64Array;
}
