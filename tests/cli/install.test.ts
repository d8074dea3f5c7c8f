// The command straight after install and the repository standing alone (issue 9 items 12 and 16).
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  license: string;
  files: string[];
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  engines: { node: string };
};

async function cli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "raijin", ...args], {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

describe("raijin after npm ci (issue 9 item 12)", () => {
  it("npm ci builds the command (prepare), so npx raijin works straight after install", () => {
    expect(pkg.scripts.prepare).toBe("npm run build");
  });

  it("without a build, bin/raijin.js says what to run: no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "raijin-bin-"));
    try {
      mkdirSync(join(dir, "bin"));
      copyFileSync(join(ROOT, "bin/raijin.js"), join(dir, "bin/raijin.js"));
      const r = spawnSync(process.execPath, [join(dir, "bin/raijin.js"), "--help"], { encoding: "utf8" });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        "raijin: the command is not built yet (dist/cli/main.js is missing): run npm run build\n",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("raijin help and raijin help <command> exit 0", async () => {
    const all = await cli("help");
    expect(all.code).toBe(0);
    expect(all.stdout).toContain("Usage: raijin");
    const one = await cli("help", "run");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("Usage: raijin run");
  });

  it("npm run demo takes a port: its last command is raijin view, so -- --port N reaches it", () => {
    expect(pkg.scripts.demo).toMatch(/node bin\/raijin\.js view out\/reference$/);
  });

  it("raijin view's port defaults to $RAIJIN_PORT", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "tests/cli/helpers/viewHelp.ts")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, RAIJIN_PORT: "8090" },
    });
    expect(r.stdout).toMatch(/--port <n>.*\(default: "8090"\)/s);
  });
});

/** Text files of the repository that a reader or a tool reads. */
function repositoryFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (["node_modules", "dist", "out", ".git", "fixtures"].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...repositoryFiles(path));
    else if (/\.(ts|js|md|json|yaml|html|css)$/.test(name) || name === "run") out.push(path);
  }
  return out;
}

describe("the repository stands alone (issue 9 item 16)", () => {
  it("no file cites a document outside the repository", () => {
    const offenders: string[] = [];
    for (const file of repositoryFiles(ROOT)) {
      if (file.endsWith("package-lock.json")) continue;
      const text = readFileSync(file, "utf8");
      const lines = text.split("\n");
      lines.forEach((line, i) => {
        // The names of the project's shared notes, unless as the repository's own docs/ files, and any
        // absolute path of the machine it was written on.
        if (
          /(?<!docs\/)\b(REFERENCES|STACK|DESIGN)\.md\b|\/work\//.test(line) &&
          !file.endsWith("install.test.ts")
        )
          offenders.push(`${relative(ROOT, file)}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
    for (const doc of ["docs/design.md", "docs/sources.md", "docs/stack.md", "docs/models.md"])
      expect(existsSync(join(ROOT, doc))).toBe(true);
  });

  it("has the MIT LICENSE that package.json promises, and ships it", () => {
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
    expect(pkg.files).toContain("LICENSE");
  });

  it("pins the newest CesiumJS whose engines allow Node 20 (1.140.0)", () => {
    expect(pkg.dependencies.cesium).toBe("1.140.0");
    const cesium = JSON.parse(readFileSync(join(ROOT, "node_modules/cesium/package.json"), "utf8")) as {
      version: string;
      engines: { node: string };
    };
    expect(cesium.version).toBe("1.140.0");
    expect(cesium.engines.node).toBe(">=20.19.0");
    expect(pkg.engines.node).toBe(">=20.19");
  });
});
