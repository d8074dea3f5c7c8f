#!/usr/bin/env node
// Entry point of the `raijin` command: the compiled CLI lives in dist/ (built by `npm run build`, which
// `npm ci` runs through the "prepare" script). If it is missing, say what to run instead of a stack trace.
import { existsSync } from "node:fs";

const compiled = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(compiled)) {
  console.error("raijin: the command is not built yet (dist/cli/main.js is missing): run npm run build");
  process.exit(1);
}
const { main } = await import(compiled.href);

main(process.argv).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`raijin: internal error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
