/**
 * Notional radar cross-section (RCS) and Swerling fluctuation case per threat kind and flight phase.
 *
 * No public source gives measured cross-sections of these vehicles; every number is notional and
 * exposed as data to be swept. Labels follow /work/shared/REFERENCES.md:
 * [S] secondary (press, notes quoting a paper), [U] commonly quoted, unconfirmed.
 * - Glide vehicle, glide phase: 0.1 m^2 notional default, sweep 0.01-1 m^2 [U].
 * - Ballistic reentry vehicle (cone-shaped RV, nose-on aspect): 0.05 m^2, within the 0.01-0.1 m^2
 *   often quoted for RVs [U]. Swerling III: one dominant scatterer (the nose and base edge).
 * - A missile in boost (body with its stage, 10-20 m long): 5 m^2, inside the 1-10 m^2 quoted for
 *   boosting missile bodies [U]. Swerling I: many comparable scatterers.
 * - Hypersonic cruise missile (X-51A-like air-breathing vehicle, inlet): 0.5 m^2 [U].
 * - Interceptor in flight: 0.5 m^2 [U]; railgun projectile: 0.01 m^2 [U].
 * Aspect dependence, plasma-sheath effects and debris are not modelled.
 */
import type { FlightPhase, VehicleKind } from "../flight/truth.js";
import type { SwerlingCase } from "./radar/swerling.js";

export interface RcsEntry {
  /** Mean radar cross-section, m^2 (> 0). */
  readonly rcsM2: number;
  /** Swerling fluctuation case of the target. */
  readonly swerling: SwerlingCase;
}

/** One entry per vehicle kind for every phase, with per-phase overrides. */
export interface RcsModelEntry {
  readonly default: RcsEntry;
  readonly phases?: Partial<Record<FlightPhase, RcsEntry>>;
}

export type RcsTable = Readonly<Record<VehicleKind, RcsModelEntry>>;

const BOOSTING_BODY: RcsEntry = { rcsM2: 5, swerling: 1 };

/** The notional table described in the file comment. */
export const NOTIONAL_RCS: RcsTable = {
  ballistic: {
    default: { rcsM2: 0.05, swerling: 3 },
    phases: { boost: BOOSTING_BODY },
  },
  hgv: {
    default: { rcsM2: 0.1, swerling: 1 },
    phases: { boost: BOOSTING_BODY },
  },
  cruise: {
    default: { rcsM2: 0.5, swerling: 1 },
    phases: { boost: { rcsM2: 1, swerling: 1 } },
  },
  interceptor: { default: { rcsM2: 0.5, swerling: 1 } },
  projectile: { default: { rcsM2: 0.01, swerling: 3 } },
};

/** RCS and Swerling case of a vehicle kind in a phase. */
export function rcsFor(kind: VehicleKind, phase: FlightPhase, table: RcsTable = NOTIONAL_RCS): RcsEntry {
  const e = table[kind];
  return e.phases?.[phase] ?? e.default;
}

/**
 * Flattened lookup for hot loops: index with `rcsIndex(kind, phase)`; built once per table.
 * Values: rcs in even slots, swerling case in odd slots.
 */
export const VEHICLE_KINDS: readonly VehicleKind[] = [
  "ballistic",
  "hgv",
  "cruise",
  "interceptor",
  "projectile",
];
export const FLIGHT_PHASES: readonly FlightPhase[] = [
  "boost",
  "midcourse",
  "reentry",
  "pull-up",
  "glide",
  "cruise",
  "dive",
  "impact",
];
const KIND_INDEX: Readonly<Record<VehicleKind, number>> = {
  ballistic: 0,
  hgv: 1,
  cruise: 2,
  interceptor: 3,
  projectile: 4,
};
const PHASE_INDEX: Readonly<Record<FlightPhase, number>> = {
  boost: 0,
  midcourse: 1,
  reentry: 2,
  "pull-up": 3,
  glide: 4,
  cruise: 5,
  dive: 6,
  impact: 7,
};

export function rcsIndex(kind: VehicleKind, phase: FlightPhase): number {
  return KIND_INDEX[kind] * FLIGHT_PHASES.length + PHASE_INDEX[phase];
}

export function flattenRcsTable(table: RcsTable = NOTIONAL_RCS): Float64Array {
  const out = new Float64Array(VEHICLE_KINDS.length * FLIGHT_PHASES.length * 2);
  for (const k of VEHICLE_KINDS) {
    for (const p of FLIGHT_PHASES) {
      const e = rcsFor(k, p, table);
      const i = rcsIndex(k, p);
      out[2 * i] = e.rcsM2;
      out[2 * i + 1] = e.swerling;
    }
  }
  return out;
}
