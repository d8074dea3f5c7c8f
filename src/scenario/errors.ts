/**
 * The typed error for bad scenario input: it carries every problem found, each with its place in the
 * file and what was expected and given (DESIGN.md, Conventions, "Errors").
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

/** One issue as the CLI prints it: `FILE:LINE:COL: field.path: expected X, given Y`. */
export function formatIssue(i: ScenarioIssue): string {
  return `${i.file}:${i.line}:${i.column}: ${i.path === "" ? "" : `${i.path}: `}${i.message}`;
}

export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    const n = issues.length;
    super(`${n} problem${n === 1 ? "" : "s"} in the scenario:\n${issues.map(formatIssue).join("\n")}`);
    this.issues = issues;
  }

  /** Every issue, one per line, in file order. */
  format(): string {
    return this.issues.map(formatIssue).join("\n");
  }
}
