/**
 * Does a track fly ballistic? The check that decides whether its ballistic impact prediction
 * (./impactPoint.ts) can be stood behind, or whether the target is lifting or manoeuvring (a glider,
 * a cruise missile, a boosting missile) and needs a reachable footprint instead (./footprint.ts;
 * project issue 9 item 7). Two independent pieces of evidence, each used when the track has it:
 *
 * 1. The IMM's mode probabilities: the probability of the modes whose motion model is ballistic (their
 *    state has the drag parameter `kappa`). Below `minBallisticProbability` the filter itself says the
 *    measurements are better explained by a manoeuvre model.
 * 2. The specific force (the non-gravitational acceleration) from a mode that estimates acceleration
 *    (state components ax, ay, az: the ECEF kinematic acceleration of the near-constant-acceleration
 *    model): f = a - g(r) + 2 omega x v + omega x (omega x r), with the scenario Earth's gravity and
 *    rotation (the same terms as the ballistic model, ../models/transition/ballistic.ts). Split along
 *    the velocity (drag or thrust) and across it (lift: a ballistic body has none). Across-velocity
 *    force beyond `minLiftMps2` and beyond `liftSigmas` of its own uncertainty (the covariance of the
 *    acceleration projected on the plane normal to the velocity) is lift; an along-velocity force
 *    pushing forwards beyond the same bounds is thrust. Drag (backwards along the velocity) is what
 *    the ballistic model expects.
 *
 * 3. The mean specific force over an interval, from an earlier state of the same track (`earlier`,
 *    e.g. kept by TrackMotionHistory below): f = (v1 - v0) / dt - g(r_m) + 2 omega x v_m +
 *    omega x (omega x r_m) at the midpoint r_m, v_m; its standard deviation per axis from the two
 *    velocity covariances, sqrt(tr P_v0 + tr P_v1) / (sqrt(3) dt) (their correlation ignored). Over
 *    10-60 s this measures a lift of a few m/s^2 to a fraction of a m/s^2, where the instantaneous
 *    acceleration estimate of a sparsely observed track is uncertain by 10-15 m/s^2. Drag along a
 *    velocity that turned by an angle theta over the interval leaks |along| sin(theta / 2) across the
 *    mean velocity: that much is added to the lift threshold. The test is made on the same rule as 2.
 *
 * 4. A drag deficit: where the dynamic pressure q is high enough that even the smallest plausible
 *    drag, q kappa_floor, exceeds 0.5 m/s^2, a drag parameter (the track's `kappa`) significantly
 *    below kappa_floor (by `liftSigmas` of its own standard deviation) means a force is cancelling
 *    the drag: a sustainer (a cruise missile's scramjet). kappa_floor = 2e-5 m^2/kg is the inverse of
 *    50,000 kg/m^2, the top of the public span of re-entry vehicle ballistic coefficients
 *    (5,000-50,000 kg/m^2, the catalog's src/flight/catalog/ballistic.ts).
 *
 * Defaults: 0.5 for the IMM probability (the ballistic modes are less likely than the rest together);
 * 5 m/s^2 (half a g) for lift and thrust, below the 10-30 m/s^2 of glide and cruise lift and the 40-100
 * m/s^2 of boost in the catalog's threats (src/scenario/build/tracker.ts) and above the ~1 m/s^2 noise
 * of a well-observed track's acceleration estimate, at 3 standard deviations.
 */
import { DEFAULT_EARTH_ENVIRONMENT, EarthModel } from "../../earth/model.js";
import { checkState } from "../filters/checks.js";
import type { GaussianState } from "../types.js";
import { normalCdf } from "../../math/stats/distributions.js";

/** P(Z > k) for a standard normal Z. */
function normalTail(k: number): number {
  return normalCdf(-k);
}

export interface MotionAssessmentOptions {
  /** The scenario's Earth (gravity, rotation); default WGS-84 with J2 and rotation. */
  earth?: EarthModel;
  /** Component names of each IMM mode's state (ImmFilter.filters[i].transition.stateNames), in mode
   *  order; without it, or for a state without mode probabilities, only the kinematic test runs, on
   *  the state's own components (`stateNames`). */
  modeStateNames?: readonly (readonly string[] | undefined)[];
  /** Component names of the state itself (for a non-IMM state with an acceleration). */
  stateNames?: readonly string[];
  /** Probability of the ballistic modes below which the target is taken as manoeuvring; default 0.5. */
  minBallisticProbability?: number;
  /** Specific force (lift, thrust) taken as real above this, m/s^2; default 5. */
  minLiftMps2?: number;
  /** ... and above this many standard deviations of its estimate; default 3. */
  liftSigmas?: number;
  /** An earlier state of the same track, 5 s or more before (see the file comment, 3). */
  earlier?: GaussianState;
  /** Smallest inverse ballistic coefficient of an unpowered body, m^2/kg (see 4); default 2e-5. */
  kappaFloor?: number;
}

export interface MotionAssessment {
  /** Total IMM probability of the ballistic modes, or null (not an IMM state). */
  readonly ballisticProbability: number | null;
  /** Specific force along the velocity (positive forwards: thrust; negative: drag) and across it
   *  (lift), m/s^2, and the standard deviation of the across part; null without an acceleration. */
  readonly alongMps2: number | null;
  readonly acrossMps2: number | null;
  readonly acrossSigmaMps2: number | null;
  /** The mean specific force over the interval from `earlier` (along, across, across sigma), m/s^2,
   *  and the interval, s; null without it. */
  readonly meanAlongMps2: number | null;
  readonly meanAcrossMps2: number | null;
  readonly meanAcrossSigmaMps2: number | null;
  readonly intervalS: number | null;
  /** The specific force across the velocity is lift (see the file comment). */
  readonly lifting: boolean;
  /** A force pushes the target forwards (thrust, or a drag deficit: see 2-4 in the file comment). */
  readonly thrusting: boolean;
  /** Thrust, or an IMM that prefers its manoeuvre modes. */
  readonly manoeuvring: boolean;
  /** Neither: the ballistic impact prediction applies. */
  readonly ballistic: boolean;
  /** Why, in words (empty when ballistic). */
  readonly reasons: readonly string[];
}

let defaultEarth: EarthModel | null = null;

function isImm(
  s: GaussianState,
): s is GaussianState & { modes: GaussianState[]; probabilities: Float64Array } {
  const t = s as { modes?: unknown; probabilities?: unknown };
  return Array.isArray(t.modes) && t.probabilities instanceof Float64Array;
}

/** Checks options; throws RangeError naming the bad one. */
function positive(name: string, v: number | undefined, fallback: number, max = Infinity): number {
  if (v === undefined) return fallback;
  if (!(Number.isFinite(v) && v >= 0 && v <= max)) {
    throw new RangeError(`assessTrackMotion: options.${name} must be in [0, ${max}], got ${v}`);
  }
  return v;
}

/** The numeric options, each refused with a RangeError naming it (as the assessment reads them). */
function checkMotionOptions(options: MotionAssessmentOptions): void {
  positive("minBallisticProbability", options.minBallisticProbability, 0.5, 1);
  positive("minLiftMps2", options.minLiftMps2, 5);
  positive("liftSigmas", options.liftSigmas, 3);
  positive("kappaFloor", options.kappaFloor, 2e-5);
}

/** Whether a track's target flies ballistic, from its IMM mode probabilities and its specific force. */
export function assessTrackMotion(
  state: GaussianState,
  options: MotionAssessmentOptions = {},
): MotionAssessment {
  if (state === null || typeof state !== "object" || !(state.x?.length >= 6)) {
    throw new RangeError("assessTrackMotion: state must have at least position and velocity");
  }
  checkState("assessTrackMotion", "state", state, state.x.length);
  if (options.earlier !== undefined) {
    const e = options.earlier;
    if (!(e?.x?.length >= 6))
      throw new RangeError("assessTrackMotion: options.earlier must have position and velocity");
    checkState("assessTrackMotion", "options.earlier", e, e.x.length);
  }
  checkMotionOptions(options);
  const earth = options.earth ?? (defaultEarth ??= new EarthModel(DEFAULT_EARTH_ENVIRONMENT));
  const minP = positive("minBallisticProbability", options.minBallisticProbability, 0.5, 1);
  const minLift = positive("minLiftMps2", options.minLiftMps2, 5);
  const k = positive("liftSigmas", options.liftSigmas, 3);
  const reasons: string[] = [];

  // 1. IMM probabilities; and the mode that carries an acceleration.
  let ballisticProbability: number | null = null;
  let accState: GaussianState | null = null;
  let accNames: readonly string[] | undefined;
  const modeNames = options.modeStateNames;
  if (isImm(state) && modeNames !== undefined && modeNames.length === state.modes.length) {
    ballisticProbability = 0;
    let bestAccP = -1;
    for (let i = 0; i < state.modes.length; i++) {
      const names = modeNames[i];
      if (names === undefined) continue;
      const p = state.probabilities[i];
      if (names.includes("kappa")) ballisticProbability += p;
      if (names.includes("ax") && p > bestAccP) {
        bestAccP = p;
        accState = state.modes[i];
        accNames = names;
      }
    }
    if (ballisticProbability < minP) {
      reasons.push(`IMM ballistic-mode probability ${ballisticProbability.toFixed(2)} < ${minP}`);
    }
  } else if (options.stateNames?.includes("ax")) {
    accState = state;
    accNames = options.stateNames;
  }

  // 2. Specific force from the acceleration estimate.
  let along: number | null = null;
  let across: number | null = null;
  let acrossSigma: number | null = null;
  let lifting = false;
  let thrusting = false;
  if (accState !== null && accNames !== undefined) {
    const x = accState.x;
    const n = x.length;
    const ia = accNames.indexOf("ax");
    const g = earth.gravityInto(x, new Float64Array(3));
    const w = earth.omegaRadS;
    // f = a - g + 2 omega x v + omega x (omega x r), omega = [0, 0, w]:
    // 2 omega x v = 2w [-vy, vx, 0]; omega x (omega x r) = -w^2 [x, y, 0].
    const f = [
      x[ia] - g[0] - 2 * w * x[4] - w * w * x[0],
      x[ia + 1] - g[1] + 2 * w * x[3] - w * w * x[1],
      x[ia + 2] - g[2],
    ];
    const speed = Math.hypot(x[3], x[4], x[5]);
    if (speed > 0) {
      const u = [x[3] / speed, x[4] / speed, x[5] / speed];
      along = f[0] * u[0] + f[1] * u[1] + f[2] * u[2];
      across = Math.hypot(f[0] - along * u[0], f[1] - along * u[1], f[2] - along * u[2]);
      // Variance of the acceleration across the velocity: trace(P_aa) - u^T P_aa u; along it: u^T P_aa u.
      const P = accState.P;
      let tr = 0;
      let uPu = 0;
      for (let i = 0; i < 3; i++) {
        tr += P[(ia + i) * n + ia + i];
        for (let j = 0; j < 3; j++) uPu += u[i] * P[(ia + i) * n + ia + j] * u[j];
      }
      acrossSigma = Math.sqrt(Math.max(0, tr - uPu));
      const alongSigma = Math.sqrt(Math.max(0, uPu));
      if (across > minLift && across > k * acrossSigma) {
        lifting = true;
        reasons.push(`lift ${across.toFixed(1)} m/s^2 (sigma ${acrossSigma.toFixed(1)})`);
      }
      if (along > minLift && along > k * alongSigma) {
        thrusting = true;
        reasons.push(`thrust ${along.toFixed(1)} m/s^2 (sigma ${alongSigma.toFixed(1)})`);
      }
    }
  }
  // 3. Mean specific force over an interval.
  let meanAlong: number | null = null;
  let meanAcross: number | null = null;
  let meanAcrossSigma: number | null = null;
  let intervalS: number | null = null;
  const e = options.earlier;
  if (e !== undefined && e.x.length >= 6 && state.timeS - e.timeS >= 5) {
    const dt = state.timeS - e.timeS;
    intervalS = dt;
    const x1 = state.x;
    const x0 = e.x;
    const rm = [0.5 * (x0[0] + x1[0]), 0.5 * (x0[1] + x1[1]), 0.5 * (x0[2] + x1[2])];
    const vm = [0.5 * (x0[3] + x1[3]), 0.5 * (x0[4] + x1[4]), 0.5 * (x0[5] + x1[5])];
    const g = earth.gravityInto(rm, new Float64Array(3));
    const w = earth.omegaRadS;
    const f = [
      (x1[3] - x0[3]) / dt - g[0] - 2 * w * vm[1] - w * w * rm[0],
      (x1[4] - x0[4]) / dt - g[1] + 2 * w * vm[0] - w * w * rm[1],
      (x1[5] - x0[5]) / dt - g[2],
    ];
    const speed = Math.hypot(vm[0], vm[1], vm[2]);
    if (speed > 0) {
      const u = [vm[0] / speed, vm[1] / speed, vm[2] / speed];
      meanAlong = f[0] * u[0] + f[1] * u[1] + f[2] * u[2];
      meanAcross = Math.hypot(f[0] - meanAlong * u[0], f[1] - meanAlong * u[1], f[2] - meanAlong * u[2]);
      const n1 = state.x.length;
      const n0 = e.x.length;
      let tr = 0;
      for (let i = 3; i < 6; i++) tr += state.P[i * n1 + i] + e.P[i * n0 + i];
      const sigmaAxis = Math.sqrt(Math.max(0, tr) / 3) / dt;
      meanAcrossSigma = Math.SQRT2 * sigmaAxis;
      // Angle the velocity turned over the interval: drag along it leaks across the mean velocity.
      const s0 = Math.hypot(x0[3], x0[4], x0[5]);
      const s1 = Math.hypot(x1[3], x1[4], x1[5]);
      const cosTurn = (x0[3] * x1[3] + x0[4] * x1[4] + x0[5] * x1[5]) / (s0 * s1);
      const leak = Math.abs(meanAlong) * Math.sin(0.5 * Math.acos(Math.min(1, Math.max(-1, cosTurn))));
      // |f_across|^2 / sigma_axis^2 is chi-square with 2 degrees of freedom: the gate at the
      // probability of a k-sigma normal tail (k = 3: 0.9973, gate 3.44 sigma_axis).
      const gate2 = -2 * Math.log(Math.max(1e-300, 2 * normalTail(k)));
      if (meanAcross > minLift + leak && meanAcross - leak > Math.sqrt(gate2) * sigmaAxis && !lifting) {
        lifting = true;
        reasons.push(
          `mean lift over ${dt.toFixed(0)} s ${meanAcross.toFixed(1)} m/s^2 (sigma ${meanAcrossSigma.toFixed(1)})`,
        );
      }
      if (meanAlong > minLift && meanAlong > k * sigmaAxis && !thrusting) {
        thrusting = true;
        reasons.push(`mean thrust over ${dt.toFixed(0)} s ${meanAlong.toFixed(1)} m/s^2`);
      }
    }
  }
  // 4. Drag deficit: in dense air every body has at least the drag of the largest ballistic
  // coefficient; a track whose drag parameter stays well below that floor is pushed (a sustainer).
  const names = options.stateNames;
  const ik = names?.indexOf("kappa") ?? -1;
  if (ik >= 0 && ik < state.x.length) {
    const n = state.x.length;
    const air = earth.airInto(state.x, new Float64Array(5));
    const speed2 = state.x[3] ** 2 + state.x[4] ** 2 + state.x[5] ** 2;
    const q = 0.5 * air[3] * speed2;
    const floor = positive("kappaFloor", options.kappaFloor, 2e-5);
    const kappaSigma = Math.sqrt(Math.max(0, state.P[ik * n + ik]));
    if (q * floor > 0.5 && state.x[ik] + k * kappaSigma < floor && !thrusting) {
      thrusting = true;
      reasons.push(
        `drag deficit: kappa ${state.x[ik].toExponential(1)} (sigma ${kappaSigma.toExponential(1)}) below ${floor.toExponential(1)} at ${(q / 1e3).toFixed(1)} kPa`,
      );
    }
  }
  const manoeuvring = thrusting || (ballisticProbability !== null && ballisticProbability < minP);
  return {
    ballisticProbability,
    alongMps2: along,
    acrossMps2: across,
    acrossSigmaMps2: acrossSigma,
    meanAlongMps2: meanAlong,
    meanAcrossMps2: meanAcross,
    meanAcrossSigmaMps2: meanAcrossSigma,
    intervalS,
    lifting,
    thrusting,
    manoeuvring,
    ballistic: !lifting && !manoeuvring,
    reasons,
  };
}

/**
 * What a battle manager keeps per track for the motion check: earlier states for the interval test (3
 * in the file comment), a copy of each track's state every `spacingS` (default 5 s) kept for `keepS`
 * (default 60 s); and whether lift was ever seen on the track. At each copy the track is assessed
 * against its state `lagS` (default 20 s) before; a track once seen lifting while not thrusting (a
 * boosting missile's thrust is not along its velocity during the pitch programme, which looks like
 * lift) stays a lifting target:
 * a glider or a cruise missile can pull lift again whenever it likes (it is in its terminal dive, or
 * between two weaves, when its current lift is small), so its ballistic prediction stays unreliable.
 */
export class TrackMotionHistory {
  private readonly byTrack = new Map<string, GaussianState[]>();
  private readonly liftSeen = new Map<string, string>();
  readonly spacingS: number;
  readonly keepS: number;
  readonly lagS: number;
  constructor(
    readonly assessOptions: Omit<MotionAssessmentOptions, "earlier"> = {},
    spacing: { spacingS?: number; keepS?: number; lagS?: number } = {},
  ) {
    this.spacingS = spacing.spacingS ?? 5;
    this.keepS = spacing.keepS ?? 60;
    this.lagS = spacing.lagS ?? 20;
    if (!(this.spacingS > 0 && Number.isFinite(this.spacingS)))
      throw new RangeError(
        `TrackMotionHistory: spacing.spacingS must be a finite number > 0, given ${this.spacingS}`,
      );
    if (!(this.lagS >= 5 && Number.isFinite(this.lagS)))
      throw new RangeError(
        `TrackMotionHistory: spacing.lagS must be a finite number >= 5 s, given ${this.lagS}`,
      );
    if (!(this.keepS >= this.lagS && Number.isFinite(this.keepS)))
      throw new RangeError(
        `TrackMotionHistory: spacing.keepS must be finite and >= lagS, given ${this.keepS}`,
      );
    checkMotionOptions(assessOptions);
  }

  /** Notes a track's current state (copied, and the track assessed, when spacingS has passed). */
  note(trackId: string, state: GaussianState): void {
    if (!(state?.x?.length >= 6))
      throw new RangeError("TrackMotionHistory.note: state must have position and velocity");
    if (!Number.isFinite(state.timeS))
      throw new RangeError(`TrackMotionHistory.note: state.timeS must be finite, given ${state.timeS}`);
    let list = this.byTrack.get(trackId);
    if (list === undefined) this.byTrack.set(trackId, (list = []));
    const last = list[list.length - 1];
    if (last !== undefined && state.timeS - last.timeS < this.spacingS) return;
    // Checked whole only when it is kept (called for every track every tick, kept every spacingS).
    checkState("TrackMotionHistory.note", "state", state, state.x.length);
    if (!this.liftSeen.has(trackId)) {
      const earlier = this.earlierThan(trackId, state.timeS, this.lagS);
      if (earlier !== undefined) {
        const m = assessTrackMotion(state, { ...this.assessOptions, earlier });
        if (m.lifting && !m.thrusting)
          this.liftSeen.set(trackId, `at ${state.timeS.toFixed(0)} s: ${m.reasons.join("; ")}`);
      }
    }
    list.push({ x: Float64Array.from(state.x), P: Float64Array.from(state.P), timeS: state.timeS });
    while (list.length > 0 && state.timeS - list[0].timeS > this.keepS) list.shift();
  }

  /** The newest kept state of the track at least lagS before timeS, or undefined. */
  earlierThan(trackId: string, timeS: number, lagS: number = this.lagS): GaussianState | undefined {
    const list = this.byTrack.get(trackId);
    if (list === undefined) return undefined;
    for (let i = list.length - 1; i >= 0; i--) if (timeS - list[i].timeS >= lagS) return list[i];
    return undefined;
  }

  /** Why the track was once seen lifting, or undefined. */
  liftSeenOn(trackId: string): string | undefined {
    return this.liftSeen.get(trackId);
  }

  /** The full assessment of a track now: its motion, with the lift seen earlier counted as lifting. */
  assess(trackId: string, state: GaussianState): MotionAssessment {
    const m = assessTrackMotion(state, {
      ...this.assessOptions,
      earlier: this.earlierThan(trackId, state.timeS),
    });
    const seen = this.liftSeen.get(trackId);
    if (seen === undefined || m.lifting) return m;
    return { ...m, lifting: true, ballistic: false, reasons: [...m.reasons, `lift seen earlier (${seen})`] };
  }

  /** Forgets a track (deleted). */
  forget(trackId: string): void {
    this.byTrack.delete(trackId);
    this.liftSeen.delete(trackId);
  }
}
