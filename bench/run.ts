/**
 * `npm run bench`: runs every bench/*.bench.ts module in name order. Each module exports
 * `run(): Promise<void> | void` and prints its figures through `report` (one JSON line a figure).
 * A name filter may be given: `npm run bench -- earth`.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => !filter || f.includes(filter))
  .sort();

for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: () => Promise<void> | void };
  await mod.run();
}
