/**
 * The command link of a command-guided projectile: the ship's fire-control track is sent to the round
 * `updateRateHz` times a second, each message carrying the track's state as it was `latencyS` earlier
 * (the time to form, send and act on it). The round's homing law extrapolates the last message from the
 * time it describes, so the latency costs the target's unforeseen manoeuvre over it: a target turning
 * at a_T is mislaid by about a_T tau^2 / 2 (and more as the law's lag adds to it).
 */
import type { CommandLinkDefinition } from "../definitions.js";

export class CommandLink {
  readonly intervalS: number;
  readonly latencyS: number;

  constructor(
    definition: CommandLinkDefinition,
    /** Time of the first message (the shot), s. */
    readonly startS: number,
  ) {
    if (!(definition.updateRateHz > 0 && Number.isFinite(definition.updateRateHz)))
      throw new RangeError(
        `CommandLink: updateRateHz must be a finite number > 0, given ${definition.updateRateHz}`,
      );
    if (!(definition.latencyS >= 0 && Number.isFinite(definition.latencyS)))
      throw new RangeError(
        `CommandLink: latencyS must be a finite number >= 0, given ${definition.latencyS}`,
      );
    this.intervalS = 1 / definition.updateRateHz;
    this.latencyS = definition.latencyS;
  }

  /** Time of the k-th message (k = 0 at the shot), s. */
  messageTimeS(k: number): number {
    return this.startS + k * this.intervalS;
  }

  /** Index of the first message at or after tS. */
  firstMessageAtOrAfter(tS: number): number {
    return Math.max(0, Math.ceil((tS - this.startS) / this.intervalS - 1e-9));
  }

  /** The time a message sent at `messageS` describes: messageS - latency. */
  dataTimeS(messageS: number): number {
    return messageS - this.latencyS;
  }
}
