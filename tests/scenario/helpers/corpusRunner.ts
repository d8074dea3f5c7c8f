// Child process of tests/scenario/badInput.test.ts: runs `raijin validate` in-process on each file named
// on the command line, one after the other, and prints one JSON line per file: exit code, output, wall
// and CPU time (user + system: the work itself, whatever else the machine is running) and the process's
// peak resident memory so far (a fresh process, so the figure is this corpus's). The garbage of the files
// before is collected first (the test starts this with --expose-gc), so the peak is one file's, not the
// sum of what the collector had not yet reclaimed.
// Peak memory from Linux's VmHWM: getrusage's maxRSS survives exec, so a child of a large test
// worker would start with the worker's peak (bench/harness.ts).
import { peakRssMb } from "../../../bench/harness.js";
import { main } from "../../../src/cli/main.js";

const collect = (globalThis as { gc?: () => void }).gc;

for (const file of process.argv.slice(2)) {
  collect?.();
  let stdout = "";
  let stderr = "";
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const code = await main(["node", "raijin", "validate", file], {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
  });
  const ms = performance.now() - t0;
  const cu = process.cpuUsage(c0);
  const cpuMs = (cu.user + cu.system) / 1000;
  const maxRssMb = peakRssMb();
  process.stdout.write(JSON.stringify({ file, code, stdout, stderr, ms, cpuMs, maxRssMb }) + "\n");
}
