/** Weapon flights on the flight layer's steppable propagator: railgun rounds and interceptors. */
export * from "./forces.js";
export * from "./projectile.js";
export * from "./interceptor.js";
