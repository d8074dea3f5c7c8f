/**
 * What the battle manager is given, and all it is given: the tracker's picture (live tracks and the
 * filter that predicts them), its own batteries' state, and the state of its own fire orders and
 * rounds (the defence knows when it fired and when its round finished its run, never what it hit).
 * Every view here is read-only and none reaches the truth: the battle manager is built from these
 * alone (battleManager.ts), so "decisions read only tracks" holds by construction, not by convention.
 */
import type { FlightEarthModel } from "../flight/earthModel.js";
import type { SiteState } from "../sensors/radar/site.js";
import type { TrackStatus } from "../tracking/management/track.js";
import type { GaussianState, TrackingFilter } from "../tracking/types.js";
import type { ShotRefusal, WeaponBattery } from "../weapons/battery/battery.js";
import type { WeaponDefinition } from "../weapons/definitions.js";
import type { FlyoutTable } from "../weapons/fireControl/flyoutTable.js";
import type { ShotDelivery } from "../weapons/fireControl/shotDelivery.js";

/** A track as the battle manager reads it (the tracker's Track satisfies it). */
export interface TrackView {
  readonly id: string;
  readonly status: TrackStatus;
  readonly confirmedAtS: number | null;
  readonly lastUpdateS: number;
  /**
   * Mean interval between its latest updates, s (0 after one): how old the estimate a command link
   * sends may be (the planning Pk of a command-guided shot).
   */
  readonly updateIntervalS: number;
  /** The latest state: ECEF position (m) and velocity (m/s) first, the filter's other components after. */
  readonly state: Readonly<GaussianState>;
}

/** The tracker's live tracks and the filter that predicts them (its motion models). */
export interface TrackPicture {
  readonly tracks: readonly TrackView[];
  readonly filter: TrackingFilter<GaussianState>;
}

/** A battery's state as the battle manager reads it: no way to fire. */
export interface BatteryView {
  readonly id: string;
  readonly definition: WeaponDefinition;
  readonly roundsLeft: number;
  /** Rounds fired so far. */
  readonly roundsFired: number;
  /** Shortest sustained interval between two shots, s (rate of fire, recharge or launch interval). */
  readonly shotIntervalS: number;
  /** What its rounds bring to the planning Pk of a shot (delivery error, lethality, guidance). */
  readonly delivery: ShotDelivery;
  /** Its fire control's flyout table over `earth` for a launcher at latRad (WeaponBattery.flyoutTable). */
  flyoutTable(earth: FlightEarthModel, latRad: number): FlyoutTable;
  /** The launcher's position and orientation at tS (a ship moves). */
  launcherAt(tS: number, out: SiteState): SiteState;
  /** The launcher's fastest speed, m/s (0: fixed; a ship's fastest leg): how far it can move between shots. */
  readonly launcherMaxSpeedMps: number;
  /** Earliest time >= tS a shot at (az, el) can leave (reaction, rate of fire, power, mount); Infinity if refused. */
  earliestShotS(tS: number, azimuthRad: number, elevationRad: number): number;
  /** Why no shot at (az, el) is possible at all, or null. */
  refusal(azimuthRad: number, elevationRad: number): ShotRefusal | null;
}

/** A read-only view of a battery (a frozen object of closures: the battery's `fire` is not reachable). */
export function batteryView(b: WeaponBattery): BatteryView {
  const interval = b.sustainedShotIntervalS;
  return Object.freeze({
    id: b.id,
    definition: b.definition,
    get roundsLeft() {
      return b.roundsLeft;
    },
    get roundsFired() {
      return b.shots.length;
    },
    shotIntervalS: interval,
    delivery: b.delivery,
    flyoutTable: (earth: FlightEarthModel, latRad: number) => b.flyoutTable(earth, latRad),
    launcherAt: (tS: number, out: SiteState) => b.site.stateInto(tS, out),
    launcherMaxSpeedMps: b.site.maxSpeedMps,
    earliestShotS: (tS: number, az: number, el: number) => b.earliestShotS(tS, az, el),
    refusal: (az: number, el: number) => b.refusal(az, el),
  });
}

/** What the battle manager asks a battery to do: fire at a track, no earlier than a time. */
export interface FireOrder {
  /** `<weaponId>@<trackId>#<n>`, unique in the run. */
  readonly orderId: string;
  readonly weaponId: string;
  readonly trackId: string;
  /** Decision time, s. */
  readonly decidedS: number;
  /** The shot's planned time (the battery's earliest), s. */
  readonly shotTimeS: number;
  /** Planned intercept: time, altitude, ground range from the launcher, Pk. */
  readonly interceptTimeS: number;
  readonly interceptAltM: number;
  readonly interceptRangeM: number;
  readonly plannedPk: number;
  /** What the threat evaluation took the track for (the fire control's prediction and seeker planning). */
  readonly threatClass: "ballistic" | "lifting" | "boosting";
  /**
   * For a lifting track: the along-track acceleration (its measured drag, m/s^2) the fire control
   * predicts it with along its glide (weapons/fireControl/liftingPrediction.ts); default 0.
   */
  readonly alongTrackAccelMps2?: number;
}

export type OrderState = "pending" | "fired" | "held" | "done";

/** An order's state as the weapons report it to the battle manager (own-force telemetry). */
export interface OrderView {
  readonly order: FireOrder;
  readonly state: OrderState;
  /** The shot's id once fired. */
  readonly shotId: string | null;
  /** Planned intercept time of the shot as fired (the fire control's solution at the shot), s. */
  readonly plannedInterceptS: number;
  /** When the round finished its run (passed its target, or ended), s; NaN while it flies. */
  readonly doneS: number;
  /** Why the order was held (no solution at the shot time), or null. */
  readonly heldBecause: string | null;
}

/** The orders of the run and their states, in issue order. */
export interface OrderBook {
  readonly orders: readonly OrderView[];
  /** An order's state by its id (undefined: not given). */
  get(orderId: string): OrderView | undefined;
}
