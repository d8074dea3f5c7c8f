/**
 * How a round's or an interceptor's flight runs (output samples, its longest flight, the run's end,
 * the integration steps kept, tolerances), from its launch options with the weapons' defaults: no
 * samples, the envelope's longest time of flight plus a minute (a round that misses flies on past its
 * planned intercept), and 8 steps kept for its dense output.
 */
export interface WeaponFlightRunOptions {
  /** Output samples, s (default 0: none). */
  readonly sampleIntervalS?: number;
  /** Longest flight, s (default: the envelope's longest time of flight plus a minute). */
  readonly maxFlightTimeS?: number;
  /** The run's end, s. */
  readonly endTimeS?: number;
  /** Integration steps kept for stateAt (default 8). */
  readonly historySteps?: number;
  readonly rtol?: number;
  readonly atol?: number;
}

/** Beyond the envelope's longest time of flight, s: how long a round that missed flies on. */
const FLY_ON_S = 60;

/** The options with the defaults filled in. */
export type ResolvedWeaponFlightRunOptions = WeaponFlightRunOptions & {
  readonly sampleIntervalS: number;
  readonly maxFlightTimeS: number;
  readonly historySteps: number;
};

export function weaponFlightRunOptions(
  o: WeaponFlightRunOptions,
  maxTimeOfFlightS: number,
): ResolvedWeaponFlightRunOptions {
  return {
    sampleIntervalS: o.sampleIntervalS ?? 0,
    maxFlightTimeS: o.maxFlightTimeS ?? maxTimeOfFlightS + FLY_ON_S,
    endTimeS: o.endTimeS,
    historySteps: o.historySteps ?? 8,
    rtol: o.rtol,
    atol: o.atol,
  };
}
