/**
 * The engine loop: an ordered list of systems on one shared clock (docs/design.md, "One run").
 *
 * The clock has no fixed step. Each system says when it next has work of its own (a sensor's next look,
 * a detection's arrival, a scoring tick, later a shot's launch or a battle manager's decision cycle);
 * the loop jumps to the earliest of those times and gives every system, in list order, a frame at that
 * time. A system does only its own job in a frame and sees only what it was given when it was built
 * (a truth view, a detection bus, the track picture, the event log), so adding a step to the loop means
 * adding a system to the list, not editing the others.
 *
 * Order within a frame is the order of the list: truth first (flights advance, threats launch and end),
 * then sensing, tracking, decisions and scoring, so each sees the frame's state of the ones before it.
 */

export interface SimSystem {
  /** Names the system in errors. */
  readonly name: string;
  /**
   * Where a system added to a run goes (run.ts): "decision" (default) after tracking, acting on the
   * frame's tracks; "physical" right after truth, before the sensors look (what changes the truth: a
   * weapon's rounds, a kill).
   */
  readonly stage?: "physical" | "decision";
  /**
   * The earliest time strictly after `afterS` at which this system has work of its own, s; Infinity
   * when it has none. Called after every frame.
   */
  nextFrameS(afterS: number): number;
  /** Does this system's work at `timeS`; called at every frame, in list order (often nothing to do). */
  runFrame(timeS: number): void;
  /** Called once after the last frame, with the run's end time. */
  finish?(endS: number): void;
}

export interface LoopClock {
  readonly startS: number;
  /** The run's end, s; may move earlier as the run goes (e.g. once every threat has ended). */
  endS(): number;
}

export interface LoopStats {
  readonly frames: number;
  readonly endS: number;
}

/** Runs the systems from startS to the clock's end; returns how many frames were played. */
export function runSystems(systems: readonly SimSystem[], clock: LoopClock): LoopStats {
  if (!(Number.isFinite(clock.startS) && clock.startS <= clock.endS()))
    throw new RangeError(
      `runSystems: clock.startS must be a finite time at or before clock.endS() (${clock.endS()} s), given ${clock.startS}`,
    );
  let t = clock.startS;
  let frames = 0;
  for (;;) {
    for (let i = 0; i < systems.length; i++) systems[i].runFrame(t);
    frames++;
    let next = Infinity;
    let by = "";
    for (let i = 0; i < systems.length; i++) {
      const n = systems[i].nextFrameS(t);
      if (n < next) {
        next = n;
        by = systems[i].name;
      }
    }
    // A system that asks for a frame at or before the current one would loop forever.
    if (!(next > t)) throw new Error(`engine: system ${by} asked for a frame at ${next} s, not after ${t} s`);
    if (next > clock.endS()) break;
    t = next;
  }
  const endS = clock.endS();
  for (const s of systems) s.finish?.(endS);
  return { frames, endS };
}

/** The k-th tick of a regular cadence: times k * intervalS (exact multiples, no accumulated round-off). */
export class Ticks {
  constructor(readonly intervalS: number) {
    if (!(intervalS > 0) || !Number.isFinite(intervalS))
      throw new RangeError(`Ticks: intervalS must be a positive finite number, given ${intervalS}`);
  }

  /** Whether timeS falls on a tick (within a nanosecond). */
  isTick(timeS: number): boolean {
    const k = Math.round(timeS / this.intervalS);
    return Math.abs(timeS - k * this.intervalS) < 1e-9;
  }

  /** The first tick strictly after timeS. */
  after(timeS: number): number {
    const k = Math.floor(timeS / this.intervalS + 1e-9) + 1;
    return k * this.intervalS;
  }
}
