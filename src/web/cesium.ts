/**
 * CesiumJS as the viewer uses it: the prebuilt browser build (dist/web/cesium/Cesium.js, loaded by a
 * script tag before app.js) defines the global `Cesium`. Using it rather than bundling the ES modules
 * keeps `npm run build:web` to well under a second; the types still come from the cesium package.
 */
import type * as CesiumModule from "cesium";

export type CesiumApi = typeof CesiumModule;

export function cesium(): CesiumApi {
  const c = (globalThis as { Cesium?: CesiumApi }).Cesium;
  if (c === undefined) throw new Error("CesiumJS did not load (cesium/Cesium.js)");
  return c;
}
