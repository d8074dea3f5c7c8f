/**
 * Atmospheric transmission of a space infrared sensor's band along the line of sight from a target up
 * to the satellite: why a launch is not seen at t = 0 at sea level (project issue 9 item 9).
 *
 * Early-warning and tracking sensors look in bands where the plume radiates strongly and the lower
 * atmosphere absorbs (the 2.7 um H2O and 4.3 um CO2 bands: Forden, "SBIRS - signal and background",
 * armscontrolwonk.com, 2007 [S]): the water vapour and cloud that hide the ground also hide a plume
 * until it climbs out of them. Two notional parts, each a parameter of the sensor model:
 *
 * 1. Cloud: an opaque overcast deck whose top is at `cloudTopAltM`; a target below it is not seen from
 *    space, and neither is one whose line of sight grazes below it. 0 is a clear sky.
 * 2. Water vapour: an exponential column above altitude h, W(h) = W0 exp(-h / H_w) (precipitable water,
 *    m), W0 the column above sea level and H_w its scale height, with a band-effective optical depth
 *    k per millimetre of precipitable water (Beer-Lambert on the column: tau = exp(-k W m), m the air
 *    mass of the path). A band average over absorption lines is not exactly exponential in the column
 *    (strong lines go as its square root); the exponential with one coefficient is the usual first
 *    model and is labelled notional.
 *
 * Air mass of a path from altitude h at zenith angle z through an exponential layer of scale height H
 * over a sphere, r = R + h, x = r / H: Chapman's grazing-incidence function in its large-x form,
 *   m(z) = Ch(x, z) = sqrt(pi x / 2) erfcx(sqrt(x / 2) cos z),   z <= 90 deg,
 * erfcx(y) = exp(y^2) erfc(y) (Chapman, Proc. Phys. Soc. 43(5), 1931; the form and its accuracy,
 * relative O(1/x), about 4e-4 here, in Huestis, "Accurate evaluation of the Chapman function for
 * atmospheric attenuation", JQSRT 69, 2001). It is 1/cos z near the zenith and sqrt(pi x / 2), about
 * 65 for H = 2.4 km, at the horizon. A path that starts downwards (z > 90 deg) passes a tangent point
 * at altitude h_t = r sin z - R below the target: its optical depth is that of the whole grazing path
 * through the tangent point, 2 delta(h_t) Ch(x sin z, 90 deg), less the upward half on the far side,
 * delta(h) Ch(x, 180 deg - z) (the same paper's continuation); a tangent point below the cloud top
 * hides the target.
 *
 * Parameters of the notional MWIR tracking sensor (NOTIONAL_MWIR_ATMOSPHERE):
 * - W0 = 14.2 mm: precipitable water of the U.S. Standard Atmosphere 1976 water-vapour profile
 *   (Anderson et al., "AFGL atmospheric constituent profiles (0-120 km)", AFGL-TR-86-0110, 1986) [P];
 *   mid-latitude summer 29 mm, tropical 41 mm, sub-arctic winter 4 mm in the same tables.
 * - H_w = 2.4 km: W0 over the same profile's surface water-vapour density (7,745 ppmv by volume, 4.82 g/kg
 *   by mass, times 1.225 kg/m^3: 5.9 g/m^3) [P, derived].
 * - k = 0.5 per mm [N]: a zenith optical depth of 7.1 at sea level (transmission 8e-4, so the ground
 *   and a plume at the pad are not seen), 0.88 at 5 km (0.41), 0.31 at 7.5 km (0.73) and under 0.1
 *   above 10.3 km: the plume "comes out of the water vapour" in its first ten kilometres of climb.
 * - cloud top 5 km [N]: a mid-level deck (stratocumulus tops lie near 1-2 km, deep convection reaches
 *   the tropopause at 12-16 km); the parameter, not this default, is what a study should vary.
 */

import { erfc } from "../../math/stats/special.js";

/** The atmosphere between a target and a space infrared sensor, in the sensor's band. */
export interface IrAtmosphere {
  /** Top of an opaque cloud deck, m above the surface (0: clear sky). */
  readonly cloudTopAltM: number;
  /** Precipitable water above sea level, m (14.2 mm = 0.0142 m for the 1976 standard). */
  readonly precipitableWaterM: number;
  /** Scale height of the water-vapour column, m. */
  readonly waterScaleHeightM: number;
  /** Band-effective optical depth per millimetre of precipitable water. */
  readonly opticalDepthPerMmWater: number;
  readonly sources?: readonly string[];
}

export const NOTIONAL_MWIR_ATMOSPHERE: IrAtmosphere = {
  cloudTopAltM: 5_000,
  precipitableWaterM: 0.0142,
  waterScaleHeightM: 2_400,
  opticalDepthPerMmWater: 0.5,
  sources: [
    "[P] Anderson et al. 1986, AFGL-TR-86-0110: U.S. Standard 1976 water-vapour profile, 14.2 mm precipitable water, 7,745 ppmv at the surface (scale height 2.4 km derived)",
    "[S] Forden 2007, 'SBIRS - signal and background': early-warning bands chosen where atmospheric water vapour absorbs",
    "[N] band-effective optical depth 0.5 per mm of precipitable water; overcast deck top 5 km",
  ],
};

/** Checks an atmosphere's parameters; throws RangeError naming the bad one. */
export function checkIrAtmosphere(a: IrAtmosphere): IrAtmosphere {
  const bad = (name: string, v: number, what: string) => {
    throw new RangeError(`infrared atmosphere: ${name} must be ${what}, got ${v}`);
  };
  if (!(a.cloudTopAltM >= 0 && a.cloudTopAltM <= 30e3)) bad("cloudTopAltM", a.cloudTopAltM, "in [0, 30 km]");
  if (!(a.precipitableWaterM >= 0 && a.precipitableWaterM <= 0.1))
    bad("precipitableWaterM", a.precipitableWaterM, "in [0, 0.1 m]");
  if (!(a.waterScaleHeightM > 0 && a.waterScaleHeightM <= 20e3))
    bad("waterScaleHeightM", a.waterScaleHeightM, "in (0, 20 km]");
  if (!(a.opticalDepthPerMmWater >= 0 && a.opticalDepthPerMmWater <= 100))
    bad("opticalDepthPerMmWater", a.opticalDepthPerMmWater, "in [0, 100]");
  return a;
}

/**
 * Zenith optical depth of the water vapour above altitude altM (m): k W0 exp(-h / H_w), W0 in mm;
 * Infinity below the cloud top.
 */
export function verticalOpticalDepth(altM: number, a: IrAtmosphere): number {
  if (altM < a.cloudTopAltM) return Infinity;
  return (
    a.opticalDepthPerMmWater *
    a.precipitableWaterM *
    1000 *
    Math.exp(-Math.max(altM, 0) / a.waterScaleHeightM)
  );
}

/** erfcx(y) = exp(y^2) erfc(y) for y >= 0: direct below 5, the asymptotic series above (error < 1e-7). */
export function erfcx(y: number): number {
  if (y < 5) return Math.exp(y * y) * erfc(y);
  const u = 1 / (2 * y * y);
  // erfcx(y) ~ 1/(y sqrt(pi)) sum_k (-1)^k (2k-1)!! / (2y^2)^k (Abramowitz and Stegun 7.1.23)
  return (1 - u * (1 - 3 * u * (1 - 5 * u * (1 - 7 * u * (1 - 9 * u))))) / (y * Math.sqrt(Math.PI));
}

/**
 * Air mass of an exponential layer of scale height H above a point at geocentric radius r, towards a
 * direction at cos(zenith) c >= 0: Chapman's function Ch(r / H, z) (see the file comment).
 */
export function chapmanAirMass(cosZenith: number, radiusM: number, scaleHeightM: number): number {
  const x = radiusM / scaleHeightM;
  const c = cosZenith > 1 ? 1 : cosZenith < 0 ? 0 : cosZenith;
  return Math.sqrt((Math.PI * x) / 2) * erfcx(Math.sqrt(x / 2) * c);
}

/**
 * Optical depth of the path from a target at altM (geocentric radius radiusM, m) towards a direction
 * at cos(zenith) cosZenith, given its zenith optical depth delta0 = verticalOpticalDepth(altM):
 * Infinity when the path meets the cloud deck. earthRadiusM is radiusM - altM.
 */
export function slantOpticalDepth(
  delta0: number,
  altM: number,
  radiusM: number,
  cosZenith: number,
  a: IrAtmosphere,
): number {
  if (delta0 === Infinity) return Infinity;
  const H = a.waterScaleHeightM;
  if (cosZenith >= 0) return delta0 * chapmanAirMass(cosZenith, radiusM, H);
  // Downward: through a tangent point below the target (see the file comment).
  const sinZ = Math.sqrt(Math.max(0, 1 - cosZenith * cosZenith));
  const earthR = radiusM - altM;
  const rt = radiusM * sinZ;
  const ht = rt - earthR;
  const deltaT = verticalOpticalDepth(ht, a);
  if (deltaT === Infinity) return Infinity;
  // The whole grazing path, 2 delta(h_t) Ch(x_t, 90 deg), Ch(x, 90 deg) = sqrt(pi x / 2) (erfcx(0) = 1).
  const grazing = 2 * deltaT * Math.sqrt((Math.PI * rt) / (2 * H));
  // A path that stays far above the water vapour (most limb views of a high target): nothing to take off.
  if (grazing < 1e-9) return Math.max(grazing, delta0);
  return grazing - delta0 * chapmanAirMass(-cosZenith, radiusM, H);
}

/** Transmission (0..1) from a target at altM, radiusM towards cos(zenith) cosZenith. */
export function slantTransmission(altM: number, radiusM: number, cosZenith: number, a: IrAtmosphere): number {
  return Math.exp(-slantOpticalDepth(verticalOpticalDepth(altM, a), altM, radiusM, cosZenith, a));
}
