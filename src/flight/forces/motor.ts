/**
 * Rocket motor: thrust T = T_vac - p A_e at ambient pressure p (the back-pressure correction, Sutton &
 * Biblarz, "Rocket Propulsion Elements", eq. 2-14 / 3-21; at least 0), mass flow mdot while burning,
 * along the guidance command's thrust direction (a pitch programme), or along the velocity when the law
 * gives none (a gravity turn; the local vertical at rest).
 *
 * The burn is set and cut by event handlers (the burn times are known in advance: they are scheduled
 * events, so the integrator never steps across ignition, burnout or staging). stagedMotorEvents builds
 * those events for a stack of stages (propulsion.ts burnSchedule): ignition, burnout, and at each
 * separation the stage's dry mass dropped from the state.
 */
import { finiteArg, nonNegativeArg } from "../../math/check.js";
import type { StageDefinition } from "../propulsion.js";
import { burnSchedule } from "../propulsion.js";
import type { FlightContext, GuidanceCommand } from "../propagation/context.js";
import type { EventAction, ForceModel, ScheduledEvent } from "../propagation/types.js";

export class StagedMotorForce implements ForceModel {
  readonly name = "motor";
  readonly guided = true;
  readonly needsAir = true;
  readonly propulsive = true;
  /** Vacuum thrust of the burning stage, N (0: not burning). */
  thrustVacN = 0;
  massFlowKgS = 0;
  exitAreaM2 = 0;

  /** Lights a stage (call from an event handler, or before the flight starts). */
  ignite(thrustVacN: number, massFlowKgS: number, exitAreaM2 = 0): void {
    nonNegativeArg("StagedMotorForce.ignite", "thrustVacN", thrustVacN);
    nonNegativeArg("StagedMotorForce.ignite", "massFlowKgS", massFlowKgS);
    nonNegativeArg("StagedMotorForce.ignite", "exitAreaM2", exitAreaM2);
    this.thrustVacN = thrustVacN;
    this.massFlowKgS = massFlowKgS;
    this.exitAreaM2 = exitAreaM2;
  }

  shutDown(): void {
    this.thrustVacN = 0;
    this.massFlowKgS = 0;
  }

  thrustAtPressureN(pressurePa: number): number {
    if (!(this.thrustVacN > 0)) return 0;
    const t = this.thrustVacN - pressurePa * this.exitAreaM2;
    return t < 0 ? 0 : t;
  }

  accumulate(
    ctx: FlightContext,
    cmd: GuidanceCommand,
    _tS: number,
    y: Float64Array,
    acc: Float64Array,
  ): void {
    if (!(this.thrustVacN > 0)) return;
    let thrust = this.thrustVacN - ctx.pressurePa * this.exitAreaM2;
    if (thrust < 0) thrust = 0;
    ctx.thrustN += thrust;
    acc[3] += this.massFlowKgS;
    const tm = thrust / y[6];
    if (cmd.thrustDirSet) {
      const d = cmd.thrustDir;
      acc[0] += tm * d[0];
      acc[1] += tm * d[1];
      acc[2] += tm * d[2];
      return;
    }
    const speed = ctx.speedMps;
    if (speed > 0) {
      const k = tm / speed;
      acc[0] += k * y[3];
      acc[1] += k * y[4];
      acc[2] += k * y[5];
    } else {
      const k = tm / Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
      acc[0] += k * y[0];
      acc[1] += k * y[1];
      acc[2] += k * y[2];
    }
  }
}

/**
 * Scheduled events that fly a stack of stages on `motor` from ignitionS: each stage lit at its start
 * (`ignition` recorded after the first), cut at its end, its dry mass dropped at separation (`staging`;
 * `burnout` after the last stage, whose dry mass stays with the vehicle). The flight's initial mass must
 * be the full stack (propulsion.ts stackMassKg); the first stage must be lit at the start: the events
 * light it when ignitionS is the flight's start time.
 */
export function stagedMotorEvents(
  motor: StagedMotorForce,
  stages: readonly StageDefinition[],
  ignitionS: number,
): ScheduledEvent[] {
  finiteArg("stagedMotorEvents", "ignitionS", ignitionS);
  const burns = burnSchedule(stages);
  const out: ScheduledEvent[] = [];
  for (const [k, b] of burns.entries()) {
    const last = k === burns.length - 1;
    out.push({
      timeS: ignitionS + b.startS,
      handle: (f): EventAction => {
        motor.ignite(b.thrustVacN, b.massFlowKgS, b.exitAreaM2);
        if (k > 0) f.record("ignition");
        return "reset-derivatives";
      },
    });
    out.push({
      timeS: ignitionS + b.endS,
      handle: (f, _t, y): EventAction => {
        motor.shutDown();
        if (last) {
          f.record("burnout");
          return "reset-derivatives";
        }
        y[6] -= b.dropMassKg;
        f.record("staging");
        f.sampleNow();
        return "reset-state";
      },
    });
  }
  return out;
}
