/**
 * Infrared radiant intensity of a target, in a sensor's band, from its truth state (W/sr).
 *
 * Three notional components, all labelled [U] (no public measured signatures of these vehicles):
 * - Boost plume: I = kappa_kind * thrust. Plume radiance scales with the propellant mass flow, hence
 *   roughly with thrust; kappa = 1 W/sr per newton puts a short-range missile (~1e5 N) near 1e5 W/sr and
 *   an ICBM first stage (1e6-4e6 N) at 1e6-4e6 W/sr, the orders of magnitude commonly quoted for the
 *   SWIR/MWIR water and CO2 bands (e.g. the ~1e5-1e7 W/sr range used in boost-phase studies) [U].
 *   Why these bands: the 2.7 um H2O/CO2 and 4.3 um CO2 bands, where plumes radiate strongly and the
 *   lower atmosphere absorbs the Earth's own emission (Forden, "SBIRS - signal and background",
 *   armscontrolwonk.com, 2007) [S].
 * - Hot body: I = emissivity * L_band(T) * A_eff, L_band the band-integrated Planck radiance
 *   (./planck.ts) and A_eff an effective projected area of the hot surface. T is the stagnation
 *   temperature the flight layer issues (`surfaceTempK`), or the adiabatic recovery temperature
 *   T_r = T_inf (1 + r (gamma - 1)/2 M^2), r = 0.89 (turbulent recovery factor ~ Pr^(1/3),
 *   gamma = 1.4; e.g. Anderson, Hypersonic and High-Temperature Gas Dynamics, 2nd ed., sec. 6.6) for
 *   kinds whose model says "recovery" (cruise missiles: the hot nose and skin at cruise Mach). The
 *   glide-vehicle emissivity 0.85 follows Tracy & Wright, Science & Global Security 28(3), 2020 [S].
 * The intensity is that of the source, outside the atmosphere: the transmission between a target and
 * a space sensor depends on the line of sight and on the sensor's band, and is the sensor's model
 * (./transmission.ts, applied per satellite-target pair in ./irSensor.ts).
 */
import type { TruthState, VehicleKind } from "../../flight/truth.js";
import { ussa1976Into } from "../../earth/atmosphere.js";
import { bandRadiance } from "./planck.js";

/** A spectral band, wavelengths in m (lower < upper). */
export interface IrBand {
  readonly lowerM: number;
  readonly upperM: number;
}

/** Mid-wave infrared 3-5 um, the band assumed for the notional tracking layer (see ../catalog.ts). */
export const MWIR_BAND: IrBand = { lowerM: 3e-6, upperM: 5e-6 };

export interface BodySignature {
  /** Surface emissivity in the band, 0..1. */
  readonly emissivity: number;
  /** Effective projected area of the hot surface, m^2. */
  readonly effectiveAreaM2: number;
  /** Where the body temperature comes from: the truth's surfaceTempK, or the recovery temperature. */
  readonly temperature: "surface" | "recovery";
}

export interface SignatureModel {
  /** Plume intensity per newton of thrust of a rocket motor in boost, in the sensor band, W/(sr N). */
  readonly rocketPlumeWPerSrPerN: number;
  /**
   * Plume intensity per newton of thrust after boost (a sustainer: the scramjet of a cruise missile),
   * W/(sr N), per vehicle kind.
   */
  readonly plumeWPerSrPerN: Readonly<Record<VehicleKind, number>>;
  readonly body: Readonly<Record<VehicleKind, BodySignature>>;
  /** Recovery factor r for the recovery temperature (dimensionless, ~0.85-0.9). */
  readonly recoveryFactor: number;
}

/** Notional values; see the file comment for the reasoning and labels. */
export const NOTIONAL_SIGNATURE: SignatureModel = {
  rocketPlumeWPerSrPerN: 1,
  plumeWPerSrPerN: { ballistic: 1, hgv: 1, cruise: 0.1, interceptor: 1, projectile: 0 },
  body: {
    // HTV-2-like glider: hot nose cap, leading edges and forward windward surface [U].
    hgv: { emissivity: 0.85, effectiveAreaM2: 0.5, temperature: "surface" },
    // Conical RV of ~0.5 m base diameter [U].
    ballistic: { emissivity: 0.85, effectiveAreaM2: 0.3, temperature: "surface" },
    // Air-breathing cruise missile: nose, inlet lips and forebody near recovery temperature [U].
    cruise: { emissivity: 0.8, effectiveAreaM2: 0.5, temperature: "recovery" },
    interceptor: { emissivity: 0.8, effectiveAreaM2: 0.2, temperature: "recovery" },
    projectile: { emissivity: 0.8, effectiveAreaM2: 0.005, temperature: "recovery" },
  },
  recoveryFactor: 0.89,
};

/**
 * Band radiance of a blackbody against temperature, tabulated at 1 K steps (linear interpolation,
 * relative error below 2e-4 above 300 K) so the per-step signature costs no Planck series.
 */
export class BandRadianceTable {
  private readonly values: Float64Array;
  constructor(
    readonly band: IrBand,
    readonly maxTemperatureK = 6000,
  ) {
    const n = Math.ceil(maxTemperatureK) + 2;
    this.values = new Float64Array(n);
    for (let t = 1; t < n; t++) this.values[t] = bandRadiance(band.lowerM, band.upperM, t);
  }
  /** Band radiance at `temperatureK`, W/(m^2 sr); exact formula above the table. */
  radiance(temperatureK: number): number {
    if (!(temperatureK > 0)) return 0;
    if (temperatureK >= this.values.length - 1)
      return bandRadiance(this.band.lowerM, this.band.upperM, temperatureK);
    const i = Math.floor(temperatureK);
    const f = temperatureK - i;
    return this.values[i] + f * (this.values[i + 1] - this.values[i]);
  }
}

const atmo = new Float64Array(4);

/** Adiabatic-wall recovery temperature at the truth's altitude and Mach number, K. */
export function recoveryTemperatureK(altM: number, mach: number, recoveryFactor: number): number {
  ussa1976Into(Math.min(Math.max(altM, 0), 1_000_000), atmo);
  return atmo[0] * (1 + recoveryFactor * 0.2 * mach * mach);
}

export interface IntensityBreakdown {
  plumeWPerSr: number;
  bodyWPerSr: number;
  bodyTemperatureK: number;
  /** plume + body, W/sr (at the source: see the file comment for the atmosphere). */
  totalWPerSr: number;
}

/** Plume intensity, W/sr: a rocket motor in boost, else the vehicle kind's sustainer (scramjet). */
function plumeWPerSr(truth: TruthState, model: SignatureModel): number {
  if (!(truth.thrustN > 0)) return 0;
  const perN = truth.phase === "boost" ? model.rocketPlumeWPerSrPerN : model.plumeWPerSrPerN[truth.kind];
  return perN * truth.thrustN;
}

/** Components of the apparent intensity of `truth` in the table's band. */
export function intensityBreakdown(
  truth: TruthState,
  table: BandRadianceTable,
  model: SignatureModel = NOTIONAL_SIGNATURE,
): IntensityBreakdown {
  const plume = plumeWPerSr(truth, model);
  const body = model.body[truth.kind];
  const useSurface = body.temperature === "surface" && truth.surfaceTempK > 0;
  const temperatureK = useSurface
    ? truth.surfaceTempK
    : recoveryTemperatureK(truth.altM, truth.mach, model.recoveryFactor);
  const bodyI = body.emissivity * table.radiance(temperatureK) * body.effectiveAreaM2;
  return {
    plumeWPerSr: plume,
    bodyWPerSr: bodyI,
    bodyTemperatureK: temperatureK,
    totalWPerSr: plume + bodyI,
  };
}

/** Radiant intensity of `truth` in the table's band at the source, W/sr (no allocation). */
export function targetIntensityWPerSr(
  truth: TruthState,
  table: BandRadianceTable,
  model: SignatureModel = NOTIONAL_SIGNATURE,
): number {
  if (truth.phase === "impact") return 0;
  const plume = plumeWPerSr(truth, model);
  const body = model.body[truth.kind];
  const temperatureK =
    body.temperature === "surface" && truth.surfaceTempK > 0
      ? truth.surfaceTempK
      : recoveryTemperatureK(truth.altM, truth.mach, model.recoveryFactor);
  return plume + body.emissivity * table.radiance(temperatureK) * body.effectiveAreaM2;
}
