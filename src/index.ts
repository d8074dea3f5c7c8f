/** Raijin public library surface (see DESIGN.md, "Public surface"). */
export * from "./math/vec3.js";
