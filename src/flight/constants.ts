/**
 * Physical constants used by the flight layer (SI). Earth constants (GM, omega, radii) come from the
 * EarthModel built from the scenario switches, never from here.
 */

/** Standard acceleration of gravity, m/s^2: defines the specific impulse unit (3rd CGPM, 1901; ISO 80000-3). */
export const G0_MPS2 = 9.80665;

/** Stefan-Boltzmann constant, W/(m^2 K^4) (CODATA 2018, exact since the 2019 SI). */
export const STEFAN_BOLTZMANN_WM2K4 = 5.670374419e-8;

/**
 * Sutton-Graves constant for Earth air, kg^0.5/m, so that q = k sqrt(rho / R_n) V^3 is in W/m^2 with rho in
 * kg/m^3, R_n in m and V in m/s (K. Sutton and R. A. Graves, "A General Stagnation-Point Convective-Heating
 * Equation for Arbitrary Gas Mixtures", NASA TR R-376, 1971; the SI value as used e.g. in Tauber, NASA TM-101055).
 */
export const SUTTON_GRAVES_K_EARTH = 1.7415e-4;

export const DEG = Math.PI / 180;
