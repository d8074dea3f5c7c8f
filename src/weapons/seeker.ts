/**
 * Homing seekers: when the interceptor sees its target, and how well it measures the line of sight.
 *
 * Signal (the target's signature from the sensor layer's models, so a seeker sees the same target a
 * radar or a satellite sees):
 * - infrared: irradiance at the aperture E = I / R^2 (W/m^2), I the apparent in-band intensity
 *   (src/sensors/infrared/signature.ts: plume, hot body at its surface or recovery temperature,
 *   atmospheric transmission); SNR = E / NEI. Acquisition range against intensity I:
 *   R_acq = sqrt(I / (NEI SNR_min)).
 * - radar (active): the radar equation in reference form (src/sensors/radar/radarEquation.ts),
 *   SNR = SNR_ref (sigma / sigma_ref) (R_ref / R)^4, sigma the target's cross-section for its kind and
 *   phase (src/sensors/rcs.ts); R_acq = R_ref (sigma SNR_ref / (sigma_ref SNR_min))^(1/4).
 * A look acquires the target when it is inside the field of regard (the gimbal limit about the
 * boresight) and the SNR reaches the threshold (a seeker integrates frames before declaring a lock; the
 * threshold stands for that cumulative test, so a look is deterministic).
 *
 * Angle noise: the measured line of sight is the true one turned by two independent normal angles
 * about axes normal to it, standard deviation
 *   sigma = sqrt(sigma_floor^2 + sigma_threshold^2 SNR_min / SNR),
 * the thermal-noise term of a centroid or monopulse angle estimate (error proportional to the beam or
 * blur width over the root of the SNR: Skolnik, "Introduction to Radar Systems", 3rd ed., sec. 4.5;
 * Barton, "Radar System Analysis and Modeling", 2005, ch. 11) plus a floor for bias and quantisation.
 */
import type { TruthState } from "../flight/truth.js";
import {
  BandRadianceTable,
  NOTIONAL_SIGNATURE,
  targetIntensityWPerSr,
  type IrBand,
} from "../sensors/infrared/signature.js";
import { detectionRangeM, snrAtRange, type RadarReference } from "../sensors/radar/radarEquation.js";
import { rcsFor } from "../sensors/rcs.js";
import type { RandomStream } from "../math/random.js";

interface SeekerCommon {
  /** Half-angle of the field of regard about the boresight (gimbal limit plus half the field of view), rad. */
  readonly fieldOfRegardHalfAngleRad: number;
  /** Angle noise at the threshold SNR, rad (one sigma per axis). */
  readonly angleNoiseAtThresholdRad: number;
  /** Angle noise floor (bias, quantisation), rad. */
  readonly angleNoiseFloorRad: number;
  /** Frame (measurement) rate, Hz. */
  readonly frameRateHz: number;
  readonly source?: string;
}

export interface InfraredSeekerDefinition extends SeekerCommon {
  readonly kind: "infrared";
  readonly band: IrBand;
  /** Noise-equivalent irradiance at the aperture, W/m^2. */
  readonly neiWPerM2: number;
  /** SNR (irradiance over NEI) needed to acquire. */
  readonly thresholdSnr: number;
}

export interface RadarSeekerDefinition extends SeekerCommon {
  readonly kind: "radar";
  /** The seeker radar's reference point: SNR_ref against sigma_ref at R_ref. */
  readonly reference: RadarReference;
  /** SNR needed to acquire, dB. */
  readonly thresholdSnrDb: number;
}

export type SeekerDefinition = InfraredSeekerDefinition | RadarSeekerDefinition;

/** The outcome of one look; caller-owned and reused. */
export interface SeekerLook {
  acquired: boolean;
  inFieldOfRegard: boolean;
  /** Linear SNR of the target at this range. */
  snr: number;
  rangeM: number;
  /** Angle between the boresight and the true line of sight, rad. */
  offBoresightRad: number;
  /** Standard deviation of the angle noise of this look, rad (per axis). */
  angleSigmaRad: number;
  /** Measured unit line of sight, ECEF (valid when acquired). */
  readonly losUnitEcef: Float64Array;
}

export function createSeekerLook(): SeekerLook {
  return {
    acquired: false,
    inFieldOfRegard: false,
    snr: 0,
    rangeM: NaN,
    offBoresightRad: NaN,
    angleSigmaRad: NaN,
    losUnitEcef: new Float64Array(3),
  };
}

function positiveField(name: string, v: number): void {
  if (!(v > 0 && Number.isFinite(v)))
    throw new RangeError(`seeker: ${name} must be a finite number > 0, given ${v}`);
}

/** Checks a seeker definition; throws a RangeError naming the bad field. */
export function validateSeeker(d: SeekerDefinition): SeekerDefinition {
  if (!(d.fieldOfRegardHalfAngleRad > 0 && d.fieldOfRegardHalfAngleRad <= Math.PI))
    throw new RangeError(
      `seeker: fieldOfRegardHalfAngleRad must be in (0, pi], given ${d.fieldOfRegardHalfAngleRad}`,
    );
  if (!(d.angleNoiseAtThresholdRad >= 0) || !(d.angleNoiseFloorRad >= 0))
    throw new RangeError("seeker: angle noise must be >= 0");
  positiveField("frameRateHz", d.frameRateHz);
  if (d.kind === "infrared") {
    positiveField("neiWPerM2", d.neiWPerM2);
    positiveField("thresholdSnr", d.thresholdSnr);
    if (!(d.band.lowerM > 0 && d.band.upperM > d.band.lowerM))
      throw new RangeError("seeker: band must have 0 < lower < upper");
  } else if (d.kind === "radar") {
    positiveField("reference.referenceRangeM", d.reference.referenceRangeM);
    positiveField("reference.referenceRcsM2", d.reference.referenceRcsM2);
    if (!Number.isFinite(d.thresholdSnrDb))
      throw new RangeError(`seeker: thresholdSnrDb must be finite, given ${d.thresholdSnrDb}`);
  } else {
    throw new RangeError(`seeker: unknown kind ${String((d as { kind?: unknown }).kind)}`);
  }
  return d;
}

/** A seeker built from its definition (band radiance table precomputed for infrared seekers). */
export class Seeker {
  readonly definition: SeekerDefinition;
  private readonly table: BandRadianceTable | null;
  /** Linear SNR threshold. */
  readonly thresholdSnr: number;
  private readonly cosFor: number;
  private readonly perp1 = new Float64Array(3);
  private readonly perp2 = new Float64Array(3);

  constructor(definition: SeekerDefinition) {
    this.definition = validateSeeker(definition);
    this.table = definition.kind === "infrared" ? new BandRadianceTable(definition.band) : null;
    this.thresholdSnr =
      definition.kind === "infrared" ? definition.thresholdSnr : 10 ** (definition.thresholdSnrDb / 10);
    this.cosFor = Math.cos(definition.fieldOfRegardHalfAngleRad);
  }

  /** The target's signature as this seeker measures it: intensity W/sr (infrared) or cross-section m^2 (radar). */
  signature(truth: TruthState): number {
    if (this.table !== null) return targetIntensityWPerSr(truth, this.table, NOTIONAL_SIGNATURE);
    return truth.phase === "impact" ? 0 : rcsFor(truth.kind, truth.phase).rcsM2;
  }

  /** Linear SNR of a target of signature `signature` (see `signature`) at range `rangeM` (> 0). */
  snr(signature: number, rangeM: number): number {
    const d = this.definition;
    if (d.kind === "infrared") return signature / (rangeM * rangeM) / d.neiWPerM2;
    return snrAtRange(d.reference, rangeM, signature);
  }

  /** Range at which the SNR reaches the threshold against `signature`, m (0 for no signal). */
  acquisitionRangeM(signature: number): number {
    if (!(signature > 0)) return 0;
    const d = this.definition;
    if (d.kind === "infrared") return Math.sqrt(signature / (d.neiWPerM2 * d.thresholdSnr));
    return detectionRangeM(d.reference, signature, d.thresholdSnrDb);
  }

  /** Angle noise at a given linear SNR, rad. */
  angleSigmaRad(snr: number): number {
    const d = this.definition;
    const th = d.angleNoiseAtThresholdRad;
    return Math.sqrt(
      d.angleNoiseFloorRad * d.angleNoiseFloorRad + (th * th * this.thresholdSnr) / Math.max(snr, 1e-300),
    );
  }

  /**
   * One look from `seekerPosEcefM` along `boresightUnitEcef` (a unit vector) at `truth`. Draws two
   * normals from `rng` when the target is acquired (none otherwise). Allocation-free.
   */
  look(
    seekerPosEcefM: ArrayLike<number>,
    boresightUnitEcef: ArrayLike<number>,
    truth: TruthState,
    rng: RandomStream,
    out: SeekerLook,
  ): SeekerLook {
    const p = truth.posEcefM;
    const dx = p[0] - seekerPosEcefM[0];
    const dy = p[1] - seekerPosEcefM[1];
    const dz = p[2] - seekerPosEcefM[2];
    const r = Math.sqrt(dx * dx + dy * dy + dz * dz);
    out.rangeM = r;
    out.acquired = false;
    if (!(r > 0)) {
      out.inFieldOfRegard = false;
      out.snr = 0;
      out.offBoresightRad = NaN;
      out.angleSigmaRad = NaN;
      return out;
    }
    const ux = dx / r;
    const uy = dy / r;
    const uz = dz / r;
    const c = ux * boresightUnitEcef[0] + uy * boresightUnitEcef[1] + uz * boresightUnitEcef[2];
    out.offBoresightRad = Math.acos(Math.min(1, Math.max(-1, c)));
    out.inFieldOfRegard = c >= this.cosFor;
    out.snr = this.snr(this.signature(truth), r);
    out.angleSigmaRad = this.angleSigmaRad(out.snr);
    if (!out.inFieldOfRegard || out.snr < this.thresholdSnr) return out;
    out.acquired = true;
    // Two unit vectors normal to the line of sight: e1 = u x k (k the axis least aligned with u), e2 = u x e1.
    const e1 = this.perp1;
    const e2 = this.perp2;
    const ax = Math.abs(ux);
    const ay = Math.abs(uy);
    const az = Math.abs(uz);
    if (ax <= ay && ax <= az) {
      e1[0] = 0;
      e1[1] = uz;
      e1[2] = -uy;
    } else if (ay <= az) {
      e1[0] = -uz;
      e1[1] = 0;
      e1[2] = ux;
    } else {
      e1[0] = uy;
      e1[1] = -ux;
      e1[2] = 0;
    }
    const n1 = Math.hypot(e1[0], e1[1], e1[2]);
    e1[0] /= n1;
    e1[1] /= n1;
    e1[2] /= n1;
    e2[0] = uy * e1[2] - uz * e1[1];
    e2[1] = uz * e1[0] - ux * e1[2];
    e2[2] = ux * e1[1] - uy * e1[0];
    const a1 = rng.normal(0, out.angleSigmaRad);
    const a2 = rng.normal(0, out.angleSigmaRad);
    // Small rotation of u by the two angles, renormalised (exact to second order in the angles).
    const mx = ux + a1 * e1[0] + a2 * e2[0];
    const my = uy + a1 * e1[1] + a2 * e2[1];
    const mz = uz + a1 * e1[2] + a2 * e2[2];
    const m = Math.sqrt(mx * mx + my * my + mz * mz);
    out.losUnitEcef[0] = mx / m;
    out.losUnitEcef[1] = my / m;
    out.losUnitEcef[2] = mz / m;
    return out;
  }
}
