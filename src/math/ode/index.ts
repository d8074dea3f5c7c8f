/** ODE integrators: fixed-step RK4 and adaptive Dormand-Prince 5(4) with dense output and events. */
export * from "./types.js";
export * from "./rootFind.js";
export * from "./events.js";
export * from "./rk4.js";
export * from "./dormandPrince.js";
