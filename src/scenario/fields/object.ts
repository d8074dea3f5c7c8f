/**
 * Strict mappings: unknown keys are errors (they are usually typos), and the error lists the keys the
 * mapping allows. The list travels in the issue message, marked by ALLOWED_KEYS, because zod's
 * unrecognized-keys issue does not carry the shape.
 */
import * as z from "zod";

export const ALLOWED_KEYS = "allowed keys: ";

export function strict<const T extends z.core.$ZodLooseShape>(shape: T) {
  const allowed = ALLOWED_KEYS + Object.keys(shape).join(", ");
  return z.strictObject(shape, { error: (iss) => (iss.code === "unrecognized_keys" ? allowed : undefined) });
}

/**
 * A section that may be left out of the file entirely: absent means `{}`, which fills in every field's
 * default. Field helpers type their input as `unknown` (the YAML can hold anything), so zod sees the
 * keys as required in the input type; `{}` is still valid input at run time for such sections.
 */
export function defaultedSection<S extends z.ZodObject>(schema: S) {
  return schema.prefault({} as z.input<S>);
}
