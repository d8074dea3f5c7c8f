/**
 * Single-look detection probability for a square-law detector in complex Gaussian noise, for the
 * nonfluctuating target (Swerling 0, also called Swerling V) and the slowly fluctuating Swerling I
 * and III targets (Swerling, IRE Trans. IT-6, 1960; Richards, Fundamentals of Radar Signal Processing,
 * 2nd ed., 2014, sec. 6.3; Mahafza, Radar Systems Analysis and Design Using MATLAB, 3rd ed., sec. 2.6).
 *
 * With the noise power normalised to one, the detector threshold is T = -ln(Pfa) (Richards eq. 6.24),
 * and with the mean signal-to-noise ratio S (linear):
 *   Swerling 0:  Pd = Q1(sqrt(2 S), sqrt(2 T))                         (Richards eq. 6.34)
 *   Swerling I:  Pd = exp(-T / (1 + S)) = Pfa^(1 / (1 + S))             (Richards eq. 6.60, N = 1)
 *   Swerling III: Pd = exp(-2T / (2 + S)) (1 + 2 S T / (2 + S)^2)       (Mahafza eq. 2.82 with n_p = 1)
 * The Swerling III form follows from averaging the Swerling 0 result over the chi-square (4 degrees of
 * freedom) SNR density p(s) = 4 s / S^2 exp(-2 s / S); tests/sensors/swerling.test.ts checks that
 * average by quadrature.
 *
 * Reference values (Pd = 0.9, Pfa = 1e-6, single pulse): 13.18 dB (Swerling 0), 21.14 dB (Swerling I),
 * 17.30 dB (Swerling III); compare "13.2 dB" and "21 dB" read from the curves in Richards fig. 6.17 and
 * Skolnik, Introduction to Radar Systems, 3rd ed., fig. 2.23.
 */
import { marcumQ1 } from "./marcumQ.js";

/** The Swerling cases modelled; 2 and 4 (pulse-to-pulse fluctuation) are refused, not taken as 0. */
const SWERLING_CASES: readonly unknown[] = [0, 1, 3];

function checkSwerling(fn: string, swerling: unknown): void {
  if (!SWERLING_CASES.includes(swerling))
    throw new RangeError(`${fn}: swerling must be 0, 1 or 3, given ${String(swerling)}`);
}

/** Swerling fluctuation case: 0 (nonfluctuating), 1 (Rayleigh, many scatterers), 3 (one dominant scatterer). */
export type SwerlingCase = 0 | 1 | 3;

export interface DetectionProbabilityInput {
  /** Mean signal-to-noise ratio of the look, linear (not dB), >= 0. */
  readonly snr: number;
  /** Probability of false alarm per resolution cell, in (0, 1). */
  readonly pfa: number;
  readonly swerling: SwerlingCase;
}

function checkPfa(fn: string, pfa: number): void {
  if (!(pfa > 0 && pfa < 1)) throw new RangeError(`${fn}: pfa must lie in (0, 1), given ${pfa}`);
}

/** Single-look probability of detection (see the file comment for the formulas and sources). */
export function detectionProbability({ snr, pfa, swerling }: DetectionProbabilityInput): number {
  checkPfa("detectionProbability", pfa);
  if (!(snr >= 0) || snr === Infinity)
    throw new RangeError(`detectionProbability: snr must be a finite number >= 0 (linear), given ${snr}`);
  checkSwerling("detectionProbability", swerling);
  return detectionProbabilityFast(snr, -Math.log(pfa), swerling);
}

/**
 * Hot-path form without checks: `threshold` = -ln(Pfa). Swerling 0 costs a Marcum Q evaluation
 * (several microseconds); radars cache it in a table (see `DetectionProbabilityCache`).
 */
export function detectionProbabilityFast(snr: number, threshold: number, swerling: SwerlingCase): number {
  if (swerling === 1) return Math.exp(-threshold / (1 + snr));
  if (swerling === 3) {
    const d = 2 + snr;
    return Math.min(1, Math.exp((-2 * threshold) / d) * (1 + (2 * snr * threshold) / (d * d)));
  }
  return marcumQ1(Math.sqrt(2 * snr), Math.sqrt(2 * threshold));
}

/**
 * Mean SNR (linear) needed for a single-look Pd at a given Pfa: the inverse of `detectionProbability`,
 * found by bisection on the SNR in dB (Pd is increasing in SNR in all three cases). Swerling I has the
 * closed form S = ln(Pfa)/ln(Pd) - 1.
 */
export function requiredSnr({
  pd,
  pfa,
  swerling,
}: {
  pd: number;
  pfa: number;
  swerling: SwerlingCase;
}): number {
  checkPfa("requiredSnr", pfa);
  if (!(pd > pfa && pd < 1)) throw new RangeError(`requiredSnr: pd must lie in (pfa, 1), given ${pd}`);
  checkSwerling("requiredSnr", swerling);
  if (swerling === 1) return Math.log(pfa) / Math.log(pd) - 1;
  const threshold = -Math.log(pfa);
  let lo = -30; // dB
  let hi = 100;
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi);
    if (detectionProbabilityFast(10 ** (mid / 10), threshold, swerling) < pd) lo = mid;
    else hi = mid;
  }
  return 10 ** ((0.5 * (lo + hi)) / 10);
}

/**
 * Pd for one Pfa and any Swerling case, for the radar hot path: Swerling I and III use their closed
 * forms (one or two exps); Swerling 0 reads a table of Pd against SNR in dB (-20..50 dB, 0.02 dB
 * steps, linear interpolation, error below 1e-4 in Pd) built on first use, so a look costs a table
 * read rather than a Marcum Q sum. Below the grid Pd is taken as its value at -20 dB (about Pfa).
 */
export class DetectionProbabilityCache {
  static readonly MIN_DB = -20;
  static readonly MAX_DB = 50;
  static readonly STEP_DB = 0.02;
  /** -ln(Pfa). */
  readonly threshold: number;
  private table: Float64Array | null = null;
  constructor(readonly pfa: number) {
    checkPfa("DetectionProbabilityCache", pfa);
    this.threshold = -Math.log(pfa);
  }
  /** Pd for a mean SNR (linear). */
  pdOf(snr: number, swerling: SwerlingCase): number {
    if (swerling !== 0) return detectionProbabilityFast(snr > 0 ? snr : 0, this.threshold, swerling);
    const t = this.table ?? this.buildTable();
    if (!(snr > 0)) return t[0];
    const x = (10 * Math.log10(snr) - DetectionProbabilityCache.MIN_DB) / DetectionProbabilityCache.STEP_DB;
    if (x <= 0) return t[0];
    const i = Math.floor(x);
    if (i >= t.length - 1) return t[t.length - 1];
    const f = x - i;
    return t[i] + f * (t[i + 1] - t[i]);
  }
  private buildTable(): Float64Array {
    const c = DetectionProbabilityCache;
    const n = Math.round((c.MAX_DB - c.MIN_DB) / c.STEP_DB) + 1;
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      t[i] = detectionProbabilityFast(10 ** ((c.MIN_DB + i * c.STEP_DB) / 10), this.threshold, 0);
    }
    this.table = t;
    return t;
  }
}
