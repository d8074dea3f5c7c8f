/**
 * The pulsed-power supply of an electromagnetic railgun: a capacitor bank charged from the ship's
 * electrical plant, discharged into the rails for each shot.
 *
 * Energy per shot: the rails turn stored electrical energy into the launch package's kinetic energy with
 * an efficiency eta, so a shot draws E_shot = (1/2) m_lp v_muzzle^2 / eta from the bank (m_lp the mass
 * accelerated: flight body, sabot and armature).
 * Charging: the bank holds `bankShots` shots' worth of energy, E_max = bankShots E_shot. Its charger
 * refills one shot in `rechargeTimeS`, i.e. at P_charger = E_shot / t_recharge, and draws from the plant
 * no more than the sustained power P_sustained the ship allocates to the gun, so the bank charges at
 *   P = min(P_charger, P_sustained),   dE/dt = P while E < E_max.
 * A shot needs E >= E_shot; after the bank is drained the battery fires at most once every
 * E_shot / P seconds, whatever its mechanical rate of fire (the sustained rate P / E_shot shots per
 * second). The state is exact piecewise-linear bookkeeping: no integration.
 * (Public figures: the US Navy's 32 MJ railgun needed some 25 MW for 10 rounds a minute [U]: with
 * E_shot = 32 MJ / eta, P = 25 MW gives eta >= 0.21 for that rate.)
 */

export interface PulsedPowerDefinition {
  /** Electrical-to-kinetic efficiency of the launcher, in (0, 1]. */
  readonly launcherEfficiency: number;
  /** Time for the charger to refill one shot's energy, s (> 0). */
  readonly rechargeTimeS: number;
  /** Sustained electrical power available to the gun, W (> 0). */
  readonly sustainedPowerW: number;
  /** Shots' worth of energy the bank holds when full (>= 1; default 1). */
  readonly bankShots?: number;
}

export function validatePulsedPower(d: PulsedPowerDefinition): PulsedPowerDefinition {
  if (!(d.launcherEfficiency > 0 && d.launcherEfficiency <= 1))
    throw new RangeError(
      `pulsed power: pulsedPower.launcherEfficiency must be in (0, 1], given ${d.launcherEfficiency}`,
    );
  if (!(d.rechargeTimeS > 0 && Number.isFinite(d.rechargeTimeS)))
    throw new RangeError(
      `pulsed power: pulsedPower.rechargeTimeS must be a finite number > 0, given ${d.rechargeTimeS}`,
    );
  if (!(d.sustainedPowerW > 0 && Number.isFinite(d.sustainedPowerW)))
    throw new RangeError(
      `pulsed power: pulsedPower.sustainedPowerW must be a finite number > 0, given ${d.sustainedPowerW}`,
    );
  const b = d.bankShots ?? 1;
  if (!(b >= 1 && Number.isFinite(b)))
    throw new RangeError(`pulsed power: pulsedPower.bankShots must be a finite number >= 1, given ${b}`);
  return d;
}

/** The bank's energy over time. Starts full. */
export class PulsedPowerStore {
  /** Stored energy drawn by one shot, J. */
  readonly shotEnergyJ: number;
  /** Bank capacity, J. */
  readonly capacityJ: number;
  /** Charging power, W: min(charger, sustained). */
  readonly chargePowerW: number;
  /** Energy in the bank at `timeS`, J. */
  private energyJ: number;
  private timeS: number;
  /** Electrical energy drawn by all shots so far, J. */
  energyUsedJ = 0;

  constructor(definition: PulsedPowerDefinition, muzzleEnergyJ: number, startTimeS = 0) {
    validatePulsedPower(definition);
    if (!(muzzleEnergyJ > 0 && Number.isFinite(muzzleEnergyJ)))
      throw new RangeError(`pulsed power: muzzleEnergyJ must be a finite number > 0, given ${muzzleEnergyJ}`);
    this.shotEnergyJ = muzzleEnergyJ / definition.launcherEfficiency;
    this.capacityJ = this.shotEnergyJ * (definition.bankShots ?? 1);
    this.chargePowerW = Math.min(this.shotEnergyJ / definition.rechargeTimeS, definition.sustainedPowerW);
    this.energyJ = this.capacityJ;
    this.timeS = startTimeS;
  }

  /** Stored energy at `tS` (>= the last shot), J. */
  energyAt(tS: number): number {
    return Math.min(this.capacityJ, this.energyJ + this.chargePowerW * Math.max(0, tS - this.timeS));
  }

  /** Earliest time >= tS at which the bank holds one shot's energy, s. */
  readyAt(tS: number): number {
    const e = this.energyAt(tS);
    if (e >= this.shotEnergyJ * (1 - 1e-12)) return Math.max(tS, this.timeS);
    return Math.max(tS, this.timeS) + (this.shotEnergyJ - e) / this.chargePowerW;
  }

  /** Longest-run shot interval the power allows, s: E_shot / P. */
  get sustainedIntervalS(): number {
    return this.shotEnergyJ / this.chargePowerW;
  }

  /** Draws one shot at `tS`; throws a RangeError if the bank is not ready (a scheduling error). */
  fire(tS: number): void {
    if (tS < this.timeS)
      throw new RangeError(`pulsed power: shot at ${tS} s before the previous one (${this.timeS} s)`);
    const e = this.energyAt(tS);
    if (e < this.shotEnergyJ * (1 - 1e-9))
      throw new RangeError(
        `pulsed power: shot at ${tS} s with ${e.toFixed(0)} J of ${this.shotEnergyJ.toFixed(0)} J stored`,
      );
    this.energyJ = Math.max(0, e - this.shotEnergyJ);
    this.timeS = tS;
    this.energyUsedJ += this.shotEnergyJ;
  }
}
