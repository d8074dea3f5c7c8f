/**
 * Argument cases of the flight layer (tests/arguments.test.ts): flying a threat, the steppable flight,
 * and the built-in forces, guidance laws and event detectors a user composes.
 */
import * as raijin from "../../../src/index.js";
import { CAVH_AERO } from "../../../src/flight/index.js";
import type { Case, Entry, Leaf } from "../harness.js";
import { EARTH, POS, STATE6 } from "../fixtures.js";

const D2R = Math.PI / 180;

/** A re-entry vehicle's free flight from burnout, 60 km up, aimed nowhere (no target). */
const RV = () => ({
  id: "rv",
  vehicle: "notional-rv",
  burnout: {
    latRad: 35 * D2R,
    lonRad: 130 * D2R,
    altM: 6e4,
    timeS: 0,
    speedMps: 2000,
    flightPathAngleRad: 10 * D2R,
    azimuthRad: 90 * D2R,
  },
});
const FLY_OPTIONS = () => ({
  sampleIntervalS: 5,
  endTimeS: 3000,
  maxFlightTimeS: 3000,
  rtol: 1e-7,
  atol: 0.1,
});
const threatLeaves = [
  [0, "burnout", "latRad"],
  [0, "burnout", "lonRad"],
  [0, "burnout", "altM"],
  [0, "burnout", "timeS"],
  [0, "burnout", "speedMps"],
  [0, "burnout", "flightPathAngleRad"],
  [0, "burnout", "azimuthRad"],
  [2, "sampleIntervalS"],
  [2, "maxFlightTimeS"],
  [2, "rtol"],
  [2, "atol"],
] as const;
/** A flight's end time may be +Infinity (no scenario end: the flight-time limit ends it). */
function endTimeCase(
  make: (...a: unknown[]) => unknown,
  args: () => unknown[],
  names: string[],
  leaf: Leaf,
): Case {
  return {
    kind: "checks",
    label: "endTimeS",
    infinities: "allowed",
    call: make,
    args,
    names,
    leaves: [leaf],
    refuse: [[leaf, -Infinity]],
  };
}

/** A vehicle in free fall from STATE6's point (gravity only), 1 t. */
const FLIGHT_OPTIONS = () => ({
  id: "f",
  kind: "ballistic" as const,
  earth: EARTH,
  startTimeS: 0,
  initialState: [...STATE6().x, 1000],
  forces: [new raijin.GravityForce(EARTH)],
  sampleIntervalS: 1,
  maxFlightTimeS: 600,
  endTimeS: 600,
  rtol: 1e-7,
  atol: 0.1,
  historySteps: 4,
  impactAltM: 0,
  noseRadiusM: 0.05,
  emissivity: 0.85,
});

const handle = () => "continue" as const;

/**
 * A detector's constructor: its level (NaN refused; +-Infinity is a level never crossed, as an unset
 * cut-off speed is), its direction (1, -1 or 0) and its other numbers.
 */
function detector(make: (...a: unknown[]) => unknown, args: () => unknown[], names: string[]): Case {
  const dir = names.indexOf("direction");
  return {
    kind: "checks",
    label: "new",
    infinities: "allowed",
    call: make,
    args,
    names,
    refuse: [
      [[dir], 2],
      [[dir], 0.5],
      [[dir], Infinity],
    ],
  };
}

export const FLIGHT_CASES: Record<string, Entry> = {
  flyThreat: [
    {
      kind: "checks",
      args: () => [RV(), EARTH, FLY_OPTIONS()],
      names: ["def", "earth", "options"],
      leaves: threatLeaves,
      refuse: [
        [[0, "burnout", "latRad"], 2],
        [[0, "burnout", "speedMps"], -1],
        [[0, "burnout", "flightPathAngleRad"], 2],
        [[2, "historySteps"], 0],
      ],
    },
    endTimeCase(
      raijin.flyThreat as never,
      () => [RV(), EARTH, FLY_OPTIONS()],
      ["def", "earth", "options"],
      [2, "endTimeS"],
    ),
  ],
  createThreatFlight: [
    {
      kind: "checks",
      args: () => [RV(), EARTH, FLY_OPTIONS()],
      names: ["def", "earth", "options"],
      leaves: threatLeaves,
      refuse: [[[0, "burnout", "latRad"], -2]],
    },
    endTimeCase(
      raijin.createThreatFlight as never,
      () => [RV(), EARTH, FLY_OPTIONS()],
      ["def", "earth", "options"],
      [2, "endTimeS"],
    ),
  ],
  Flight: [
    {
      kind: "checks",
      label: "new",
      call: (o) => new raijin.Flight(o as raijin.FlightOptions),
      args: () => [FLIGHT_OPTIONS()],
      names: ["options"],
      leaves: [
        [0, "startTimeS"],
        ...[0, 1, 2, 3, 4, 5, 6].map((k): Leaf => [0, "initialState", k]),
        [0, "sampleIntervalS"],
        [0, "maxFlightTimeS"],
        [0, "rtol"],
        [0, "atol"],
        [0, "historySteps"],
        [0, "impactAltM"],
        [0, "noseRadiusM"],
        [0, "emissivity"],
      ],
      refuse: [
        [[0, "initialState", 6], 0],
        [[0, "maxFlightTimeS"], 0],
        [[0, "historySteps"], 0],
        [[0, "rtol"], 0],
        [[0, "emissivity"], 1.5],
      ],
    },
    endTimeCase(
      (o) => new raijin.Flight(o as raijin.FlightOptions),
      () => [FLIGHT_OPTIONS()],
      ["options"],
      [0, "endTimeS"],
    ),
    {
      // advanceTo(Infinity) flies to the flight's end.
      kind: "checks",
      label: "advanceTo",
      infinities: "allowed",
      call: (t) => new raijin.Flight(FLIGHT_OPTIONS()).advanceTo(t as number),
      args: () => [30],
      names: ["tS"],
      refuse: [
        [[0], -Infinity],
        [[0], -1],
      ],
    },
  ],
  // Forces.
  DragModel: {
    kind: "checks",
    label: "new",
    call: (d) => new raijin.DragModel(d as raijin.DragAeroDefinition),
    args: () => [{ kind: "drag-table", refAreaM2: 0.3, mach: [0.5, 2, 10], cd: [0.3, 0.5, 0.25] }],
    names: ["def"],
    refuse: [
      [[0, "refAreaM2"], 0],
      [[0, "cd", 1], -0.1],
      [[0, "mach", 2], 1],
    ],
  },
  LiftDragModel: {
    kind: "checks",
    label: "new",
    call: (d) => new raijin.LiftDragModel(d as raijin.LiftDragAeroDefinition),
    args: () => [{ ...CAVH_AERO, mach: [...CAVH_AERO.mach], cl: [...CAVH_AERO.cl], cd: [...CAVH_AERO.cd] }],
    names: ["def"],
    leaves: [
      [0, "refAreaM2"],
      [0, "mach", 0],
      [0, "mach", 1],
      [0, "cl", 0],
      [0, "cl", 3],
      [0, "cd", 0],
      [0, "cd", 3],
    ],
    refuse: [[[0, "refAreaM2"], -1]],
  },
  DragForce: {
    kind: "checks",
    label: "new",
    call: (m, s) => new raijin.DragForce(m as raijin.DragModel, s as number),
    args: () => [new raijin.DragModel({ kind: "ballistic-coefficient", betaKgM2: 5000 }), 1],
    names: ["model", "scale"],
    refuse: [[[1], -1]],
  },
  LiftDragForce: {
    kind: "checks",
    label: "new",
    call: (m, l, d) => new raijin.LiftDragForce(m as raijin.LiftDragModel, l as number, d as number),
    args: () => [new raijin.LiftDragModel(CAVH_AERO), 1, 1],
    names: ["model", "liftScale", "dragScale"],
    refuse: [[[2], -1]],
  },
  StagedMotorForce: {
    kind: "checks",
    label: "ignite",
    call: (t, m, a) => new raijin.StagedMotorForce().ignite(t as number, m as number, a as number),
    args: () => [2e5, 80, 0.5],
    names: ["thrustVacN", "massFlowKgS", "exitAreaM2"],
    refuse: [[[0], -1]],
  },
  stagedMotorEvents: {
    kind: "checks",
    args: () => [
      new raijin.StagedMotorForce(),
      [{ name: "s1", propellantMassKg: 1000, dryMassKg: 200, ispVacS: 250, burnTimeS: 40 }],
      0,
    ],
    names: ["motor", "stages", "ignitionS"],
    refuse: [[[1, 0, "burnTimeS"], 0]],
  },
  CruiseEngineForce: {
    kind: "checks",
    label: "new",
    call: (t, i) => new raijin.CruiseEngineForce(t as number, i as number),
    args: () => [2e4, 1200],
    names: ["maxThrustN", "ispS"],
    refuse: [[[1], 0]],
  },
  LateralAccelerationForce: {
    kind: "checks",
    label: "new",
    call: (l) => new raijin.LateralAccelerationForce(l as raijin.LateralAccelerationLimits),
    args: () => [{ maxLoadFactor: 30, divertAccelMps2: 50, aero: { refAreaM2: 0.1, clMax: 3 } }],
    names: ["limits"],
    refuse: [
      [[0, "maxLoadFactor"], 0],
      [[0, "divertAccelMps2"], -1],
    ],
  },
  // Guidance laws and their state.
  Aimpoint: {
    kind: "checks",
    label: "set",
    call: (p) => new raijin.Aimpoint().set(p as number[]),
    args: () => [POS()],
    names: ["pEcef"],
    refuse: [[[0], [0, 0, 0]]],
  },
  GlideLaw: {
    kind: "checks",
    label: "setBankMax",
    call: (r) => new raijin.GlideLaw().setBankMax(r as number),
    args: () => [1],
    names: ["rad"],
    refuse: [
      [[0], -0.1],
      [[0], 2],
    ],
  },
  PitchProgramGuidance: {
    kind: "checks",
    label: "new",
    call: (p, t, n) => new raijin.PitchProgramGuidance(p as raijin.PitchProgram, t as number, n as number[]),
    args: () => [new raijin.PitchProgram(), 0, [0, 0, 1]],
    names: ["program", "launchTimeS", "planeNormal"],
    refuse: [[[2], [0, 0, 0]]],
  },
  FixedAttitudeGuidance: {
    kind: "checks",
    label: "new",
    call: (a) => new raijin.FixedAttitudeGuidance(a as number),
    args: () => [0.1],
    names: ["alphaRad"],
    refuse: [[[0], 2]],
  },
  DiveGuidance: {
    kind: "checks",
    label: "new",
    call: (k) =>
      new raijin.DiveGuidance(
        k as number,
        new raijin.Aimpoint(),
        new raijin.LiftDragForce(new raijin.LiftDragModel(CAVH_AERO)),
      ),
    args: () => [3],
    names: ["navigationConstant"],
    refuse: [[[0], 0]],
  },
  ProportionalNavigation: [
    {
      kind: "checks",
      label: "new",
      call: (o) => new raijin.ProportionalNavigation(o as raijin.ProportionalNavigationOptions),
      args: () => [{ navigationRatio: 4, maxAccelMps2: 300 }],
      names: ["options"],
      leaves: [[0, "navigationRatio"]],
      refuse: [[[0, "navigationRatio"], 0]],
    },
    {
      // Infinity is the default: no limit of the law's own (the lateral force has one).
      kind: "checks",
      label: "new",
      infinities: "allowed",
      call: (o) => new raijin.ProportionalNavigation(o as raijin.ProportionalNavigationOptions),
      args: () => [{ navigationRatio: 4, maxAccelMps2: 300 }],
      names: ["options"],
      leaves: [[0, "maxAccelMps2"]],
      refuse: [
        [[0, "maxAccelMps2"], 0],
        [[0, "maxAccelMps2"], -Infinity],
      ],
    },
  ],
  // Event detectors.
  AltitudeCrossing: detector(
    (e, l, d, h, m) =>
      new raijin.AltitudeCrossing(e as never, l as number, d as never, h as never, m as number),
    () => [EARTH, 1e5, -1, handle, 5],
    ["earth", "levelM", "direction", "handle", "maxCheckS"],
  ),
  DynamicPressureCrossing: detector(
    (e, l, d, h) => new raijin.DynamicPressureCrossing(e as never, l as number, d as never, h as never),
    () => [EARTH, 5e4, 1, handle],
    ["earth", "levelPa", "direction", "handle"],
  ),
  MassCrossing: detector(
    (l, d, h) => new raijin.MassCrossing(l as number, d as never, h as never),
    () => [200, -1, handle],
    ["levelKg", "direction", "handle"],
  ),
  RadialVelocityZero: detector(
    (d, h) => new raijin.RadialVelocityZero(d as never, h as never),
    () => [-1, handle],
    ["direction", "handle"],
  ),
  RangeToGoCrossing: detector(
    (a, l, d, h) => new raijin.RangeToGoCrossing(a as never, l as number, d as never, h as never),
    () => [new raijin.Aimpoint(), 1e5, -1, handle],
    ["aim", "levelM", "direction", "handle"],
  ),
  SpeedCrossing: detector(
    (l, d, h) => new raijin.SpeedCrossing(l as number, d as never, h as never),
    () => [3000, -1, handle],
    ["levelMps", "direction", "handle"],
  ),
};
