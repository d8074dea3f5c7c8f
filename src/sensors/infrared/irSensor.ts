/**
 * A constellation of space infrared sensors (one identical sensor per satellite) producing
 * angle-only line-of-sight detections, z = [alpha, beta] in the sensor frame defined in
 * src/sensors/detection.ts (x to nadir).
 *
 * Sensor frame rows (ECEF -> sensor): x = -r/|r| (nadir), z = (r x v)/|r x v| with the ECEF position
 * and velocity (the orbit normal, near enough), y = z x x (roughly along track). The LOS angles are
 * alpha = atan2(S_y, S_x), beta = asin(S_z) of the unit line of sight S.
 *
 * Per satellite-target pair, cheapest test first:
 * 1. plane cull (Walker planes, `SatelliteEphemeris.planes`): a target farther from a plane's great
 *    circle than the visibility angle of test 2 is out of view of every satellite of that plane;
 * 2. horizon prefilter: the geocentric angle between satellite and target must not exceed
 *    acos(b / r_sat) + acos(b / r_target) (b the polar radius, so the sphere test never rejects a
 *    pair the ellipsoid test would keep); it rejects most pairs with one dot product;
 * 3. range: the irradiance I / d^2 must reach (threshold - 5) NEI against the darkest background;
 * 4. field of regard: the off-nadir angle of the line of sight must not exceed `offNadirMaxRad`
 *    (squared dot products, no square root);
 * 5. Earth occlusion: the segment satellite-target must not pass through the Earth's ellipsoid
 *    (WGS-84, or the scenario's sphere: `earthShape`; z scaled by a/b turns the ellipsoid into a
 *    sphere of radius a; closest approach of the segment);
 * 6. background: the target is seen against the Earth when the line of sight continued beyond it
 *    meets the ellipsoid raised by `limbClutterAltM` (the bright limb counts as Earth background), else
 *    against space; the effective NEI is multiplied by `earthBackgroundFactor` against the Earth [U];
 * 7. detection: SNR = irradiance / NEI_eff; Pd = Phi(SNR - threshold), the probability that Gaussian
 *    noise of unit (NEI) standard deviation added to the signal crosses a threshold set `threshold`
 *    NEIs above the mean background (per-pixel false-alarm probability Phi(-threshold), 1e-9 at 6);
 *    Pd is taken as 0 below SNR = threshold - 5 (Pd < 3e-7). One uniform draw decides.
 * Then two normal draws (alpha, beta) make the measurement: the line-of-sight error is isotropic with
 * standard deviation sigma (`losNoiseRad`), so beta gets sigma and alpha sigma / cos(beta) (cos clamped
 * at 0.05); the covariance diag((sigma / cos beta)^2, sigma^2) is the one drawn from.
 *
 * Irradiance at the aperture: E = tau I / d^2 (W/m^2), I the intensity at the source from
 * ./signature.ts and tau the transmission of the sensor's band along the line of sight
 * (./transmission.ts: a target below the cloud top is not seen; water vapour attenuates by the air
 * mass of the path). The zenith transmission, the largest over every line of sight, is applied per
 * target before the satellite loop (so the range cut stays an upper bound); the slant part per pair,
 * only where the atmosphere above the target is not negligible (zenith optical depth above 1e-6) or
 * the line of sight starts downwards (it may graze lower). The aperture diameter is descriptive only
 * (the NEI already includes it).
 */
import { lookDue, nextLookAfter } from "../schedule.js";
import type { TruthState } from "../../flight/truth.js";
import type { Detection } from "../detection.js";
import type { Sensor } from "../sensor.js";
import { WGS84_A_M, WGS84_B_M } from "../../earth/wgs84.js";
import { Float64Pool } from "../pool.js";
import { wrapPi, type SensorRandom } from "../stream.js";
import { SIDEREAL_RATE_RADS, type SatelliteEphemeris } from "./ephemeris.js";
import { irGeometry, type IrGeometry } from "./irGeometry.js";
export type { IrGeometry } from "./irGeometry.js";
import { fastNormalCdf } from "./normalCdf.js";
import { LineOfSightMeasurementModel } from "../models/lineOfSight.js";
import {
  checkIrAtmosphere,
  slantOpticalDepth,
  verticalOpticalDepth,
  type IrAtmosphere,
} from "./transmission.js";
import {
  BandRadianceTable,
  NOTIONAL_SIGNATURE,
  targetIntensityWPerSr,
  type IrBand,
  type SignatureModel,
} from "./signature.js";

export interface IrSensorModel {
  readonly name: string;
  readonly description: string;
  /** Spectral band of the focal plane. */
  readonly band: IrBand;
  /** Aperture diameter, m (descriptive; the NEI includes it). */
  readonly apertureDiameterM: number;
  /** Noise-equivalent irradiance against a space background, W/m^2 (SNR 1 per frame). */
  readonly neiSpaceWPerM2: number;
  /** NEI multiplier for targets seen against the Earth or the limb (clutter), >= 1. */
  readonly earthBackgroundFactor: number;
  /** Height of the bright limb counted as Earth background, m. */
  readonly limbClutterAltM: number;
  /** Detection threshold in NEI units (SNR), e.g. 6. */
  readonly thresholdSnr: number;
  /** Field of regard: largest off-nadir angle of a line of sight, rad. */
  readonly offNadirMaxRad: number;
  /** Largest range processed, m (Infinity for none). */
  readonly maxRangeM: number;
  /** Frame (revisit) interval of every satellite, s. */
  readonly revisitS: number;
  /** One-sigma line-of-sight noise, rad (tens of microradians). */
  readonly losNoiseRad: number;
  /** Delay from measurement to the tracker, s. */
  readonly latencyS: number;
  /** Atmosphere between targets and the sensor in its band (./transmission.ts); none: a vacuum. */
  readonly atmosphere?: IrAtmosphere;
  readonly sources: readonly string[];
}

export interface IrConstellationConfig {
  /** Constellation id; each satellite's sensor id is `${id}/${satelliteId}`. */
  readonly id: string;
  readonly sensor: IrSensorModel;
  readonly ephemeris: SatelliteEphemeris;
  readonly signature?: SignatureModel;
  /** Time of the first frame, s (default 0). */
  readonly firstLookS?: number;
  /** The Earth's shape for occlusion, horizon and limb (the scenario's: equatorial and polar radii,
   *  m); default WGS-84. */
  readonly earthShape?: { readonly aM: number; readonly bM: number };
}

const MIN_COS_BETA = 0.05;
/** Packed target record: x, y, z (ECEF), z * a/b, zenith-attenuated intensity, range cut^2,
 *  |t| cos(alpha_t), |t| sin(alpha_t), zenith optical depth, altitude, |t|, and the square of the
 *  radius above which a grazing line of sight meets no water vapour to speak of. */
const TGT_STRIDE = 12;
/** Zenith optical depth below which the slant transmission is not computed (transmission > 0.999999). */
const THIN_ATMOSPHERE = 1e-6;
// Module-local copies: hot loops then read plain constants (some loaders turn imported bindings into getters).

export class IrConstellation implements Sensor {
  readonly kind = "infrared-constellation" as const;
  readonly id: string;
  readonly sensor: IrSensorModel;
  readonly ephemeris: SatelliteEphemeris;
  readonly signature: SignatureModel;
  readonly sensorIds: readonly string[];
  readonly radiance: BandRadianceTable;
  /** The Earth's shape used for occlusion, horizon and limb (equatorial and polar radii, m). */
  readonly earthShape: { readonly aM: number; readonly bM: number };
  /** Satellite positions and velocities (ECEF, 3 per satellite) at `positionsTimeS`. */
  readonly satPos: Float64Array;
  readonly satVel: Float64Array;
  positionsTimeS = NaN;
  private readonly satScaled: Float64Array;
  private readonly satNorm2: Float64Array;
  private readonly satNorm: Float64Array;
  private readonly satCos: Float64Array;
  private readonly satSin: Float64Array;
  /** Satellite groups (planes, or one group of all), and per group: unit plane normal (3), cos/sin of the largest alpha. */
  private readonly groups: readonly (readonly number[])[];
  private readonly planar: boolean;
  private readonly groupGeom: Float64Array;
  private readonly sharedBySat: (SharedSat | null)[];
  private nextLookS: number;
  private readonly firstLookS: number;
  private readonly cosOffNadir2: number;
  private readonly limbR2: number;
  private readonly neiEarth: number;
  private readonly atmosphere: IrAtmosphere | undefined;
  /** The Earth's shape: polar radius, a/b (z scaling that turns the ellipsoid into a sphere of
   *  radius a) and a^2. */
  private readonly bM: number;
  private readonly zScale: number;
  private readonly a2: number;
  /** Height above which even a grazing path has an optical depth below 1e-9, m. */
  private readonly thinAboveM: number;
  // per-look scratch, grown on demand: packed targets and their indices into `truths`
  private tgt = new Float64Array(32 * TGT_STRIDE);
  private active = new Int32Array(32);
  private readonly tmpP = new Float64Array(3);
  private readonly tmpV = new Float64Array(3);
  private readonly pool = new Float64Pool();

  constructor(config: IrConstellationConfig) {
    const s = config.sensor;
    if (!(s.revisitS > 0)) throw new RangeError(`infrared ${config.id}: revisit must be > 0`);
    if (!(s.offNadirMaxRad > 0 && s.offNadirMaxRad <= Math.PI / 2)) {
      throw new RangeError(`infrared ${config.id}: off-nadir limit must lie in (0, 90] deg`);
    }
    this.id = config.id;
    this.sensor = s;
    this.ephemeris = config.ephemeris;
    this.signature = config.signature ?? NOTIONAL_SIGNATURE;
    this.sensorIds = config.ephemeris.ids.map((x) => `${config.id}/${x}`);
    this.radiance = new BandRadianceTable(s.band);
    const n = config.ephemeris.count;
    this.satPos = new Float64Array(3 * n);
    this.satVel = new Float64Array(3 * n);
    this.satScaled = new Float64Array(3 * n);
    this.satNorm2 = new Float64Array(n);
    this.satNorm = new Float64Array(n);
    this.satCos = new Float64Array(n);
    this.satSin = new Float64Array(n);
    const planes = config.ephemeris.planes;
    this.planar = planes !== undefined && planes.length > 0;
    this.groups = this.planar
      ? (planes as readonly (readonly number[])[])
      : [Array.from({ length: n }, (_, i) => i)];
    this.groupGeom = new Float64Array(5 * this.groups.length);
    this.sharedBySat = new Array<SharedSat | null>(n).fill(null);
    this.firstLookS = config.firstLookS ?? 0;
    this.nextLookS = this.firstLookS;
    const c = Math.cos(s.offNadirMaxRad);
    this.cosOffNadir2 = c * c;
    const aM = config.earthShape?.aM ?? WGS84_A_M;
    this.bM = config.earthShape?.bM ?? WGS84_B_M;
    if (!(aM > 0 && this.bM > 0 && this.bM <= aM))
      throw new RangeError(`infrared ${config.id}: bad Earth shape`);
    this.earthShape = { aM, bM: this.bM };
    this.zScale = aM / this.bM;
    this.a2 = aM * aM;
    const rl = aM + s.limbClutterAltM;
    this.limbR2 = rl * rl;
    this.neiEarth = s.neiSpaceWPerM2 * s.earthBackgroundFactor;
    this.atmosphere = s.atmosphere === undefined ? undefined : checkIrAtmosphere(s.atmosphere);
    // 2 delta(h) sqrt(pi r / (2 H)) < 1e-9 above thinAboveM (r: the equatorial radius plus 100 km).
    const a = this.atmosphere;
    const grazing0 =
      a === undefined
        ? 0
        : 2 *
          a.opticalDepthPerMmWater *
          a.precipitableWaterM *
          1000 *
          Math.sqrt((Math.PI * (aM + 1e5)) / (2 * a.waterScaleHeightM));
    this.thinAboveM =
      a === undefined || grazing0 <= 1e-9
        ? 0
        : Math.max(a.cloudTopAltM, a.waterScaleHeightM * Math.log(grazing0 / 1e-9));
  }

  get nextLookTimeS(): number {
    return this.nextLookS;
  }

  /** Delay from a frame to its detections reaching the tracker, s. */
  get latencyS(): number {
    return this.sensor.latencyS;
  }

  reset(): void {
    this.nextLookS = this.firstLookS;
    this.positionsTimeS = NaN;
  }

  /** Satellite ECEF positions (and velocities) at `timeS` into `satPos`/`satVel`; cached per time. */
  updatePositions(timeS: number): void {
    if (this.positionsTimeS === timeS) return;
    const n = this.ephemeris.count;
    const eph = this.ephemeris;
    if (eph.allPositionsVelocitiesEcefInto)
      eph.allPositionsVelocitiesEcefInto(timeS, this.satPos, this.satVel);
    else {
      for (let i = 0; i < n; i++) {
        eph.positionVelocityEcefInto(i, timeS, this.tmpP, this.tmpV);
        this.satPos.set(this.tmpP, 3 * i);
        this.satVel.set(this.tmpV, 3 * i);
      }
    }
    const p = this.tmpP;
    for (let i = 0; i < n; i++) {
      const k = 3 * i;
      p[0] = this.satPos[k];
      p[1] = this.satPos[k + 1];
      p[2] = this.satPos[k + 2];
      this.satScaled[k] = p[0];
      this.satScaled[k + 1] = p[1];
      this.satScaled[k + 2] = p[2] * this.zScale;
      const n2 = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
      this.satNorm2[i] = n2;
      this.satNorm[i] = Math.sqrt(n2);
      const c = Math.min(1, this.bM / this.satNorm[i]);
      this.satCos[i] = c;
      this.satSin[i] = Math.sqrt(1 - c * c);
    }
    if (this.planar) {
      // Plane normal from the first satellite: r x v_inertial, v_inertial = v_ecef + omega x r
      // (ECEF axes); the largest alpha (smallest cos) of the plane's satellites bounds their view.
      const w = SIDEREAL_RATE_RADS;
      for (let g = 0; g < this.groups.length; g++) {
        const grp = this.groups[g];
        const k = 3 * grp[0];
        const rx = this.satPos[k];
        const ry = this.satPos[k + 1];
        const rz = this.satPos[k + 2];
        const vx = this.satVel[k] - w * ry;
        const vy = this.satVel[k + 1] + w * rx;
        const vz = this.satVel[k + 2];
        const nx = ry * vz - rz * vy;
        const ny = rz * vx - rx * vz;
        const nz = rx * vy - ry * vx;
        const nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
        let cMin = 1;
        for (const i of grp) cMin = Math.min(cMin, this.satCos[i]);
        const o = 5 * g;
        this.groupGeom[o] = nx / nn;
        this.groupGeom[o + 1] = ny / nn;
        this.groupGeom[o + 2] = nz / nn;
        this.groupGeom[o + 3] = cMin;
        this.groupGeom[o + 4] = Math.sqrt(1 - cMin * cMin);
      }
    }
    this.positionsTimeS = timeS;
  }

  /** Frames if one is due at `timeS` (as for radars), appending detections to `out`. */
  observe(
    truths: readonly TruthState[],
    timeS: number,
    rng: SensorRandom,
    out: Detection[] = [],
  ): Detection[] {
    if (!lookDue(timeS, this.nextLookS)) return out;
    this.nextLookS = nextLookAfter(timeS, this.firstLookS, this.sensor.revisitS);
    return this.look(truths, timeS, rng, out);
  }

  /** One frame of every satellite at `timeS`, regardless of the schedule. */
  look(truths: readonly TruthState[], timeS: number, rng: SensorRandom, out: Detection[] = []): Detection[] {
    this.updatePositions(timeS);
    const nt = truths.length;
    if (this.active.length < nt) {
      this.tgt = new Float64Array(2 * TGT_STRIDE * nt);
      this.active = new Int32Array(2 * nt);
    }
    const s = this.sensor;
    const minSnr = s.thresholdSnr - 5;
    const maxR2 = s.maxRangeM * s.maxRangeM;
    // Pack the targets this frame can possibly see into one array (stride TGT_STRIDE, see above).
    const tgt = this.tgt;
    const active = this.active;
    // Two passes. The first only reads each truth's phase, altitude and position: a short loop whose
    // iterations are independent, so the processor overlaps the memory accesses of many truths (the
    // truth objects of a step are usually scattered through the heap); the second, with the signature
    // model, then finds them in the cache.
    let nc = 0;
    for (let j = 0; j < nt; j++) {
      const tr = truths[j];
      if (tr.phase === "impact" || tr.altM < 0) continue;
      const p = tr.posEcefM;
      const o = TGT_STRIDE * nc;
      tgt[o] = p[0];
      tgt[o + 1] = p[1];
      tgt[o + 2] = p[2];
      active[nc++] = j;
    }
    let na = 0;
    const atm = this.atmosphere;
    // The Earth's shape in locals (read in the loops below).
    const bM = this.bM;
    const zScale = this.zScale;
    const A2 = this.a2;
    for (let c0 = 0; c0 < nc; c0++) {
      const j = active[c0];
      const altM = truths[j].altM;
      // Zenith optical depth: Infinity below the cloud top (hidden from every satellite).
      const delta0 = atm === undefined ? 0 : verticalOpticalDepth(altM, atm);
      if (delta0 === Infinity) continue;
      const I = targetIntensityWPerSr(truths[j], this.radiance, this.signature) * Math.exp(-delta0);
      if (!(I > 0)) continue;
      const from = TGT_STRIDE * c0;
      const o = TGT_STRIDE * na;
      const px = tgt[from];
      const py = tgt[from + 1];
      const pz = tgt[from + 2];
      tgt[o] = px;
      tgt[o + 1] = py;
      tgt[o + 2] = pz;
      tgt[o + 3] = pz * zScale;
      tgt[o + 4] = I;
      tgt[o + 5] = minSnr > 0 ? Math.min(maxR2, I / (s.neiSpaceWPerM2 * minSnr)) : maxR2;
      const tn = Math.sqrt(px * px + py * py + pz * pz);
      const c = Math.min(1, bM / tn);
      tgt[o + 6] = tn * c;
      tgt[o + 7] = tn * Math.sqrt(1 - c * c);
      tgt[o + 8] = delta0;
      tgt[o + 9] = altM;
      tgt[o + 10] = tn;
      const thinR = tn - altM + this.thinAboveM;
      tgt[o + 11] = thinR * thinR;
      active[na++] = j;
    }
    const cos2 = this.cosOffNadir2;
    const satPos = this.satPos;
    const satScaled = this.satScaled;
    const satNorm = this.satNorm;
    const satNorm2 = this.satNorm2;
    const satCos = this.satCos;
    const satSin = this.satSin;
    const limbR2 = this.limbR2;
    const neiEarth = this.neiEarth;
    const neiSpace = s.neiSpaceWPerM2;
    const threshold = s.thresholdSnr;
    const shared = this.sharedBySat;
    shared.fill(null);
    const groups = this.groups;
    const gg = this.groupGeom;
    const planar = this.planar;
    for (let g = 0; g < groups.length; g++) {
      const grp = groups[g];
      const go = 5 * g;
      for (let a = 0; a < na; a++) {
        const o = TGT_STRIDE * a;
        // The target's record in locals: the satellite loop below makes calls (random draws, detections)
        // across which the compiler cannot keep array loads, so they would be re-read for every satellite.
        const px = tgt[o];
        const py = tgt[o + 1];
        const pz = tgt[o + 2];
        const tz = tgt[o + 3];
        const I = tgt[o + 4];
        const rangeCut2 = tgt[o + 5];
        const tCos = tgt[o + 6];
        const tSin = tgt[o + 7];
        const delta0 = tgt[o + 8];
        if (planar) {
          // out of plane by more than alpha_s + alpha_t (if that is below 90 deg): hidden from the plane.
          // Scaled by |t|: |t.n| > |t| sin(alpha_s + alpha_t), cos(alpha_s + alpha_t) >= 0.
          const cg = gg[go + 3];
          const sg = gg[go + 4];
          const across = Math.abs(px * gg[go] + py * gg[go + 1] + pz * gg[go + 2]);
          if (cg * tCos - sg * tSin >= 0 && across > sg * tCos + cg * tSin) continue;
        }
        for (let m = 0; m < grp.length; m++) {
          const i = grp[m];
          const k = 3 * i;
          const sx = satPos[k];
          const sy = satPos[k + 1];
          const sz = satPos[k + 2];
          // horizon prefilter: s.t < |s||t| cos(alpha_s + alpha_t) means hidden
          const sN = satNorm[i];
          if (px * sx + py * sy + pz * sz < sN * (satCos[i] * tCos - satSin[i] * tSin)) continue;
          const dx = px - sx;
          const dy = py - sy;
          const dz = pz - sz;
          const d2 = dx * dx + dy * dy + dz * dz;
          if (d2 > rangeCut2) continue;
          // off-nadir: cos(angle between d and -s) >= cos(max)
          const ds = dx * sx + dy * sy + dz * sz;
          if (ds >= 0 || ds * ds < cos2 * d2 * satNorm2[i]) continue;
          // occlusion by the ellipsoid (z scaled: a sphere of radius a). Closest approach of the line
          // s + tau d to the centre at tau = -sd/dd, squared distance (q2 dd - sd^2)/dd: kept multiplied
          // through by dd > 0 so no division is needed.
          const qz = satScaled[k + 2];
          const q2 = sx * sx + sy * sy + qz * qz;
          const ez = tz - qz;
          const dd = dx * dx + dy * dy + ez * ez;
          const sd = dx * sx + dy * sy + ez * qz;
          const closestDd = q2 * dd - sd * sd;
          if (sd < 0 && -sd < dd && closestDd < A2 * dd) continue;
          // background: does the ray beyond the target (tau > 1) meet the (raised) Earth?
          const earthBack = -sd > dd ? closestDd < limbR2 * dd : px * px + py * py + tz * tz < limbR2;
          const nei = earthBack ? neiEarth : neiSpace;
          if (I < minSnr * d2 * nei) continue;
          // Slant transmission: cos(zenith) of the line of sight up from the target, -(d.t)/(|d||t|).
          let Ip = I;
          const dt = dx * px + dy * py + dz * pz;
          // Downward lines of sight matter only when their tangent radius, sqrt(|t|^2 - (d.t)^2/|d|^2),
          // is below the thin-atmosphere radius (compared squared and multiplied through by |d|^2).
          if (
            atm !== undefined &&
            (delta0 > THIN_ATMOSPHERE ||
              (dt > 0 && (px * px + py * py + pz * pz) * d2 - dt * dt < tgt[o + 11] * d2))
          ) {
            const tn = tgt[o + 10];
            const cz = -dt / (Math.sqrt(d2) * tn);
            const delta = slantOpticalDepth(delta0, tgt[o + 9], tn, cz, atm);
            Ip = I * Math.exp(delta0 - delta);
            if (Ip < minSnr * d2 * nei) continue;
          }
          const snr = Ip / (d2 * nei);
          if (rng.uniform() >= fastNormalCdf(snr - threshold)) continue;
          const sh = shared[i] ?? (shared[i] = this.sharedSat(i));
          out.push(this.detection(timeS, truths[active[a]].id, dx, dy, dz, d2, snr, i, sh, rng));
        }
      }
    }
    return out;
  }

  /** A line-of-sight detection of the target at offset (dx, dy, dz) from satellite `i`. */
  private detection(
    timeS: number,
    truthId: string,
    dx: number,
    dy: number,
    dz: number,
    d2: number,
    snr: number,
    i: number,
    shared: SharedSat,
    rng: SensorRandom,
  ): Detection {
    const rot = shared.rot;
    const inv = 1 / Math.sqrt(d2);
    const ux = dx * inv;
    const uy = dy * inv;
    const uz = dz * inv;
    const Sx = rot[0] * ux + rot[1] * uy + rot[2] * uz;
    const Sy = rot[3] * ux + rot[4] * uy + rot[5] * uz;
    let Sz = rot[6] * ux + rot[7] * uy + rot[8] * uz;
    Sz = Sz > 1 ? 1 : Sz < -1 ? -1 : Sz;
    const beta = Math.asin(Sz);
    const alpha = Math.atan2(Sy, Sx);
    const sb = this.sensor.losNoiseRad;
    // cos(beta) = sqrt(1 - Sz^2) for beta = asin(Sz) in [-pi/2, pi/2]: no trigonometric call.
    const sa = sb / Math.max(Math.sqrt(1 - Sz * Sz), MIN_COS_BETA);
    // Two and four doubles: ordinary typed arrays are stored inside V8's heap (up to 64 bytes), cheaper
    // to make than pool views.
    const z = new Float64Array(2);
    z[0] = wrapPi(alpha + sa * rng.normal());
    z[1] = beta + sb * rng.normal();
    const R = new Float64Array(4);
    R[0] = sa * sa;
    R[3] = sb * sb;
    // The detection's own measurement model, referring to the satellite's shared state and its R.
    const model = LineOfSightMeasurementModel.sharing(shared.pos, rot, R);
    return {
      timeS,
      arrivalTimeS: timeS + this.sensor.latencyS,
      sensorId: this.sensorIds[i],
      kind: "los",
      z,
      R,
      model,
      initiation: model,
      sensorPosEcefM: shared.pos,
      sensorVelEcefMps: shared.vel,
      rotEcefToLocal: rot,
      snr,
      truthId,
    };
  }

  /** Sensor frame of satellite `i` at the current positions (x nadir, z orbit normal), ECEF -> sensor. */
  sensorRotationInto(i: number, out9: Float64Array): Float64Array {
    const k = 3 * i;
    const px = this.satPos[k];
    const py = this.satPos[k + 1];
    const pz = this.satPos[k + 2];
    const vx = this.satVel[k];
    const vy = this.satVel[k + 1];
    const vz = this.satVel[k + 2];
    const rn = Math.sqrt(px * px + py * py + pz * pz);
    const xx = -px / rn;
    const xy = -py / rn;
    const xz = -pz / rn;
    let hx = py * vz - pz * vy;
    let hy = pz * vx - px * vz;
    let hz = px * vy - py * vx;
    const hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
    hx /= hn;
    hy /= hn;
    hz /= hn;
    out9[0] = xx;
    out9[1] = xy;
    out9[2] = xz;
    out9[3] = hy * xz - hz * xy;
    out9[4] = hz * xx - hx * xz;
    out9[5] = hx * xy - hy * xx;
    out9[6] = hx;
    out9[7] = hy;
    out9[8] = hz;
    return out9;
  }

  private sharedSat(i: number): SharedSat {
    const k = 3 * i;
    return {
      pos: this.pool.copy(this.satPos, k, 3),
      vel: this.pool.copy(this.satVel, k, 3),
      rot: this.sensorRotationInto(i, this.pool.take(9)),
    };
  }

  /** Geometry and detectability of `truth` from satellite `index` at `timeS` (analysis helper; allocates). */
  geometry(truth: TruthState, index: number, timeS: number): IrGeometry {
    return irGeometry(this, truth, index, timeS);
  }
}

interface SharedSat {
  pos: Float64Array;
  vel: Float64Array;
  rot: Float64Array;
}
