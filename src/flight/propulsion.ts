/**
 * Rocket stages: masses, propellant, vacuum specific impulse and burn time, with constant mass flow.
 *
 * Thrust in vacuum T_vac = mdot Isp_vac g0 with mdot = propellant / burnTime, so the mass flow is always
 * consistent with thrust / (Isp g0) and a full burn consumes exactly the stage propellant. With a nozzle
 * exit area A_e, the thrust at ambient pressure p is T = T_vac - p A_e (the standard back-pressure
 * correction, Sutton & Biblarz, "Rocket Propulsion Elements", eq. 2-14 / 3-21); without one, T = T_vac.
 *
 * Staging: when a stage burns out its dry mass is dropped (a jump in the mass state, applied at the
 * staging event), then the next stage ignites after the stage's coast time. Ignition and burnout times are
 * known in advance, so the flight code turns them into time events (g = t - t_event) and the integrator
 * never steps across a discontinuity.
 */
import { G0_MPS2 } from "./constants.js";

export interface StageDefinition {
  readonly name?: string;
  /** Propellant burned by the stage, kg. */
  readonly propellantMassKg: number;
  /** Inert mass dropped at separation (case, nozzle, interstage), kg. */
  readonly dryMassKg: number;
  /** Vacuum specific impulse, s. */
  readonly ispVacS: number;
  /** Burn time at full thrust, s. */
  readonly burnTimeS: number;
  /** Nozzle exit area for the back-pressure correction, m^2 (0 or absent: thrust independent of altitude). */
  readonly nozzleExitAreaM2?: number;
  /** Coast between this stage's burnout (and separation) and the next ignition, s. */
  readonly coastAfterS?: number;
  /** Public source of the numbers. */
  readonly source?: string;
}

/** One scheduled burn of a stage, times relative to ignition of the first stage. */
export interface BurnInterval {
  readonly stageIndex: number;
  readonly startS: number;
  readonly endS: number;
  readonly massFlowKgS: number;
  readonly thrustVacN: number;
  readonly exitAreaM2: number;
  /** Mass dropped when this stage separates at endS, kg. */
  readonly dropMassKg: number;
}

export function stageMassFlowKgS(s: StageDefinition): number {
  return s.propellantMassKg / s.burnTimeS;
}

export function stageThrustVacN(s: StageDefinition): number {
  return stageMassFlowKgS(s) * s.ispVacS * G0_MPS2;
}

/** Checks each stage's numbers; a RangeError names the stage and the field (`stages[1].burnTimeS`). */
export function validateStages(stages: readonly StageDefinition[]): void {
  for (const [i, s] of stages.entries()) {
    const bad = (field: string, expected: string, v: unknown) =>
      new RangeError(`stage ${i}: stages[${i}].${field} must be ${expected}, given ${String(v)}`);
    for (const k of ["propellantMassKg", "ispVacS", "burnTimeS"] as const)
      if (!(s[k] > 0 && Number.isFinite(s[k]))) throw bad(k, "a finite number > 0", s[k]);
    if (!(s.dryMassKg >= 0 && Number.isFinite(s.dryMassKg)))
      throw bad("dryMassKg", "a finite number >= 0", s.dryMassKg);
    for (const k of ["coastAfterS", "nozzleExitAreaM2"] as const) {
      const v = s[k];
      if (v !== undefined && !(v >= 0 && Number.isFinite(v))) throw bad(k, "a finite number >= 0", v);
    }
  }
}

/** Burn schedule (relative to first ignition) of a stack of stages. */
export function burnSchedule(stages: readonly StageDefinition[]): BurnInterval[] {
  validateStages(stages);
  const out: BurnInterval[] = [];
  let t = 0;
  for (const [i, s] of stages.entries()) {
    out.push({
      stageIndex: i,
      startS: t,
      endS: t + s.burnTimeS,
      massFlowKgS: stageMassFlowKgS(s),
      thrustVacN: stageThrustVacN(s),
      exitAreaM2: s.nozzleExitAreaM2 ?? 0,
      dropMassKg: s.dryMassKg,
    });
    t += s.burnTimeS + (i < stages.length - 1 ? (s.coastAfterS ?? 0) : 0);
  }
  return out;
}

/** Lift-off mass of the stack: all stages (propellant + dry) plus the payload, kg. */
export function stackMassKg(stages: readonly StageDefinition[], payloadMassKg: number): number {
  let m = payloadMassKg;
  for (const s of stages) m += s.propellantMassKg + s.dryMassKg;
  return m;
}

/**
 * Ideal (Tsiolkovsky) velocity increment of the stack, m/s: sum over stages of Isp g0 ln(m_ignition / m_burnout),
 * dropping each stage's dry mass after its burn (K. Tsiolkovsky 1903; Sutton & Biblarz eq. 4-7).
 */
export function idealDeltaVMps(stages: readonly StageDefinition[], payloadMassKg: number): number {
  let m = stackMassKg(stages, payloadMassKg);
  let dv = 0;
  for (const s of stages) {
    const m1 = m - s.propellantMassKg;
    dv += s.ispVacS * G0_MPS2 * Math.log(m / m1);
    m = m1 - s.dryMassKg;
  }
  return dv;
}
