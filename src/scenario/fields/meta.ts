/**
 * Field metadata: what a scenario field means, its unit, range, default and source, declared once next
 * to its schema and readable by code (the web editor renders its forms from it; docs/design.md, "Components
 * declare their parameters"). Stored in a typed zod registry rather than the global one so readers get
 * a checked type.
 */
import * as z from "zod";
import type { Dimension } from "../units.js";

export type CatalogKind = "vehicles" | "sensors" | "weapons";

export interface FieldMeta {
  readonly kind:
    | "quantity"
    | "loose-quantity"
    | "number"
    | "integer"
    | "enum"
    | "boolean"
    | "id"
    | "reference"
    | "catalog-name"
    | "text"
    | "epoch"
    | "tle-line";
  readonly description?: string;
  /** Public source of a default or range (paper, table), where there is one. */
  readonly source?: string;
  /** Default as written in a file ("0 m", 4, true). */
  readonly default?: string | number | boolean;
  readonly dimension?: Dimension;
  /** Accepted unit symbols. */
  readonly units?: readonly string[];
  /** SI unit of the parsed value. */
  readonly siUnit?: string;
  /** Range bounds as written ("-1 km", 0). */
  readonly min?: string | number;
  readonly max?: string | number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  /** Allowed values of an enum. */
  readonly values?: readonly string[];
  /** For catalog names: which catalog; for references: which section's ids. */
  readonly catalog?: CatalogKind;
  readonly refersTo?: "assets";
}

export const fieldRegistry = z.registry<FieldMeta>();

/** Metadata of a field schema, looking through optional/default/prefault wrappers. */
export function fieldMeta(schema: z.core.$ZodType): FieldMeta | undefined {
  let s: z.core.$ZodType = schema;
  for (let i = 0; i < 8; i++) {
    const meta = fieldRegistry.get(s);
    if (meta !== undefined) return meta;
    const def = s._zod.def as { innerType?: z.core.$ZodType };
    if (def.innerType === undefined) return undefined;
    s = def.innerType;
  }
  return undefined;
}

/** `o` without its undefined entries (metadata stays free of `key: undefined`). */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Common options of every field helper. */
export interface FieldOptions {
  readonly description?: string;
  readonly source?: string;
}

/**
 * Parameters carried by every custom issue this library raises, so the loader can report
 * "expected X, given Y" without parsing messages. `wrongType` marks "not even the right kind of
 * value", which lets a union try its other branches.
 */
export interface IssueParams {
  readonly expected: string;
  /** What the file holds; omitted to let the loader quote the source text at the issue's path. */
  readonly given?: string;
  readonly wrongType?: boolean;
}

/** Where transforms and refinements add issues (zod's refinement context). */
export interface IssueSink {
  addIssue(arg: z.core.$ZodSuperRefineIssue): void;
}

/** Raise a custom issue with structured parameters from inside a transform or refinement. */
export function raise(ctx: IssueSink, params: IssueParams, path?: PropertyKey[]): void {
  ctx.addIssue({
    code: "custom",
    message: `expected ${params.expected}, given ${params.given ?? "(see the file)"}`,
    params: { ...params },
    ...(path === undefined ? {} : { path }),
  });
}
