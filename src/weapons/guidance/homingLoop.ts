/**
 * The linearised planar homing loop (Zarchan, "Tactical and Strategic Missile Guidance", 6th ed.,
 * chapters 2 and 3): a teaching and validation model of proportional navigation, not a flight model.
 *
 * Engagement (linearised about the collision triangle, constant closing speed Vc, flight time tF):
 *   y = relative separation (target minus missile) normal to the initial line of sight, m
 *   y'' = nT - nL,                      nT the target's step manoeuvre (applied at t = 0),
 *   lambda = y / (Vc tgo),  tgo = tF - t
 *   lambda' = (y + y' tgo) / (Vc tgo^2)
 *   nc = N' Vc lambda'                  proportional navigation (PN)
 *   nc = N' Vc lambda' + N' nT / 2      augmented proportional navigation (APN, Zarchan ch. 8)
 *   nL' = (nc - nL) / T                 single-lag flight control system (T = 0: nL = nc)
 *   y(0) = 0,  y'(0) = -VM HE           a heading error HE of the missile
 * The miss distance is y(tF).
 *
 * Integration: classical fourth-order Runge-Kutta on (y, y', nL) with steps that shrink with the time to
 * go (h <= 0.005 tgo, h <= T / 40) so the 1/tgo terms of the guidance law are resolved to the end;
 * integration stops at tgo = 1e-9 tF and the miss is y + y' tgo there (the remaining drift is below
 * the round-off of y). With these steps the closed forms of the tests hold to about 1e-8 relative.
 */

export interface HomingLoopOptions {
  /** Effective navigation ratio N' (> 0; PN needs N' > 2 to converge). */
  readonly navigationRatio: number;
  /** Closing speed Vc, m/s (> 0). */
  readonly closingSpeedMps: number;
  /** Missile speed VM, m/s (> 0): turns the heading error into the initial relative velocity. */
  readonly missileSpeedMps: number;
  /** Flight time tF, s (> 0). */
  readonly flightTimeS: number;
  /** Time constant T of the single-lag flight control system, s (>= 0; 0: an ideal, lag-free missile). */
  readonly guidanceTimeConstantS: number;
  /** Step target manoeuvre nT applied from t = 0, m/s^2 (default 0). */
  readonly targetAccelerationMps2?: number;
  /** Heading error HE, rad (default 0). */
  readonly headingErrorRad?: number;
  /** Augmented proportional navigation: add N' nT / 2 (perfect knowledge of nT); default false. */
  readonly augmented?: boolean;
  /** Interval of the returned histories, s (default tF / 200). */
  readonly outputIntervalS?: number;
}

export interface HomingLoopResult {
  /** y(tF), m (signed). */
  readonly missM: number;
  /** Output times, s: 0, dt, 2 dt, ... below tF (at tF itself the PN command of a lagged loop is
   *  singular: the miss is the separation there). */
  readonly timeS: Float64Array;
  /** Commanded acceleration nc at the output times, m/s^2. */
  readonly commandedAccelerationMps2: Float64Array;
  /** Achieved acceleration nL at the output times, m/s^2. */
  readonly achievedAccelerationMps2: Float64Array;
  /** Relative separation y at the output times, m. */
  readonly relativePositionM: Float64Array;
}

function positive(name: string, v: number | undefined, allowZero = false): number {
  if (typeof v !== "number" || !Number.isFinite(v) || (allowZero ? v < 0 : v <= 0)) {
    throw new RangeError(
      `homingLoop: ${name} must be a finite number ${allowZero ? ">= 0" : "> 0"}, given ${v}`,
    );
  }
  return v;
}

function finite(name: string, v: number | undefined): number {
  if (v === undefined) return 0;
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new RangeError(`homingLoop: ${name} must be a finite number, given ${v}`);
  return v;
}

/** Tgo at which integration stops, as a fraction of tF. */
const END_FRACTION = 1e-9;
/** Largest step as a fraction of the time to go, and of the time constant. */
const STEP_PER_TGO = 0.005;
const STEP_PER_LAG = 1 / 40;

/**
 * Runs the planar homing loop and returns the miss distance and the acceleration histories. Throws a
 * RangeError naming the first bad argument.
 */
export function homingLoop(options: HomingLoopOptions): HomingLoopResult {
  if (typeof options !== "object" || options === null)
    throw new RangeError("homingLoop: options must be an object");
  const np = positive("navigationRatio", options.navigationRatio);
  const vc = positive("closingSpeedMps", options.closingSpeedMps);
  const vm = positive("missileSpeedMps", options.missileSpeedMps);
  const tf = positive("flightTimeS", options.flightTimeS);
  const lag = positive("guidanceTimeConstantS", options.guidanceTimeConstantS, true);
  const nt = finite("targetAccelerationMps2", options.targetAccelerationMps2);
  const he = finite("headingErrorRad", options.headingErrorRad);
  const dtOut =
    options.outputIntervalS === undefined ? tf / 200 : positive("outputIntervalS", options.outputIntervalS);
  if (tf / dtOut > 1e6)
    throw new RangeError(`homingLoop: outputIntervalS gives more than 1e6 samples (${tf / dtOut})`);
  const apn = options.augmented === true;
  // vc enters only through lambda' and nc = N' Vc lambda', where it cancels: the linear loop's response
  // does not depend on it, but it is checked so the inputs describe a real engagement.
  void vc;

  const feedForward = apn ? 0.5 * np * nt : 0;
  // nc from the state at time-to-go tgo (PN on the line-of-sight rate; Vc cancels).
  const command = (y: number, yd: number, tgo: number): number =>
    (np * (y + yd * tgo)) / (tgo * tgo) + feedForward;

  const tEnd = tf * (1 - END_FRACTION);
  // Output k (time k dt) for every k dt < tEnd.
  const count = Math.max(1, Math.ceil(tEnd / dtOut));
  const timeS = new Float64Array(count);
  const nc = new Float64Array(count);
  const nl = new Float64Array(count);
  const ys = new Float64Array(count);

  let t = 0;
  let y = 0;
  let yd = -vm * he;
  // The lag state starts at rest; a lag-free missile's nL is nc itself.
  let a = 0;

  // Derivatives of (y, y', nL) at (t, state), left in these three variables.
  let dY = 0;
  let dYd = 0;
  let dA = 0;
  const deriv = (tt: number, y0: number, yd0: number, a0: number): void => {
    const c = command(y0, yd0, tf - tt);
    dY = yd0;
    dYd = nt - (lag > 0 ? a0 : c);
    dA = lag > 0 ? (c - a0) / lag : 0;
  };

  const record = (k: number): void => {
    const c = command(y, yd, tf - t);
    timeS[k] = t;
    nc[k] = c;
    nl[k] = lag > 0 ? a : c;
    ys[k] = y;
  };

  record(0);
  let k = 1;
  while (t < tEnd) {
    const target = k < count ? k * dtOut : tEnd;
    let h = STEP_PER_TGO * (tf - t);
    if (lag > 0) h = Math.min(h, STEP_PER_LAG * lag);
    const reaches = t + h >= target;
    if (reaches) h = target - t;
    deriv(t, y, yd, a);
    const k1y = dY;
    const k1v = dYd;
    const k1a = dA;
    deriv(t + h / 2, y + (h / 2) * k1y, yd + (h / 2) * k1v, a + (h / 2) * k1a);
    const k2y = dY;
    const k2v = dYd;
    const k2a = dA;
    deriv(t + h / 2, y + (h / 2) * k2y, yd + (h / 2) * k2v, a + (h / 2) * k2a);
    const k3y = dY;
    const k3v = dYd;
    const k3a = dA;
    deriv(t + h, y + h * k3y, yd + h * k3v, a + h * k3a);
    y += (h / 6) * (k1y + 2 * k2y + 2 * k3y + dY);
    yd += (h / 6) * (k1v + 2 * k2v + 2 * k3v + dYd);
    a += (h / 6) * (k1a + 2 * k2a + 2 * k3a + dA);
    if (reaches) {
      t = target;
      if (k < count) record(k++);
    } else t += h;
  }
  return {
    missM: y + yd * (tf - t),
    timeS,
    commandedAccelerationMps2: nc,
    achievedAccelerationMps2: nl,
    relativePositionM: ys,
  };
}
