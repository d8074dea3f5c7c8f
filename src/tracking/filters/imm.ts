/**
 * Interacting multiple model filter (Blom and Bar-Shalom, "The interacting multiple model algorithm
 * for systems with Markovian switching coefficients", IEEE Trans. AC-33(8), 1988; Bar-Shalom, Li and
 * Kirubarajan 2001, section 11.6.6). Each mode is a Gaussian filter (KF, EKF or UKF) with its own
 * transition model; a Markov chain with transition matrix Pi (p_ij = P{mode j now | mode i before})
 * switches between them.
 *
 * predict (interaction + mode-matched prediction):
 *   c_j = sum_i p_ij mu_i,  mu_i|j = p_ij mu_i / c_j,
 *   x0_j = sum_i mu_i|j x_i,  P0_j = sum_i mu_i|j [P_i + (x_i - x0_j)(x_i - x0_j)^T],
 *   then each mode predicts from (x0_j, P0_j); the predicted mode probabilities are c_j.
 * update (mode-matched update + mode probabilities):
 *   mu_j = c_j Lambda_j / sum_k c_k Lambda_k, Lambda_j = N(y_j; 0, S_j), in log space.
 * The reported x, P are the moment-matched combination sum_j mu_j x_j, sum_j mu_j [P_j + d_j d_j^T].
 *
 * Modes of different dimension (e.g. constant velocity [p, v], constant acceleration [p, v, a],
 * ballistic [p, v, kappa]) are matched by the component names of their transition models
 * (`stateNames`); the combined state lives in the union of the names, in order of first appearance.
 * When mode i lacks a component of mode j, mixing into j fills it with mode j's own estimate and
 * covariance block (no cross-covariance): the "unbiased mixing" of Yuan, Bar-Shalom, Willett et al.
 * (IEEE Trans. AES 48(4), 2012), which unlike zero-filling does not pull a manoeuvring mode's
 * acceleration towards zero each step. For the reported combination, a component missing from some
 * modes takes the moment-matched mean and covariance of the modes that have it (grouped by which
 * modes have it), so the combined covariance stays positive semi-definite.
 */
import type {
  GaussianState,
  Innovation,
  MeasurementModel,
  TrackingFilter,
  TransitionModel,
} from "../types.js";
import { createInnovation } from "../types.js";
import { mergeGaussians } from "./common.js";
import { checkState, checkTime, checkVector, stateOk, stateShapeOk } from "./checks.js";
import { cholesky, choleskyMahalanobisSq } from "../../math/matrix.js";
import { ImmLayout } from "./immLayout.js";
import { LazyImmState, markovTransitionMatrixInto } from "./immState.js";
import type { ImmState } from "./immState.js";

export type { ImmState } from "./immState.js";
export { markovTransitionMatrixInto } from "./immState.js";

/** A filter usable as an IMM mode: every Gaussian filter exposing its transition model. */
export type ImmModeFilter = TrackingFilter<GaussianState> & { readonly transition: TransitionModel };

export interface ImmOptions {
  /** One filter per mode. */
  filters: ImmModeFilter[];
  /** Markov transition matrix (r x r, row-major, rows sum to one), fixed or as a function of the
   *  time step; default from `sojournTimesS`. */
  transitionMatrix?: Float64Array | ((dtS: number, out: Float64Array) => void);
  /** Mean time spent in each mode, s: p_ii = exp(-dt / tau_i), the rest shared evenly. Default 30 s. */
  sojournTimesS?: readonly number[];
  /** Initial mode probabilities; default uniform. */
  initialProbabilities?: readonly number[];
  /** Default measurement model. */
  measurement?: MeasurementModel;
}

/** p[at .. at + n) are probabilities (each in [0, 1]) summing to 1 (within 1e-6), or a RangeError. */
function checkProbabilities(name: string, p: ArrayLike<number>, at: number, n: number): void {
  let sum = 0;
  for (let i = at; i < at + n; i++) {
    if (!(p[i] >= 0 && p[i] <= 1))
      throw new RangeError(`ImmFilter: ${name}[${i}] must be in [0, 1], given ${p[i]}`);
    sum += p[i];
  }
  if (!(Math.abs(sum - 1) <= 1e-6))
    throw new RangeError(`ImmFilter: ${name}[${at}..${at + n - 1}] must sum to 1, sum ${sum}`);
}

export class ImmFilter implements TrackingFilter<ImmState> {
  readonly ndim: number;
  readonly filters: readonly ImmModeFilter[];
  /** Names of the combined state's components. */
  readonly stateNames: readonly string[];
  readonly modeCount: number;
  measurement: MeasurementModel | undefined;
  private readonly transition: Float64Array | ((dtS: number, out: Float64Array) => void);
  private readonly initial: Float64Array;
  /** Index maps between the modes and the combined state, mixing and combination. */
  private readonly layout: ImmLayout;
  // Scratch
  private readonly pi: Float64Array;
  private readonly c: Float64Array;
  private readonly mixW: Float64Array;
  private readonly mixed: GaussianState[];
  /** Whether every mode has a mean-only prediction (predictMeanInto). */
  private readonly meanOnly: boolean;
  private readonly logL: Float64Array;
  private readonly inn: Innovation[];
  private readonly innCombined: Innovation;
  private readonly L: Float64Array;
  private readonly work: Float64Array;

  constructor(options: ImmOptions) {
    const filters = options.filters;
    const r = filters.length;
    if (r < 1) throw new RangeError("ImmFilter: need at least one mode");
    if (r > 30) throw new RangeError("ImmFilter: at most 30 modes");
    this.filters = filters;
    this.modeCount = r;
    this.measurement = options.measurement;
    this.layout = new ImmLayout(filters);
    this.stateNames = this.layout.stateNames;
    this.ndim = this.layout.ndim;
    const sojourn = options.sojournTimesS ? [...options.sojournTimesS] : new Array<number>(r).fill(30);
    if (sojourn.length !== r) throw new RangeError("ImmFilter: sojournTimesS must have one entry per mode");
    // Infinity is a mode that is never left.
    sojourn.forEach((t, j) => {
      if (!(t > 0)) throw new RangeError(`ImmFilter: options.sojournTimesS[${j}] must be > 0 s, given ${t}`);
    });
    this.transition =
      options.transitionMatrix ??
      ((dt: number, out: Float64Array) => markovTransitionMatrixInto(sojourn, dt, out));
    if (options.transitionMatrix instanceof Float64Array && options.transitionMatrix.length !== r * r) {
      throw new RangeError("ImmFilter: transitionMatrix must be r x r");
    }
    this.initial = Float64Array.from(options.initialProbabilities ?? new Array<number>(r).fill(1 / r));
    if (this.initial.length !== r)
      throw new RangeError("ImmFilter: initialProbabilities must have one entry per mode");
    checkProbabilities("options.initialProbabilities", this.initial, 0, r);
    if (options.transitionMatrix instanceof Float64Array)
      for (let i = 0; i < r; i++)
        checkProbabilities("options.transitionMatrix", options.transitionMatrix, i * r, r);
    this.pi = new Float64Array(r * r);
    this.c = new Float64Array(r);
    this.mixW = new Float64Array(r);
    this.mixed = filters.map((f) => f.createState());
    this.meanOnly = filters.every((f) => typeof f.predictMeanInto === "function");
    this.logL = new Float64Array(r);
    this.inn = filters.map(() => createInnovation(4));
    this.innCombined = createInnovation(4);
    this.L = new Float64Array(16);
    this.work = new Float64Array(4);
  }

  createState(timeS = 0): ImmState {
    return new LazyImmState(
      this,
      this.ndim,
      this.filters.map((f) => f.createState(timeS)),
      Float64Array.from(this.initial),
      timeS,
    );
  }

  /** Computes the combined estimate of a lazily combined state (called from its getters). */
  combineNow(s: LazyImmState): void {
    s.stale = false;
    this.layout.combine(s, s.rawX, s.rawP);
  }

  /** Marks out's combined estimate for (lazy) recomputation, or computes it now for plain states. */
  private combineInto(out: ImmState): void {
    if (out instanceof LazyImmState) out.stale = true;
    else this.layout.combine(out, out.x, out.P);
  }

  /** The moment-matched combination of `state`'s modes into out (a plain Gaussian of the combined
   *  space), without forming or marking `state`'s own combination. */
  momentMatchedInto(state: ImmState, out: GaussianState): GaussianState {
    this.checkImmState("momentMatchedInto", "state", state, false);
    this.layout.combine(state, out.x, out.P);
    out.timeS = state.timeS;
    return out;
  }

  mixtureOf(state: ImmState): {
    readonly weights: Float64Array;
    readonly components: readonly GaussianState[];
  } {
    return { weights: state.probabilities, components: state.modes };
  }

  copyInto(src: ImmState, out: ImmState): ImmState {
    if (src === out) return out;
    out.timeS = src.timeS;
    out.probabilities.set(src.probabilities);
    for (let j = 0; j < this.modeCount; j++) this.filters[j].copyInto(src.modes[j], out.modes[j]);
    if (src instanceof LazyImmState && out instanceof LazyImmState && !src.stale) {
      // The same modes give the same combination: copy it rather than recompute it.
      out.rawX.set(src.rawX);
      out.rawP.set(src.rawP);
      out.stale = false;
    } else this.combineInto(out);
    return out;
  }

  /** The prediction into a new state, every entry of `state` checked. */
  predict(state: ImmState, timeS: number): ImmState {
    this.checkImmState("predict", "state", state, true, true);
    return this.predictInto(state, timeS, this.createState());
  }

  /** The update into a new state, every entry of `predicted` checked and each mode of the result
   *  verified positive definite (verifyCovariance). */
  update(
    predicted: ImmState,
    z: ArrayLike<number>,
    measurement?: MeasurementModel,
    innovation?: Innovation,
  ): ImmState {
    this.checkImmState("update", "predicted", predicted, true, true);
    const out = this.updateInto(predicted, z, this.createState(), measurement, innovation);
    this.verifyCovariance(out);
    return out;
  }

  /** The mode transition matrix for dtS (a function of dt is assumed pure: the last one is reused). */
  private transitionInto(dtS: number): Float64Array {
    if (dtS === this.piDt) return this.pi;
    const t = this.transition;
    if (typeof t === "function") t(dtS, this.pi);
    else this.pi.set(t);
    this.piDt = dtS;
    return this.pi;
  }
  private piDt = Number.NaN;

  private isIdentity(pi: Float64Array): boolean {
    const r = this.modeCount;
    for (let i = 0; i < r; i++)
      for (let j = 0; j < r; j++) if (pi[i * r + j] !== (i === j ? 1 : 0)) return false;
    return true;
  }

  /** The modes and probabilities of an IMM state must be those of this filter and (unless it is an
   *  output, `contents` false) finite: the time, means and variances, or (`full`) every entry. */
  private checkImmState(fn: string, name: string, s: ImmState, contents = true, full = false): void {
    if (s?.modes?.length !== this.modeCount || s.probabilities?.length !== this.modeCount) {
      throw new RangeError(`${fn}: ${name} must be an IMM state of ${this.modeCount} modes (createState())`);
    }
    if (!contents) return;
    if (!Number.isFinite(s.timeS)) checkTime(fn, `${name}.timeS`, s.timeS);
    checkVector(fn, name, s.probabilities, this.modeCount, false, ".probabilities");
    for (let j = 0; j < this.modeCount; j++) {
      const nj = this.filters[j].ndim;
      if (!(full ? stateOk(s.modes[j], nj) : stateShapeOk(s.modes[j], nj))) {
        checkState(fn, `${name}.modes[${j}]`, s.modes[j], nj);
        throw new RangeError(`${fn}: ${name}.modes[${j}].P has a diagonal entry that is not finite`);
      }
    }
  }

  /** Interaction (mixing) into this.mixed, then mode-matched prediction. */
  predictInto(state: ImmState, timeS: number, out: ImmState): ImmState {
    return this.predictModes(state, timeS, out, false);
  }

  /**
   * The predicted means alone (predictInto's, to the last bit): the mixing weights and the mode
   * probabilities need no covariance, and each mode predicts its mixed mean with its own mean-only
   * prediction. out's modes' means, its probabilities, time and combined mean are written; the modes'
   * covariances and the combined covariance are left as they were. When a mode has no mean-only
   * prediction (a UKF's mean depends on its covariance), the full predictInto.
   */
  predictMeanInto(state: ImmState, timeS: number, out: ImmState): ImmState {
    return this.predictModes(state, timeS, out, this.meanOnly);
  }

  private predictModes(state: ImmState, timeS: number, out: ImmState, meanOnly: boolean): ImmState {
    const r = this.modeCount;
    checkTime("predict", "timeS", timeS);
    this.checkImmState("predict", "state", state);
    this.checkImmState("predict", "out", out, false);
    const dt = timeS - state.timeS;
    if (!(dt >= 0))
      throw new RangeError(
        `predict: cannot predict backwards: timeS (${timeS} s) is before state.timeS (${state.timeS} s)`,
      );
    const pi = this.transitionInto(dt);
    const mu = state.probabilities;
    if (dt === 0 && this.isIdentity(pi)) {
      // No time passes and no mode may switch: mixing weights are mu_i|j = delta_ij, so every mode's
      // mixed state is its own and its prediction a copy (simultaneous scans of several sensors).
      return this.copyInto(state, out);
    }
    const c = this.c;
    for (let j = 0; j < r; j++) {
      let s = 0;
      for (let i = 0; i < r; i++) s += pi[i * r + j] * mu[i];
      c[j] = s;
    }
    const w = this.mixW;
    for (let j = 0; j < r; j++) {
      const cj = c[j];
      for (let i = 0; i < r; i++) w[i] = cj > 0 ? (pi[i * r + j] * mu[i]) / cj : i === j ? 1 : 0;
      if (meanOnly) this.layout.mixMeanInto(state, j, w, this.mixed[j]);
      else this.layout.mixInto(state, j, w, this.mixed[j]);
    }
    for (let j = 0; j < r; j++) {
      const f = this.filters[j];
      if (meanOnly && f.predictMeanInto) f.predictMeanInto(this.mixed[j], timeS, out.modes[j]);
      else f.predictInto(this.mixed[j], timeS, out.modes[j]);
    }
    let sum = 0;
    for (let j = 0; j < r; j++) sum += c[j];
    for (let j = 0; j < r; j++) out.probabilities[j] = c[j] / sum;
    out.timeS = timeS;
    if (!meanOnly) this.combineInto(out);
    else {
      const fx = this.layout.combinedMean(out);
      if (out instanceof LazyImmState) {
        out.rawX.set(fx);
        out.stale = false;
      } else out.x.set(fx);
    }
    return out;
  }

  /**
   * Mode-matched updates and the new mode probabilities. With `innovation`, it receives the innovation
   * against the IMM prediction (as innovationInto: the moment-matched residual and covariance, and the
   * mixture's log-likelihood), from the modes' innovations of this update.
   */
  updateInto(
    predicted: ImmState,
    z: ArrayLike<number>,
    out: ImmState,
    measurement?: MeasurementModel,
    innovation?: Innovation,
  ): ImmState {
    const r = this.modeCount;
    const meas = measurement ?? this.measurement;
    if (!meas) throw new Error("IMM update: no measurement model given here or at construction");
    // The modes' own updates check z and their states.
    this.checkImmState("update", "predicted", predicted, false);
    checkVector("update", "predicted", predicted.probabilities, r, false, ".probabilities");
    const logL = this.logL;
    let best = -Infinity;
    for (let j = 0; j < r; j++) {
      this.filters[j].updateInto(predicted.modes[j], z, out.modes[j], meas, this.inn[j]);
      logL[j] = this.inn[j].logLikelihood;
      if (logL[j] > best) best = logL[j];
    }
    if (innovation) this.combineInnovations(predicted.probabilities, innovation);
    // mu_j proportional to c_j Lambda_j, normalised in log space.
    let sum = 0;
    for (let j = 0; j < r; j++) {
      const v = predicted.probabilities[j] * Math.exp(logL[j] - best);
      out.probabilities[j] = v;
      sum += v;
    }
    for (let j = 0; j < r; j++) out.probabilities[j] /= sum;
    out.timeS = predicted.timeS;
    this.combineInto(out);
    return out;
  }

  /**
   * Innovation against the IMM prediction: the mode-matched predicted measurements combined by moment
   * matching with the predicted mode probabilities (zPred, S); y and NIS from them; the log-likelihood
   * is that of the mixture, log sum_j c_j N(y_j; 0, S_j).
   */
  innovationInto(
    predicted: ImmState,
    z: ArrayLike<number>,
    out: Innovation,
    measurement?: MeasurementModel,
  ): Innovation {
    const r = this.modeCount;
    const meas = measurement ?? this.measurement;
    if (!meas) throw new Error("IMM innovation: no measurement model given here or at construction");
    this.checkImmState("innovation", "predicted", predicted, false);
    checkVector("innovation", "predicted", predicted.probabilities, r, false, ".probabilities");
    for (let j = 0; j < r; j++) this.filters[j].innovationInto(predicted.modes[j], z, this.inn[j], meas);
    return this.combineInnovations(predicted.probabilities, out);
  }

  /** The moment-matched combination of the modes' innovations in this.inn (see innovationInto). */
  private combineInnovations(c: Float64Array, out: Innovation): Innovation {
    const r = this.modeCount;
    let best = -Infinity;
    for (let j = 0; j < r; j++) if (this.inn[j].logLikelihood > best) best = this.inn[j].logLikelihood;
    const m = this.inn[0].m;
    const comb = this.innCombined;
    comb.m = m;
    // y = sum c_j y_j (= z - sum c_j zPred_j, angles already wrapped per mode);
    // S = sum c_j [S_j + (y_j - y)(y_j - y)^T].
    const y = comb.y;
    y.fill(0, 0, m);
    for (let j = 0; j < r; j++) for (let i = 0; i < m; i++) y[i] += c[j] * this.inn[j].y[i];
    const S = comb.S;
    S.fill(0, 0, m * m);
    let sumL = 0;
    for (let j = 0; j < r; j++) {
      const ij = this.inn[j];
      for (let a = 0; a < m; a++) {
        const da = ij.y[a] - y[a];
        for (let b = 0; b < m; b++) S[a * m + b] += c[j] * (ij.S[a * m + b] + da * (ij.y[b] - y[b]));
      }
      sumL += c[j] * Math.exp(ij.logLikelihood - best);
    }
    const inn0 = this.inn[0];
    for (let i = 0; i < m; i++) comb.zPred[i] = inn0.zPred[i] + inn0.y[i] - y[i];
    cholesky(this.L, S, m, "IMM innovation covariance S");
    comb.nis = choleskyMahalanobisSq(this.L, y, m, this.work);
    comb.logLikelihood = best + Math.log(sumL);
    if (out.zPred.length < m) {
      const fresh = createInnovation(m);
      out.zPred = fresh.zPred;
      out.y = fresh.y;
      out.S = fresh.S;
    }
    out.m = m;
    for (let i = 0; i < m; i++) {
      out.zPred[i] = comb.zPred[i];
      out.y[i] = y[i];
    }
    for (let i = 0; i < m * m; i++) out.S[i] = S[i];
    out.nis = comb.nis;
    out.logLikelihood = comb.logLikelihood;
    return out;
  }

  initializeInto(mean6: ArrayLike<number>, cov6: ArrayLike<number>, timeS: number, out: ImmState): ImmState {
    for (let j = 0; j < this.modeCount; j++) this.filters[j].initializeInto(mean6, cov6, timeS, out.modes[j]);
    out.probabilities.set(this.initial);
    out.timeS = timeS;
    this.combineInto(out);
    return out;
  }

  /**
   * Mixture reduction of weighted IMM states (JPDA): each mode is moment-matched over the hypotheses
   * with weights beta_h mu_j^h, and mu_j = sum_h beta_h mu_j^h.
   */
  mergeInto(states: readonly ImmState[], weights: ArrayLike<number>, count: number, out: ImmState): ImmState {
    const r = this.modeCount;
    const modeStates: GaussianState[] = this.mergeScratch;
    if (this.mergeWeights.length < count) this.mergeWeights = new Float64Array(2 * count);
    const w = this.mergeWeights;
    for (let j = 0; j < r; j++) {
      let total = 0;
      for (let h = 0; h < count; h++) total += weights[h] * states[h].probabilities[j];
      for (let h = 0; h < count; h++) {
        modeStates[h] = states[h].modes[j];
        w[h] = total > 0 ? (weights[h] * states[h].probabilities[j]) / total : 1 / count;
      }
      mergeGaussians(modeStates, w, count, out.modes[j]);
      out.probabilities[j] = total;
    }
    let s = 0;
    for (let j = 0; j < r; j++) s += out.probabilities[j];
    for (let j = 0; j < r; j++) out.probabilities[j] /= s;
    out.timeS = count > 0 ? states[0].timeS : out.timeS;
    this.combineInto(out);
    return out;
  }
  /** Each mode's covariance must be positive definite (and finite). */
  verifyCovariance(state: ImmState): void {
    this.checkImmState("verifyCovariance", "state", state);
    for (let j = 0; j < this.modeCount; j++) this.filters[j].verifyCovariance(state.modes[j]);
    // The combined output too: it is what a track shows (and what its users read).
    checkState("verifyCovariance", "state", state, this.ndim);
  }

  private readonly mergeScratch: GaussianState[] = [];
  private mergeWeights = new Float64Array(64);
}
