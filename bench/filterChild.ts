/**
 * One runner of one filter problem (trackingFilters.ts) in a process of its own, so that it pays for
 * its own garbage and no other's: `filterChild PROBLEM RUNNER REPEATS WARMUP` prints its timed runs and final
 * state as one JSON line; `filterChild allocation` prints the machine's off-heap allocation cost
 * (offHeapAllocationUs).
 */
import { offHeapAllocationUs, timeRunnerHere } from "./trackingFilters.js";

const [problem, runner, repeats, warmup] = process.argv.slice(2);
const result =
  problem === "allocation"
    ? offHeapAllocationUs()
    : timeRunnerHere(problem, runner, Number(repeats), Number(warmup));
process.stdout.write(`${JSON.stringify(result)}\n`);
