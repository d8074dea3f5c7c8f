/**
 * "Did you mean ...?" for typos in keys, enum values, ids and catalog names. Optimal string alignment
 * distance (Levenshtein plus adjacent transpositions, Damerau 1964), case-insensitive.
 */

function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  // Three rolling rows are enough for the transposition term.
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** The closest candidate within a third of the word's length (at least 1, at most 3 edits), if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const budget = Math.min(3, Math.max(1, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestD = budget + 1;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or "". */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? "" : ` (did you mean "${c}"?)`;
}

/** `a, b or c`, quoted names capped at `max` with "... (n more)". */
export function listOf(names: readonly string[], max = 30): string {
  if (names.length === 0) return "(none)";
  const shown = names.slice(0, max);
  const more = names.length > max ? ` and ${names.length - max} more` : "";
  if (shown.length === 1) return shown[0] + more;
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}${more}`;
}
