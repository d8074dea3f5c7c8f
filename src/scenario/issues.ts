/**
 * From zod issues to "expected X, given Y" problems with a path. Issues raised by the field helpers carry
 * structured `params`; zod's own issues (types, enums, unknown keys, unions, list sizes) are translated
 * here. Positions are added later by the loader (locate.ts).
 */
import type * as z from "zod";
import type { IssueParams } from "./fields/meta.js";
import { ALLOWED_KEYS } from "./fields/object.js";
import { didYouMean, listOf } from "./suggest.js";

/** A problem before it is placed in the file. */
export interface PendingIssue {
  readonly path: readonly PropertyKey[];
  readonly expected: string;
  /** Omitted: the loader quotes the source text at `path` (or says the field is missing). */
  readonly given?: string;
  /** Point at the key rather than the value (unknown keys). */
  readonly atKey?: boolean;
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "text",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  date: "a date",
};

function paramsOf(issue: z.core.$ZodIssue): IssueParams | undefined {
  if (issue.code !== "custom") return undefined;
  const p = issue.params as Partial<IssueParams> | undefined;
  return p !== undefined && typeof p.expected === "string" ? (p as IssueParams) : undefined;
}

/** "Not even the right kind of value" at the union's own level: that branch is not the one meant. */
function isShapeMismatch(issue: z.core.$ZodIssue): boolean {
  if (issue.path.length !== 0) return false;
  if (issue.code === "invalid_type") return true;
  return paramsOf(issue)?.wrongType === true;
}

function quote(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** Translate one zod issue (recursively for unions) into pending issues. */
export function fromZodIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): PendingIssue[] {
  const path = [...prefix, ...issue.path];
  const params = paramsOf(issue);
  if (params !== undefined) {
    return [
      { path, expected: params.expected, ...(params.given === undefined ? {} : { given: params.given }) },
    ];
  }
  switch (issue.code) {
    case "invalid_type":
      return [{ path, expected: TYPE_NAMES[issue.expected] ?? issue.expected }];
    case "invalid_value": {
      const values = issue.values.map((v) => String(v));
      const given = issue.input === undefined ? undefined : quote(issue.input);
      const hint = typeof issue.input === "string" ? didYouMean(issue.input, values) : "";
      return [
        {
          path,
          expected: `one of ${listOf(values)}`,
          ...(given === undefined ? {} : { given: given + hint }),
        },
      ];
    }
    case "unrecognized_keys": {
      const allowed = issue.message.startsWith(ALLOWED_KEYS)
        ? issue.message.slice(ALLOWED_KEYS.length).split(", ")
        : [];
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        expected: allowed.length > 0 ? `one of the keys ${listOf(allowed)}` : "no other keys",
        given: `unknown key ${JSON.stringify(key)}${didYouMean(key, allowed)}`,
      }));
    }
    case "invalid_union": {
      if ("note" in issue && issue.note === "No matching discriminator") {
        const options = ((issue as { options?: unknown[] }).options ?? []).map((o) => String(o));
        const given = (issue as { input?: unknown }).input;
        const raw =
          typeof given === "object" && given !== null
            ? (given as Record<string, unknown>)[issue.discriminator ?? ""]
            : undefined;
        const hint = typeof raw === "string" ? didYouMean(raw, options) : "";
        return [
          {
            path,
            expected: `one of ${listOf(options)}`,
            ...(raw === undefined ? {} : { given: quote(raw) + hint }),
          },
        ];
      }
      // Keep the branches that got past the shape check; their issues say what is wrong inside.
      const branches = issue.errors.filter((b) => b.length > 0 && !b.every(isShapeMismatch));
      if (branches.length > 0) {
        const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
        return best.flatMap((i) => fromZodIssue(i, path));
      }
      return [{ path, expected: issue.message }];
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const n = Number(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === "array") {
        const expected = small
          ? `a list of at least ${n} item${n === 1 ? "" : "s"}`
          : `a list of at most ${n} items`;
        return [{ path, expected }];
      }
      if (issue.origin === "string") {
        return [
          { path, expected: small ? `text of at least ${n} characters` : `text of at most ${n} characters` },
        ];
      }
      return [
        { path, expected: `a value ${small ? (inclusive ? ">=" : ">") : inclusive ? "<=" : "<"} ${n}` },
      ];
    }
    default:
      return [{ path, expected: issue.message }];
  }
}
