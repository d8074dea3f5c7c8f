/**
 * From a field path to a place in the YAML source. The loader keeps the parsed document (with node
 * ranges) next to the plain data that zod checks, and maps each issue's path back to a node here: the
 * value's node when it exists, the key when the issue is about the key, and the nearest existing parent
 * (its key, if it has one) when the field is missing.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from "yaml";

export type PathSegment = string | number;

export interface SourceContext {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

export interface Location {
  readonly line: number;
  readonly column: number;
  /** False when the path names a key that the file does not contain. */
  readonly found: boolean;
  /** How the value at the path reads in the source, when it exists. */
  readonly sourceText?: string;
}

const IDENT = /^[A-Za-z_$][\w$-]*$/;

/** "threats[1].launch.at.lat"; odd keys are quoted: `assets["my key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const s = String(seg);
      out += IDENT.test(s) ? (out === "" ? s : `.${s}`) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function deref(node: unknown, doc: Document.Parsed): unknown {
  // Aliases point at their anchor's node; a bounded loop guards against alias chains.
  for (let i = 0; i < 16 && isAlias(node); i++) node = node.resolve(doc);
  return node;
}

function start(node: unknown): number | undefined {
  const r = (node as Node | null)?.range;
  return Array.isArray(r) ? r[0] : undefined;
}

function describeNode(node: unknown, text: string): string | undefined {
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return `a list of ${node.items.length} item${node.items.length === 1 ? "" : "s"}`;
  if (isScalar(node)) {
    if (node.value === null) return "an empty value";
    const r = node.range;
    if (!r) return String(node.value);
    let s = text.slice(r[0], r[1]).trim();
    const nl = s.indexOf("\n");
    if (nl >= 0) s = `${s.slice(0, nl)}...`;
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  }
  return undefined;
}

/** Where `path` points in the source; `atKey` prefers the key of the last segment (unknown keys). */
export function locate(src: SourceContext, path: readonly PropertyKey[], atKey = false): Location {
  const pos = (offset: number | undefined) => {
    const p = src.lines.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  let node: unknown = deref(src.doc.contents, src.doc);
  let key: unknown = undefined;
  for (const seg of path) {
    let next: unknown = undefined;
    let nextKey: unknown = undefined;
    let ok = false;
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => keyText(p.key) === String(seg));
      if (pair !== undefined) {
        ok = true;
        nextKey = pair.key;
        next = deref(pair.value, src.doc);
      }
    } else if (isSeq(node) && typeof seg === "number" && seg >= 0 && seg < node.items.length) {
      ok = true;
      next = deref(node.items[seg], src.doc);
    }
    if (!ok) {
      // Missing: point at the parent's key (the line a reader looks at), else at the parent itself.
      return { ...pos(start(key) ?? start(node)), found: false };
    }
    node = next;
    key = nextKey;
  }
  const emptyValue = isScalar(node) && node.value === null && node.range && node.range[0] === node.range[1];
  const offset =
    atKey || emptyValue || node === null || node === undefined ? (start(key) ?? start(node)) : start(node);
  const sourceText = describeNode(node, src.text);
  return { ...pos(offset), found: true, ...(sourceText === undefined ? {} : { sourceText }) };
}

/** The path of the deepest node whose range contains `offset` (to name the field of a YAML error). */
export function pathAtOffset(src: SourceContext, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node: unknown = src.doc.contents;
  // Content range [start, valueEnd): nodeEnd would also take in the trailing newline and comments.
  const within = (n: unknown) => {
    const r = (n as Node | null)?.range;
    return Array.isArray(r) && offset >= r[0] && (offset < r[1] || offset === r[0]);
  };
  for (let depth = 0; depth < 64; depth++) {
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => within(p.key) || within(p.value));
      const k = pair === undefined ? undefined : keyText(pair.key);
      if (pair === undefined || k === undefined) break;
      path.push(k);
      if (within(pair.key)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => within(it));
      if (i < 0) break;
      path.push(i);
      node = node.items[i];
    } else break;
  }
  return path;
}
