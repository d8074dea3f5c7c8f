/**
 * `npm run bench`: runs every bench/*.bench.ts module in name order, each in its own Node process, so
 * that no figure depends on what ran before it (a module that runs after another inherits its heap and
 * its compiled, by then polymorphic, code: the sensors raid measured 89 ms after the tracking modules
 * and 43 ms alone). Each module exports `run(): Promise<void> | void` and prints its figures through
 * `report` (one JSON line a figure). A name filter may be given: `npm run bench -- earth`.
 *
 * `npm run bench` compiles the benches and src with tsc (tsconfig.bench.json) and runs the JavaScript,
 * as `raijin` and the package run dist/: the code users run. Under tsx, whose esbuild transform keeps
 * function names (`__name` wrappers) among other things, the same raids cost 10-15 % more CPU. Run
 * through tsx (`npx tsx bench/run.ts`) it still works, for a quick look at uncompiled changes.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === "--one") {
  const file = process.argv[3];
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<void> | void };
  await mod.run();
} else {
  const filter = process.argv[2];
  const files = readdirSync(here)
    .filter((f) => f.endsWith(`.bench${extname(self)}`))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  let failed = 0;
  for (const f of files) {
    // The same Node flags (tsx's loader among them, when run through tsx) for the child.
    const r = spawnSync(process.execPath, [...process.execArgv, self, "--one", f], { stdio: "inherit" });
    if (r.status !== 0) {
      failed++;
      process.stderr.write(`bench ${f} exited with ${r.status ?? r.signal}\n`);
    }
  }
  if (failed > 0) process.exitCode = 1;
}
