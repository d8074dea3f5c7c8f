// Every function and class the package root exports is fed NaN, infinities and out-of-range values
// (issue 10 item 10): it throws a RangeError that names the argument, or gives a defined, documented
// result. The test enumerates the root's exports, so a new export fails it until it is listed: as a
// checked case (tests/arguments/cases/*.ts), or as exempt below with the reason. The kernels of hot
// loops that the root no longer exports keep their cases (their non-finite contract, src/math/check.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as raijin from "../src/index.js";
import { NonPositiveDefiniteError } from "../src/math/matrix.js";
import { CORE_CASES } from "./arguments/cases/core.js";
import { ENGAGEMENT_CASES } from "./arguments/cases/engagement.js";
import { FLIGHT_CASES } from "./arguments/cases/flight.js";
import { SCENARIO_CASES } from "./arguments/cases/scenario.js";
import { SENSOR_CASES } from "./arguments/cases/sensors.js";
import { TRACKING_CASES } from "./arguments/cases/tracking.js";
import { WEAPON_CASES } from "./arguments/cases/weapons.js";
import { LIB } from "./arguments/fixtures.js";
import {
  casesOf,
  invoke,
  leavesOf,
  SPECIAL,
  verdict,
  withValue,
  type Case,
  type Entry,
} from "./arguments/harness.js";

const CASES: Record<string, Entry> = {
  ...CORE_CASES,
  ...SENSOR_CASES,
  ...TRACKING_CASES,
  ...FLIGHT_CASES,
  ...WEAPON_CASES,
  ...ENGAGEMENT_CASES,
  ...SCENARIO_CASES,
};

/** Root exports that take no number to corrupt, or whose numbers are checked where the reason says. */
const EXEMPT: Record<string, string> = {
  inFrame: "a type brand: returns its argument unchanged",
  formatIssue: "takes a located issue (text)",
  formatIssues: "takes located issues (text)",
  fieldMeta: "takes a schema",
  unsimulatedWarnings: "takes a validated Scenario (loadScenario's output)",
  analyseScenario: "takes a validated Scenario (loadScenario's output)",
  locateWarnings: "takes the scenario's text, its file name and analyseScenario's warnings",
  formatWarning: "formats a located warning (text) from locateWarnings",
  batteryView: "takes a WeaponBattery, the library's own object (createBattery checks its numbers)",
  buildWorld: "takes a validated Scenario (loadScenario's output; simulateScenario is a case)",
  ScenarioError: "an error class",
  TleError: "an error class",
  FlightRefusalError: "an error class",
  RunFormatError: "an error class",
  RunningStats: "a class: push(NaN) is a RangeError (tests/math/statsRunning.test.ts)",
  SampleSet: "a class: push(NaN) is a RangeError (tests/math/statsQuantiles.test.ts)",
  P2Quantile: "a class: p outside (0, 1) and push(NaN) are RangeErrors (tests/math/statsQuantiles.test.ts)",
  ContinuityAccumulator: "a class whose methods take truth and track ids, not numbers",
  createPipSolution: "takes no argument (an output record for PipSolver.solve)",
  GravityForce: "takes an Earth model",
  GlideKernelForce: "takes the gravity force and the glide guidance it inlines",
  GlideGuidance: "takes the Earth model, the glide law, the aimpoint and the lift force",
  CruiseGuidance: "takes the cruise law, the heading law, the aimpoint and the lift force",
  PitchProgram: "takes no argument; its segments are written by the threat plan (src/flight/planBuilder.ts)",
  CruiseLaw: "takes no argument; its fields are written by the threat plan (src/flight/planBuilder.ts)",
  parseSummary: "takes text (a file's contents); a bad number in it is a RunFormatError",
  parseEvents: "takes text (a file's contents); a bad number in it is a RunFormatError",
  parseRunFiles: "takes the files' text; a bad number in them is a RunFormatError",
  checkCsv: "takes text and column names",
  threatVehicle: "takes a catalog name (unknown: a RangeError naming the catalog)",
  radarModel: "takes a catalog name (unknown: a RangeError naming the catalog)",
  irConstellationModel: "takes a catalog name (unknown: a RangeError naming the catalog)",
  weaponModel: "takes a catalog name (unknown: a RangeError naming the catalog)",
  registerWeaponKind:
    "takes a kind (a name and functions; an empty or taken name is a RangeError: tests/weapons/kinds.test.ts)",
  weaponKind:
    "takes a definition (an unknown kind is a RangeError naming the registered ones: tests/weapons/kinds.test.ts)",
  weaponKinds: "takes no argument",
};

function fnOf(name: string, c: Case): (...a: unknown[]) => unknown {
  return c.call ?? (LIB[name] as (...a: unknown[]) => unknown);
}

const ALL: (readonly [string, Case])[] = Object.entries(CASES).flatMap(([name, e]) =>
  casesOf(e).map((c) => [name, c] as const),
);

function label(name: string, c: Case): string {
  return c.label === undefined ? name : `${name}.${c.label}`;
}

describe("the package root's exports and bad arguments (issue 10 item 10)", () => {
  const functions = Object.entries(raijin)
    .filter(([, v]) => typeof v === "function")
    .map(([k]) => k);

  it("every exported function and class is checked here or exempt with a reason", () => {
    const unlisted = functions.filter((k) => !(k in CASES) && !(k in EXEMPT));
    expect(unlisted).toEqual([]);
    // No stale names: a case names an export of the root or a layer, an exemption one of the root.
    expect(Object.keys(CASES).filter((k) => typeof LIB[k] !== "function")).toEqual([]);
    expect(Object.keys(EXEMPT).filter((k) => !functions.includes(k))).toEqual([]);
    expect(Object.keys(EXEMPT).filter((k) => k in CASES)).toEqual([]);
  });

  it("each valid call in the table succeeds (so a refusal below is the bad value's doing)", () => {
    for (const [name, c] of ALL) {
      const o = invoke(fnOf(name, c), c.args(), c.out ?? []);
      expect([label(name, c), "threw" in o ? String(o.threw) : "ok"]).toEqual([label(name, c), "ok"]);
    }
  });

  it("NaN and both infinities in every numeric argument: a RangeError naming it, or the documented result", () => {
    const problems: string[] = [];
    for (const [name, c] of ALL)
      for (const leaf of leavesOf(c))
        for (const v of SPECIAL) {
          const p = verdict(name, fnOf(name, c), c, leaf, v, false);
          if (p !== null) problems.push(p);
        }
    expect(problems).toEqual([]);
  });

  it("out-of-range values each function documents are refused with a RangeError naming the argument", () => {
    const problems: string[] = [];
    for (const [name, c] of ALL)
      for (const [leaf, v] of c.refuse ?? []) {
        const p = verdict(name, fnOf(name, c), c, leaf, v, true);
        if (p !== null) problems.push(p);
      }
    expect(problems).toEqual([]);
  });

  it("several bad values at once (property): still a RangeError or the documented result", () => {
    const checked = ALL.filter(([, c]) => c.slow === undefined);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: checked.length - 1 }),
        fc.array(fc.constantFrom(...SPECIAL, 1e308, -1e308, 5e-324), { minLength: 2, maxLength: 4 }),
        (k, values) => {
          const [name, c] = checked[k];
          const all = leavesOf(c);
          if (all.length === 0) return;
          let args = c.args();
          values.forEach((v, i) => (args = withValue(args, all[(i * 7919) % all.length], v)));
          const o = invoke(fnOf(name, c), args, c.out ?? []);
          // Finite extremes can make a covariance indefinite: the filters' NonPositiveDefiniteError
          // (which names the matrix) refuses those, as documented (tests/math/matrix.test.ts).
          if ("threw" in o)
            expect([
              label(name, c),
              o.threw instanceof RangeError || o.threw instanceof NonPositiveDefiniteError,
            ]).toEqual([label(name, c), true]);
        },
      ),
      { numRuns: 500, seed: 10 },
    );
  });
});
