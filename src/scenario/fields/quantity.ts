/**
 * Field helpers for quantities with units: `length({ min: "-1 km", max: "1000 km", default: "0 m" })`
 * declares a field that accepts "300 km", yields metres, checks the range after conversion, and
 * reports a violation in the file's units and in SI.
 */
import * as z from "zod";
import {
  DIMENSIONS,
  type Dimension,
  describeValue,
  formatNumber,
  formatSI,
  parseLooseQuantity,
  parseQuantity,
  unitsOf,
} from "../units.js";
import { definedOnly, type FieldOptions, fieldRegistry, raise } from "./meta.js";

export interface QuantityOptions extends FieldOptions {
  /** Bounds as quantities ("0 m", "90 deg"); checked after conversion to SI. */
  readonly min?: string;
  readonly max?: string;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  /** Default as written in a file ("0 m"); parsed like user input. */
  readonly default?: string;
}

/** A field's output: an SI number; its input is whatever the YAML held. */
export type Field<T> = z.ZodType<T, unknown>;

interface Bound {
  readonly text: string;
  readonly si: number;
}

function bound(text: string | undefined, dimension: Dimension): Bound | undefined {
  if (text === undefined) return undefined;
  const r = parseQuantity(text, dimension);
  // A bad bound is a programming error in a schema declaration, not a user error.
  if (!r.ok) throw new Error(`schema bound ${JSON.stringify(text)}: expected ${r.expected}`);
  return { text, si: r.si };
}

/** Interval text, e.g. "[-1 km, 1000 km]" or ">= 0 s", with each bound shown by `show`. */
function intervalText(
  lo: Bound | undefined,
  hi: Bound | undefined,
  opts: QuantityOptions,
  show: (b: Bound) => string,
): string {
  if (lo !== undefined && hi !== undefined) {
    return `${opts.minExclusive ? "(" : "["}${show(lo)}, ${show(hi)}${opts.maxExclusive ? ")" : "]"}`;
  }
  if (lo !== undefined) return `${opts.minExclusive ? ">" : ">="} ${show(lo)}`;
  if (hi !== undefined) return `${opts.maxExclusive ? "<" : "<="} ${show(hi)}`;
  return "";
}

/** "an angle in [-90 deg, 90 deg] (SI: [-1.5708, 1.5708] rad)"; the SI part only when it differs. */
function rangeText(
  dimension: Dimension,
  lo: Bound | undefined,
  hi: Bound | undefined,
  opts: QuantityOptions,
): string {
  const asWritten = intervalText(lo, hi, opts, (b) => b.text);
  const si = DIMENSIONS[dimension].si;
  const inSI = `${intervalText(lo, hi, opts, (b) => formatNumber(b.si))} ${si === "" ? "(linear)" : si}`;
  const sameInSI = intervalText(lo, hi, opts, (b) => formatSI(b.si, dimension)) === asWritten;
  const lead = /^[[(]/.test(asWritten) ? "in " : "";
  return `${DIMENSIONS[dimension].noun} ${lead}${asWritten}${sameInSI ? "" : ` (SI: ${inSI})`}`;
}

/** A quantity field of the given dimension. */
export function quantity(dimension: Dimension, opts: QuantityOptions = {}): Field<number> {
  const lo = bound(opts.min, dimension);
  const hi = bound(opts.max, dimension);
  const expectedInRange = rangeText(dimension, lo, hi, opts);

  const base = z.unknown().transform((input, ctx) => {
    const r = parseQuantity(input, dimension);
    if (!r.ok) {
      raise(ctx, { expected: r.expected, given: r.given, wrongType: r.wrongType });
      return z.NEVER;
    }
    const tooLow = lo !== undefined && (opts.minExclusive ? r.si <= lo.si : r.si < lo.si);
    const tooHigh = hi !== undefined && (opts.maxExclusive ? r.si >= hi.si : r.si > hi.si);
    if (tooLow || tooHigh) {
      raise(ctx, {
        expected: expectedInRange,
        given: `${describeValue(input)} (SI: ${formatSI(r.si, dimension)})`,
      });
      return z.NEVER;
    }
    return r.si;
  });
  // Check a declared default like a bound, so a typo in a schema fails when the module loads.
  if (opts.default !== undefined) bound(opts.default, dimension);
  const schema: Field<number> = opts.default === undefined ? base : base.prefault(opts.default);
  fieldRegistry.add(schema, {
    kind: "quantity",
    dimension,
    units: unitsOf(dimension),
    siUnit: DIMENSIONS[dimension].si,
    ...definedOnly({
      description: opts.description,
      source: opts.source,
      default: opts.default,
      min: opts.min,
      max: opts.max,
      minExclusive: opts.minExclusive,
      maxExclusive: opts.maxExclusive,
    }),
  });
  return schema;
}

export const length = (o?: QuantityOptions) => quantity("length", o);
export const speed = (o?: QuantityOptions) => quantity("speed", o);
export const angle = (o?: QuantityOptions) => quantity("angle", o);
export const angularRate = (o?: QuantityOptions) => quantity("angularRate", o);
export const duration = (o?: QuantityOptions) => quantity("duration", o);
export const mass = (o?: QuantityOptions) => quantity("mass", o);
export const area = (o?: QuantityOptions) => quantity("area", o);
export const rcs = (o?: QuantityOptions) => quantity("rcs", o);
export const power = (o?: QuantityOptions) => quantity("power", o);
export const frequency = (o?: QuantityOptions) => quantity("frequency", o);
export const temperature = (o?: QuantityOptions) => quantity("temperature", o);
export const energy = (o?: QuantityOptions) => quantity("energy", o);
export const acceleration = (o?: QuantityOptions) => quantity("acceleration", o);
export const ballisticCoefficient = (o?: QuantityOptions) => quantity("ballisticCoefficient", o);
export const specificImpulse = (o?: QuantityOptions) => quantity("specificImpulse", o);
export const force = (o?: QuantityOptions) => quantity("force", o);
export const irradiance = (o?: QuantityOptions) => quantity("irradiance", o);
export const intensity = (o?: QuantityOptions) => quantity("intensity", o);
export const ratio = (o?: QuantityOptions) => quantity("ratio", o);
export const rate = (o?: QuantityOptions) => quantity("rate", o);

/**
 * A value whose dimension comes from elsewhere (a distribution parameter takes the dimension of the
 * parameter it perturbs): a bare number or "x unit" with any known unit, converted to SI. The loader's
 * cross-checks compare the unit's dimension with the target's.
 */
export function looseQuantity(opts: FieldOptions = {}): Field<number> {
  const schema: Field<number> = z.unknown().transform((input, ctx) => {
    const r = parseLooseQuantity(input);
    if (!r.ok) {
      const wrongType = typeof input !== "string" && typeof input !== "number";
      raise(ctx, {
        expected: 'a number, or a quantity with a unit (e.g. "2 s", "500 m")',
        given: r.given,
        wrongType,
      });
      return z.NEVER;
    }
    return r.si;
  });
  fieldRegistry.add(schema, { kind: "loose-quantity", ...definedOnly({ ...opts }) });
  return schema;
}
