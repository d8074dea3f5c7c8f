/** The sensor layer: radars, space infrared constellations, detections, catalog, coverage. */
export type { Detection, DetectionKind } from "./detection.js";
export type {
  BearingInitiation,
  DetectionInitiation,
  DetectionMeasurementModel,
  PointInitiation,
} from "./measurement.js";
export { lineOfSightDetection, radarDetection, type DetectionParts } from "./models/detections.js";
export type { SensorRandom } from "./stream.js";
export { observe, type Sensor } from "./sensor.js";
export { createIrConstellation, createRadar, type IrConstellationSpec, type RadarSpec } from "./factory.js";
export {
  IR_CATALOG,
  irConstellationModel,
  RADAR_CATALOG,
  radarModel,
  type IrConstellationModel,
} from "./catalog.js";
export {
  flattenRcsTable,
  NOTIONAL_RCS,
  rcsFor,
  type RcsEntry,
  type RcsModelEntry,
  type RcsTable,
} from "./rcs.js";
export {
  constellationOf,
  detectionSpans,
  irFootprintBoundary,
  radarCoverageBoundary,
  satelliteTracks,
  type DetectionSpan,
  type FootprintOptions,
  type LatLon,
  type RadarCoverageOptions,
  type SatelliteTracks,
  type SpanOptions,
} from "./coverage.js";
// radar
export { marcumQ1 } from "./radar/marcumQ.js";
export {
  DetectionProbabilityCache,
  detectionProbability,
  requiredSnr,
  type DetectionProbabilityInput,
  type SwerlingCase,
} from "./radar/swerling.js";
export {
  detectionRangeM,
  radarConstant,
  radarEquationSnr,
  referenceFromHardware,
  snrAtRange,
  type RadarHardware,
  type RadarReference,
} from "./radar/radarEquation.js";
export { radarSigmasInto, SPEED_OF_LIGHT_MPS, type RadarNoiseParams } from "./radar/noise.js";
export {
  makeSiteState,
  RadarSite,
  type GeodeticPosition,
  type SiteSpec,
  type SiteState,
  type TrackWaypoint,
} from "./radar/site.js";
export {
  ALL_ROUND,
  Radar,
  type FieldOfRegard,
  type RadarConfig,
  type RadarGeometry,
  type RadarModel,
} from "./radar/radar.js";
// infrared
export {
  bandRadiance,
  blackbodyFractionBelow,
  planckSpectralRadiance,
  planckTailIntegral,
  STEFAN_BOLTZMANN,
} from "./infrared/planck.js";
export {
  BandRadianceTable,
  intensityBreakdown,
  MWIR_BAND,
  NOTIONAL_SIGNATURE,
  recoveryTemperatureK,
  targetIntensityWPerSr,
  type BodySignature,
  type IntensityBreakdown,
  type IrBand,
  type SignatureModel,
} from "./infrared/signature.js";
export { SIDEREAL_RATE_RADS, type SatelliteEphemeris } from "./infrared/ephemeris.js";
export {
  circularOrbitEciInto,
  secularRates,
  walkerDeltaOrbits,
  WalkerConstellation,
  type CircularOrbit,
  type SecularRates,
  type WalkerOptions,
  type WalkerPattern,
} from "./infrared/walker.js";
export { TleConstellation, TleError, type TleEntry, type TleOptions } from "./infrared/tle.js";
export { fastNormalCdf } from "./infrared/normalCdf.js";
export {
  chapmanAirMass,
  checkIrAtmosphere,
  NOTIONAL_MWIR_ATMOSPHERE,
  slantOpticalDepth,
  slantTransmission,
  verticalOpticalDepth,
  type IrAtmosphere,
} from "./infrared/transmission.js";
export {
  IrConstellation,
  type IrConstellationConfig,
  type IrGeometry,
  type IrSensorModel,
} from "./infrared/irSensor.js";
