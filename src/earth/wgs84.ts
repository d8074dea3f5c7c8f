/**
 * WGS-84 defining and derived constants.
 *
 * Source: NGA, "Department of Defense World Geodetic System 1984", NGA.STND.0036 / TR8350.2 (3rd ed.,
 * amendment 2004), Table 3.1 (defining parameters a, 1/f, GM, omega) and Table 3.3 (derived b, e^2).
 * J2 = -sqrt(5) * C20bar with C20bar = -0.484166774985e-3 (EGM96, TR8350.2 Table 5.1 / NASA TP-1998-206861),
 * i.e. the un-normalised second zonal harmonic 1.08262668e-3.
 */

/** Semi-major axis (equatorial radius), m. TR8350.2 Table 3.1. */
export const WGS84_A_M = 6378137;
/** Flattening. TR8350.2 Table 3.1 (1/f = 298.257223563). */
export const WGS84_F = 1 / 298.257223563;
/** Semi-minor axis (polar radius), m: a (1 - f) = 6356752.3142 m (TR8350.2 Table 3.3). */
export const WGS84_B_M = WGS84_A_M * (1 - WGS84_F);
/** First eccentricity squared: f (2 - f) = 6.69437999014e-3 (TR8350.2 Table 3.3). */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** Second eccentricity squared: e^2 / (1 - e^2) = 6.73949674228e-3 (TR8350.2 Table 3.3). */
export const WGS84_EP2 = WGS84_E2 / (1 - WGS84_E2);
/** Earth's gravitational constant (atmosphere included), m^3/s^2. TR8350.2 Table 3.1. */
export const WGS84_GM_M3S2 = 3.986004418e14;
/** Nominal mean angular velocity of the Earth, rad/s. TR8350.2 Table 3.1. */
export const WGS84_OMEGA_RADS = 7.292115e-5;
/** Un-normalised second zonal harmonic J2 (EGM96, tide-free), dimensionless. */
export const WGS84_J2 = 1.08262668e-3;

/**
 * Radius of the spherical Earth used by the scenario switch `earth: sphere`, m. 6371 km is the
 * IUGG mean radius R1 = (2a + b)/3 of the WGS-84 ellipsoid rounded to the kilometre (Moritz,
 * "Geodetic Reference System 1980", Bulletin Geodesique 54, 1980: R1 = 6371.0088 km).
 */
export const SPHERE_RADIUS_M = 6371000;

/** Mean Earth radius used by effective-Earth radar horizon formulas, m (same value, same source). */
export const MEAN_EARTH_RADIUS_M = SPHERE_RADIUS_M;

export const DEG_PER_RAD = 180 / Math.PI;
export const RAD_PER_DEG = Math.PI / 180;
