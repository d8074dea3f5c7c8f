/**
 * Two-line element sets, checked for form only (the orbit layer propagates them with SGP4). Format
 * and checksum rule from CelesTrak, "NORAD Two-Line Element Set Format" (T.S. Kelso): 69 columns; the
 * last column is the sum of all digits on the line, plus 1 for each minus sign, modulo 10; columns
 * 3-7 hold the satellite catalog number, which both lines must share.
 */
import * as z from "zod";
import { describeValue } from "../units.js";
import { type FieldOptions, fieldRegistry, raise } from "./meta.js";
import type { Field } from "./quantity.js";
import { text } from "./basic.js";
import { strict } from "./object.js";

/** Checksum digit of a TLE line's first 68 columns. */
export function tleChecksum(line: string): number {
  let sum = 0;
  for (let i = 0; i < 68 && i < line.length; i++) {
    const c = line[i];
    if (c >= "0" && c <= "9") sum += c.charCodeAt(0) - 48;
    else if (c === "-") sum += 1;
  }
  return sum % 10;
}

/** Line 1 or line 2 of a TLE, trailing spaces removed. */
export function tleLine(lineNumber: 1 | 2, opts: FieldOptions = {}): Field<string> {
  const expected = `TLE line ${lineNumber}: 69 characters starting "${lineNumber} ", ending in its checksum digit`;
  const schema: Field<string> = z.unknown().transform((input, ctx) => {
    if (typeof input !== "string") {
      raise(ctx, { expected, given: describeValue(input), wrongType: true });
      return z.NEVER;
    }
    const line = input.trimEnd();
    if (line.length !== 69 || !line.startsWith(`${lineNumber} `)) {
      raise(ctx, { expected, given: `${describeValue(input)} (${line.length} characters)` });
      return z.NEVER;
    }
    const sum = tleChecksum(line);
    if (String(sum) !== line[68]) {
      raise(ctx, { expected, given: `checksum digit ${line[68]}, but the line sums to ${sum}` });
      return z.NEVER;
    }
    return line;
  });
  fieldRegistry.add(schema, {
    kind: "tle-line",
    ...(opts.description ? { description: opts.description } : {}),
  });
  return schema;
}

/** One element set: an optional name and its two lines, with matching catalog numbers. */
export const tle = () =>
  strict({
    name: text({ maxLength: 69, description: "satellite name (line 0)" }).optional(),
    line1: tleLine(1),
    line2: tleLine(2),
  }).superRefine((t, ctx) => {
    const n1 = t.line1.slice(2, 7);
    const n2 = t.line2.slice(2, 7);
    if (n1 !== n2) {
      raise(ctx, { expected: `the catalog number of line 1 (${n1.trim()})`, given: n2.trim() }, ["line2"]);
    }
  });
