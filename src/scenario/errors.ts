/**
 * The typed error for bad scenario input: it carries every problem found, each with its place in the
 * file and what was expected and given (docs/design.md, Conventions, "Errors").
 */

export interface ScenarioIssue {
  /** File name as given to the loader. */
  readonly file: string;
  /** 1-based line and column of the offending value (or of its parent, for a missing field). */
  readonly line: number;
  readonly column: number;
  /** Field path, e.g. "threats[1].launch.at.lat"; "" for the whole document. */
  readonly path: string;
  /** "expected X, given Y". */
  readonly message: string;
  readonly expected: string;
  readonly given: string;
}

/** Problems listed by `ScenarioError.format()` before "... and N more problems". */
export const MAX_LISTED_ISSUES = 50;

// C0 and C1 controls, DEL, and the Unicode bidirectional overrides and isolates, which reorder what a
// terminal shows ("Trojan Source", CVE-2021-42574); line and paragraph separators end lines in editors.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Text from a file or a user made safe to print on a terminal or in a log that tools parse: every
 * control character is written as an escape (`\n`, `\x1b`, `\u202e`), so a scenario cannot clear the
 * screen, recolour it, or forge a `FILE:LINE:COL` line with an embedded newline.
 */
export function escapeControls(text: string): string {
  return text.replace(
    UNSAFE,
    (c) =>
      NAMED[c] ??
      (c.charCodeAt(0) < 0x100
        ? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`
        : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  );
}

/** One issue as the CLI prints it: `FILE:LINE:COL: field.path: expected X, given Y`, controls escaped. */
export function formatIssue(i: ScenarioIssue): string {
  return escapeControls(`${i.file}:${i.line}:${i.column}: ${i.path === "" ? "" : `${i.path}: `}${i.message}`);
}

/** The issues one per line, the first `max` of them, then how many more there are. */
export function formatIssues(issues: readonly ScenarioIssue[], max = MAX_LISTED_ISSUES): string {
  const lines = issues.slice(0, max).map(formatIssue);
  const rest = issues.length - lines.length;
  if (rest > 0)
    lines.push(`... and ${rest} more problem${rest === 1 ? "" : "s"} (the first ${max} are listed)`);
  return lines.join("\n");
}

export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    const n = issues.length;
    super(`${n} problem${n === 1 ? "" : "s"} in the scenario:\n${formatIssues(issues)}`);
    this.issues = issues;
  }

  /** The issues one per line, in file order: the first MAX_LISTED_ISSUES, then a count of the rest. */
  format(): string {
    return formatIssues(this.issues);
  }
}
