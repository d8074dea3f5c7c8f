/**
 * Closed forms for unpowered flight in a vacuum over a spherical, non-rotating Earth with point gravity:
 * the references the integrated model is validated against (switches `earth: sphere`, `rotation: false`,
 * `gravity: point`, `atmosphere: none`).
 *
 * Free flight is a Kepler conic (Bate, Mueller & White, "Fundamentals of Astrodynamics", 1971, ch. 6
 * "Ballistic missile trajectories", and ch. 1-2 for the conic relations; Regan & Anandakrishnan,
 * "Dynamics of Atmospheric Re-Entry", AIAA 1993, ch. 3). From a burnout state (radius r0, speed v0,
 * flight-path angle gamma0 above the local horizontal):
 *   h = r0 v0 cos(gamma0), p = h^2 / mu, energy E = v0^2/2 - mu/r0, a = -mu/(2E), e = sqrt(1 - p/a);
 *   r = p / (1 + e cos nu); radial speed (mu/h) e sin nu, so ascending burnout has nu0 in (0, pi);
 *   apogee r_a = a (1 + e); time from Kepler's equation M = E - e sin E, n = sqrt(mu / a^3).
 * Minimum-energy trajectory between two points at equal radius separated by the range angle psi:
 *   gamma* = (pi - psi) / 4 and v*^2 = (mu/r) 2 sin(psi/2) / (1 + sin(psi/2)) (BMW eq. 6.2-19 and 6.2-20).
 */

export interface FreeFlightConic {
  /** Range angle from burnout to the return to `impactRadiusM`, rad (central angle). */
  rangeAngleRad: number;
  /** Apogee radius, m. */
  apogeeRadiusM: number;
  /** Time from burnout to apogee, s. */
  timeToApogeeS: number;
  /** Time from burnout to the return to `impactRadiusM`, s. */
  timeOfFlightS: number;
  semiMajorAxisM: number;
  eccentricity: number;
}

/**
 * The free-flight conic from a burnout state to the descending crossing of `impactRadiusM`.
 * Throws RangeError when the trajectory escapes or never comes down to that radius.
 */
export function freeFlightConic(
  gmM3S2: number,
  burnoutRadiusM: number,
  speedMps: number,
  flightPathAngleRad: number,
  impactRadiusM: number,
): FreeFlightConic {
  const mu = gmM3S2;
  const r0 = burnoutRadiusM;
  const h = r0 * speedMps * Math.cos(flightPathAngleRad);
  const p = (h * h) / mu;
  const energy = 0.5 * speedMps * speedMps - mu / r0;
  if (!(energy < 0)) throw new RangeError("freeFlightConic: not a bound (elliptic) trajectory");
  const a = -mu / (2 * energy);
  const e = Math.sqrt(Math.max(0, 1 - p / a));
  const rA = a * (1 + e);
  if (impactRadiusM > rA || impactRadiusM < a * (1 - e)) {
    throw new RangeError("freeFlightConic: the conic never reaches the impact radius");
  }
  // True anomaly at burnout (sign from the radial velocity) and at the descending impact crossing.
  const cosNu0 = clampUnit((p / r0 - 1) / e);
  const nu0 = flightPathAngleRad >= 0 ? Math.acos(cosNu0) : -Math.acos(cosNu0);
  const nuI = 2 * Math.PI - Math.acos(clampUnit((p / impactRadiusM - 1) / e));
  const n = Math.sqrt(mu / (a * a * a));
  const m0 = meanAnomaly(nu0, e);
  const mI = meanAnomaly(nuI, e);
  return {
    rangeAngleRad: nuI - nu0,
    apogeeRadiusM: rA,
    timeToApogeeS: (Math.PI - m0) / n,
    timeOfFlightS: (mI - m0) / n,
    semiMajorAxisM: a,
    eccentricity: e,
  };
}

/** Mean anomaly for true anomaly nu (continuous: nu in (-pi, 2pi) maps to M in (-pi, 2pi)). */
function meanAnomaly(nu: number, e: number): number {
  const den = 1 + e * Math.cos(nu);
  const cosE = (e + Math.cos(nu)) / den;
  const sinE = (Math.sqrt(1 - e * e) * Math.sin(nu)) / den;
  let bigE = Math.atan2(sinE, cosE);
  if (nu > Math.PI && bigE < 0) bigE += 2 * Math.PI;
  return bigE - e * Math.sin(bigE);
}

function clampUnit(x: number): number {
  return x > 1 ? 1 : x < -1 ? -1 : x;
}

/** Minimum-energy burnout flight-path angle for range angle psi (equal radii): (pi - psi) / 4. */
export function minimumEnergyFlightPathAngleRad(rangeAngleRad: number): number {
  return (Math.PI - rangeAngleRad) / 4;
}

/** Minimum-energy burnout speed for range angle psi at radius r (equal radii), m/s. */
export function minimumEnergySpeedMps(gmM3S2: number, radiusM: number, rangeAngleRad: number): number {
  const s = Math.sin(rangeAngleRad / 2);
  return Math.sqrt(((gmM3S2 / radiusM) * 2 * s) / (1 + s));
}

/**
 * Equilibrium-glide range (Tracy & Wright 2020, after Vinh, "Optimal Trajectories in Atmospheric Flight",
 * 1981): with constant L/D, lift balancing gravity less centrifugal force, and drag decelerating,
 * s = (R/2) (L/D) ln((1 - vf^2/vc^2) / (1 - v^2/vc^2)), vc^2 = mu / R the circular speed squared.
 */
export function equilibriumGlideRangeM(
  gmM3S2: number,
  radiusM: number,
  liftToDrag: number,
  speedMps: number,
  finalSpeedMps: number,
): number {
  const vc2 = gmM3S2 / radiusM;
  return (
    0.5 *
    radiusM *
    liftToDrag *
    Math.log((1 - (finalSpeedMps * finalSpeedMps) / vc2) / (1 - (speedMps * speedMps) / vc2))
  );
}

/**
 * Equilibrium-glide flight time: dV/dt = -(g - V^2/R)/(L/D) integrates to
 * t = (L/D) vc / (2 g) ln[((1 + V0/vc)(1 - Vf/vc)) / ((1 - V0/vc)(1 + Vf/vc))], g = mu / R^2.
 */
export function equilibriumGlideTimeS(
  gmM3S2: number,
  radiusM: number,
  liftToDrag: number,
  speedMps: number,
  finalSpeedMps: number,
): number {
  const vc = Math.sqrt(gmM3S2 / radiusM);
  const g = gmM3S2 / (radiusM * radiusM);
  const x0 = speedMps / vc;
  const xf = finalSpeedMps / vc;
  return ((liftToDrag * vc) / (2 * g)) * Math.log(((1 + x0) * (1 - xf)) / ((1 - x0) * (1 + xf)));
}

/** Speed at which an equilibrium glide at constant L/D must start to cover `rangeM` down to `finalSpeedMps`. */
export function equilibriumGlideEntrySpeedMps(
  gmM3S2: number,
  radiusM: number,
  liftToDrag: number,
  rangeM: number,
  finalSpeedMps: number,
): number {
  const vc2 = gmM3S2 / radiusM;
  const x =
    1 - (1 - (finalSpeedMps * finalSpeedMps) / vc2) * Math.exp((-2 * rangeM) / (radiusM * liftToDrag));
  return Math.sqrt(Math.max(0, x * vc2));
}
