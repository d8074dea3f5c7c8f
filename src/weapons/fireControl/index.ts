/** Fire control: flyout tables, the predicted intercept point, engagement windows, Pk of a shot now. */
export * from "./geometry.js";
export * from "./trackPrediction.js";
export * from "./flyoutTable.js";
export * from "./pip.js";
export * from "./engagementWindow.js";
export * from "./shotDelivery.js";
export * from "./gunShotDelivery.js";
export * from "./interceptorShotDelivery.js";
export * from "./shotKillProbability.js";
export * from "./flyouts.js";
export * from "./firingSolution.js";
