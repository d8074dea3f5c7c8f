/**
 * Sections a scenario may hold that are validated but not simulated yet (issue 9 item 10): the one place
 * that says so, for `raijin validate` and `raijin run` to print a warning line each. Weapons and doctrine
 * are simulated since issue 14 (the closed kill chain); the Monte Carlo draws are not yet.
 */
import type { Scenario } from "./schema/scenario.js";

interface Unsimulated {
  readonly section: string;
  /** Whether this scenario uses the section (null: no warning). */
  readonly used: (s: Scenario) => string | null;
  readonly consequence: string;
}

const UNSIMULATED: readonly Unsimulated[] = [
  {
    section: "uncertainty",
    used: (s) => {
      const n = s.uncertainty.parameters.length;
      return n > 0 ? `${n} distribution${n === 1 ? "" : "s"}` : null;
    },
    consequence: "every run flies the nominal values (no Monte Carlo draws yet)",
  },
];

/** One line per section this scenario uses that is not simulated yet: "weapons (2 weapons) ...". */
export function unsimulatedWarnings(s: Scenario): string[] {
  const out: string[] = [];
  for (const u of UNSIMULATED) {
    const what = u.used(s);
    if (what !== null) out.push(`${u.section} (${what}): checked but not simulated yet; ${u.consequence}`);
  }
  return out;
}
