/**
 * Shared pieces of the notional catalog. Every number is either from a cited public source or notional
 * (sized by us, with the derivation stated) and labelled so.
 */
import type { DragAeroDefinition } from "../definitions.js";

export const DEG = Math.PI / 180;

/**
 * Notional body drag coefficient of a slender missile stack vs Mach (zero lift, based on the body cross
 * section): the usual shape of a rocket's C_D(M) curve, rising through the transonic drag rise to a peak
 * near Mach 1.1-1.2 and falling slowly at supersonic and hypersonic speed (cf. Fleeman, "Tactical Missile
 * Design", 2nd ed., AIAA 2006, ch. 2, body drag; the M-V and Atlas tables reproduced in open simulators
 * have the same shape). Notional values.
 */
export function stackDrag(diameterM: number): DragAeroDefinition {
  return {
    kind: "drag-table",
    refAreaM2: (Math.PI * diameterM * diameterM) / 4,
    mach: [0, 0.6, 0.8, 1.0, 1.2, 1.5, 2, 3, 5, 10],
    cd: [0.25, 0.25, 0.3, 0.5, 0.55, 0.5, 0.42, 0.33, 0.26, 0.22],
    source: "notional slender-body C_D(M) (shape per Fleeman 2006 ch. 2)",
  };
}

/**
 * Range bands of ballistic missile classes: SRBM < 1,000 km, MRBM 1,000-3,000 km, IRBM 3,000-5,500 km,
 * ICBM > 5,500 km (NASIC, "Ballistic and Cruise Missile Threat", 2017/2020 editions; the same classes in
 * CRS and MDA usage).
 */
export const RANGE_BANDS_M = {
  srbm: [300_000, 1_000_000],
  mrbm: [1_000_000, 3_000_000],
  irbm: [3_000_000, 5_500_000],
} as const;
