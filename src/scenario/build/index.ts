/** From a validated Scenario to the objects the layers below fly and observe. */
export { earthModelOf } from "./earth.js";
export { threatDefinition, threatDefinitions, targetPoint } from "./threats.js";
export { vehicleDefinition } from "./vehicles.js";
export { sensorObject, sensorObjects } from "./sensors.js";
