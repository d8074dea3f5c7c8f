/**
 * Ballistic (unpowered, non-lifting) motion in the rotating ECEF frame, state
 * [px, py, pz, vx, vy, vz, kappa] (m, m/s, m^2/kg) with kappa = C_D A / m the inverse ballistic
 * coefficient (1/beta). The acceleration is the equation of motion in a rotating frame (Coriolis and
 * centrifugal terms, e.g. Goldstein, Classical Mechanics, 3rd ed., section 4.10) with the drag
 * deceleration rho v^2 / (2 beta) opposite the air-relative velocity:
 *   a = g(r) - 2 omega x v - omega x (omega x r) - 1/2 rho(h) kappa |v| v,
 * with g the WGS-84 point-mass + J2 gravity (src/earth/gravity.ts), omega = [0, 0, Omega] the Earth's
 * rotation (WGS-84 7.292115e-5 rad/s), and rho the U.S. Standard Atmosphere 1976 density at altitude
 * h, from the tabulated copy the flight model uses (src/earth/atmosphereTable.ts, within 3e-5 of the
 * exact function). The atmosphere turns with the Earth, so the ECEF velocity is
 * the air-relative velocity.
 *
 * The Earth (shape, gravity, rotation, atmosphere) is the scenario's EarthModel (src/earth/model.ts):
 * on `earth: sphere` the shape is the 6,371 km sphere, `gravity: point` sets J2 to 0, `rotation:
 * false` omega to 0 and `atmosphere: none` removes drag, so the tracker and the impact predictor fly
 * the same physics as the truth (project issue 9 item 5). Without one, WGS-84 with J2, rotation and
 * the 1976 atmosphere.
 *
 * Altitude: h = |r| - R(phi_c), R the shape's geocentric radius at the geocentric latitude (exactly
 * r - R on the sphere); on the ellipsoid it differs from the geodetic height by under a metre below
 * 200 km (the angle between the radial and the normal is at most 0.19 deg), far below the density
 * scale height. Drag is ignored above `dragCeilingM` (default 200 km, where it is below 1e-6 m/s^2
 * for kappa <= 1e-3).
 *
 * f(x, dt): classical fourth-order Runge-Kutta with substeps of at most `maxStepS`. F(x, dt) follows
 * the same Runge-Kutta trajectory, so it keeps the end state, and a following f(x, dt) from the same x
 * and dt (the filters ask for F, then f) returns it instead of integrating again.
 * F(x, dt): analytic. With A = df/dx = [[0, I, 0], [G, W, k], [0, 0, 0]] (G = da/dr: the J2 gravity
 * gradient, the centrifugal term and the drag's density gradient; W = da/dv: Coriolis and drag;
 * k = da/dkappa), each substep's transition is the second-order expansion
 *   Phi = I + A dt + A^2 dt^2 / 2,  A^2 = [[G, W, k], [W G, G + W^2, W k], [0, 0, 0]],
 * with A at the substep's midpoint (so the density change along a dive enters to second order too),
 * composed over the substeps along the Runge-Kutta trajectory. The density gradient drho/dh is the
 * forward difference of the tabulated atmosphere over 50 m, and dh/dr is taken as the radial unit
 * vector (the ellipsoid's slope adds below 0.4 % to it).
 * Q(dt): white acceleration noise of spectral density q (m^2/s^3) per axis (the constant-velocity
 * CWNA blocks, Bar-Shalom et al. 2001 section 6.2.2) and a random walk of kappa, q_kappa dt. With
 * `aeroNoiseFraction` c > 0, q grows inside the atmosphere by (c a_D)^2 tau: an unmodelled
 * aerodynamic acceleration (density departures, trim lift) of standard deviation c a_D and
 * correlation time tau (`aeroNoiseTimeS`) taken as white noise of that density, a_D = rho v^2 m / 2 the
 * drag of a body with the prior mean kappa m (not the estimate, so the noise cannot feed back into
 * it), at the state of the last F(x, dt) or f(x, dt) call (the filters ask for F, then f, then Q).
 *
 * kappa as a first-order Gauss-Markov process (option `kappaCorrelationTimeS` = tau; Bar-Shalom et al.
 * 2001 sec. 8.2.3, the discrete form of dkappa/dt = -(kappa - m)/tau + w): over dt the mean relaxes
 * towards the prior mean m, kappa' = m + (kappa - m) e^(-dt/tau) (Phi_kappa,kappa = e^(-dt/tau)), and
 * Q_kappa = s^2 (1 - e^(-2 dt/tau)) keeps the prior variance s^2 as the steady state. The ballistic
 * coefficient of a tracked object does change (staging, separation, C_D with Mach), and while drag is
 * too weak to be felt (above the sensible atmosphere) the measurements say nothing about kappa, so
 * whatever the track learnt earlier, notably thrust taken for negative drag in boost, fades back to
 * the prior instead of being carried to re-entry (project issue 9 item 6). The dynamics hold kappa
 * constant within one prediction and apply the relaxation at its end (tau >> the update interval).
 * `kappaMin` (0 keeps drag physical) clips the predicted mean, the "estimate projection" of an
 * inequality constraint (Simon, "Kalman filtering with state constraints", IET Control Theory Appl.
 * 4(8), 2010, sec. 2.4), leaving the covariance as it is.
 */
import { gravityJ2WithInto } from "../../../earth/gravity.js";
import { ussa1976TableInto } from "../../../earth/atmosphereTable.js";
import { DEFAULT_EARTH_ENVIRONMENT, EarthModel } from "../../../earth/model.js";
import { argError, finiteArg, nonNegativeArg, positiveArg } from "../../../math/check.js";
import type { NonlinearTransitionModel } from "../../types.js";
import { STATE_NAMES } from "../../types.js";

export interface BallisticModelOptions {
  /** Acceleration noise spectral density q, m^2/s^3 per axis; default 1. */
  accelPsdM2S3?: number;
  /** Random-walk spectral density of kappa, (m^2/kg)^2 / s; default 1e-12. Used when
   *  kappaCorrelationTimeS is infinite. */
  kappaPsd?: number;
  /** Correlation time of kappa, s: a first-order Gauss-Markov process that relaxes towards the prior
   *  mean with the prior variance as its steady state (see the file comment); default Infinity (a
   *  random walk of density kappaPsd). */
  kappaCorrelationTimeS?: number;
  /** Lowest kappa the prediction keeps, m^2/kg (default -Infinity: none; 0 keeps drag physical). */
  kappaMin?: number;
  /** Unmodelled aerodynamic acceleration as a fraction of the drag deceleration of a body with the
   *  prior mean kappa (see the file comment); default 0 (none). */
  aeroNoiseFraction?: number;
  /** Correlation time of that acceleration, s (its white-noise density is (c a_D)^2 tau); default 10. */
  aeroNoiseTimeS?: number;
  /** Prior mean and standard deviation of kappa (m^2/kg) for new tracks. Default mean 1e-4
   *  (beta = 10,000 kg/m^2, the order of Tracy and Wright's 13,000 kg/m^2 for a glider and of
   *  re-entry vehicles) and sigma 1e-4. */
  kappaPriorMean?: number;
  kappaPriorSigma?: number;
  /** The Earth: shape, gravity, rotation and atmosphere (default WGS-84, J2, rotating, USSA 1976).
   *  The three switches below, when given, override it. */
  earth?: EarthModel;
  /** Earth rotation rate, rad/s (0: inertial Earth); default the Earth model's. */
  omegaRadS?: number;
  /** Gravity: "j2" or "point"; default the Earth model's. */
  gravity?: "j2" | "point";
  /** Include drag; default true when the Earth model has an atmosphere. */
  drag?: boolean;
  /** Altitude above which drag is ignored, m; default 200 km. */
  dragCeilingM?: number;
  /** Longest Runge-Kutta substep, s; default 0.5. */
  maxStepS?: number;
  /** Density override, kg/m^3 at altitude m (default USSA 1976, tabulated). */
  densityKgM3?: (altM: number) => number;
}

const densityScratch = new Float64Array(4);

/** USSA 1976 density from the tabulated atmosphere, kg/m^3. */
function tabulatedDensity(altM: number): number {
  return ussa1976TableInto(altM, densityScratch)[2];
}

/** Whether the 7 components of x equal those of y exactly. */
function sameState(x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  for (let i = 0; i < 7; i++) if (x[i] !== y[i]) return false;
  return true;
}

let defaultEarth: EarthModel | null = null;
/** The WGS-84 EarthModel shared by models built without one. */
function wgs84Earth(): EarthModel {
  return (defaultEarth ??= new EarthModel(DEFAULT_EARTH_ENVIRONMENT));
}

export class BallisticModel implements NonlinearTransitionModel {
  readonly ndim = 7;
  readonly stateNames: readonly string[] = [
    ...STATE_NAMES.position,
    ...STATE_NAMES.velocity,
    ...STATE_NAMES.inverseBallisticCoefficient,
  ];
  readonly extraPriorMean: readonly number[];
  readonly extraPriorVariance: readonly number[];
  readonly accelPsdM2S3: number;
  readonly kappaPsd: number;
  readonly kappaCorrelationTimeS: number;
  readonly kappaMin: number;
  readonly aeroNoiseFraction: number;
  readonly aeroNoiseTimeS: number;
  /** Drag deceleration of a prior-mean body at the state of the last F or f call, m/s^2. */
  private lastDragMps2 = 0;
  /** Q reads lastDragMps2 when the aerodynamic noise is on (the filters then never reuse a Q). */
  get processNoiseDependsOnState(): boolean {
    return this.aeroNoiseFraction > 0;
  }
  private readonly kappaMean: number;
  private readonly kappaVar: number;
  /** The Earth the model flies over (its shape gives altitudes; see the file comment). */
  readonly earth: EarthModel;
  readonly omegaRadS: number;
  readonly j2: number;
  readonly drag: boolean;
  private readonly gmM3S2: number;
  private readonly j2RefRadiusM: number;
  /** Equatorial radius and b^2/a^2 = 1 - e^2 of the shape, for the geocentric radius. */
  private readonly aM: number;
  private readonly e2: number;
  private readonly b2OverA2: number;
  readonly dragCeilingM: number;
  readonly maxStepS: number;
  private readonly density: (altM: number) => number;
  // Scratch (the model is used from one thread; nothing is kept between calls).
  private readonly k1 = new Float64Array(6);
  /** The state k1 was evaluated at. */
  private readonly k1x = new Float64Array(7);
  private k1Valid = false;
  private readonly k2 = new Float64Array(6);
  private readonly k3 = new Float64Array(6);
  private readonly k4 = new Float64Array(6);
  private readonly xs = new Float64Array(7);
  private readonly xa = new Float64Array(7);
  private readonly xm = new Float64Array(7);
  private readonly g = new Float64Array(3);
  private readonly G = new Float64Array(9);
  private readonly W = new Float64Array(9);
  private readonly kv = new Float64Array(3);
  private readonly p3 = new Float64Array(3);
  private readonly v3 = new Float64Array(3);
  private readonly phi = new Float64Array(49);
  private readonly acc = new Float64Array(49);
  private readonly tmp = new Float64Array(49);
  /** f(endFrom, endDt), left by the last FInto. */
  private readonly end = new Float64Array(7);
  private readonly endFrom = new Float64Array(7);
  private endDt = Number.NaN;
  private endValid = false;

  /** The options it was built with (for `withMaxStepS`). */
  private readonly options: BallisticModelOptions;

  constructor(options: BallisticModelOptions = {}) {
    const fn = "BallisticModel";
    this.options = { ...options };
    this.accelPsdM2S3 = nonNegativeArg(fn, "options.accelPsdM2S3", options.accelPsdM2S3 ?? 1);
    this.kappaPsd = nonNegativeArg(fn, "options.kappaPsd", options.kappaPsd ?? 1e-12);
    this.kappaCorrelationTimeS = options.kappaCorrelationTimeS ?? Infinity;
    this.kappaMin = options.kappaMin ?? -Infinity;
    this.aeroNoiseFraction = nonNegativeArg(fn, "options.aeroNoiseFraction", options.aeroNoiseFraction ?? 0);
    this.aeroNoiseTimeS = positiveArg(fn, "options.aeroNoiseTimeS", options.aeroNoiseTimeS ?? 10);
    // Infinity is the default here: a random walk of kappa (see kappaPsd).
    if (!(this.kappaCorrelationTimeS > 0))
      throw argError(
        fn,
        "options.kappaCorrelationTimeS",
        "a number > 0 (Infinity: a random walk)",
        this.kappaCorrelationTimeS,
      );
    if (Number.isNaN(this.kappaMin) || this.kappaMin === Infinity)
      throw argError(fn, "options.kappaMin", "a number below +Infinity (-Infinity: no floor)", this.kappaMin);
    const km = finiteArg(fn, "options.kappaPriorMean", options.kappaPriorMean ?? 1e-4);
    const ks = nonNegativeArg(fn, "options.kappaPriorSigma", options.kappaPriorSigma ?? 1e-4);
    if (options.omegaRadS !== undefined) finiteArg(fn, "options.omegaRadS", options.omegaRadS);
    if (options.dragCeilingM !== undefined) finiteArg(fn, "options.dragCeilingM", options.dragCeilingM);
    if (options.maxStepS !== undefined) positiveArg(fn, "options.maxStepS", options.maxStepS);
    this.extraPriorMean = [km];
    this.extraPriorVariance = [ks * ks];
    this.kappaMean = km;
    this.kappaVar = ks * ks;
    const earth = options.earth ?? wgs84Earth();
    this.earth = earth;
    this.omegaRadS = options.omegaRadS ?? earth.omegaRadS;
    this.gmM3S2 = earth.gmM3S2;
    this.j2RefRadiusM = earth.j2RefRadiusM;
    // An explicit gravity switch uses the J2 of WGS-84 (EGM96), the value every EarthModel carries.
    const wgsJ2 = wgs84Earth().j2;
    this.j2 = options.gravity === undefined ? earth.j2 : options.gravity === "j2" ? wgsJ2 : 0;
    this.drag = options.drag ?? earth.hasAtmosphere;
    this.aM = earth.aM;
    this.e2 = earth.e2;
    this.b2OverA2 = 1 - earth.e2;
    this.dragCeilingM = options.dragCeilingM ?? 200e3;
    this.maxStepS = options.maxStepS ?? 0.5;
    this.density = options.densityKgM3 ?? tabulatedDensity;
  }

  /**
   * The same model with another longest Runge-Kutta substep (a planner looking minutes ahead trades
   * metres of path for a quarter of the cost; the tracker keeps its own).
   */
  withMaxStepS(maxStepS: number): BallisticModel {
    positiveArg("BallisticModel.withMaxStepS", "maxStepS", maxStepS);
    return new BallisticModel({ ...this.options, maxStepS });
  }

  /** Altitude above the Earth's shape along the radial (see the file comment), m. */
  altitudeM(x: ArrayLike<number>): number {
    const r2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
    const r = Math.sqrt(r2);
    const cos2 = (x[0] * x[0] + x[1] * x[1]) / r2;
    return r - this.aM * Math.sqrt(this.b2OverA2 / (1 - this.e2 * cos2));
  }

  /** Density at the state's altitude, 0 above the drag ceiling or without drag. */
  private rho(x: ArrayLike<number>): number {
    if (!this.drag) return 0;
    const h = this.altitudeM(x);
    // Below the surface (a prediction past impact) the surface density, not the atmosphere's law
    // extrapolated into the ground (34 kg/m^3 at -52 km, where a coasting track's mode diverged).
    return h > this.dragCeilingM ? 0 : this.density(h > 0 ? h : 0);
  }

  /** d[r, v]/dt at state x (7) into out (6). */
  derivativeInto(x: ArrayLike<number>, out: Float64Array): Float64Array {
    const g = gravityJ2WithInto(x, this.gmM3S2, this.j2, this.j2RefRadiusM, this.g);
    const w = this.omegaRadS;
    const vx = x[3];
    const vy = x[4];
    const vz = x[5];
    const rho = this.rho(x);
    const d = rho > 0 ? -0.5 * rho * x[6] * Math.sqrt(vx * vx + vy * vy + vz * vz) : 0;
    out[0] = vx;
    out[1] = vy;
    out[2] = vz;
    out[3] = g[0] + 2 * w * vy + w * w * x[0] + d * vx;
    out[4] = g[1] - 2 * w * vx + w * w * x[1] + d * vy;
    out[5] = g[2] + d * vz;
    return out;
  }

  /** k1 = derivative at x, reusing the last start-of-step derivative when x is the same state (the
   *  filters ask for F(x, dt) and then f(x, dt) from the same x). */
  private startDerivative(x: ArrayLike<number>): Float64Array {
    const c = this.k1x;
    if (
      this.k1Valid &&
      c[0] === x[0] &&
      c[1] === x[1] &&
      c[2] === x[2] &&
      c[3] === x[3] &&
      c[4] === x[4] &&
      c[5] === x[5] &&
      c[6] === x[6]
    ) {
      return this.k1;
    }
    this.derivativeInto(x, this.k1);
    for (let i = 0; i < 7; i++) c[i] = x[i];
    this.k1Valid = true;
    return this.k1;
  }

  private rk4Step(x: Float64Array, h: number, out: Float64Array): void {
    const xs = this.xs;
    const { k2, k3, k4 } = this;
    const k1 = this.startDerivative(x);
    xs[6] = x[6];
    for (let i = 0; i < 6; i++) xs[i] = x[i] + 0.5 * h * k1[i];
    this.derivativeInto(xs, k2);
    for (let i = 0; i < 6; i++) xs[i] = x[i] + 0.5 * h * k2[i];
    this.derivativeInto(xs, k3);
    for (let i = 0; i < 6; i++) xs[i] = x[i] + h * k3[i];
    this.derivativeInto(xs, k4);
    for (let i = 0; i < 6; i++) out[i] = x[i] + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    out[6] = x[6];
  }

  /** Notes the drag deceleration of a prior-mean body at x, for Q (see aeroNoiseFraction). */
  private noteDrag(x: ArrayLike<number>): void {
    if (this.aeroNoiseFraction === 0) return;
    const v2 = x[3] * x[3] + x[4] * x[4] + x[5] * x[5];
    this.lastDragMps2 = 0.5 * this.rho(x) * v2 * this.kappaMean;
  }

  fInto(x: Float64Array, dtS: number, out: Float64Array): Float64Array {
    this.noteDrag(x);
    if (this.endValid && dtS === this.endDt && sameState(x, this.endFrom)) {
      for (let i = 0; i < 7; i++) out[i] = this.end[i];
      return out;
    }
    const steps = Math.max(1, Math.ceil(Math.abs(dtS) / this.maxStepS));
    const h = dtS / steps;
    const xa = this.xa;
    for (let i = 0; i < 7; i++) xa[i] = x[i];
    for (let s = 0; s < steps; s++) {
      this.rk4Step(xa, h, xa);
    }
    for (let i = 0; i < 7; i++) out[i] = xa[i];
    out[6] = this.kappaAfter(x[6], dtS);
    return out;
  }

  /** exp(-|dt| / tau) of the kappa process (1 for a random walk). */
  private kappaDecay(dtS: number): number {
    return Number.isFinite(this.kappaCorrelationTimeS)
      ? Math.exp(-Math.abs(dtS) / this.kappaCorrelationTimeS)
      : 1;
  }

  /** kappa after dt: the Gauss-Markov mean, held at kappaMin or above (see the file comment). */
  private kappaAfter(kappa: number, dtS: number): number {
    const k = this.kappaMean + (kappa - this.kappaMean) * this.kappaDecay(dtS);
    return k < this.kappaMin ? this.kappaMin : k;
  }

  /**
   * Blocks of A = df/dx at x: G = da/dr, W = da/dv (row-major 3 x 3) and k = da/dkappa, into the
   * model's scratch.
   */
  private jacobianBlocks(x: ArrayLike<number>): void {
    const G = this.G;
    const W = this.W;
    const kv = this.kv;
    const px = x[0];
    const py = x[1];
    const pz = x[2];
    const r2 = px * px + py * py + pz * pz;
    const r = Math.sqrt(r2);
    const ir2 = 1 / r2;
    const ir3 = ir2 / r;
    const ir5 = ir3 * ir2;
    const ir7 = ir5 * ir2;
    const ir9 = ir7 * ir2;
    const mu = this.gmM3S2;
    // Gravity gradient of U = mu/r - c (3 z^2 r^-5 - r^-3), c = mu J2 Re^2 / 2.
    const c = 0.5 * mu * this.j2 * this.j2RefRadiusM * this.j2RefRadiusM;
    const p = this.p3;
    p[0] = px;
    p[1] = py;
    p[2] = pz;
    const z2 = pz * pz;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const dij = i === j ? 1 : 0;
        const xixj = p[i] * p[j];
        let gij = -mu * (dij * ir3 - 3 * xixj * ir5);
        if (c !== 0) {
          const iz = i === 2 ? 1 : 0;
          const jz = j === 2 ? 1 : 0;
          gij -=
            3 *
            c *
            (2 * iz * jz * ir5 -
              10 * pz * (iz * p[j] + jz * p[i]) * ir7 -
              5 * z2 * dij * ir7 +
              35 * z2 * xixj * ir9 +
              dij * ir5 -
              5 * xixj * ir7);
        }
        G[i * 3 + j] = gij;
      }
    }
    // Centrifugal: -omega x (omega x r) = Omega^2 [x, y, 0].
    const w = this.omegaRadS;
    G[0] += w * w;
    G[4] += w * w;
    // Coriolis: -2 omega x v = 2 Omega [vy, -vx, 0].
    W.fill(0);
    W[1] = 2 * w;
    W[3] = -2 * w;
    kv.fill(0);
    const rho = this.rho(x);
    if (rho > 0) {
      const vx = x[3];
      const vy = x[4];
      const vz = x[5];
      const speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
      const kappa = x[6];
      const v = this.v3;
      v[0] = vx;
      v[1] = vy;
      v[2] = vz;
      // da_d/dv = -1/2 rho kappa (|v| I + v v^T / |v|)
      const s = -0.5 * rho * kappa;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          W[i * 3 + j] += s * ((i === j ? speed : 0) + (speed > 0 ? (v[i] * v[j]) / speed : 0));
        }
      }
      // da_d/dkappa = -1/2 rho |v| v
      for (let i = 0; i < 3; i++) kv[i] = -0.5 * rho * speed * v[i];
      // da_d/dr = -1/2 kappa |v| v (drho/dh) r_hat^T
      const h = this.altitudeM(x);
      const dh = 50;
      const drho = h > 0 ? (this.density(h + dh) - rho) / dh : 0;
      for (let i = 0; i < 3; i++) {
        const a = -0.5 * kappa * speed * v[i] * drho;
        for (let j = 0; j < 3; j++) G[i * 3 + j] += (a * p[j]) / r;
      }
    }
  }

  /** Phi = I + A h + A^2 h^2 / 2 (7 x 7) at x into out (see the file comment). */
  private stepTransition(x: ArrayLike<number>, h: number, out: Float64Array): void {
    this.jacobianBlocks(x);
    const G = this.G;
    const W = this.W;
    const k = this.kv;
    const h2 = 0.5 * h * h;
    out.fill(0);
    for (let i = 0; i < 3; i++) {
      let wk = 0;
      for (let l = 0; l < 3; l++) wk += W[i * 3 + l] * k[l];
      for (let j = 0; j < 3; j++) {
        const g = G[i * 3 + j];
        const w = W[i * 3 + j];
        let wg = 0;
        let ww = 0;
        for (let l = 0; l < 3; l++) {
          wg += W[i * 3 + l] * G[l * 3 + j];
          ww += W[i * 3 + l] * W[l * 3 + j];
        }
        const id = i === j ? 1 : 0;
        out[i * 7 + j] = id + g * h2; // Phi_rr
        out[i * 7 + 3 + j] = id * h + w * h2; // Phi_rv
        out[(3 + i) * 7 + j] = g * h + wg * h2; // Phi_vr
        out[(3 + i) * 7 + 3 + j] = id + w * h + (g + ww) * h2; // Phi_vv
      }
      out[i * 7 + 6] = k[i] * h2; // Phi_r,kappa
      out[(3 + i) * 7 + 6] = k[i] * h + wk * h2; // Phi_v,kappa
    }
    out[48] = 1;
  }

  /** The state half a substep ahead of xa (explicit midpoint predictor) into this.xm. */
  private midpoint(xa: Float64Array, h: number): Float64Array {
    const k = this.startDerivative(xa);
    const xm = this.xm;
    for (let i = 0; i < 6; i++) xm[i] = xa[i] + 0.5 * h * k[i];
    xm[6] = xa[6];
    return xm;
  }

  FInto(x: Float64Array, dtS: number, out: Float64Array): Float64Array {
    this.noteDrag(x);
    const steps = Math.max(1, Math.ceil(Math.abs(dtS) / this.maxStepS));
    const h = dtS / steps;
    const phi = this.phi;
    const acc = this.acc;
    // Each substep's A is taken at the substep's midpoint, so the density change along a diving
    // trajectory enters to second order as well.
    const xa = this.xa;
    for (let i = 0; i < 7; i++) xa[i] = x[i];
    this.stepTransition(this.midpoint(xa, h), h, acc);
    for (let i = 0; i < 7; i++) this.endFrom[i] = x[i];
    for (let s = 1; s < steps; s++) {
      // acc = Phi_s ... Phi_1 along the Runge-Kutta trajectory.
      this.rk4Step(xa, h, xa);
      this.stepTransition(this.midpoint(xa, h), h, phi);
      // The kappa row of every Phi (and so of acc) is [0, ..., 0, 1]: its terms are exact zeros and
      // ones, skipped here (the same sums, a quarter fewer products).
      const t = this.tmp;
      for (let i = 0; i < 6; i++) {
        for (let j = 0; j < 6; j++) {
          let sum = 0;
          for (let l = 0; l < 6; l++) sum += phi[i * 7 + l] * acc[l * 7 + j];
          t[i * 7 + j] = sum;
        }
        let sum = 0;
        for (let l = 0; l < 7; l++) sum += phi[i * 7 + l] * acc[l * 7 + 6];
        t[i * 7 + 6] = sum;
      }
      for (let j = 0; j < 6; j++) t[42 + j] = 0;
      t[48] = 1;
      acc.set(t);
    }
    for (let i = 0; i < 49; i++) out[i] = acc[i];
    out[48] = this.kappaDecay(dtS);
    // The last substep completes f(x, dt) along the same trajectory (kept for fInto).
    this.rk4Step(xa, h, this.end);
    this.end[6] = this.kappaAfter(x[6], dtS);
    this.endDt = dtS;
    this.endValid = true;
    return out;
  }

  QInto(dtS: number, out: Float64Array): Float64Array {
    out.fill(0, 0, 49);
    const aero = this.aeroNoiseFraction * this.lastDragMps2;
    const q = this.accelPsdM2S3 + aero * aero * this.aeroNoiseTimeS;
    const t = dtS;
    const qpp = (q * t * t * t) / 3;
    const qpv = (q * t * t) / 2;
    const qvv = q * t;
    for (let i = 0; i < 3; i++) {
      out[i * 7 + i] = qpp;
      out[i * 7 + 3 + i] = qpv;
      out[(3 + i) * 7 + i] = qpv;
      out[(3 + i) * 7 + 3 + i] = qvv;
    }
    if (Number.isFinite(this.kappaCorrelationTimeS)) {
      const d = this.kappaDecay(t);
      out[48] = this.kappaVar * (1 - d * d);
    } else {
      out[48] = this.kappaPsd * t;
    }
    return out;
  }

  f(x: Float64Array, dtS: number): Float64Array {
    return this.fInto(x, dtS, new Float64Array(7));
  }

  F(x: Float64Array, dtS: number): Float64Array {
    return this.FInto(x, dtS, new Float64Array(49));
  }

  Q(dtS: number): Float64Array {
    return this.QInto(dtS, new Float64Array(49));
  }
}

/** A ballistic transition model (see BallisticModel). */
export function ballisticModel(options: BallisticModelOptions = {}): BallisticModel {
  return new BallisticModel(options);
}
