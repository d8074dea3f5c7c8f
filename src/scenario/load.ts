/**
 * `loadScenario(text, { fileName })`: YAML text to a validated `Scenario`, or a `ScenarioError` that
 * lists every problem found with its file, line, column and field path. No file system here: this runs
 * in the browser too (the CLI reads files in src/cli).
 *
 * Order: the limits on the text (./limits.ts), YAML syntax (if the text is not valid YAML, only those
 * errors are reported, since the structure beneath them is a guess), the limits on the document (before
 * any alias is resolved), then the schema and the cross-checks together, sorted by position.
 */
import { LineCounter, isMap, isSeq, parseDocument, visit, type YAMLError } from "yaml";
import { BUILTIN_CATALOG } from "./catalog.js";
import { type ScenarioCatalog, crossCheck } from "./crossref.js";
import { type ScenarioIssue, ScenarioError } from "./errors.js";
import { feasibilityIssues } from "./feasibility.js";
import { fromZodIssue, type PendingIssue } from "./issues.js";
import { documentLimitProblems, textLimitProblem } from "./limits.js";
import { formatPath, locate, pathAtOffset, type SourceContext } from "./locate.js";
import { type Scenario, scenarioSchema } from "./schema/scenario.js";

export interface LoadOptions {
  /** Name used in messages (a path, or "<editor>"). */
  readonly fileName?: string;
  /**
   * Known catalog names and kinds; unknown or mismatched vehicle and model names are reported. Default:
   * the built-in catalog (./catalog.ts); `null` checks no names (for formats that bring their own).
   */
  readonly catalog?: ScenarioCatalog | null;
  /**
   * Also find what physics refuses in a valid file (./feasibility.ts: each threat's steering solved, each
   * sensor built), located like every other problem. Costs the targeting solves (cached for the run that
   * follows); the CLI turns it on for validate, run and trajectory. Default false.
   */
  readonly physics?: boolean;
  /**
   * Called with the valid scenario before the physics checks (which can cost seconds): a caller's own
   * cheap refusal (the CLI's sample budget) comes first. What it throws propagates.
   */
  readonly beforePhysics?: (scenario: Scenario) => void;
}

// Aliases may expand exponentially ("billion laughs"); yaml's default cap is 100 expansions.
const MAX_ALIAS_COUNT = 100;

function yamlIssue(src: SourceContext, file: string, e: YAMLError): ScenarioIssue {
  const offset = e.pos[0];
  const p = src.lines.linePos(offset);
  // yaml's message is "what at line L, column C:\n<excerpt>"; keep the first part.
  const what = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  let expected = "valid YAML";
  let given = what;
  const path = pathAtOffset(src, offset);
  if (e.code === "DUPLICATE_KEY") {
    const key = path.length > 0 ? String(path[path.length - 1]) : src.text.slice(offset).split(":")[0].trim();
    expected = "each key at most once in a mapping";
    given = `the key ${JSON.stringify(key)} again`;
  } else if (e.code === "TAB_AS_INDENT") {
    expected = "indentation with spaces";
    given = "a tab";
  }
  return {
    file,
    line: p.line,
    column: p.col,
    path: formatPath(path),
    message: `expected ${expected}, given ${given}`,
    expected,
    given,
  };
}

/**
 * Problems yaml accepts but plain data cannot hold: a list or mapping used as a key (it names no field)
 * and an alias whose anchor does not exist (toJS would throw without a position).
 */
function structuralIssues(src: SourceContext, file: string): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  const add = (node: { range?: [number, number, number] | null }, expected: string, given: string) => {
    const offset = node.range?.[0] ?? 0;
    const p = src.lines.linePos(offset);
    const path = formatPath(pathAtOffset(src, offset));
    out.push({
      file,
      line: p.line,
      column: p.col,
      path,
      message: `expected ${expected}, given ${given}`,
      expected,
      given,
    });
  };
  visit(src.doc, {
    Pair(_, pair) {
      if (isMap(pair.key) || isSeq(pair.key))
        add(pair.key, "a plain key (a name)", "a list or mapping used as a key");
    },
    Alias(_, alias) {
      if (alias.resolve(src.doc) === undefined) {
        add(
          alias,
          "an alias to an anchor defined earlier in the file",
          `*${alias.source}, which names no anchor`,
        );
      }
    },
  });
  return out;
}

function place(src: SourceContext, file: string, issue: PendingIssue): ScenarioIssue {
  const loc = locate(src, issue.path, issue.atKey === true);
  const given = !loc.found
    ? "nothing (the field is missing)"
    : (issue.given ?? loc.sourceText ?? "(unreadable)");
  return {
    file,
    line: loc.line,
    column: loc.column,
    path: formatPath(issue.path),
    message: `expected ${issue.expected}, given ${given}`,
    expected: issue.expected,
    given,
  };
}

function sortAndDedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues
    .filter((i) => {
      const k = `${i.line}:${i.column}:${i.path}:${i.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Parse and validate a scenario; throws `ScenarioError` with every problem found. */
export function loadScenario(text: string, options: LoadOptions = {}): Scenario {
  // Wrong arguments are a programming error (RangeError naming the argument), not a bad file.
  if (typeof text !== "string")
    throw new RangeError(
      `loadScenario: text must be a string of YAML, given ${text === null ? "null" : typeof text}`,
    );
  if (typeof options !== "object" || options === null)
    throw new RangeError("loadScenario: options must be an object");
  if (options.fileName !== undefined && typeof options.fileName !== "string")
    throw new RangeError(`loadScenario: options.fileName must be a string, given ${typeof options.fileName}`);
  const file = options.fileName ?? "<scenario>";
  const tooBig = textLimitProblem(text);
  if (tooBig !== null) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf("\n"); i >= 0 && i < tooBig.offset; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    throw new ScenarioError([
      {
        file,
        line,
        column: tooBig.offset - lineStart + 1,
        path: "",
        message: `expected ${tooBig.expected}, given ${tooBig.given}`,
        expected: tooBig.expected,
        given: tooBig.given,
      },
    ]);
  }
  const lines = new LineCounter();
  // logLevel "error": no console warnings from the library (we report them), but keep the
  // multiple-documents check, which "silent" would turn off.
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: true,
    uniqueKeys: true,
    logLevel: "error",
  });
  const src: SourceContext = { text, doc, lines };

  const syntax = [...doc.errors, ...doc.warnings].map((e) => yamlIssue(src, file, e));
  if (syntax.length > 0) throw new ScenarioError(sortAndDedupe(syntax));

  // Before anything resolves an alias (structuralIssues, toJS): resolving is linear in the document each.
  const limits = documentLimitProblems(doc).map((p) => {
    const at = lines.linePos(p.offset);
    return {
      file,
      line: at.line,
      column: at.col,
      path: formatPath(p.path),
      message: `expected ${p.expected}, given ${p.given}`,
      expected: p.expected,
      given: p.given,
    };
  });
  if (limits.length > 0) throw new ScenarioError(limits);

  const structural = structuralIssues(src, file);
  if (structural.length > 0) throw new ScenarioError(sortAndDedupe(structural));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Excessive alias expansion (a few aliases of aliases, "billion laughs") surfaces only here: point at
    // the first alias.
    const given = e instanceof Error ? e.message : String(e);
    let offset = 0;
    visit(doc, {
      Alias(_, alias) {
        offset = alias.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const at = lines.linePos(offset);
    const expected = `aliases that expand to at most ${MAX_ALIAS_COUNT} values`;
    throw new ScenarioError([
      {
        file,
        line: at.line,
        column: at.col,
        path: formatPath(pathAtOffset(src, offset)),
        message: `expected ${expected}, given ${given}`,
        expected,
        given,
      },
    ]);
  }
  if (data === null || data === undefined) {
    const expected = "a mapping with name, epoch, duration and the scenario's sections";
    throw new ScenarioError([
      {
        file,
        line: 1,
        column: 1,
        path: "",
        message: `expected ${expected}, given an empty file`,
        expected,
        given: "an empty file",
      },
    ]);
  }

  const result = scenarioSchema.safeParse(data, { reportInput: true });
  const pending: PendingIssue[] = result.success ? [] : result.error.issues.flatMap((i) => fromZodIssue(i));
  pending.push(
    ...crossCheck(data, options.catalog === undefined ? BUILTIN_CATALOG : (options.catalog ?? undefined)),
  );
  if (!result.success && pending.length === 0) pending.push({ path: [], expected: "a valid scenario" });
  if (pending.length > 0 || !result.success) {
    const issues = pending.map((i) => place(src, file, i));
    throw new ScenarioError(sortAndDedupe(issues));
  }
  options.beforePhysics?.(result.data);
  if (options.physics === true) {
    const refused = feasibilityIssues(result.data);
    if (refused.length > 0) throw new ScenarioError(sortAndDedupe(refused.map((i) => place(src, file, i))));
  }
  return result.data;
}
