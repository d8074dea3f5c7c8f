/**
 * Geometry and detectability of one satellite-target pair, written plainly (allocating, with angles)
 * for analysis, coverage plots and tests. It restates the tests of the constellation's hot loop
 * (./irSensor.ts) independently, so the two can be checked against each other.
 */
import type { TruthState } from "../../flight/truth.js";
import type { IrConstellation } from "./irSensor.js";
import { fastNormalCdf } from "./normalCdf.js";
import { targetIntensityWPerSr } from "./signature.js";
import { slantTransmission } from "./transmission.js";

/** Geometry of one satellite-target pair (see ./irSensor.ts for the tests and their meaning). */
export interface IrGeometry {
  rangeM: number;
  offNadirRad: number;
  inFieldOfRegard: boolean;
  occluded: boolean;
  earthBackground: boolean;
  /** Intensity at the source, W/sr, and the transmission of the line of sight (./transmission.ts). */
  intensityWPerSr: number;
  transmission: number;
  /** Irradiance at the aperture (transmission included), W/m^2. */
  irradianceWPerM2: number;
  snr: number;
  pd: number;
}

export function irGeometry(c: IrConstellation, truth: TruthState, index: number, timeS: number): IrGeometry {
  c.updatePositions(timeS);
  const sensor = c.sensor;
  const k = 3 * index;
  const s = [c.satPos[k], c.satPos[k + 1], c.satPos[k + 2]];
  const p = truth.posEcefM;
  const d = [p[0] - s[0], p[1] - s[1], p[2] - s[2]];
  const range = Math.hypot(d[0], d[1], d[2]);
  const sn = Math.hypot(s[0], s[1], s[2]);
  const offNadir = Math.acos(
    Math.min(1, Math.max(-1, -(d[0] * s[0] + d[1] * s[1] + d[2] * s[2]) / (range * sn))),
  );
  // z scaled by a/b: the ellipsoid becomes a sphere of radius a; closest approach of the line s + tau d
  const { aM, bM } = c.earthShape;
  const Z_SCALE = aM / bM;
  const qs = [s[0], s[1], s[2] * Z_SCALE];
  const qd = [d[0], d[1], d[2] * Z_SCALE];
  const dd = qd[0] ** 2 + qd[1] ** 2 + qd[2] ** 2;
  const sd = qs[0] * qd[0] + qs[1] * qd[1] + qs[2] * qd[2];
  const tau = -sd / dd;
  const closest2 = qs[0] ** 2 + qs[1] ** 2 + qs[2] ** 2 - (sd * sd) / dd;
  const occluded = tau > 0 && tau < 1 && closest2 < aM * aM;
  const limb = aM + sensor.limbClutterAltM;
  const beyond2 = tau > 1 ? closest2 : p[0] ** 2 + p[1] ** 2 + (p[2] * Z_SCALE) ** 2;
  const earthBackground = beyond2 < limb * limb;
  const I =
    truth.phase === "impact" || truth.altM < 0 ? 0 : targetIntensityWPerSr(truth, c.radiance, c.signature);
  // cos(zenith) of the line of sight up from the target towards the satellite.
  const pn = Math.hypot(p[0], p[1], p[2]);
  const cosZenith = -(d[0] * p[0] + d[1] * p[1] + d[2] * p[2]) / (range * pn);
  const transmission =
    sensor.atmosphere === undefined ? 1 : slantTransmission(truth.altM, pn, cosZenith, sensor.atmosphere);
  const E = (I * transmission) / (range * range);
  const nei = sensor.neiSpaceWPerM2 * (earthBackground ? sensor.earthBackgroundFactor : 1);
  const snr = E / nei;
  const inFor = offNadir <= sensor.offNadirMaxRad && range <= sensor.maxRangeM;
  const pd =
    !inFor || occluded || snr < sensor.thresholdSnr - 5 ? 0 : fastNormalCdf(snr - sensor.thresholdSnr);
  return {
    rangeM: range,
    offNadirRad: offNadir,
    inFieldOfRegard: inFor,
    occluded,
    earthBackground,
    intensityWPerSr: I,
    transmission,
    irradianceWPerM2: E,
    snr,
    pd,
  };
}
