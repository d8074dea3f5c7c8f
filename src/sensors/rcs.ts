/**
 * Notional radar cross-section (RCS) and Swerling fluctuation case per threat kind and flight phase.
 *
 * No public source gives measured cross-sections of these vehicles; every number is notional and
 * exposed as data to be swept. Labels follow docs/sources.md:
 * [S] secondary (press, notes quoting a paper), [U] commonly quoted, unconfirmed.
 * - Glide vehicle, glide phase: 0.1 m^2 notional default, sweep 0.01-1 m^2 [U].
 * - Ballistic reentry vehicle (cone-shaped RV, nose-on aspect): 0.05 m^2, within the 0.01-0.1 m^2
 *   often quoted for RVs [U]. Swerling III: one dominant scatterer (the nose and base edge).
 * - A missile in boost (body with its stage, 10-20 m long): 5 m^2, inside the 1-10 m^2 quoted for
 *   boosting missile bodies [U]. Swerling I: many comparable scatterers.
 * - Hypersonic cruise missile (X-51A-like air-breathing vehicle, inlet): 0.5 m^2 [U]; 1 m^2 while its
 *   booster is attached (boost phase) [U].
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
  const e = Object.prototype.hasOwnProperty.call(table, kind) ? table[kind] : undefined;
  if (e === undefined)
    throw new RangeError(`rcsFor: kind must be one of the table's kinds, given ${String(kind)}`);
  if (!FLIGHT_PHASES.includes(phase))
    throw new RangeError(`rcsFor: phase must be one of ${FLIGHT_PHASES.join(", ")}, given ${String(phase)}`);
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
/**
 * Row of (kind, phase) in the flattened table. Switches rather than lookups in a keyed object: V8 turns
 * a switch over string literals into identity comparisons, while a keyed load with varying string keys
 * goes through its generic (megamorphic) path, and this runs for every radar-target pair in view.
 */
export function rcsIndex(kind: VehicleKind, phase: FlightPhase): number {
  return kindIndex(kind) * FLIGHT_PHASES.length + phaseIndexOf(phase);
}

function kindIndex(kind: VehicleKind): number {
  switch (kind) {
    case "ballistic":
      return 0;
    case "hgv":
      return 1;
    case "cruise":
      return 2;
    case "interceptor":
      return 3;
    default:
      return 4; // projectile
  }
}

function phaseIndexOf(phase: FlightPhase): number {
  switch (phase) {
    case "boost":
      return 0;
    case "midcourse":
      return 1;
    case "reentry":
      return 2;
    case "pull-up":
      return 3;
    case "glide":
      return 4;
    case "cruise":
      return 5;
    case "dive":
      return 6;
    default:
      return 7; // impact
  }
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
