/**
 * Environment switches. They exist so each model can be checked against a closed form (a point-mass,
 * non-rotating spherical Earth without air gives Keplerian flight), not as fidelity knobs for analysis.
 */
import * as z from "zod";
import { choice, flag, strict } from "../fields/index.js";

export const environmentSchema = strict({
  earth: choice(["wgs84", "sphere"], {
    default: "wgs84",
    description: "Earth shape: WGS-84 ellipsoid, or a sphere of radius 6371 km",
    source: "NGA TR8350.2 (WGS-84); mean radius 6371.0088 km, IUGG",
  }),
  rotation: flag({ default: true, description: "false: a non-rotating Earth (ECEF is inertial)" }),
  gravity: choice(["j2", "point"], {
    default: "j2",
    description: "gravity: point mass plus J2, or point mass only",
    source: "NGA TR8350.2: GM 3.986004418e14 m^3/s^2, J2 1.08262668e-3",
  }),
  atmosphere: choice(["ussa1976", "none"], {
    default: "ussa1976",
    description: "atmosphere: U.S. Standard Atmosphere 1976 (0-1000 km), or vacuum",
    source: "NASA-TM-X-74335 (1976)",
  }),
});

export type Environment = z.output<typeof environmentSchema>;
