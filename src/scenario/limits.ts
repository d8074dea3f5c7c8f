/**
 * Limits on what a scenario file may ask, so any input costs bounded time and memory (issue 10 item 4):
 * checked in order of cost, each before the pass it protects.
 *
 * 1. On the text, before YAML parsing (a few milliseconds a megabyte): size, lines and flow separators.
 *    yaml's parser takes about 16 us and 1 kB a node, so a 1 MB list of a million items would take
 *    seconds and gigabytes; these caps keep a file below about 40,000 nodes.
 * 2. On the parsed document, before anything resolves an alias or builds plain data (one linear walk):
 *    aliases (each resolution searches the document, so 10,000 of them cost quadratic time), nodes,
 *    nesting depth, and the length of each list.
 * 3. When reporting: at most MAX_LISTED_ISSUES problems are listed, then a count of the rest.
 *
 * The numbers are far above any real raid (the reference raid has 103 lines, 6 threats, 3 sensors) and
 * are documented in README.md ("Limits").
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import type { PathSegment } from "./locate.js";

export const SCENARIO_LIMITS = {
  /** Size of a scenario file, bytes (a TLE catalogue of 2,500 satellites is about 360 kB). */
  maxBytes: 1 << 20,
  /** Lines of text. */
  maxLines: 20_000,
  /** Commas (flow-list and flow-mapping separators, counted wherever they are: an upper bound). */
  maxCommas: 20_000,
  /** YAML nodes (scalars, lists, mappings). */
  maxNodes: 40_000,
  /** Nesting depth of lists and mappings. */
  maxDepth: 32,
  /** Aliases (`*name`); yaml's own default cap on alias expansion is 100 too. */
  maxAliases: 100,
  /** Items of each list, by its place in the file; `*` is any list index. */
  maxListItems: {
    threats: 1_000,
    sensors: 200,
    assets: 1_000,
    weapons: 200,
    "sensors.*.tles": 2_500,
    "sensors.*.track": 1_000,
    other: 1_000,
  } as Readonly<Record<string, number>>,
} as const;

/** Problems listed before "... and N more". */
export const MAX_LISTED_ISSUES = 50;

/** A limit exceeded: where (a path, or the text's line), what was expected and what was given. */
export interface LimitProblem {
  readonly path: readonly PathSegment[];
  /** Offset in the text (the node's start, or the first character past the limit). */
  readonly offset: number;
  readonly expected: string;
  readonly given: string;
}

const n = (v: number) => v.toLocaleString("en-US");

/** Checks the raw text (size, lines, commas) before it is parsed; null if within the limits. */
export function textLimitProblem(text: string): LimitProblem | null {
  const L = SCENARIO_LIMITS;
  if (text.length > L.maxBytes)
    return {
      path: [],
      offset: 0,
      expected: `a scenario file of at most ${n(L.maxBytes)} bytes (Raijin's limit)`,
      given: `${n(text.length)} characters`,
    };
  let lines = 1;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && ++lines > L.maxLines)
      return {
        path: [],
        offset: i,
        expected: `a scenario file of at most ${n(L.maxLines)} lines (Raijin's limit)`,
        given: "more lines",
      };
    if (c === 44 && ++commas > L.maxCommas)
      return {
        path: [],
        offset: i,
        expected: `at most ${n(L.maxCommas)} commas in a scenario file (Raijin's limit on list items)`,
        given: "more",
      };
  }
  return null;
}

const start = (node: unknown) => (node as Node | null)?.range?.[0] ?? 0;

/** The list limit for a path: `threats`, `sensors.*.tles`, ... or `other`. */
function listLimit(path: readonly PathSegment[]): { key: string; max: number } {
  const key = path.map((s) => (typeof s === "number" ? "*" : s)).join(".");
  const max = SCENARIO_LIMITS.maxListItems[key];
  return max === undefined ? { key: "other", max: SCENARIO_LIMITS.maxListItems.other } : { key, max };
}

/**
 * One walk over the parsed document, resolving nothing: aliases, nodes, depth, list lengths. Returns
 * the first problems found (at most a few: one of each kind), in walk order.
 */
export function documentLimitProblems(doc: Document.Parsed): LimitProblem[] {
  const L = SCENARIO_LIMITS;
  const out: LimitProblem[] = [];
  let nodes = 0;
  let aliases = 0;
  const reported = new Set<string>();
  const report = (kind: string, p: LimitProblem) => {
    if (reported.has(kind)) return;
    reported.add(kind);
    out.push(p);
  };
  // An explicit stack, not recursion: depth is what is being checked.
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (++nodes > L.maxNodes) {
      report("nodes", {
        path,
        offset: start(node),
        expected: `at most ${n(L.maxNodes)} values in a scenario file (Raijin's limit)`,
        given: "more",
      });
      break;
    }
    if (isAlias(node)) {
      if (++aliases > L.maxAliases)
        report("aliases", {
          path,
          offset: start(node),
          expected: `at most ${L.maxAliases} aliases (*name) in a scenario file (Raijin's limit)`,
          given: `alias number ${aliases}, *${node.source}`,
        });
      continue;
    }
    if (isScalar(node)) continue;
    if (path.length >= L.maxDepth) {
      report("depth", {
        path,
        offset: start(node),
        expected: `lists and mappings nested at most ${L.maxDepth} deep (Raijin's limit)`,
        given: "deeper nesting",
      });
      continue;
    }
    if (isSeq(node)) {
      const { key, max } = listLimit(path);
      if (node.items.length > max) {
        report(`list:${path.join(".")}`, {
          path,
          offset: start(node),
          expected: `a list of at most ${n(max)} items (Raijin's limit for ${key === "other" ? "a list" : key})`,
          given: `a list of ${n(node.items.length)} items`,
        });
        continue;
      }
      for (let i = node.items.length - 1; i >= 0; i--)
        stack.push({ node: node.items[i], path: [...path, i] });
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!isPair(pair)) continue;
        const k = isScalar(pair.key) ? String(pair.key.value) : `#${i}`;
        stack.push({ node: pair.value, path: [...path, k] });
        // Keys are nodes too (and can be aliases or collections); walk them under the map's path.
        if (pair.key !== null && !isScalar(pair.key)) stack.push({ node: pair.key, path });
        else if (pair.key !== null) nodes++;
      }
    }
  }
  return out;
}
