/**
 * Which filter and state the battle manager predicts a ballistic track with: an IMM track's leading mode
 * alone, a single filter's track as it is. Planning looks minutes ahead, where the mixture is no better
 * than one mode, at a third of the cost. The weapons system predicts with the whole filter (firing
 * solutions and the guidance of rounds in flight, src/sim/systems/weapons.ts). Lifting tracks are
 * predicted along their glide by both (weapons/fireControl/liftingPrediction.ts).
 */
import { ImmFilter } from "../tracking/filters/imm.js";
import type { GaussianState, TrackingFilter } from "../tracking/types.js";

/**
 * The filter and state to plan with: one mode of an IMM track alone (its own motion model, or `modes`'
 * stand-in for it, and the mode-conditioned state), a single filter's track as it is. The mode: the
 * most probable one.
 */
export function planningFilter(
  filter: TrackingFilter<GaussianState>,
  state: GaussianState,
  modes?: readonly TrackingFilter<GaussianState>[],
): { filter: TrackingFilter<GaussianState>; state: GaussianState } {
  const s = state as GaussianState & { modes?: GaussianState[]; probabilities?: Float64Array };
  if (!(filter instanceof ImmFilter) || s.modes === undefined || s.probabilities === undefined)
    return { filter, state };
  let k = 0;
  for (let i = 1; i < s.probabilities.length; i++) if (s.probabilities[i] > s.probabilities[k]) k = i;
  return { filter: modes?.[k] ?? filter.filters[k], state: s.modes[k] };
}

/** Planning modes, when given, stand one for one in place of an IMM's modes, with their state sizes. */
export function checkPlanningModes(
  filter: TrackingFilter<GaussianState>,
  modes: readonly TrackingFilter<GaussianState>[] | undefined,
): void {
  if (modes === undefined) return;
  const own = filter instanceof ImmFilter ? filter.filters : [];
  const same = modes.length === own.length && modes.every((m, k) => m.ndim === own[k].ndim);
  if (!same)
    throw new RangeError(
      `BattleManager: o.planningModes must be one filter per mode of the tracker's IMM with the mode's state size (${own.map((m) => m.ndim).join(", ") || "no IMM"}), given ${modes.length} of sizes ${modes.map((m) => m.ndim).join(", ")}`,
    );
}
