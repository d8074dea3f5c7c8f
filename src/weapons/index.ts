/**
 * The weapons layer (src/weapons): railguns and interceptor missiles, their fire control (flyout
 * tables, predicted intercept point, engagement windows, probability of kill), seekers, guidance and
 * lethality. Above flight, sensors and tracking; below engagement and sim.
 */
export * from "./guidance/homingLoop.js";
export * from "./lethality.js";
export * from "./seeker.js";
export * from "./definitions.js";
export * from "./battery/pulsedPower.js";
export * from "./battery/mount.js";
export * from "./battery/battery.js";
export * from "./catalog/index.js";
export * from "./catalog/checks.js";
export { createBattery, registerWeaponKind, weaponKind, weaponKinds, type WeaponKind } from "./kinds.js";
export * from "./fireControl/index.js";
export * from "./guidance/commandLink.js";
export * from "./guidance/midcourse.js";
export * from "./guidance/homingEstimator.js";
export * from "./engagement/index.js";
export * from "./flight/index.js";
export * from "./guidance/zemGuidance.js";
