/**
 * Walker-delta constellations i:T/P/F (Walker, "Satellite constellations", J. British Interplanetary
 * Society 37, 1984, pp. 559-572): T satellites on circular orbits of equal altitude and inclination i,
 * in P planes whose ascending nodes are spread evenly over 360 degrees, S = T/P satellites per plane
 * spread evenly in argument of latitude, and adjacent planes offset in argument of latitude by
 * F * 360 / T degrees (0 <= F < P):
 *     RAAN_p = RAAN_0 + p 360/P,    u_{p,s} = u_0 + s 360/S + p F 360/T.
 *
 * Propagation: two-body circular motion in ECI (frame of date, see ./ephemeris.ts) plus the secular
 * J2 drift of the node and of the argument of latitude, Vallado, Fundamentals of Astrodynamics and
 * Applications, 4th ed., eq. 9-41, with e = 0 and p = a:
 *     dRAAN/dt = -3/2 n J2 (R/a)^2 cos i
 *     domega/dt = 3/4 n J2 (R/a)^2 (4 - 5 sin^2 i)
 *     dM/dt    = n [1 + 3/4 J2 (R/a)^2 (2 - 3 sin^2 i)]
 *     du/dt    = domega/dt + dM/dt,   n = sqrt(GM / a^3),
 * with a the mean semi-major axis, R = WGS-84 a, GM and J2 from src/earth/wgs84.ts. Short-periodic J2
 * terms (a few km in along-track position) and drag are ignored: positions are those of the mean orbit.
 */
import { WGS84_A_M, WGS84_GM_M3S2, WGS84_J2 } from "../../earth/wgs84.js";
import { eciToEcefAtAngleInto, SIDEREAL_RATE_RADS, type SatelliteEphemeris } from "./ephemeris.js";

export interface WalkerPattern {
  /** Altitude of the circular orbits above the WGS-84 equatorial radius, m (e.g. 1,000 km). */
  readonly altitudeM: number;
  /** Inclination, rad (0..pi). */
  readonly inclinationRad: number;
  /** Number of orbital planes P (>= 1). */
  readonly planes: number;
  /** Satellites per plane S (>= 1); T = P S. */
  readonly satellitesPerPlane: number;
  /** Walker phasing parameter F (integer, 0 <= F < P). */
  readonly phasing: number;
  /** RAAN of plane 0 at the epoch, rad (default 0). */
  readonly raanOffsetRad?: number;
  /** Argument of latitude of satellite 0 at the epoch, rad (default 0). */
  readonly argLatOffsetRad?: number;
}

/** A circular orbit at the scenario epoch. */
export interface CircularOrbit {
  readonly semiMajorAxisM: number;
  readonly inclinationRad: number;
  readonly raanRad: number;
  /** Argument of latitude u = omega + true anomaly at the epoch, rad. */
  readonly argLatRad: number;
}

export interface SecularRates {
  /** Unperturbed mean motion, rad/s. */
  readonly meanMotionRadS: number;
  readonly raanRateRadS: number;
  readonly argLatRateRadS: number;
}

/** Most satellites a pattern may have (work and memory stay bounded; large LEO layers have thousands). */
export const MAX_WALKER_SATELLITES = 100_000;

/** Walker-delta orbits, plane-major order (index = plane * S + slot). Throws RangeError on a bad pattern. */
export function walkerDeltaOrbits(p: WalkerPattern): CircularOrbit[] {
  const { planes: P, satellitesPerPlane: S, phasing: F } = p;
  if (!Number.isInteger(P) || P < 1)
    throw new RangeError(`walker: walker.planes must be a whole number >= 1, given ${P}`);
  if (!Number.isInteger(S) || S < 1)
    throw new RangeError(`walker: walker.satellitesPerPlane must be a whole number >= 1, given ${S}`);
  if (P * S > MAX_WALKER_SATELLITES)
    throw new RangeError(
      `walker: walker.planes x satellitesPerPlane must be at most ${MAX_WALKER_SATELLITES}, given ${P * S}`,
    );
  if (!Number.isInteger(F) || F < 0 || F >= P)
    throw new RangeError(`walker: walker.phasing must be a whole number in [0, ${P}), given ${F}`);
  if (!(p.altitudeM > 0) || !Number.isFinite(p.altitudeM))
    throw new RangeError(`walker: walker.altitudeM must be a finite number > 0, given ${p.altitudeM}`);
  if (!(p.inclinationRad >= 0 && p.inclinationRad <= Math.PI))
    throw new RangeError(`walker: walker.inclinationRad must be in [0, pi], given ${p.inclinationRad}`);
  for (const k of ["raanOffsetRad", "argLatOffsetRad"] as const) {
    const v = p[k];
    if (v !== undefined && !Number.isFinite(v))
      throw new RangeError(`walker: walker.${k} must be a finite number, given ${v}`);
  }
  const T = P * S;
  const a = WGS84_A_M + p.altitudeM;
  const out: CircularOrbit[] = [];
  for (let plane = 0; plane < P; plane++) {
    for (let slot = 0; slot < S; slot++) {
      out.push({
        semiMajorAxisM: a,
        inclinationRad: p.inclinationRad,
        raanRad: (p.raanOffsetRad ?? 0) + (2 * Math.PI * plane) / P,
        argLatRad: (p.argLatOffsetRad ?? 0) + (2 * Math.PI * slot) / S + (2 * Math.PI * plane * F) / T,
      });
    }
  }
  return out;
}

/** Secular rates of a circular orbit (Vallado eq. 9-41, e = 0); `j2 = 0` gives pure two-body motion. */
export function secularRates(a: number, inclinationRad: number, j2 = WGS84_J2): SecularRates {
  const n = Math.sqrt(WGS84_GM_M3S2 / (a * a * a));
  const k = j2 * (WGS84_A_M / a) ** 2;
  const s2 = Math.sin(inclinationRad) ** 2;
  const raanRate = -1.5 * n * k * Math.cos(inclinationRad);
  const argPerRate = 0.75 * n * k * (4 - 5 * s2);
  const meanAnomRate = n * (1 + 0.75 * k * (2 - 3 * s2));
  return { meanMotionRadS: n, raanRateRadS: raanRate, argLatRateRadS: argPerRate + meanAnomRate };
}

/**
 * ECI position and velocity of a circular orbit at `timeS`. Velocity includes the node drift
 * (dRAAN/dt z x r) as well as the along-track motion a du/dt.
 */
export function circularOrbitEciInto(
  orbit: CircularOrbit,
  rates: SecularRates,
  timeS: number,
  posOut: Float64Array,
  velOut: Float64Array,
): void {
  const a = orbit.semiMajorAxisM;
  const raan = orbit.raanRad + rates.raanRateRadS * timeS;
  const u = orbit.argLatRad + rates.argLatRateRadS * timeS;
  const cO = Math.cos(raan);
  const sO = Math.sin(raan);
  const cu = Math.cos(u);
  const su = Math.sin(u);
  const ci = Math.cos(orbit.inclinationRad);
  const si = Math.sin(orbit.inclinationRad);
  const x = a * (cO * cu - sO * su * ci);
  const y = a * (sO * cu + cO * su * ci);
  posOut[0] = x;
  posOut[1] = y;
  posOut[2] = a * su * si;
  const w = a * rates.argLatRateRadS;
  velOut[0] = w * (-cO * su - sO * cu * ci) - rates.raanRateRadS * y;
  velOut[1] = w * (-sO * su + cO * cu * ci) + rates.raanRateRadS * x;
  velOut[2] = w * cu * si;
}

export interface WalkerOptions {
  /** Greenwich mean sidereal angle at the scenario epoch, rad (src/earth/eci.ts gmstRad(epoch)). */
  readonly gmstAtEpochRad: number;
  /** Include the J2 secular drift (default true). */
  readonly j2?: boolean;
  /** Prefix of the satellite ids (default "sat"): ids are `${prefix}-${plane}-${slot}`, 1-based. */
  readonly idPrefix?: string;
}

/** A Walker-delta constellation as an ephemeris. */
export class WalkerConstellation implements SatelliteEphemeris {
  readonly orbits: readonly CircularOrbit[];
  readonly rates: SecularRates;
  readonly ids: readonly string[];
  readonly count: number;
  /** Satellite indices per orbital plane (all satellites of a plane stay in it: same node, same i). */
  readonly planes: readonly (readonly number[])[];
  private readonly gmst0: number;
  private readonly posEci = new Float64Array(3);
  private readonly velEci = new Float64Array(3);
  /** cos/sin of each satellite's epoch RAAN, argument of latitude and inclination (6 per satellite). */
  private readonly epochTrig: Float64Array;
  constructor(
    readonly pattern: WalkerPattern,
    options: WalkerOptions,
  ) {
    this.orbits = walkerDeltaOrbits(pattern);
    this.count = this.orbits.length;
    this.rates = secularRates(
      WGS84_A_M + pattern.altitudeM,
      pattern.inclinationRad,
      options.j2 === false ? 0 : WGS84_J2,
    );
    this.gmst0 = options.gmstAtEpochRad;
    const prefix = options.idPrefix ?? "sat";
    const S = pattern.satellitesPerPlane;
    this.ids = this.orbits.map((_, i) => `${prefix}-${Math.floor(i / S) + 1}-${(i % S) + 1}`);
    this.planes = Array.from({ length: pattern.planes }, (_, p) =>
      Array.from({ length: S }, (_, k) => p * S + k),
    );
    this.epochTrig = new Float64Array(6 * this.count);
    this.orbits.forEach((o, i) => {
      this.epochTrig.set(
        [
          Math.cos(o.raanRad),
          Math.sin(o.raanRad),
          Math.cos(o.argLatRad),
          Math.sin(o.argLatRad),
          Math.cos(o.inclinationRad),
          Math.sin(o.inclinationRad),
        ],
        6 * i,
      );
    });
  }
  positionVelocityEciInto(index: number, timeS: number, posOut: Float64Array, velOut: Float64Array): void {
    circularOrbitEciInto(this.orbits[index], this.rates, timeS, posOut, velOut);
  }
  positionVelocityEcefInto(index: number, timeS: number, posOut: Float64Array, velOut: Float64Array): void {
    circularOrbitEciInto(this.orbits[index], this.rates, timeS, this.posEci, this.velEci);
    eciToEcefAtAngleInto(
      this.posEci,
      this.velEci,
      this.gmst0 + SIDEREAL_RATE_RADS * timeS,
      SIDEREAL_RATE_RADS,
      posOut,
      velOut,
    );
  }

  /**
   * All satellites at once. Every satellite's node and argument of latitude advance by the same
   * angles (rates are common to the pattern), so cos/sin of the epoch angles are combined with those
   * of the common increments by the angle-addition formulas: three sine-cosine pairs per call instead
   * of three per satellite. Same result as `positionVelocityEcefInto` to rounding.
   */
  allPositionsVelocitiesEcefInto(timeS: number, posOut: Float64Array, velOut: Float64Array): void {
    const r = this.rates;
    const dO = r.raanRateRadS * timeS;
    const du = r.argLatRateRadS * timeS;
    const th = this.gmst0 + SIDEREAL_RATE_RADS * timeS;
    const cdO = Math.cos(dO);
    const sdO = Math.sin(dO);
    const cdu = Math.cos(du);
    const sdu = Math.sin(du);
    const ct = Math.cos(th);
    const st = Math.sin(th);
    const w = SIDEREAL_RATE_RADS;
    const e = this.epochTrig;
    for (let i = 0; i < this.count; i++) {
      const k = 6 * i;
      const a = this.orbits[i].semiMajorAxisM;
      const cO = e[k] * cdO - e[k + 1] * sdO;
      const sO = e[k + 1] * cdO + e[k] * sdO;
      const cu = e[k + 2] * cdu - e[k + 3] * sdu;
      const su = e[k + 3] * cdu + e[k + 2] * sdu;
      const ci = e[k + 4];
      const si = e[k + 5];
      const x = a * (cO * cu - sO * su * ci);
      const y = a * (sO * cu + cO * su * ci);
      const z = a * su * si;
      const wv = a * r.argLatRateRadS;
      const vx = wv * (-cO * su - sO * cu * ci) - r.raanRateRadS * y;
      const vy = wv * (-sO * su + cO * cu * ci) + r.raanRateRadS * x;
      const vz = wv * cu * si;
      // ECI -> ECEF (./ephemeris.ts eciToEcefAtAngleInto)
      const X = ct * x + st * y;
      const Y = -st * x + ct * y;
      const j = 3 * i;
      posOut[j] = X;
      posOut[j + 1] = Y;
      posOut[j + 2] = z;
      velOut[j] = ct * vx + st * vy + w * Y;
      velOut[j + 1] = -st * vx + ct * vy - w * X;
      velOut[j + 2] = vz;
    }
  }
}
