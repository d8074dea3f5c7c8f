/**
 * The notional sensor catalog: radar types and infrared constellations by public name.
 * Every number is notional and labelled: [S] secondary public source (press, reports quoted by
 * others), [U] commonly quoted or unconfirmed, [N] our own choice made to be plausible and
 * self-consistent. None of these describes the performance of a real system.
 */
import { ALL_ROUND, type RadarModel } from "./radar/radar.js";
import { MWIR_BAND } from "./infrared/signature.js";
import { NOTIONAL_MWIR_ATMOSPHERE } from "./infrared/transmission.js";
import type { IrSensorModel } from "./infrared/irSensor.js";
import type { WalkerPattern } from "./infrared/walker.js";

const DEG = Math.PI / 180;

/**
 * S-band ship radar, SPY-6(V)1-class in spirit.
 * - Band: S (2-4 GHz); SPY-6 is an S-band AESA [S] (US Navy fact file "AN/SPY-6(V) Air and Missile
 *   Defense Radar"). Wavelength 9 cm [N].
 * - Sensitivity: SPY-6(V)1 is described as "more than 30 times" as sensitive as SPY-1D(V) and able to
 *   see targets "half the size at twice the distance" (Raytheon and US Navy press, 2016-2022) [S].
 *   Ranges of SPY-1 of roughly 300 km against aircraft-sized targets are often quoted [U]; 30x
 *   sensitivity is 30^(1/4) = 2.34x range, hence the reference point 1 m^2 at 13 dB SNR at 700 km [N].
 * - Array face about 4.3 m (14 ft), built from 37 radar modular assemblies of 0.6 m [S]: beamwidth lambda / D ~ 1.2 deg.
 * - Four faces: all-round field of regard. Bandwidth 20 MHz (7.5 m resolution), dwell 10 ms [N].
 */
const NOTIONAL_S_BAND: RadarModel = {
  name: "notional-s-band",
  description: "Notional S-band multifunction ship radar (SPY-6(V)1-class in spirit)",
  reference: { referenceRangeM: 700e3, referenceRcsM2: 1, referenceSnrDb: 13 },
  pfa: 1e-6,
  noise: {
    bandwidthHz: 20e6,
    beamwidthRad: 0.09 / 4.3,
    monopulseSlope: 1.6,
    wavelengthM: 0.09,
    dwellTimeS: 0.01,
    rangeFloorM: 5,
    angleFloorRad: 2e-4,
    rangeRateFloorMps: 0.5,
  },
  fieldOfRegard: ALL_ROUND,
  instrumentedRangeM: 1_000e3,
  minimumRangeM: 1e3,
  revisitS: 1,
  kFactor: 4 / 3,
  latencyS: 0.2,
  falseAlarmsPerLook: 0,
  falseAlarmMaxRangeRateMps: 8000,
  sources: [
    "[S] US Navy fact file, AN/SPY-6(V) Air and Missile Defense Radar: S-band, 37 RMAs per face (SPY-6(V)1)",
    "[S] Raytheon press: >30x SPY-1D(V) sensitivity, 'half the size at twice the distance'",
    "[U] SPY-1 ~300 km against aircraft-size targets; [N] reference 1 m^2 at 13 dB at 700 km",
  ],
};

/**
 * X-band forward-based radar, AN/TPY-2-class in spirit.
 * - X band (~10 GHz, 3 cm); aperture about 9.2 m^2 [U] (docs/sources.md): ~3 m square, beamwidth
 *   lambda / D ~ 0.57 deg.
 * - Range: the National Academies report "Making Sense of Ballistic Missile Defense" (NRC 2012)
 *   implies about 1,500 km against ballistic targets [S]; Lewis and Postol ("The astonishing National
 *   Academy of Sciences missile defense report", Bulletin of the Atomic Scientists, 20 Sept 2012)
 *   dispute it as optimistic [S]. We take 0.05 m^2 (a reentry vehicle) at 13 dB SNR at 1,200 km [N]:
 *   single-look Pd 0.5 (Swerling III) near 1,270 km and Pd 0.9 near 940 km, between the two.
 * - Sector field of regard +-60 deg in azimuth (point it with the scenario's boresight), -2 to 85 deg
 *   in elevation [N]; wideband 300 MHz (0.5 m resolution) for discrimination [N].
 */
const NOTIONAL_X_BAND: RadarModel = {
  name: "notional-x-band",
  description: "Notional X-band forward-based radar (AN/TPY-2-class in spirit)",
  reference: { referenceRangeM: 1_200e3, referenceRcsM2: 0.05, referenceSnrDb: 13 },
  pfa: 1e-6,
  noise: {
    bandwidthHz: 300e6,
    beamwidthRad: 0.03 / 3.03,
    monopulseSlope: 1.6,
    wavelengthM: 0.03,
    dwellTimeS: 0.02,
    rangeFloorM: 2,
    angleFloorRad: 1e-4,
    rangeRateFloorMps: 0.2,
  },
  fieldOfRegard: {
    azimuthCenterRad: 0,
    azimuthHalfWidthRad: 60 * DEG,
    elevationMinRad: -2 * DEG,
    elevationMaxRad: 85 * DEG,
  },
  instrumentedRangeM: 2_000e3,
  minimumRangeM: 2e3,
  revisitS: 1,
  kFactor: 4 / 3,
  latencyS: 0.2,
  falseAlarmsPerLook: 0,
  falseAlarmMaxRangeRateMps: 8000,
  sources: [
    "[S] NRC 2012, Making Sense of Ballistic Missile Defense: ~1,500 km against ballistic targets (implied)",
    "[S] Lewis & Postol, Bulletin of the Atomic Scientists, 20 Sept 2012: disputes the NRC range as optimistic",
    "[U] aperture ~9.2 m^2; [N] reference 0.05 m^2 at 13 dB at 1,200 km",
  ],
};

export const RADAR_CATALOG: Readonly<Record<string, RadarModel>> = {
  "notional-s-band": NOTIONAL_S_BAND,
  "notional-x-band": NOTIONAL_X_BAND,
};

/** A catalog infrared constellation: the sensor on every satellite and the Walker pattern. */
export interface IrConstellationModel {
  readonly sensor: IrSensorModel;
  readonly walker: WalkerPattern;
  readonly sources: readonly string[];
}

/**
 * Tracking-layer sensor (wide field of view, MWIR).
 * - Band 3-5 um: MWIR holds the 4.3 um CO2 plume band and the band of a 1,000-2,000 K glide body's
 *   peak (Wien: 1.4-2.9 um, with most of the band radiance 3-5 um) [N]; the SWIR 2.7 um band of early
 *   warning satellites is chosen for ground-clutter suppression on bright plumes (Forden,
 *   armscontrolwonk.com, 2007) [S].
 * - NEI 1e-10 W/m^2 against space, x5 against the Earth or the limb below 50 km [U][N]: chosen so that
 *   a glide body of ~1e4 W/sr (../infrared/signature.ts at 1,500 K) is seen against the Earth at about
 *   1,800 km (single-frame Pd 0.5 at threshold 6), while boost plumes (>= 1e5 W/sr) are seen by every
 *   satellite in view - the qualitative public picture behind the tracking layer [N].
 * - Field of regard 65 deg off nadir (the limb from 1,000 km is at 59.8 deg); 1 s frames; LOS noise
 *   30 microradians [U] (tens of microradians is the usual public order); aperture 0.3 m [U].
 * - Atmosphere in the band (./infrared/transmission.ts): an overcast deck topped at 5 km [N] and the
 *   1976 standard water-vapour column, 14.2 mm precipitable with a 2.4 km scale height [P], at 0.5
 *   optical depths per mm [N]: a plume is first seen above the cloud top, a few seconds to a few tens
 *   of seconds after launch, not at t = 0 on the pad.
 */
const TRACKING_SENSOR: IrSensorModel = {
  name: "notional-leo-ir-sensor",
  description: "Notional wide-field MWIR tracking sensor",
  band: MWIR_BAND,
  apertureDiameterM: 0.3,
  neiSpaceWPerM2: 1e-10,
  earthBackgroundFactor: 5,
  limbClutterAltM: 50e3,
  thresholdSnr: 6,
  offNadirMaxRad: 65 * DEG,
  maxRangeM: Infinity,
  revisitS: 1,
  losNoiseRad: 30e-6,
  latencyS: 1,
  atmosphere: NOTIONAL_MWIR_ATMOSPHERE,
  sources: [
    "[N] MWIR 3-5 um band; [S] Forden, 'SBIRS - signal and background', armscontrolwonk.com (2.7 um band choice)",
    "[U] NEI 1e-10 W/m^2 (space), x5 against Earth/limb; LOS noise 30 urad; aperture 0.3 m",
    ...(NOTIONAL_MWIR_ATMOSPHERE.sources ?? []),
  ],
};

export const IR_CATALOG: Readonly<Record<string, IrConstellationModel>> = {
  /** SDA Tranche 1 Tracking Layer: about 28 satellites in 4 planes near 1,000 km and 81 deg [S]. */
  "notional-leo-ir": {
    sensor: TRACKING_SENSOR,
    walker: { altitudeM: 1_000e3, inclinationRad: 81 * DEG, planes: 4, satellitesPerPlane: 7, phasing: 1 },
    sources: [
      "[S] SDA Tranche 1 Tracking Layer: ~28 satellites, 4 planes, ~1,000 km, ~81 deg (docs/sources.md)",
    ],
  },
  /** SDA Tranche 0 Tracking Layer: 8 satellites near 1,000 km and 80 deg [S]; 2 planes of 4 [N]. */
  "notional-leo-ir-t0": {
    sensor: TRACKING_SENSOR,
    walker: { altitudeM: 1_000e3, inclinationRad: 80 * DEG, planes: 2, satellitesPerPlane: 4, phasing: 1 },
    sources: ["[S] SDA Tranche 0 Tracking Layer: 8 satellites, ~1,000 km, ~80 deg; [N] 2 planes of 4"],
  },
};

/** The catalog radar of that name; throws RangeError listing the known names. */
export function radarModel(name: string): RadarModel {
  const m = RADAR_CATALOG[name];
  if (!m)
    throw new RangeError(`unknown radar model "${name}"; known: ${Object.keys(RADAR_CATALOG).join(", ")}`);
  return m;
}

/** The catalog infrared constellation of that name; throws RangeError listing the known names. */
export function irConstellationModel(name: string): IrConstellationModel {
  const m = IR_CATALOG[name];
  if (!m)
    throw new RangeError(
      `unknown infrared constellation "${name}"; known: ${Object.keys(IR_CATALOG).join(", ")}`,
    );
  return m;
}
