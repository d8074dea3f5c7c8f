/**
 * Satellites from two-line element sets, propagated with SGP4 by satellite.js 7.1.0.
 *
 * SGP4 returns positions in TEME (true equator, mean equinox of date). TEME is taken to ECEF by the
 * rotation through the IAU-82 Greenwich mean sidereal angle, r_ecef = R3(GMST) r_teme, which is the
 * transformation TEME -> PEF of Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753,
 * sec. "Coordinate frames"; polar motion (PEF -> ITRF, about 10 m) is neglected. The same GMST angle
 * (advanced at the sidereal rate from the epoch, ./ephemeris.ts) defines Raijin's ECI, so Walker and
 * TLE satellites share one frame. The equation-of-equinoxes difference between TEME and a true-of-date
 * frame (below 1.2 arc-seconds, tens of metres at LEO radius) is inside that approximation.
 */
import { sgp4, twoline2satrec, type SatRec } from "satellite.js";
import { eciToEcefAtAngleInto, SIDEREAL_RATE_RADS, type SatelliteEphemeris } from "./ephemeris.js";

export interface TleEntry {
  /** Optional name (line 0 of a three-line set); the id defaults to the catalog number. */
  readonly name?: string;
  readonly line1: string;
  readonly line2: string;
}

export interface TleOptions {
  /** Scenario epoch (UTC). */
  readonly epoch: Date;
  /** Greenwich mean sidereal angle at the epoch, rad (src/earth/eci.ts gmstRad(epoch)). */
  readonly gmstAtEpochRad: number;
}

/** Error raised when a TLE does not parse or SGP4 fails (decay, bad elements). */
export class TleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TleError";
  }
}

const JD_UNIX_EPOCH = 2440587.5;

export class TleConstellation implements SatelliteEphemeris {
  readonly ids: readonly string[];
  readonly count: number;
  private readonly satrecs: SatRec[];
  /** Minutes from each TLE's epoch to the scenario epoch. */
  private readonly minutesAtEpoch: Float64Array;
  private readonly gmst0: number;
  private readonly posTeme = new Float64Array(3);
  private readonly velTeme = new Float64Array(3);
  constructor(tles: readonly TleEntry[], options: TleOptions) {
    this.satrecs = tles.map((t, i) => {
      const label = `TLE ${i}${t.name ? ` (${t.name})` : ""}`;
      // Structure of the format (CelesTrak, "NORAD Two-Line Element Set Format"): 69 columns, line
      // numbers in column 1. satellite.js parses anything, so a garbled set would otherwise give NaNs.
      const ok1 = /^1 /.test(t.line1) && t.line1.trimEnd().length >= 68;
      const ok2 = /^2 /.test(t.line2) && t.line2.trimEnd().length >= 68;
      if (!ok1 || !ok2) throw new TleError(`${label}: not a two-line element set`);
      const rec = twoline2satrec(t.line1, t.line2);
      if (rec.error !== 0 || !(rec.no > 0) || !Number.isFinite(rec.jdsatepoch)) {
        throw new TleError(`${label}: elements do not parse (error ${rec.error})`);
      }
      return rec;
    });
    this.count = this.satrecs.length;
    this.ids = tles.map((t, i) => t.name?.trim() || this.satrecs[i].satnum.trim());
    const jdEpoch = options.epoch.getTime() / 86_400_000 + JD_UNIX_EPOCH;
    this.minutesAtEpoch = Float64Array.from(this.satrecs, (r) => (jdEpoch - r.jdsatepoch) * 1440);
    this.gmst0 = options.gmstAtEpochRad;
  }
  /** TEME position (m) and velocity (m/s) at `timeS`; throws TleError when SGP4 fails. */
  positionVelocityTemeInto(index: number, timeS: number, posOut: Float64Array, velOut: Float64Array): void {
    const pv = sgp4(this.satrecs[index], this.minutesAtEpoch[index] + timeS / 60);
    if (pv === null) throw new TleError(`SGP4 failed for ${this.ids[index]} at t = ${timeS} s`);
    posOut[0] = pv.position.x * 1000;
    posOut[1] = pv.position.y * 1000;
    posOut[2] = pv.position.z * 1000;
    velOut[0] = pv.velocity.x * 1000;
    velOut[1] = pv.velocity.y * 1000;
    velOut[2] = pv.velocity.z * 1000;
  }
  positionVelocityEcefInto(index: number, timeS: number, posOut: Float64Array, velOut: Float64Array): void {
    this.positionVelocityTemeInto(index, timeS, this.posTeme, this.velTeme);
    eciToEcefAtAngleInto(
      this.posTeme,
      this.velTeme,
      this.gmst0 + SIDEREAL_RATE_RADS * timeS,
      SIDEREAL_RATE_RADS,
      posOut,
      velOut,
    );
  }
}
