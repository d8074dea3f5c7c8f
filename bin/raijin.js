#!/usr/bin/env node
// Entry point of the `raijin` command: the compiled CLI lives in dist/ (npm run build).
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
