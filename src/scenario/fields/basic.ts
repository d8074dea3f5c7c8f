/**
 * Field helpers for values without units: counts, plain numbers (probabilities, Mach, lift-to-drag),
 * ids, references, catalog names, free text, enums, switches, the epoch, and "exactly one of" rules.
 */
import * as z from "zod";
import { describeValue } from "../units.js";
import { type CatalogKind, definedOnly, type FieldOptions, fieldRegistry, raise } from "./meta.js";
import type { Field } from "./quantity.js";

export interface NumberOptions extends FieldOptions {
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  readonly default?: number;
}

function numberField(integer: boolean, opts: NumberOptions): Field<number> {
  const noun = integer ? "an integer" : "a number";
  const { min, max } = opts;
  let range = "";
  if (min !== undefined && max !== undefined) {
    range = ` in ${opts.minExclusive ? "(" : "["}${min}, ${max}${opts.maxExclusive ? ")" : "]"}`;
  } else if (min !== undefined) range = ` ${opts.minExclusive ? ">" : ">="} ${min}`;
  else if (max !== undefined) range = ` ${opts.maxExclusive ? "<" : "<="} ${max}`;
  const expected = `${noun}${range}`;

  const base = z.unknown().transform((input, ctx) => {
    if (typeof input !== "number" || !Number.isFinite(input)) {
      const hint =
        typeof input === "string" && /^\s*[-+.\d]/.test(input)
          ? " (text; this field takes a bare number)"
          : "";
      raise(ctx, { expected, given: describeValue(input) + hint, wrongType: typeof input !== "number" });
      return z.NEVER;
    }
    const bad =
      (integer && !Number.isInteger(input)) ||
      (min !== undefined && (opts.minExclusive ? input <= min : input < min)) ||
      (max !== undefined && (opts.maxExclusive ? input >= max : input > max));
    if (bad) {
      raise(ctx, { expected, given: String(input) });
      return z.NEVER;
    }
    return input;
  });
  const schema: Field<number> = opts.default === undefined ? base : base.prefault(opts.default);
  fieldRegistry.add(schema, { kind: integer ? "integer" : "number", ...definedOnly(opts) });
  return schema;
}

/** A plain number (unitless: lift-to-drag ratio, value weight...). */
export const number = (opts: NumberOptions = {}) => numberField(false, opts);
/** A whole number (counts of satellites, rounds, shots). */
export const count = (opts: NumberOptions = {}) => numberField(true, { min: 0, ...opts });
/** A probability in [0, 1] (or a narrower range). */
export const probability = (opts: NumberOptions = {}) => numberField(false, { min: 0, max: 1, ...opts });
/** A Mach number: a ratio to the local speed of sound, never a fixed speed. */
export const mach = (opts: NumberOptions = {}) => numberField(false, { min: 0, max: 40, ...opts });

// Ids appear in event logs, CSV columns and `--set` / uncertainty paths, where "." separates segments.
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const NAME_TEXT = 'letters, digits, "-" and "_", starting with a letter or digit, at most 64 characters';

function nameField(expected: string, meta: Parameters<typeof fieldRegistry.add>[1]): Field<string> {
  const schema: Field<string> = z.unknown().transform((input, ctx) => {
    if (typeof input !== "string" || !NAME.test(input)) {
      raise(ctx, { expected, given: describeValue(input), wrongType: typeof input !== "string" });
      return z.NEVER;
    }
    return input;
  });
  fieldRegistry.add(schema, meta);
  return schema;
}

/** An id, unique within its section (checked by the loader). */
export const id = (opts: FieldOptions = {}) =>
  nameField(`an id (${NAME_TEXT})`, { kind: "id", ...definedOnly(opts) });

/** The id of an asset defined in `assets`. */
export const assetRef = (opts: FieldOptions = {}) =>
  nameField(`an asset id (${NAME_TEXT})`, { kind: "reference", refersTo: "assets", ...definedOnly(opts) });

/** A name from the notional catalog; unknown names are reported when the loader is given the catalog. */
export const catalogName = (catalog: CatalogKind, opts: FieldOptions = {}) =>
  nameField(`a ${catalog.slice(0, -1)} catalog name (${NAME_TEXT})`, {
    kind: "catalog-name",
    catalog,
    ...definedOnly(opts),
  });

/** Free text (names, descriptions). */
export function text(opts: FieldOptions & { readonly maxLength?: number } = {}): Field<string> {
  const maxLength = opts.maxLength ?? 500;
  const expected = `text of 1 to ${maxLength} characters`;
  const schema: Field<string> = z.unknown().transform((input, ctx) => {
    if (typeof input !== "string" || input.trim() === "" || input.length > maxLength) {
      raise(ctx, { expected, given: describeValue(input), wrongType: typeof input !== "string" });
      return z.NEVER;
    }
    return input;
  });
  fieldRegistry.add(schema, {
    kind: "text",
    ...definedOnly({ description: opts.description, source: opts.source }),
  });
  return schema;
}

/** One of a fixed set of words; `default` makes it optional. */
export function choice<const T extends readonly [string, ...string[]]>(
  values: T,
  opts: FieldOptions & { readonly default?: T[number] } = {},
): Field<T[number]> {
  const base = z.enum(values);
  const schema: Field<T[number]> = opts.default === undefined ? base : base.default(opts.default);
  fieldRegistry.add(schema, { kind: "enum", values, ...definedOnly(opts) });
  return schema;
}

/** true or false. */
export function flag(opts: FieldOptions & { readonly default: boolean }): Field<boolean> {
  const schema: Field<boolean> = z.boolean().default(opts.default);
  fieldRegistry.add(schema, { kind: "boolean", ...definedOnly(opts) });
  return schema;
}

// ISO 8601 date-time in UTC: a "Z" or a zero offset, so a file cannot silently mean local time.
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|[+-]00:?00)$/;

/** An ISO 8601 UTC instant ("2030-06-01T00:00:00Z"), parsed to a Date. Leap seconds (":60") are refused. */
export function epoch(opts: FieldOptions = {}): Field<Date> {
  const expected = 'an ISO 8601 UTC date and time, e.g. "2030-06-01T00:00:00Z"';
  const schema: Field<Date> = z.unknown().transform((input, ctx) => {
    const m = typeof input === "string" ? ISO_UTC.exec(input.trim()) : null;
    if (m !== null) {
      const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
      const s = Number(m[6] ?? 0);
      const ms = Number(((m[7] ?? "0") + "00").slice(0, 3));
      const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
      const back = new Date(t);
      // Date.UTC rolls over out-of-range fields (Feb 30 -> Mar 2); refuse instead.
      if (
        back.getUTCFullYear() === y &&
        back.getUTCMonth() === mo - 1 &&
        back.getUTCDate() === d &&
        h < 24 &&
        mi < 60 &&
        s < 60
      ) {
        return back;
      }
    }
    raise(ctx, { expected, given: describeValue(input), wrongType: typeof input !== "string" });
    return z.NEVER;
  });
  fieldRegistry.add(schema, { kind: "epoch", ...definedOnly(opts) });
  return schema;
}

/**
 * Either of several shapes (a catalog name or an inline definition). `expected` is what the loader
 * reports when the value fits none of them.
 */
export function oneOf<const T extends readonly [z.ZodType, z.ZodType, ...z.ZodType[]]>(
  expected: string,
  options: T,
) {
  return z.union(options, { error: () => expected });
}

const isRecordPayload = (p: { value: unknown }) =>
  typeof p.value === "object" && p.value !== null && !Array.isArray(p.value);

/**
 * Require exactly one of `keys` in an object (launch or burnout, at or track). Runs even when other
 * fields have errors, so every problem is reported at once; it only tests which keys are present.
 */
export function exactlyOne<S extends z.ZodType<object>>(
  schema: S,
  keys: readonly [string, string, ...string[]],
): S {
  const names = keys.join(" or ");
  return schema.superRefine(
    (value, ctx) => {
      const present = keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
      if (present.length === 0) {
        raise(ctx, { expected: `one of ${names}`, given: keys.length === 2 ? "neither" : "none of them" });
      } else if (present.length > 1) {
        raise(ctx, { expected: `only one of ${names}`, given: `both ${present.join(" and ")}` }, [
          present[1],
        ]);
      }
    },
    { when: isRecordPayload },
  );
}
