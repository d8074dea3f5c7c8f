// Fuzzing the loader: whatever the text, it returns a Scenario or throws a ScenarioError whose issues
// are well formed; never another exception.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { loadScenario, ScenarioError } from "../../src/scenario/index.js";
import { readScenario } from "./helpers.js";

function loadsOrReports(text: string): void {
  try {
    loadScenario(text, { fileName: "fuzz.yaml", catalog: { vehicles: ["notional-hgv"] } });
  } catch (e) {
    if (!(e instanceof ScenarioError)) {
      throw new Error(`not a ScenarioError for ${JSON.stringify(text)}: ${String(e)}`, { cause: e });
    }
    expect(e.issues.length).toBeGreaterThan(0);
    const lineCount = text.split(/\r\n|\r|\n/).length;
    for (const i of e.issues) {
      expect(i.file).toBe("fuzz.yaml");
      expect(i.line).toBeGreaterThanOrEqual(1);
      expect(i.line).toBeLessThanOrEqual(lineCount + 1);
      expect(i.column).toBeGreaterThanOrEqual(1);
      expect(i.expected.length).toBeGreaterThan(0);
      expect(i.message).toBe(`expected ${i.expected}, given ${i.given}`);
    }
  }
}

const reference = readScenario("reference-raid.yaml");
const referenceData: unknown = parse(reference);

const TOKENS = [
  "- ",
  ": ",
  "{",
  "}",
  "[",
  "]",
  ", ",
  "&a ",
  "*a",
  "!!str ",
  "!!int ",
  "!x ",
  "---\n",
  "...\n",
  "\n",
  "  ",
  "\t",
  "'",
  '"',
  "# c\n",
  "? ",
  "|\n",
  ">\n",
  "%YAML 1.2\n",
  "<<: ",
  "null",
  "~",
  "true",
  ".inf",
  "-.nan",
  "0x1F",
  "1e999",
  "300 km",
  "40 deg",
  "30 min",
  "2.5 km/s",
  "-10 dBsm",
  "name",
  "epoch",
  "duration",
  "threats",
  "sensors",
  "id",
  "kind",
  "radar",
  "walker",
  "launch",
  "burnout",
  "target",
  "__proto__",
  "constructor",
  "\u00a0",
  "\ufeff",
  "é",
  "\u0000",
];

describe("loader fuzzing (fast-check)", () => {
  it("random strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), loadsOrReports), { numRuns: 500 });
  });

  it("random YAML-ish token soup", () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(""));
    fc.assert(fc.property(soup, loadsOrReports), { numRuns: 1000 });
  });

  it("random well-formed YAML documents", () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (value) => {
        let text: unknown;
        try {
          text = stringify(value);
        } catch {
          return; // values YAML cannot represent (e.g. some symbols) are not the loader's concern
        }
        if (typeof text === "string") loadsOrReports(text);
      }),
      { numRuns: 500 },
    );
  });

  it("the reference scenario with random parts replaced or removed", () => {
    type Json = Record<string, unknown> | unknown[];
    // Collect every path in the reference data, then mutate one or a few of them.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (typeof v === "object" && v !== null)
        for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(referenceData, []);
    const mutation = fc.record({
      path: fc.constantFrom(...paths.filter((p) => p.length > 0)),
      value: fc.oneof(
        fc.constant(undefined),
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(
          "300 km",
          "40 deg",
          "3 furlongs",
          "90",
          -1,
          1e9,
          "notional-hgv",
          "port",
          "weave",
          null,
        ),
      ),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const data = structuredClone(referenceData) as Json;
        for (const { path, value } of mutations) {
          let node: unknown = data;
          for (const seg of path.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[seg];
          if (typeof node !== "object" || node === null) continue;
          const last = path[path.length - 1];
          if (value === undefined && !Array.isArray(node)) delete (node as Record<string, unknown>)[last];
          else (node as Record<string | number, unknown>)[last] = value ?? null;
        }
        loadsOrReports(stringify(data));
      }),
      { numRuns: 150 },
    );
  });

  // Every character prefix of a compact scenario that touches every section (parsing dominates the
  // cost, so the long reference file is cut at line ends instead).
  it("every prefix of a compact valid scenario, and every line prefix of the reference", () => {
    const compact = `name: c
epoch: 2030-06-01T00:00:00Z
duration: 30 min
environment: { earth: sphere, rotation: false }
assets: [{ id: port, at: { lat: 35 deg, lon: 139 deg, alt: 0 m }, value: 2 }]
threats:
  - id: h
    vehicle: { kind: hgv, base: notional-hgv, mass: 1 t }
    launch: { at: { lat: 33 deg, lon: 128 deg }, time: 0 s }
    target: port
    maneuver: { kind: jink, time: 60 s, bankAngle: -20 deg, duration: 5 s }
sensors:
  - { id: r, kind: radar, model: notional-x-band, at: { lat: 40 deg, lon: 140 deg } }
  - id: ir
    kind: infrared-constellation
    model: notional-leo-ir
    walker: { altitude: 1000 km, inclination: 81 deg, planes: 4, perPlane: 7, phasing: 1 }
weapons: [{ id: g, kind: railgun, model: notional-railgun, at: { lat: 35 deg, lon: 139 deg }, rounds: 9 }]
tracking: { filter: ukf }
doctrine: { mode: shoot-shoot }
uncertainty: { parameters: [{ path: threats.h.launch.time, distribution: normal, sigma: 2 s }] }
`;
    expect(() => loadScenario(compact)).not.toThrow();
    for (let n = 0; n <= compact.length; n++) loadsOrReports(compact.slice(0, n));
    const lines = reference.split("\n");
    for (let n = 0; n <= lines.length; n++) loadsOrReports(lines.slice(0, n).join("\n"));
  });

  it("deeply nested documents (the parser's recursion limit becomes a located YAML error)", () => {
    for (const n of [200, 5000]) {
      loadsOrReports(`a: ${"[".repeat(n)}${"]".repeat(n)}`);
      loadsOrReports(`a: ${"{b: ".repeat(n)}${"}".repeat(n)}`);
      loadsOrReports(`threats:\n${"  - ".repeat(n)}x`);
    }
  });

  it("every prefix and every single-line deletion of the bad example, by lines", () => {
    const lines = readScenario("bad-example.yaml").split("\n");
    for (let n = 0; n <= lines.length; n++) loadsOrReports(lines.slice(0, n).join("\n"));
    for (let n = 0; n < lines.length; n++)
      loadsOrReports([...lines.slice(0, n), ...lines.slice(n + 1)].join("\n"));
  });
});
