/**
 * Raijin's public library surface (docs/design.md, "Public surface"): what a user of the library needs,
 * as explicit named exports grouped by area. Kernels of hot loops (the `...Into` functions), scratch
 * and workspace classes, table internals and helpers only other modules use are not here; they stay
 * reachable through the layers' own index files (`src/<layer>/index.ts`) for work inside the project.
 * `etc/raijin.api.md` lists every name with its signature (`npm run api`), and tests/architecture/api.test.ts
 * fails when this surface and that report differ. Everything here is pure (no Node imports) and runs in
 * a browser too.
 */

// Scenarios: loading and validating files, their errors, the schemas and field metadata a form builder
// reads, the built-in catalog's names, and quantities with units.
export { loadScenario, type LoadOptions } from "./scenario/load.js";
export { ScenarioError, formatIssue, formatIssues, type ScenarioIssue } from "./scenario/errors.js";
export { SCENARIO_LIMITS } from "./scenario/limits.js";
export { unsimulatedWarnings } from "./scenario/unsimulated.js";
export {
  analyseScenario,
  formatWarning,
  locateWarnings,
  type LocatedWarning,
  type ScenarioWarning,
} from "./scenario/analyse.js";
export { BUILTIN_CATALOG } from "./scenario/catalog.js";
export type { ScenarioCatalog } from "./scenario/crossref.js";
export { scenarioSchema, type Scenario } from "./scenario/schema/scenario.js";
export { environmentSchema, type Environment } from "./scenario/schema/environment.js";
export { assetSchema, type Asset } from "./scenario/schema/assets.js";
export {
  threatSchema,
  type InlineVehicle,
  type Maneuver,
  type Target,
  type Threat,
  type Trajectory,
  type VehicleRef,
} from "./scenario/schema/threats.js";
// The scenario's `Sensor` is a sensor section of a file; the sensor layer's `Sensor` (an object that
// observes) keeps the name here, and the file's type is `ScenarioSensor`.
export {
  sensorSchema,
  type InfraredConstellation,
  type RadarSensor,
  type Sensor as ScenarioSensor,
  type Walker,
} from "./scenario/schema/sensors.js";
export {
  weaponSchema,
  type InterceptorBattery,
  type Railgun,
  type Weapon,
} from "./scenario/schema/weapons.js";
export { trackingSchema, type Tracking } from "./scenario/schema/tracking.js";
export { doctrineSchema, type Doctrine } from "./scenario/schema/doctrine.js";
export { uncertaintySchema, type Distribution, type Uncertainty } from "./scenario/schema/uncertainty.js";
export { fieldMeta, fieldRegistry, type CatalogKind, type FieldMeta } from "./scenario/fields/meta.js";
export type { GeoPoint, TrackPoint } from "./scenario/fields/geo.js";
export {
  DIMENSIONS,
  formatSI,
  parseQuantity,
  toSI,
  unitsOf,
  type Dimension,
  type QuantityResult,
} from "./scenario/units.js";

// Building and simulating a run: the world, the loop of systems (for users who add their own), the run
// result and its typed events.
export { buildWorld, simulateScenario, type ScenarioRun } from "./scenario/build/world.js";
export { simulate, type RunResult, type SimulateOptions, type SystemContext } from "./sim/run.js";
export type { World, WorldAsset, WorldDescription } from "./sim/world.js";
export { runSystems, Ticks, type LoopClock, type LoopStats, type SimSystem } from "./sim/loop.js";
export type { TruthView } from "./sim/systems/truth.js";
export type { EventLog, SimEvent, SimEventDetails, SimEventOf, SimEventType } from "./sim/events.js";
export type { PhaseConsistency, ThreatOutcome, ThreatRunSummary } from "./sim/summaries.js";
export type { TrackSample, TrackSampleColumns } from "./sim/trackSamples.js";
export type { RaidFlight } from "./sim/raid.js";

// The run format: what a run folder holds (summary.json, events.jsonl, the CSVs, scene.czml), its
// version, and a reader of the files' text that validates them (the Node folder reader stays in the CLI).
export {
  checkCsv,
  eventLine,
  EVENT_KEYS,
  FILES_OF_KIND,
  parseEvents,
  parseRunFiles,
  parseSummary,
  RUN_FILES,
  RUN_FORMAT_VERSION,
  RunFormatError,
  runEventSchema,
  runSummarySchema,
  runThreatSchema,
  summarySchema,
  TRACK_COLUMNS,
  TRAJECTORY_COLUMNS,
  trajectorySummarySchema,
  trajectoryThreatSchema,
  type ParsedRun,
  type RunEventLine,
  type RunFileKey,
  type RunFolderKind,
  type RunSummaryFile,
  type SummaryFile,
  type TrajectorySummaryFile,
} from "./analysis/format/runFormat.js";

// Earth: WGS-84 constants, geodetic/ECEF/ENU/ECI frames and sidereal time (allocating, checked forms).
export {
  MEAN_EARTH_RADIUS_M,
  SPHERE_RADIUS_M,
  WGS84_A_M,
  WGS84_B_M,
  WGS84_E2,
  WGS84_F,
  WGS84_GM_M3S2,
  WGS84_J2,
  WGS84_OMEGA_RADS,
} from "./earth/wgs84.js";
export {
  altitudeAboveEllipsoidM,
  ecefToGeodetic,
  geodeticToEcef,
  type EcefTuple,
  type Geodetic,
} from "./earth/geodetic.js";
export { ecefToEnu, enuToEcef, type EnuTuple } from "./earth/enu.js";
export {
  ecefToEci,
  ecefToEciState,
  eciToEcef,
  eciToEcefState,
  gmstRad,
  gmstRadFromUnixMs,
  type EciTuple,
} from "./earth/eci.js";
export { inFrame, type FrameName, type InFrame } from "./math/frames.js";
export type { Vec3, Vec3Like } from "./math/vec3.js";

// Earth: environment (atmosphere, gravity, horizon and line of sight, geodesics) and the Earth model a
// scenario's environment section selects.
export {
  geometricToGeopotentialM,
  geopotentialToGeometricM,
  ussa1976,
  USSA1976_MAX_ALT_M,
  USSA1976_MIN_ALT_M,
  type AtmosphereState,
} from "./earth/atmosphere.js";
export { gravityJ2, gravityPoint, gravityPotentialJ2 } from "./earth/gravity.js";
export {
  elevationAngleRad,
  isAboveRadarHorizon,
  isLineOfSightClear,
  radarHorizonRangeM,
  STANDARD_K_FACTOR,
} from "./earth/visibility.js";
export {
  geodesicDirect,
  geodesicInverse,
  type GeodesicDirectResult,
  type GeodesicInverseResult,
} from "./earth/geodesic.js";
export {
  DEFAULT_EARTH_ENVIRONMENT,
  makeEarthModel,
  type EarthEnvironment,
  type EarthModel,
} from "./earth/model.js";

// Seeded random streams and statistics.
export { randomStream, type RandomStream } from "./math/random.js";
export { RunningStats, type RunningStatsState } from "./math/stats/running.js";
export { P2Quantile, quantile, quantileSorted, SampleSet } from "./math/stats/quantiles.js";
export { wilsonInterval, zForConfidence, type Interval } from "./math/stats/wilson.js";
export {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSf,
  normalCdf,
  normalPdf,
  normalQuantile,
} from "./math/stats/distributions.js";

// Flight: the threat catalog and vehicle definitions, flying a threat whole or step by step, results.
export { THREAT_CATALOG, threatVehicle } from "./flight/catalog/index.js";
export type {
  BallisticVehicleDefinition,
  BoosterDefinition,
  BurnoutDefinition,
  CruiseVehicleDefinition,
  DragAeroDefinition,
  GeodeticPoint,
  GlideGuidanceDefinition,
  GliderVehicleDefinition,
  LaunchDefinition,
  LiftDragAeroDefinition,
  ManeuverDefinition,
  PitchProgramDefinition,
  ThreatDefinition,
  TrajectoryShape,
  VehicleDefinition,
} from "./flight/definitions.js";
export type { StageDefinition } from "./flight/propulsion.js";
export { createThreatFlight, flyThreat, type FlyThreatOptions } from "./flight/fly.js";
export type { BoostSteering, Dispersions } from "./flight/planBuilder.js";
export { FlightRefusalError, type FlightRefusalField } from "./flight/errors.js";
export type {
  FlightEvent,
  FlightEventType,
  FlightResult,
  FlightSamples,
  FlightSummary,
  GeodeticPointRad,
  PhaseInterval,
  TargetingReport,
} from "./flight/result.js";
export type { FlightPhase, TruthState, VehicleKind } from "./flight/truth.js";
export type { FlightEarthModel } from "./flight/earthModel.js";

// Flight: the steppable propagator and its open roles (force models, guidance laws, event detectors
// whose handlers say what happens), with the built-in forces, laws and detectors.
export { Flight, type FlightOptions } from "./flight/propagation/flight.js";
export type { FlightContext, GuidanceCommand } from "./flight/propagation/context.js";
export type {
  EventAction,
  FlightControl,
  FlightEndReason,
  FlightEventDetector,
  FlightEventHandler,
  ForceModel,
  GuidanceLaw,
  ScheduledEvent,
  TargetedGuidanceLaw,
} from "./flight/propagation/types.js";
export { DragModel, LiftDragModel } from "./flight/aero/models.js";
export { GravityForce } from "./flight/forces/gravity.js";
export { DragForce } from "./flight/forces/drag.js";
export { LiftDragForce } from "./flight/forces/liftDrag.js";
export { StagedMotorForce, stagedMotorEvents } from "./flight/forces/motor.js";
export { CruiseEngineForce } from "./flight/forces/cruiseEngine.js";
export {
  LateralAccelerationForce,
  type LateralAccelerationLimits,
} from "./flight/forces/lateralAcceleration.js";
export { GlideKernelForce } from "./flight/forces/glideKernel.js";
export { Aimpoint } from "./flight/guidance/aimpoint.js";
export { PitchProgram, PitchProgramGuidance } from "./flight/guidance/pitchProgram.js";
export { FixedAttitudeGuidance } from "./flight/guidance/fixedAttitude.js";
export { GlideLaw } from "./flight/guidance/glideLaw.js";
export { GlideGuidance } from "./flight/guidance/glide.js";
export { CruiseGuidance, CruiseLaw } from "./flight/guidance/cruise.js";
export { DiveGuidance } from "./flight/guidance/dive.js";
export {
  ProportionalNavigation,
  type ProportionalNavigationOptions,
} from "./flight/guidance/proportionalNavigation.js";
export {
  AltitudeCrossing,
  DynamicPressureCrossing,
  MassCrossing,
  RadialVelocityZero,
  RangeToGoCrossing,
  SpeedCrossing,
} from "./flight/propagation/detectors.js";

// Sensors: the open `Sensor` role and its detections (with the measurement model each carries), the
// built-in radar and space infrared constellation, their catalogs, and coverage.
export { observe, type Sensor } from "./sensors/sensor.js";
export type { SensorRandom } from "./sensors/stream.js";
export type { Detection, DetectionKind } from "./sensors/detection.js";
export type {
  BearingInitiation,
  DetectionInitiation,
  DetectionMeasurementModel,
  NonlinearMeasurementModel,
  PointInitiation,
} from "./sensors/measurement.js";
export { lineOfSightDetection, radarDetection, type DetectionParts } from "./sensors/models/detections.js";
export {
  createIrConstellation,
  createRadar,
  type IrConstellationSpec,
  type RadarSpec,
} from "./sensors/factory.js";
export type { Radar, RadarModel } from "./sensors/radar/radar.js";
export type { IrConstellation } from "./sensors/infrared/irSensor.js";
export type { GeodeticPosition, SiteSpec, TrackWaypoint } from "./sensors/radar/site.js";
export {
  IR_CATALOG,
  irConstellationModel,
  RADAR_CATALOG,
  radarModel,
  type IrConstellationModel,
} from "./sensors/catalog.js";
export { NOTIONAL_RCS, rcsFor, type RcsEntry, type RcsModelEntry, type RcsTable } from "./sensors/rcs.js";
export { TleError, type TleEntry } from "./sensors/infrared/tle.js";
export type { WalkerPattern } from "./sensors/infrared/walker.js";
export type { SignatureModel } from "./sensors/infrared/signature.js";
export {
  irFootprintBoundary,
  radarCoverageBoundary,
  satelliteTracks,
  type FootprintOptions,
  type LatLon,
  type RadarCoverageOptions,
  type SatelliteTracks,
} from "./sensors/coverage.js";

// Sensors: the radar's detection and radar-equation functions.
export {
  detectionProbability,
  requiredSnr,
  type DetectionProbabilityInput,
  type SwerlingCase,
} from "./sensors/radar/swerling.js";
export {
  detectionRangeM,
  radarConstant,
  radarEquationSnr,
  referenceFromHardware,
  snrAtRange,
  type RadarHardware,
  type RadarReference,
} from "./sensors/radar/radarEquation.js";

// Tracking in Stone Soup's roles: Gaussian states, transition and measurement models (the interfaces
// and the built-ins), the KF, EKF, UKF and IMM filters, and the multi-target tracker.
export {
  type GaussianState,
  type LinearMeasurementModel,
  type LinearTransitionModel,
  type MeasurementModel,
  type NonlinearTransitionModel,
  type TrackingFilter,
  type TransitionModel,
} from "./tracking/types.js";
export { createGaussianState } from "./tracking/filters/common.js";
export {
  constantVelocityModel,
  type ConstantVelocityModel,
  type ConstantVelocityOptions,
} from "./tracking/models/transition/constantVelocity.js";
export {
  constantAccelerationModel,
  type ConstantAccelerationModel,
  type ConstantAccelerationOptions,
} from "./tracking/models/transition/constantAcceleration.js";
export { singerModel, type SingerModel, type SingerOptions } from "./tracking/models/transition/singer.js";
export {
  ballisticModel,
  type BallisticModel,
  type BallisticModelOptions,
} from "./tracking/models/transition/ballistic.js";
export { linearMeasurementModel, positionMeasurementModel } from "./tracking/models/measurement/linear.js";
export { radarMeasurementModel, type RadarMeasurementModel } from "./sensors/models/radar.js";
export {
  lineOfSightMeasurementModel,
  type LineOfSightMeasurementModel,
} from "./sensors/models/lineOfSight.js";
export { wrapAngle } from "./sensors/models/angles.js";
export { KalmanFilter, type KalmanFilterOptions } from "./tracking/filters/kalman.js";
export { ExtendedKalmanFilter, type ExtendedKalmanFilterOptions } from "./tracking/filters/extendedKalman.js";
export {
  UnscentedKalmanFilter,
  type UnscentedKalmanFilterOptions,
} from "./tracking/filters/unscentedKalman.js";
export { ImmFilter, type ImmModeFilter, type ImmOptions } from "./tracking/filters/imm.js";
export type { ImmState } from "./tracking/filters/immState.js";
export { Tracker } from "./tracking/management/tracker.js";
export type {
  TrackerOptions,
  TrackerStats,
  TrackerStepResult,
  TrackEvent,
  TrackEventType,
  TrackFloor,
  TrackUpdate,
} from "./tracking/management/trackerTypes.js";
export type { HistoryEntry, Track, TrackDeletionReason, TrackStatus } from "./tracking/management/track.js";

// Tracking: what a track predicts (impact point, ballistic or not, a glider's reachable footprint) and
// the metrics of a tracker against the truth.
export {
  predictImpact,
  type ImpactFlag,
  type ImpactOptions,
  type ImpactPrediction,
} from "./tracking/predict/impactPoint.js";
export {
  assessTrackMotion,
  TrackMotionHistory,
  type MotionAssessment,
  type MotionAssessmentOptions,
} from "./tracking/predict/motion.js";
export {
  glideFootprint,
  type FootprintPoint,
  type GlideFootprint,
  type GlideFootprintOptions,
} from "./tracking/predict/footprint.js";
export { averageChiSquareBounds, chiSquareGate, nees, nis } from "./tracking/metrics/consistency.js";
export { ospa, type OspaResult } from "./tracking/metrics/ospa.js";
export { gospa, type GospaResult } from "./tracking/metrics/gospa.js";
export { positionVelocityRmse, RmseAccumulator } from "./tracking/metrics/rmse.js";
export {
  assignTracksToTruths,
  ContinuityAccumulator,
  continuityAndPurity,
  type AssignmentSample,
  type TrackPurity,
  type TruthContinuity,
} from "./tracking/metrics/continuity.js";
export { timeToConfirm, type TimeToConfirm } from "./tracking/metrics/timeToConfirm.js";

// Weapons: the catalog and definitions, batteries, lethality, fire control (flyout tables, predicted
// intercept point, engagement windows, Pk of a shot), weapon flights, a single engagement, and the
// linear homing loop.
export { WEAPON_CATALOG, weaponModel } from "./weapons/catalog/index.js";
export {
  createBattery,
  registerWeaponKind,
  validateWeapon,
  weaponKind,
  weaponKinds,
  type WeaponKind,
} from "./weapons/kinds.js";
export type {
  BuiltinWeaponDefinition,
  CommandLinkDefinition,
  EnvelopeDefinition,
  InterceptorDefinition,
  InterceptorGuidanceDefinition,
  KillVehicleDefinition,
  LateralLimitDefinition,
  ProjectileDefinition,
  RailgunDefinition,
  WeaponDefinition,
} from "./weapons/definitions.js";
export type { InfraredSeekerDefinition, RadarSeekerDefinition, SeekerDefinition } from "./weapons/seeker.js";
export type { MountDefinition } from "./weapons/battery/mount.js";
export type { PulsedPowerDefinition } from "./weapons/battery/pulsedPower.js";
export { expectedKillProbability, killProbability, type Lethality } from "./weapons/lethality.js";
export type { ShotRecord, ShotRefusal, WeaponBattery } from "./weapons/battery/battery.js";
export type { LaunchedRound, RoundLaunch } from "./weapons/engagement/roundLaunch.js";
export {
  gunFlyoutTable,
  interceptorFlyoutTable,
  type GunTableOptions,
  type InterceptorTableOptions,
} from "./weapons/fireControl/flyouts.js";
export type { FlyoutGrid, FlyoutTable } from "./weapons/fireControl/flyoutTable.js";
export { TrackPrediction } from "./weapons/fireControl/trackPrediction.js";
export {
  createPipSolution,
  PipSolver,
  type LauncherState,
  type PipOutcome,
  type PipSolution,
  type PipSolverOptions,
} from "./weapons/fireControl/pip.js";
export {
  elevationWithin,
  engagementWindow,
  type EngagementWindow,
  type InterceptSummary,
  type LauncherAt,
  type WindowInterval,
  type WindowOptions,
} from "./weapons/fireControl/engagementWindow.js";
export {
  shotKillProbability,
  type ShotPk,
  type ShotPkOptions,
} from "./weapons/fireControl/shotKillProbability.js";
export type { ShotDelivery, ShotGuidance, ShotGuidanceContext } from "./weapons/fireControl/shotDelivery.js";
export { GunShotDelivery } from "./weapons/fireControl/gunShotDelivery.js";
export { InterceptorShotDelivery } from "./weapons/fireControl/interceptorShotDelivery.js";
export {
  GunFireControl,
  type FiringSolutionOptions,
  type GunFiringSolution,
} from "./weapons/fireControl/firingSolution.js";
export {
  createProjectileFlight,
  type MuzzleState,
  type ProjectileFlight,
  type ProjectileLaunch,
} from "./weapons/flight/projectile.js";
export {
  createInterceptorFlight,
  type InterceptorFlight,
  type InterceptorLaunch,
} from "./weapons/flight/interceptor.js";
export { engage, type EngagementOptions, type EngagementSensing } from "./weapons/engagement/engage.js";
export type {
  EngagementEvent,
  EngagementEventType,
  EngagementResult,
  ShotOutcome,
} from "./weapons/engagement/engagementRecord.js";
export { homingLoop, type HomingLoopOptions, type HomingLoopResult } from "./weapons/guidance/homingLoop.js";

// Engagement: the battle manager (built from a track picture, read-only battery views and an order
// book), its doctrine (the engine's form; the scenario's doctrine section is `Doctrine` above), threat
// evaluation, kill assessment and weapon-target assignment.
export {
  BattleManager,
  type BattleManagerOptions,
  type Decision,
  type PlannedEngagement,
} from "./engagement/battleManager.js";
export type { KillAssessmentRecord } from "./engagement/engagementAssessment.js";
export type { TrackRecord } from "./engagement/trackFile.js";
export {
  DEFAULT_DOCTRINE,
  shotsPerEngagement,
  validateDoctrine,
  type Doctrine as EngagementDoctrine,
  type FireMode,
  type WeaponsControl,
} from "./engagement/doctrine.js";
export {
  evaluateThreat,
  groundDistanceM,
  WARHEAD_DAMAGE_RADIUS_M,
  type AssetAtRisk,
  type DefendedAsset,
  type ThreatAssessment,
  type ThreatClass,
  type ThreatEvaluationOptions,
} from "./engagement/threatEvaluation.js";
export {
  ASSESSMENT_TIMEOUT_S,
  assessKill,
  type KillAssessment,
  type KillAssessmentOutcome,
} from "./engagement/killAssessment.js";
export {
  batteryView,
  type BatteryView,
  type FireOrder,
  type OrderBook,
  type OrderState,
  type OrderView,
  type TrackPicture,
  type TrackView,
} from "./engagement/picture.js";
export { assignWeapons, exactWta, greedyWta, type WtaProblem, type WtaSolution } from "./engagement/wta.js";
