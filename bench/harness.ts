/**
 * Benchmark helpers. Every figure is printed as one JSON line:
 * {"name": ..., "value": ..., "unit": ..., "target": ..., "pass": ...}
 * Targets are checked here, in the benchmark, never in timed unit tests.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. ">= 1e7"; omit for informational figures. */
  target?: string;
  /** Whether the target is met (omit when there is no target). */
  pass?: boolean;
  /** Anything else worth recording (sizes, counts). */
  detail?: Record<string, unknown>;
}

export function report(fig: Figure): void {
  process.stdout.write(JSON.stringify(fig) + "\n");
}

/**
 * Calls `body(iterations)` with growing iteration counts until one batch takes at least `minMs`,
 * then repeats that batch `repeats` times and returns the best rate (operations per second).
 * `body` must return a number that depends on its work, so the JIT cannot drop it.
 */
export function ratePerSecond(
  body: (iterations: number) => number,
  opsPerIteration = 1,
  minMs = 200,
  repeats = 5,
): number {
  let n = 1;
  let sink = 0;
  for (;;) {
    const t0 = performance.now();
    sink += body(n);
    const dt = performance.now() - t0;
    if (dt >= minMs) break;
    n *= dt < minMs / 10 ? 10 : 2;
  }
  let best = 0;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    sink += body(n);
    const dt = (performance.now() - t0) / 1000;
    best = Math.max(best, (n * opsPerIteration) / dt);
  }
  if (Number.isNaN(sink)) process.stderr.write("bench sink is NaN\n");
  return best;
}

/** Best wall time of `repeats` runs of `body`, in milliseconds. */
export function bestTimeMs(body: () => number, repeats = 20, warmup = 5): number {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += body();
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    sink += body();
    best = Math.min(best, performance.now() - t0);
  }
  if (Number.isNaN(sink)) process.stderr.write("bench sink is NaN\n");
  return best;
}
