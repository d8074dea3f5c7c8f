/**
 * Benchmark helpers. Every figure is printed as one JSON line:
 * {"name": ..., "value": ..., "unit": ..., "target": ..., "pass": ..., "timing": ..., "load1": ...}
 * Targets are checked here, in the benchmark, never in timed unit tests.
 *
 * Honest figures: the timing helpers keep every repeat, and the figure reported after them carries the
 * spread (best, median, worst over the repeats) in wall time and in this process's CPU time (user +
 * system, process.cpuUsage), and the machine's one-minute load average when it ran: a wall time well
 * above the CPU time, or a load above the core count, says the figure was taken on a busy machine.
 */
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A path inside the repository, from the nearest folder above this module holding package.json: the
 * benches run compiled (bench/run.ts), from a folder of their own, so `../scenarios` relative to a
 * bench module would not reach the scenarios.
 */
export function repoPath(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`bench: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return join(dir, relative);
}

/** Repeats of one timed body: wall and CPU milliseconds (or rates), best, median and worst. */
export interface Timing {
  readonly repeats: number;
  readonly unit: "ms" | "per s";
  readonly wall: { best: number; median: number; worst: number };
  readonly cpu: { best: number; median: number; worst: number };
}

let lastTiming: Timing | null = null;

export function spread(
  values: number[],
  higherIsBetter: boolean,
): { best: number; median: number; worst: number } {
  const v = [...values].sort((a, b) => a - b).map((x) => Number(x.toPrecision(4)));
  const median =
    v.length % 2 === 1
      ? v[(v.length - 1) / 2]
      : Number((0.5 * (v[v.length / 2 - 1] + v[v.length / 2])).toPrecision(4));
  const lo = v[0];
  const hi = v[v.length - 1];
  return higherIsBetter ? { best: hi, median, worst: lo } : { best: lo, median, worst: hi };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
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

/**
 * Prints a figure. It carries the timing of the helper call just before it (bestTimeMs, ratePerSecond,
 * timeRepeats) unless given its own `timing` (or null for a figure that is not a timing).
 */
export function report(fig: Figure & { timing?: Timing | null }): void {
  const timing = fig.timing === undefined ? lastTiming : fig.timing;
  lastTiming = null;
  const out = { ...fig, timing: timing ?? undefined, load1: Number(loadavg()[0].toFixed(2)) };
  process.stdout.write(JSON.stringify(out) + "\n");
}

/** Runs `body` warmup + repeats times; wall and CPU ms of each timed repeat. */
export function timeRepeats(body: () => number, repeats = 20, warmup = 5): Timing {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += body();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    sink += body();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  if (Number.isNaN(sink)) process.stderr.write("bench sink is NaN\n");
  lastTiming = { repeats, unit: "ms", wall: spread(wall, false), cpu: spread(cpu, false) };
  return lastTiming;
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
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    sink += body(n);
    const dt = (performance.now() - t0) / 1000;
    const dc = Math.max(1e-6, (cpuMs() - c0) / 1000);
    wall.push((n * opsPerIteration) / dt);
    cpu.push((n * opsPerIteration) / dc);
  }
  if (Number.isNaN(sink)) process.stderr.write("bench sink is NaN\n");
  lastTiming = { repeats, unit: "per s", wall: spread(wall, true), cpu: spread(cpu, true) };
  return lastTiming.wall.best;
}

/** Best wall time of `repeats` runs of `body`, in milliseconds (the spread goes with the next report). */
export function bestTimeMs(body: () => number, repeats = 20, warmup = 5): number {
  return timeRepeats(body, repeats, warmup).wall.best;
}

/** Wall and CPU time of repeated runs: best, median and spread (max - min), ms. */
export interface TimeStats {
  runs: number;
  wallBestMs: number;
  wallMedianMs: number;
  wallSpreadMs: number;
  cpuBestMs: number;
  cpuMedianMs: number;
  cpuSpreadMs: number;
}

function median(a: readonly number[]): number {
  const s = [...a].sort((x, y) => x - y);
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) >> 1] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

/** Best, median and spread of runs timed elsewhere (wall and CPU ms, one entry a run). */
export function statsOf(wall: readonly number[], cpu: readonly number[]): TimeStats {
  return {
    runs: wall.length,
    wallBestMs: Math.min(...wall),
    wallMedianMs: median(wall),
    wallSpreadMs: Math.max(...wall) - Math.min(...wall),
    cpuBestMs: Math.min(...cpu),
    cpuMedianMs: median(cpu),
    cpuSpreadMs: Math.max(...cpu) - Math.min(...cpu),
  };
}

/** One run of body: wall and process CPU time (user + system), ms. */
function timeOnce(body: () => number, sink: { v: number }): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  sink.v += body();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/**
 * Wall and CPU time of `repeats` runs of `body` after `warmup` runs. CPU time is the process's (user +
 * system), so on a shared machine it is the honest figure: the wall time also counts time the process
 * waited for a core.
 */
export function measureRuns(body: () => number, repeats = 15, warmup = 3): TimeStats {
  const { wall, cpu } = runTimes(body, repeats, warmup);
  return statsOf(wall, cpu);
}

/** measureRuns' wall and CPU ms of each timed run, for a caller that pools runs (of several processes). */
export function runTimes(
  body: () => number,
  repeats: number,
  warmup: number,
): { wall: number[]; cpu: number[] } {
  const sink = { v: 0 };
  for (let i = 0; i < warmup; i++) sink.v += body();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = timeOnce(body, sink);
    wall.push(t.wall);
    cpu.push(t.cpu);
  }
  if (Number.isNaN(sink.v)) process.stderr.write("bench sink is NaN\n");
  return { wall, cpu };
}

/**
 * Several variants of one job timed in turn (a, b, c, a, b, c, ...), so a change of load on a shared
 * machine weighs on all of them alike: the fair way to state a ratio between them.
 */
export function measureInterleaved(bodies: readonly (() => number)[], repeats = 15, warmup = 3): TimeStats[] {
  const sink = { v: 0 };
  for (let i = 0; i < warmup; i++) for (const b of bodies) sink.v += b();
  const wall = bodies.map((): number[] => []);
  const cpu = bodies.map((): number[] => []);
  for (let r = 0; r < repeats; r++) {
    bodies.forEach((b, i) => {
      const t = timeOnce(b, sink);
      wall[i].push(t.wall);
      cpu[i].push(t.cpu);
    });
  }
  if (Number.isNaN(sink.v)) process.stderr.write("bench sink is NaN\n");
  return bodies.map((_, i) => statsOf(wall[i], cpu[i]));
}

/** The one-minute load average when a figure was taken (os.loadavg), for the record. */
export function loadAverage(): number {
  return Number(loadavg()[0].toFixed(2));
}

/** TimeStats divided by a number of operations, in microseconds per operation, rounded. */
export function perOpUs(s: TimeStats, ops: number): Record<string, number> {
  const u = (ms: number) => Number(((ms * 1000) / ops).toPrecision(4));
  return {
    cpuMedianUs: u(s.cpuMedianMs),
    cpuBestUs: u(s.cpuBestMs),
    cpuSpreadUs: u(s.cpuSpreadMs),
    wallMedianUs: u(s.wallMedianMs),
    wallBestUs: u(s.wallBestMs),
    wallSpreadUs: u(s.wallSpreadMs),
    runs: s.runs,
  };
}

/**
 * This process's peak resident memory, MB: Linux's VmHWM (the high-water mark of this address space,
 * new at exec), else getrusage's maxRSS, which on Linux survives exec: a bench module spawned by
 * bench/run.ts would otherwise start with its parent's peak.
 */
export function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m !== null) return Number(m[1]) / 1024;
  } catch {
    // not Linux: fall back
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** measureRuns in the shape the flight and weapons figures print, ms to the microsecond. */
export interface RunTiming {
  bestMs: number;
  medianMs: number;
  /** Largest minus smallest of the repeats. */
  spreadMs: number;
  cpuBestMs: number;
  cpuMedianMs: number;
  repeats: number;
}

export function runTimingOf(s: TimeStats): RunTiming {
  const r3 = (x: number) => Number(x.toFixed(3));
  return {
    bestMs: r3(s.wallBestMs),
    medianMs: r3(s.wallMedianMs),
    spreadMs: r3(s.wallSpreadMs),
    cpuBestMs: r3(s.cpuBestMs),
    cpuMedianMs: r3(s.cpuMedianMs),
    repeats: s.runs,
  };
}

/** Wall and CPU time of `repeats` runs of `body` after `warmup` runs (measureRuns), as a RunTiming. */
export function timedRuns(body: () => number, repeats: number, warmup = 1): RunTiming {
  return runTimingOf(measureRuns(body, repeats, warmup));
}
