/**
 * EarthModel: the scenario's environment switches turned into one object whose hot-path methods the
 * flight layer calls millions of times a second, so flight code never branches on the switches.
 *
 * Switches (docs/design.md, scenario `environment`):
 * - earth: "wgs84" (the WGS-84 ellipsoid) | "sphere" (radius 6371 km, f = 0: geodetic latitude =
 *   geocentric latitude, altitude = r - R).
 * - rotation: true (omega = WGS-84 7.292115e-5 rad/s) | false (omegaRadS = 0).
 * - gravity: "j2" | "point". Both use WGS-84 GM; "point" is the J2 formula with j2 = 0 (exactly the
 *   point-mass field). J2 keeps its own reference radius j2RefRadiusM = 6,378,137 m (the radius the EGM96
 *   coefficient is defined with) even on the spherical Earth: `earth` changes the shape used for
 *   geodetic coordinates and altitude, not the gravity field.
 * - atmosphere: "ussa1976" | "none". With "none", atmosphereInto writes density 0 and pressure 0 (no
 *   aerodynamic force, no heating) but keeps the 1976 standard's temperature and speed of sound, so a
 *   Mach number computed from it stays finite and comparable; nothing pretends to be sea level.
 *
 * Every instance is one class (one hidden class for V8), methods allocate nothing, and the only
 * data-dependent branches are inside the shared algorithms.
 *
 * Hot paths: altitudeM is the height-only Bowring step (no trigonometry, within 3e-8 m of geodeticInto);
 * atmosphereInto and airInto read the precomputed table of atmosphereTable.ts (within 3e-5 of the exact
 * ussa1976 functions, which remain the reference and the public API of atmosphere.ts).
 */
import type { Vec3Like, Vec3Out } from "../math/vec3.js";
import { ussa1976TableInto } from "./atmosphereTable.js";
import {
  bowringHeightM,
  bowringInto,
  ecefToGeodeticInto,
  geodeticToEcefWithInto,
  makeEllipsoid,
  type Ellipsoid,
} from "./geodetic.js";
import { gravityJ2WithInto } from "./gravity.js";
import { SPHERE_RADIUS_M, WGS84_A_M, WGS84_F, WGS84_GM_M3S2, WGS84_J2, WGS84_OMEGA_RADS } from "./wgs84.js";

export interface EarthEnvironment {
  earth: "wgs84" | "sphere";
  rotation: boolean;
  gravity: "j2" | "point";
  atmosphere: "ussa1976" | "none";
}

/** The defaults of a scenario file (docs/design.md example). */
export const DEFAULT_EARTH_ENVIRONMENT: Readonly<EarthEnvironment> = Object.freeze({
  earth: "wgs84",
  rotation: true,
  gravity: "j2",
  atmosphere: "ussa1976",
});

export class EarthModel {
  readonly env: Readonly<EarthEnvironment>;
  /** Equatorial radius of the shape, m. */
  readonly aM: number;
  /** Flattening of the shape (0 for the sphere). */
  readonly f: number;
  /** Polar radius, m. */
  readonly bM: number;
  /** First eccentricity squared. */
  readonly e2: number;
  /** Earth rotation rate, rad/s (0 when not rotating). */
  readonly omegaRadS: number;
  /** Gravitational parameter, m^3/s^2. */
  readonly gmM3S2: number;
  /** J2 (0 for point-mass gravity). */
  readonly j2: number;
  /** Reference radius of J2, m. */
  readonly j2RefRadiusM: number;
  /** False when atmosphere is "none". */
  readonly hasAtmosphere: boolean;
  readonly ellipsoid: Ellipsoid;
  /**
   * The derived constants of the height step (c1 = e'^2 b, c2 = e^2 a, b / a; see bowringInto) and the
   * density multiplier of airInto (1, or 0 for atmosphere "none"). Public, read-only, for the flight
   * layer's glide kernel (src/flight/kernels/glideRhs.ts), which inlines altitudeM and airInto.
   */
  readonly c1: number;
  readonly c2: number;
  readonly bOverA: number;
  readonly densityScale: number;
  private readonly isWgs84: boolean;
  private readonly air4 = new Float64Array(4);

  constructor(env: EarthEnvironment) {
    if (env.earth !== "wgs84" && env.earth !== "sphere")
      throw new RangeError(`EarthModel: env.earth must be "wgs84" or "sphere", given ${String(env.earth)}`);
    if (env.gravity !== "j2" && env.gravity !== "point")
      throw new RangeError(`EarthModel: env.gravity must be "j2" or "point", given ${String(env.gravity)}`);
    if (env.atmosphere !== "ussa1976" && env.atmosphere !== "none") {
      throw new RangeError(
        `EarthModel: env.atmosphere must be "ussa1976" or "none", given ${String(env.atmosphere)}`,
      );
    }
    this.env = Object.freeze({ ...env });
    const ell = env.earth === "wgs84" ? makeEllipsoid(WGS84_A_M, WGS84_F) : makeEllipsoid(SPHERE_RADIUS_M, 0);
    this.ellipsoid = ell;
    this.isWgs84 = env.earth === "wgs84";
    this.aM = ell.aM;
    this.f = ell.f;
    this.bM = ell.bM;
    this.e2 = ell.e2;
    this.c1 = ell.ep2 * ell.bM;
    this.c2 = ell.e2 * ell.aM;
    this.bOverA = 1 - ell.f;
    this.omegaRadS = env.rotation ? WGS84_OMEGA_RADS : 0;
    this.gmM3S2 = WGS84_GM_M3S2;
    this.j2 = env.gravity === "j2" ? WGS84_J2 : 0;
    this.j2RefRadiusM = WGS84_A_M;
    this.hasAtmosphere = env.atmosphere === "ussa1976";
    this.densityScale = this.hasAtmosphere ? 1 : 0;
  }

  /** Gravitational acceleration (m/s^2, ECEF, no centrifugal term) at pEcef (m). */
  gravityInto<T extends Vec3Out>(pEcef: Vec3Like, out3: T): T {
    return gravityJ2WithInto(pEcef, this.gmM3S2, this.j2, this.j2RefRadiusM, out3);
  }

  /** ECEF (m) -> [latRad, lonRad, altM] on this model's shape. */
  geodeticInto<T extends Vec3Out>(pEcef: Vec3Like, out3: T): T {
    // The WGS-84 case takes the constant-folded hot path (same algorithm, about 25% faster).
    if (this.isWgs84) return ecefToGeodeticInto(pEcef, out3);
    return bowringInto(
      pEcef[0],
      pEcef[1],
      pEcef[2],
      this.aM,
      this.bM,
      this.e2,
      this.c1,
      this.c2,
      this.bOverA,
      out3,
    );
  }

  /** (latRad, lonRad, altM) -> ECEF (m) on this model's shape. */
  ecefFromGeodeticInto<T extends Vec3Out>(latRad: number, lonRad: number, altM: number, out3: T): T {
    return geodeticToEcefWithInto(latRad, lonRad, altM, this.ellipsoid, out3);
  }

  /**
   * Height above this model's shape (m), without latitude and longitude (bowringHeightM: no
   * trigonometry, within 3e-8 m of geodeticInto(pEcef)[2], at about a third of its cost).
   */
  altitudeM(pEcef: Vec3Like): number {
    const x = pEcef[0];
    const y = pEcef[1];
    const z = pEcef[2];
    return bowringHeightM(x, y, z, this.aM, this.bM, this.e2, this.c1, this.c2, this.bOverA);
  }

  /**
   * The air at an ECEF point in one call, for the flight right-hand side: out5 = [altM, temperatureK,
   * pressurePa, densityKgM3, speedOfSoundMps], the values of altitudeM followed by atmosphereInto. Only
   * array arguments and no floating-point result: V8 passes doubles across calls it does not inline as
   * heap-allocated numbers, so the two-call form costs an allocation whenever it is not inlined.
   */
  airInto<T extends { [index: number]: number }>(pEcef: Vec3Like, out5: T): T {
    const h = bowringHeightM(
      pEcef[0],
      pEcef[1],
      pEcef[2],
      this.aM,
      this.bM,
      this.e2,
      this.c1,
      this.c2,
      this.bOverA,
    );
    const a = ussa1976TableInto(h, this.air4);
    out5[0] = h;
    out5[1] = a[0];
    out5[2] = a[1] * this.densityScale;
    out5[3] = a[2] * this.densityScale;
    out5[4] = a[3];
    return out5;
  }

  /**
   * [temperatureK, pressurePa, densityKgM3, speedOfSoundMps] at geometric altitude altM (m); with
   * atmosphere "none" pressure and density are 0 (see the file comment). Served from the precomputed
   * table of atmosphereTable.ts (within 3e-5 relative of ussa1976Into, about four times cheaper).
   */
  atmosphereInto<T extends { [index: number]: number }>(altM: number, out4: T): T {
    ussa1976TableInto(altM, out4);
    out4[1] *= this.densityScale;
    out4[2] *= this.densityScale;
    return out4;
  }
}

/** Builds the EarthModel for a scenario's environment switches. */
export function makeEarthModel(env: EarthEnvironment = DEFAULT_EARTH_ENVIRONMENT): EarthModel {
  return new EarthModel(env);
}
