/**
 * Battery state: what a railgun or an interceptor launcher has left and when it can fire next.
 *
 * A railgun shot at time t needs: a round in the magazine, rails within their life, the bank charged
 * (pulsedPower.ts), the loader ready (one shot per 60 / rate-of-fire seconds) and the gun laid on the
 * shot's azimuth and elevation (mount.ts, within the elevation limits). An interceptor launcher (a
 * vertical-launch system: no mount to lay) needs a round and the launch interval since the last launch.
 * Both add their reaction time between a fire-control solution and the shot.
 * Everything is exact bookkeeping of times (no stepping), so a battery answers "earliest shot" for any
 * time and any number of shots and is deterministic.
 *
 * A battery is also where what differs between weapon kinds is answered for the layers above (the
 * battle manager, the loop's adjudication): its round's lethality, the interval it can sustain between
 * shots, the elevations it can fire at, its fire control's flyout table, what its rounds bring to a
 * shot's planning Pk (delivery) and the round it fires and flies (launch), so they read these and do
 * not switch on the kind.
 */
import { finiteArg } from "../../math/check.js";
import { RadarSite, type SiteSpec } from "../../sensors/radar/site.js";
import type { InterceptorDefinition, RailgunDefinition, WeaponDefinition } from "../definitions.js";
import type { FlightEarthModel } from "../../flight/earthModel.js";
import { launchGunRound } from "../engagement/gunLaunch.js";
import { launchInterceptorRound } from "../engagement/interceptorLaunch.js";
import type { LaunchedRound, RoundLaunch } from "../engagement/roundLaunch.js";
import { GunFireControl } from "../fireControl/firingSolution.js";
import type { FlyoutTable } from "../fireControl/flyoutTable.js";
import { defaultFlyoutTables, gunFlyoutTable, interceptorFlyoutTable } from "../fireControl/flyouts.js";
import { GunShotDelivery } from "../fireControl/gunShotDelivery.js";
import { InterceptorShotDelivery } from "../fireControl/interceptorShotDelivery.js";
import type { ShotDelivery } from "../fireControl/shotDelivery.js";
import type { Lethality } from "../lethality.js";
import { Mount } from "./mount.js";
import { PulsedPowerStore } from "./pulsedPower.js";

export type ShotRefusal = "magazine-empty" | "barrel-worn" | "elevation-limit";

export interface ShotRecord {
  /** `<weaponId>-<n>`, n counting from 1. */
  readonly shotId: string;
  readonly timeS: number;
  readonly azimuthRad: number;
  readonly elevationRad: number;
}

/** A battery of either kind. */
export interface WeaponBattery {
  readonly id: string;
  readonly definition: WeaponDefinition;
  readonly site: RadarSite;
  readonly roundsLeft: number;
  readonly shots: readonly ShotRecord[];
  /** Lethality of its round at the target (a railgun's projectile, an interceptor's kill vehicle). */
  readonly lethality: Lethality;
  /** What its rounds bring to the planning Pk of a shot: delivery error and guidance (shotDelivery.ts). */
  readonly delivery: ShotDelivery;
  /**
   * Shortest interval between shots the battery can keep up, s: a railgun's loader or its bank's
   * recharge at the sustained power, whichever is slower; an interceptor launcher's launch interval.
   */
  readonly sustainedShotIntervalS: number;
  /** Whether the launcher can fire at this elevation (a gun's mount limits; a vertical launcher: any). */
  canElevate(elevationRad: number): boolean;
  /** Why no shot at (az, el) is possible at all, or null. */
  refusal(azimuthRad: number, elevationRad: number): ShotRefusal | null;
  /** Earliest time >= tS (the time of the fire-control solution) that a shot at (az, el) can leave; Infinity if refused. */
  earliestShotS(tS: number, azimuthRad: number, elevationRad: number): number;
  /** Fires at `tS` (which must be >= earliestShotS of the decision); returns the shot. */
  fire(tS: number, azimuthRad: number, elevationRad: number): ShotRecord;
  /**
   * Its fire control's flyout table over `earth` for a launcher at latRad (flyouts.ts: a gun's
   * trajectories by elevation, an interceptor's guided flyouts to a grid), from the process-wide cache
   * (built once per weapon model, Earth model and degree of latitude).
   */
  flyoutTable(earth: FlightEarthModel, latRad: number): FlyoutTable;
  /**
   * Fires and flies one round on a solution fire control stands behind (launch.ts has checked the
   * PIP, the refusal and the planned Pk): a gun refines its aim, draws its errors and flies a
   * projectile (gunLaunch.ts); a vertical launcher flies an interceptor to the PIP
   * (interceptorLaunch.ts).
   */
  launch(o: RoundLaunch): LaunchedRound;
}

/** A shot's time and lay: finite numbers, or a RangeError naming the bad one. */
function checkShot(fn: string, tS: number, azimuthRad: number, elevationRad: number): void {
  finiteArg(fn, "tS", tS);
  finiteArg(fn, "azimuthRad", azimuthRad);
  finiteArg(fn, "elevationRad", elevationRad);
}

function roundsOf(rounds: number | undefined, magazine: number, id: string): number {
  const n = rounds ?? magazine;
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`weapon ${id}: rounds must be a whole number >= 0, given ${n}`);
  return n;
}

export class RailgunBattery implements WeaponBattery {
  readonly site: RadarSite;
  readonly mount: Mount;
  readonly power: PulsedPowerStore;
  readonly muzzleEnergyJ: number;
  private left: number;
  private readonly shotList: ShotRecord[] = [];
  /** Rounds fired through the present rails. */
  barrelRounds = 0;
  private lastShotS = -Infinity;
  private readonly minIntervalS: number;

  constructor(
    readonly id: string,
    readonly definition: RailgunDefinition,
    site: SiteSpec | RadarSite,
    rounds?: number,
  ) {
    this.site = site instanceof RadarSite ? site : new RadarSite(site);
    this.left = roundsOf(rounds, definition.magazineRounds, id);
    this.muzzleEnergyJ = 0.5 * definition.launchPackageMassKg * definition.muzzleSpeedMps ** 2;
    this.power = new PulsedPowerStore(definition.pulsedPower, this.muzzleEnergyJ);
    this.mount = new Mount(definition.mount, definition.mount.elevationMinRad);
    if (!(definition.rateOfFirePerMin > 0))
      throw new RangeError(`weapon ${id}: rateOfFirePerMin must be > 0`);
    this.minIntervalS = 60 / definition.rateOfFirePerMin;
    const d = definition;
    const power = (0.5 * d.launchPackageMassKg * d.muzzleSpeedMps ** 2) / d.pulsedPower.launcherEfficiency;
    const chargeW = Math.min(power / d.pulsedPower.rechargeTimeS, d.pulsedPower.sustainedPowerW);
    this.sustainedShotIntervalS = Math.max(this.minIntervalS, power / chargeW);
    this.delivery = new GunShotDelivery(definition);
  }

  /** The gun's flyout fire control on each Earth model it has fired over (working storage only). */
  private readonly fireControls = new WeakMap<FlightEarthModel, GunFireControl>();

  flyoutTable(earth: FlightEarthModel, latRad: number): FlyoutTable {
    return defaultFlyoutTables.get(this.definition, earth, latRad, gunFlyoutTable);
  }

  launch(o: RoundLaunch): LaunchedRound {
    let fc = this.fireControls.get(o.earth);
    if (fc === undefined) {
      fc = new GunFireControl(this.definition, o.earth);
      this.fireControls.set(o.earth, fc);
    }
    return launchGunRound(this, fc, o);
  }

  readonly sustainedShotIntervalS: number;

  get lethality(): Lethality {
    return this.definition.projectile.lethality;
  }

  readonly delivery: ShotDelivery;

  canElevate(elevationRad: number): boolean {
    return this.mount.canElevate(elevationRad);
  }

  get roundsLeft(): number {
    return this.left;
  }

  get shots(): readonly ShotRecord[] {
    return this.shotList;
  }

  /** Fraction of the rails' life used. */
  get barrelWear(): number {
    return this.barrelRounds / this.definition.barrelLifeRounds;
  }

  refusal(_azimuthRad: number, elevationRad: number): ShotRefusal | null {
    if (this.left <= 0) return "magazine-empty";
    if (this.barrelRounds >= this.definition.barrelLifeRounds) return "barrel-worn";
    if (!this.mount.canElevate(elevationRad)) return "elevation-limit";
    return null;
  }

  earliestShotS(tS: number, azimuthRad: number, elevationRad: number): number {
    checkShot(`weapon ${this.id}: earliestShotS`, tS, azimuthRad, elevationRad);
    if (this.refusal(azimuthRad, elevationRad) !== null) return Infinity;
    const decided = tS + this.definition.reactionTimeS;
    return Math.max(
      decided,
      this.lastShotS + this.minIntervalS,
      this.power.readyAt(decided),
      this.mount.readyAt(tS, azimuthRad, elevationRad),
    );
  }

  fire(tS: number, azimuthRad: number, elevationRad: number): ShotRecord {
    checkShot(`weapon ${this.id}: fire`, tS, azimuthRad, elevationRad);
    const why = this.refusal(azimuthRad, elevationRad);
    if (why !== null) throw new RangeError(`weapon ${this.id}: cannot fire (${why})`);
    if (tS < this.lastShotS + this.minIntervalS * (1 - 1e-12))
      throw new RangeError(`weapon ${this.id}: shot at ${tS} s faster than the rate of fire allows`);
    // The gun can have started to move no earlier than it finished its previous lay.
    if (tS + 1e-9 < this.mount.readyAt(this.mount.laidAtS, azimuthRad, elevationRad))
      throw new RangeError(`weapon ${this.id}: shot at ${tS} s before the gun can be laid`);
    this.power.fire(tS);
    this.mount.lay(tS, azimuthRad, elevationRad);
    this.left--;
    this.barrelRounds++;
    this.lastShotS = tS;
    const shot = { shotId: `${this.id}-${this.shotList.length + 1}`, timeS: tS, azimuthRad, elevationRad };
    this.shotList.push(shot);
    return shot;
  }
}

export class InterceptorBattery implements WeaponBattery {
  readonly site: RadarSite;
  private left: number;
  private readonly shotList: ShotRecord[] = [];
  private lastShotS = -Infinity;

  constructor(
    readonly id: string,
    readonly definition: InterceptorDefinition,
    site: SiteSpec | RadarSite,
    rounds?: number,
  ) {
    this.site = site instanceof RadarSite ? site : new RadarSite(site);
    this.left = roundsOf(rounds, definition.magazineRounds, id);
    this.delivery = new InterceptorShotDelivery(definition);
  }

  flyoutTable(earth: FlightEarthModel, latRad: number): FlyoutTable {
    return defaultFlyoutTables.get(this.definition, earth, latRad, interceptorFlyoutTable);
  }

  launch(o: RoundLaunch): LaunchedRound {
    return launchInterceptorRound(this, o);
  }

  readonly delivery: ShotDelivery;

  get roundsLeft(): number {
    return this.left;
  }

  get shots(): readonly ShotRecord[] {
    return this.shotList;
  }

  get lethality(): Lethality {
    return this.definition.lethality;
  }

  get sustainedShotIntervalS(): number {
    return Math.max(this.definition.launchIntervalS, 1e-3);
  }

  canElevate(): boolean {
    return true;
  }

  refusal(): ShotRefusal | null {
    return this.left <= 0 ? "magazine-empty" : null;
  }

  earliestShotS(tS: number, azimuthRad = 0, elevationRad = Math.PI / 2): number {
    checkShot(`weapon ${this.id}: earliestShotS`, tS, azimuthRad, elevationRad);
    if (this.left <= 0) return Infinity;
    return Math.max(tS + this.definition.reactionTimeS, this.lastShotS + this.definition.launchIntervalS);
  }

  fire(tS: number, azimuthRad: number, elevationRad: number): ShotRecord {
    checkShot(`weapon ${this.id}: fire`, tS, azimuthRad, elevationRad);
    if (this.left <= 0) throw new RangeError(`weapon ${this.id}: cannot fire (magazine-empty)`);
    if (tS < this.lastShotS + this.definition.launchIntervalS * (1 - 1e-12))
      throw new RangeError(`weapon ${this.id}: launch at ${tS} s inside the launch interval`);
    this.left--;
    this.lastShotS = tS;
    const shot = { shotId: `${this.id}-${this.shotList.length + 1}`, timeS: tS, azimuthRad, elevationRad };
    this.shotList.push(shot);
    return shot;
  }
}
