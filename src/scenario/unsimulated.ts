/**
 * Sections a scenario may hold that are validated but not simulated yet (issue 9 item 10): the one place
 * that says so, for `raijin validate` and `raijin run` to print a warning line each. The engagement work
 * removes an entry when it starts to simulate that section.
 */
import type { Scenario } from "./schema/scenario.js";
import { doctrineSchema } from "./schema/doctrine.js";

interface Unsimulated {
  readonly section: string;
  /** Whether this scenario uses the section (null: no warning). */
  readonly used: (s: Scenario) => string | null;
  readonly consequence: string;
}

const DEFAULT_DOCTRINE = JSON.stringify(doctrineSchema.parse({}));

const UNSIMULATED: readonly Unsimulated[] = [
  {
    section: "weapons",
    used: (s) =>
      s.weapons.length > 0 ? `${s.weapons.length} weapon${s.weapons.length === 1 ? "" : "s"}` : null,
    consequence: "no shot is fired and no threat is intercepted in this version",
  },
  {
    section: "doctrine",
    used: (s) =>
      s.weapons.length > 0 || JSON.stringify(s.doctrine) !== DEFAULT_DOCTRINE
        ? `mode ${s.doctrine.mode}`
        : null,
    consequence: "there is no battle manager yet",
  },
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
