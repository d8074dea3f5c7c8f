/**
 * The machinery of tests/arguments.test.ts (issue 10 item 10): a case says how to make a valid call of
 * an exported function (or of a class's constructor or method), and the harness corrupts one numeric
 * leaf of its arguments at a time (a number, an array item, an object's field) with NaN, infinities or a
 * documented out-of-range value, and judges the outcome by the case's kind.
 */

/** A path to one value inside the argument list: the argument's position, then keys and indices. */
export type Leaf = readonly (string | number)[];

/**
 * - "checks": each bad value throws a RangeError whose message names the argument (see `leafName`).
 * - "nonfinite": the allocation-free kernels and the vector and matrix arithmetic of hot loops check
 *   nothing; documented (src/math/check.ts, src/math/vec3.ts): a non-finite input gives a non-finite
 *   output (NaN or an infinity), never a finite wrong number. A RangeError is accepted too.
 * - "limits": special functions on the extended reals: NaN gives NaN (or a RangeError), an infinity gives
 *   the function's limit (erf(Infinity) = 1) or a RangeError; nothing else is thrown.
 */
export type Kind = "checks" | "nonfinite" | "limits";

export interface Case {
  readonly kind: Kind;
  /** A valid call's arguments, made fresh each time. */
  readonly args: () => unknown[];
  /** Parameter names by position ("" for a destructured object: its keys are the names). */
  readonly names: readonly string[];
  /** Positions of output arguments, never corrupted. */
  readonly out?: readonly number[];
  /** "allowed": an infinity is a value like any other (order statistics), only NaN must be refused. */
  readonly infinities?: "allowed";
  /** Further out-of-range values that must be refused with a RangeError naming the leaf. */
  readonly refuse?: readonly (readonly [Leaf, unknown])[];
  /**
   * What is called with the arguments: by default the export itself; for a class, its constructor
   * (`(...a) => new C(...a)`) or a method of an object made fresh for each call.
   */
  readonly call?: (...args: unknown[]) => unknown;
  /** What `call` calls, in messages ("new", "update"). */
  readonly label?: string;
  /**
   * The leaves to corrupt. Default: every numeric leaf of the arguments' arrays and plain objects
   * (objects made by a class, such as an Earth model or a filter, are the library's own, not the
   * caller's numbers, and are not entered).
   */
  readonly leaves?: readonly Leaf[];
  /**
   * Left out of the property test of several bad values at once, with the reason (a call whose valid
   * form costs seconds, so that a combination the function accepts would run the whole computation).
   */
  readonly slow?: string;
}

/** One export's cases: one call, or several (a class's constructor and its methods). */
export type Entry = Case | readonly Case[];

export function casesOf(e: Entry): readonly Case[] {
  return Array.isArray(e) ? (e as readonly Case[]) : [e as Case];
}

function isPlain(v: object): boolean {
  const p: unknown = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** Every numeric leaf of the arguments (numbers, array items, plain objects' fields), outputs excluded. */
export function numericLeaves(args: readonly unknown[], out: readonly number[]): Leaf[] {
  const found: Leaf[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === "number") found.push(path);
    else if (Array.isArray(v) || v instanceof Float64Array)
      for (let i = 0; i < v.length; i++) walk(v[i], [...path, i]);
    else if (typeof v === "object" && v !== null && isPlain(v))
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  args.forEach((a, i) => {
    if (!out.includes(i)) walk(a, [i]);
  });
  return found;
}

export function leavesOf(c: Case): readonly Leaf[] {
  return c.leaves ?? numericLeaves(c.args(), c.out ?? []);
}

export function withValue(args: unknown[], leaf: Leaf, value: unknown): unknown[] {
  if (leaf.length === 1) {
    args[leaf[0] as number] = value;
    return args;
  }
  let target = args[leaf[0] as number] as Record<string | number, unknown>;
  for (const k of leaf.slice(1, -1)) target = target[k] as Record<string | number, unknown>;
  target[leaf[leaf.length - 1]] = value;
  return args;
}

/**
 * The name of a leaf: the parameter's name, then the keys of the fields it is in, with the indices of
 * the lists between them (`spec.site.latDeg`, `state.modes[0].x`); trailing indices are left out (`z`
 * for z[1]).
 */
export function leafName(c: Case, leaf: Leaf): string {
  const base = c.names[leaf[0] as number] ?? "";
  const path = fieldPath(leaf);
  return base === "" ? path : path === "" ? base : path.startsWith("[") ? base + path : `${base}.${path}`;
}

/** The keys of a leaf after its parameter, with inner indices in brackets (`modes[0].x`). */
function fieldPath(leaf: Leaf): string {
  const rest = leaf.slice(1);
  let last = -1;
  rest.forEach((k, i) => {
    if (typeof k === "string") last = i;
  });
  let out = "";
  for (let i = 0; i <= last; i++) {
    const k = rest[i];
    out += typeof k === "number" ? `[${k}]` : out === "" ? k : `.${k}`;
  }
  return out;
}

/**
 * Whether a message names the leaf: its whole name (`predicted.x`), the field path without the
 * parameter's name when that path is distinctive (`site.latDeg`, `stepS`: three characters or more), or
 * the field with the object it is in (`lethality` and `hitRadiusM`).
 */
export function namesLeaf(message: string, c: Case, leaf: Leaf): boolean {
  if (message.includes(leafName(c, leaf))) return true;
  const path = fieldPath(leaf);
  if (path.length >= 3 && message.includes(path)) return true;
  // A nested validator names the field within its own object: "lethality: l.hitRadiusM" for
  // def.projectile.lethality.hitRadiusM (the field and the object it is in).
  const keys = leaf.filter((k, i): k is string => i > 0 && typeof k === "string");
  return (
    keys.length >= 2 && message.includes(keys[keys.length - 2]) && message.includes(keys[keys.length - 1])
  );
}

function hasNonFinite(v: unknown): boolean {
  if (typeof v === "number") return !Number.isFinite(v);
  if (Array.isArray(v) || v instanceof Float64Array)
    return Array.from(v as ArrayLike<unknown>).some(hasNonFinite);
  if (typeof v === "object" && v !== null) return Object.values(v).some(hasNonFinite);
  return false;
}

type Outcome = { threw: unknown } | { result: unknown; outs: unknown[] };

export function invoke(fn: (...a: unknown[]) => unknown, args: unknown[], out: readonly number[]): Outcome {
  try {
    const result = fn(...args);
    return { result, outs: out.map((i) => args[i]) };
  } catch (e) {
    return { threw: e };
  }
}

export const SPECIAL = [Number.NaN, Infinity, -Infinity];

/** A short form of a result for a message. */
function brief(v: unknown): string {
  if (typeof v === "object" && v !== null && !Array.isArray(v) && !isPlain(v))
    return `a ${v.constructor?.name ?? "object"}`;
  try {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 120 ? `${s.slice(0, 117)}...` : s;
  } catch {
    return String(v);
  }
}

/** Checks one corrupted call against its case's kind; returns what went wrong, or null. */
export function verdict(
  name: string,
  fn: (...a: unknown[]) => unknown,
  c: Case,
  leaf: Leaf,
  value: unknown,
  mustRefuse: boolean,
): string | null {
  const o = invoke(fn, withValue(c.args(), leaf, value), c.out ?? []);
  const what = c.label === undefined ? name : `${name}.${c.label}`;
  const where = `${what}: ${leafName(c, leaf)} ${JSON.stringify(leaf)} = ${String(value)}`;
  if ("threw" in o) {
    if (!(o.threw instanceof RangeError)) return `${where}: threw ${String(o.threw)}, not a RangeError`;
    if ((c.kind === "checks" || mustRefuse) && !namesLeaf(o.threw.message, c, leaf))
      return `${where}: the RangeError does not name ${leafName(c, leaf)}: ${o.threw.message}`;
    return null;
  }
  if (!mustRefuse && c.infinities === "allowed" && !Number.isNaN(value)) return null;
  if (mustRefuse || c.kind === "checks")
    return `${where}: returned ${brief(o.result)} instead of a RangeError`;
  if (c.kind === "nonfinite" && !hasNonFinite(o.result) && !o.outs.some(hasNonFinite))
    return `${where}: a finite result ${brief(o.result)} from a non-finite input`;
  if (c.kind === "limits" && Number.isNaN(value) && !hasNonFinite(o.result) && typeof o.result === "number")
    return `${where}: NaN in gave ${String(o.result)}`;
  return null;
}
