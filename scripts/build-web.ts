/**
 * Builds the browser viewer into dist/web (`npm run build:web`, also run by `npm run build`):
 * - src/web/main.ts bundled by esbuild into app.js (the app's own code only: CesiumJS is not bundled);
 * - index.html, style.css and cesium-base.js copied as they are;
 * - CesiumJS's prebuilt browser build (Cesium.js and its Workers, Assets, ThirdParty and Widgets folders)
 *   copied to dist/web/cesium, so the viewer runs offline (docs/stack.md). That copy is about 14 MB, so it is
 *   made once per Cesium version (a stamp file records which) and reused by later builds.
 * `raijin view` serves the result. Output stays out of git (dist/ is ignored).
 */
import { build } from "esbuild";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src/web");
const OUT = join(ROOT, "dist/web");
const CESIUM_BUILD = join(ROOT, "node_modules/cesium/Build/Cesium");
const CESIUM_PARTS = ["Cesium.js", "Workers", "Assets", "ThirdParty", "Widgets"];

async function readOr(path: string, fallback: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return fallback;
  }
}

async function copyCesium(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(ROOT, "node_modules/cesium/package.json"), "utf8")) as {
    version: string;
  };
  const dest = join(OUT, "cesium");
  const stamp = join(dest, ".version");
  if ((await readOr(stamp, "")) === pkg.version) return `cesium ${pkg.version} (kept)`;
  await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  await Promise.all(
    CESIUM_PARTS.map((part) => cp(join(CESIUM_BUILD, part), join(dest, part), { recursive: true })),
  );
  await writeFile(stamp, pkg.version);
  return `cesium ${pkg.version} (copied)`;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  await mkdir(OUT, { recursive: true });
  const [, cesium] = await Promise.all([
    build({
      entryPoints: [join(SRC, "main.ts")],
      outfile: join(OUT, "app.js"),
      bundle: true,
      format: "esm",
      platform: "browser", // a Node import in src/web fails the build here
      target: "es2022",
      sourcemap: true,
      logLevel: "warning",
    }),
    copyCesium(),
    cp(join(SRC, "index.html"), join(OUT, "index.html")),
    cp(join(SRC, "style.css"), join(OUT, "style.css")),
    cp(join(SRC, "cesium-base.js"), join(OUT, "cesium-base.js")),
  ]);
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(
    `build:web: dist/web (app.js, index.html, style.css, cesium-base.js, ${cesium}) in ${ms} ms\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`build:web: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
