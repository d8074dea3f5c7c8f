// CesiumJS loads its workers and assets from here (copied by npm run build:web; no network). A file, not
// an inline script, so the server's Content-Security-Policy can forbid inline scripts.
globalThis.CESIUM_BASE_URL = "cesium/";
