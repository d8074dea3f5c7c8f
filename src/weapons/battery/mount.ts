/**
 * A trainable gun mount: elevation limits, azimuth and elevation slew rates, and a settle time.
 *
 * Laying the gun from (az0, el0) to (az1, el1) takes
 *   t_lay = max(|wrap(az1 - az0)| / omega_az, |el1 - el0| / omega_el) + t_settle
 * (both axes drive at once at their full rates; the settle time, for the barrel's vibrations to damp and
 * the servo to null its error, is paid after any motion and not when the gun is already laid). Azimuth
 * is unlimited (a turret on a ship, clear arcs aside); elevation is limited to [el_min, el_max].
 * Elevation here is the gun's elevation above the local (geodetic) horizontal; azimuth from north to
 * east. Accelerations of the drives are neglected against the settle time.
 */

export interface MountDefinition {
  readonly elevationMinRad: number;
  readonly elevationMaxRad: number;
  readonly azimuthSlewRateRadS: number;
  readonly elevationSlewRateRadS: number;
  readonly settleTimeS: number;
}

export function validateMount(d: MountDefinition): MountDefinition {
  const h = Math.PI / 2;
  if (!(d.elevationMinRad >= -h && d.elevationMinRad < h))
    throw new RangeError(`mount: mount.elevationMinRad must be in [-pi/2, pi/2), given ${d.elevationMinRad}`);
  if (!(d.elevationMaxRad > d.elevationMinRad && d.elevationMaxRad <= h))
    throw new RangeError(
      `mount: mount.elevationMaxRad must be in (elevationMinRad, pi/2] = (${d.elevationMinRad}, ${h}], given ${d.elevationMaxRad}`,
    );
  for (const k of ["azimuthSlewRateRadS", "elevationSlewRateRadS"] as const)
    if (!(d[k] > 0 && Number.isFinite(d[k])))
      throw new RangeError(`mount: mount.${k} must be a finite number > 0, given ${d[k]}`);
  if (!(d.settleTimeS >= 0 && Number.isFinite(d.settleTimeS)))
    throw new RangeError(`mount: mount.settleTimeS must be a finite number >= 0, given ${d.settleTimeS}`);
  return d;
}

/** Wraps an angle difference into (-pi, pi]. */
function wrapPi(a: number): number {
  const t = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
  return t === -Math.PI ? Math.PI : t;
}

export class Mount {
  readonly definition: MountDefinition;
  /** Where the gun points, and the time it got there (laid and settled). */
  azimuthRad = 0;
  elevationRad: number;
  laidAtS = -Infinity;

  constructor(definition: MountDefinition, startElevationRad?: number) {
    this.definition = validateMount(definition);
    this.elevationRad = Math.min(
      definition.elevationMaxRad,
      Math.max(definition.elevationMinRad, startElevationRad ?? 0),
    );
  }

  /** Whether the elevation is within the mount's limits. */
  canElevate(elevationRad: number): boolean {
    return elevationRad >= this.definition.elevationMinRad && elevationRad <= this.definition.elevationMaxRad;
  }

  /** Time to lay from the current pointing to (az, el), s (0 when already there). */
  layTimeS(azimuthRad: number, elevationRad: number): number {
    const d = this.definition;
    const daz = Math.abs(wrapPi(azimuthRad - this.azimuthRad));
    const del = Math.abs(elevationRad - this.elevationRad);
    if (daz === 0 && del === 0) return 0;
    return Math.max(daz / d.azimuthSlewRateRadS, del / d.elevationSlewRateRadS) + d.settleTimeS;
  }

  /** Earliest time >= tS at which the gun can be laid on (az, el), starting to move at tS, s. */
  readyAt(tS: number, azimuthRad: number, elevationRad: number): number {
    return Math.max(tS, this.laidAtS) + this.layTimeS(azimuthRad, elevationRad);
  }

  /** Records the gun laid on (az, el) at `tS`. */
  lay(tS: number, azimuthRad: number, elevationRad: number): void {
    if (!this.canElevate(elevationRad))
      throw new RangeError(`mount: elevation ${elevationRad} rad outside the mount's limits`);
    this.azimuthRad = azimuthRad;
    this.elevationRad = elevationRad;
    this.laidAtS = tS;
  }
}
