// The house's layering (README "Layout", docs/models.md): a layer imports only from layers below it, and
// the core (math up to sim) imports nothing from Node. Read from the import statements of every source
// file (type-only imports count: a type is a dependency too), so a wrong import fails `npm test`.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SRC = join(ROOT, "src");

/** Layers from the bottom up; a file may import from its own layer and those before it. */
const LAYERS = [
  "math",
  "earth",
  "flight",
  "sensors",
  "tracking",
  "weapons",
  "engagement",
  "sim",
  "scenario",
  "analysis",
  "cli",
  "server",
] as const;
const CORE = new Set(["math", "earth", "flight", "sensors", "tracking", "weapons", "engagement", "sim"]);
/** The browser app may use the pure layers it renders and the run format; nothing Node-side. */
const WEB_MAY_USE = ["web/", "math/", "earth/", "analysis/format/runFormat.ts"];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Module specifiers of a file's static and dynamic imports and re-exports. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const layerOf = (relPath: string): string => relPath.split("/")[0];

interface Violation {
  file: string;
  imports: string;
  why: string;
}

function violations(): Violation[] {
  const out: Violation[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file).split("\\").join("/");
    if (!rel.includes("/")) continue; // src/index.ts: the package root re-exports every layer
    const from = layerOf(rel);
    for (const spec of specifiers(readFileSync(file, "utf8"))) {
      if (spec.startsWith(".")) {
        const target = relative(SRC, resolve(dirname(file), spec))
          .split("\\")
          .join("/")
          .replace(/\.js$/, ".ts");
        if (target.startsWith("..")) {
          out.push({ file: rel, imports: spec, why: "outside src/" });
          continue;
        }
        const to = layerOf(target);
        if (from === "web") {
          if (!WEB_MAY_USE.some((p) => target.startsWith(p)))
            out.push({
              file: rel,
              imports: spec,
              why: "the browser app uses web/, math/, earth/ and the run format only",
            });
          continue;
        }
        const a = LAYERS.indexOf(from as (typeof LAYERS)[number]);
        const b = LAYERS.indexOf(to as (typeof LAYERS)[number]);
        if (a < 0) out.push({ file: rel, imports: spec, why: `unknown layer ${from}` });
        else if (b < 0) out.push({ file: rel, imports: spec, why: `imports unknown layer ${to}` });
        else if (b > a)
          out.push({ file: rel, imports: spec, why: `${from} may not import from ${to}, a layer above it` });
      } else if (CORE.has(from) && (spec.startsWith("node:") || NODE_BUILTINS.has(spec.split("/")[0]))) {
        out.push({ file: rel, imports: spec, why: "the core is pure: no Node imports" });
      }
    }
  }
  return out;
}

const NODE_BUILTINS = new Set([
  "fs",
  "path",
  "os",
  "child_process",
  "worker_threads",
  "http",
  "https",
  "net",
  "url",
  "crypto",
  "stream",
  "util",
  "process",
]);

describe("layering", () => {
  it("every import goes down the layers, and the core imports nothing from Node", () => {
    expect(violations()).toEqual([]);
  });

  it("the check sees a wrong import (an upward one planted in a copy of a real file's text)", () => {
    expect(
      specifiers(
        `import { simulate } from "../sim/run.js";\nexport * from "./x.js";\nconst m = await import("../cli/main.js");`,
      ),
    ).toEqual(["../sim/run.js", "./x.js", "../cli/main.js"]);
    expect(specifiers(`import type {\n  A,\n  B,\n} from "../../scenario/index.js";`)).toEqual([
      "../../scenario/index.js",
    ]);
  });
});
