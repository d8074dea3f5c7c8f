/**
 * `trajectories.csv` (docs/design.md, run output): a row per sample,
 * `timeS,id,phase,latDeg,lonDeg,altM,speedMps,mach`, then `surfaceTempK,thrustN,massKg`.
 * Speed is relative to the rotating Earth (the air co-rotates). Latitude, longitude and altitude are on the
 * run's Earth model (WGS-84, or the sphere of `environment: { earth: sphere }`).
 */
import { makeEarthModel, type EarthModel } from "../../earth/model.js";
import { PHASES, type FlightResult } from "../../flight/result.js";
import { TRAJECTORY_COLUMNS } from "../format/runFormat.js";

export { TRAJECTORY_COLUMNS };

const R2D = 180 / Math.PI;

const WGS84_EARTH = makeEarthModel();

/** The CSV text of all flights' samples, flights in the given order, samples in time order. */
export function trajectoriesCsv(flights: readonly FlightResult[], earth: EarthModel = WGS84_EARTH): string {
  return [...trajectoriesCsvChunks(flights, earth)].join("");
}

/**
 * The same text in chunks (the header, then one chunk a flight), for writers that stream: a 2,000-threat
 * raid's trajectories are hundreds of megabytes, near V8's largest string.
 */
export function* trajectoriesCsvChunks(
  flights: readonly FlightResult[],
  earth: EarthModel = WGS84_EARTH,
): Generator<string> {
  yield TRAJECTORY_COLUMNS.join(",") + "\n";
  const geo = new Float64Array(3);
  const p = new Float64Array(3);
  for (const f of flights) {
    const lines: string[] = [];
    const s = f.samples;
    for (let i = 0; i < s.count; i++) {
      p[0] = s.posEcefM[3 * i];
      p[1] = s.posEcefM[3 * i + 1];
      p[2] = s.posEcefM[3 * i + 2];
      earth.geodeticInto(p, geo);
      const v = s.velEcefMps;
      const speed = Math.hypot(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
      lines.push(
        [
          s.timeS[i].toFixed(3),
          csvField(f.id),
          PHASES[s.phase[i]],
          (geo[0] * R2D).toFixed(6),
          (geo[1] * R2D).toFixed(6),
          geo[2].toFixed(1),
          speed.toFixed(2),
          s.mach[i].toFixed(3),
          s.surfaceTempK[i].toFixed(1),
          s.thrustN[i].toFixed(1),
          s.massKg[i].toFixed(2),
        ].join(","),
      );
    }
    if (lines.length > 0) yield lines.join("\n") + "\n";
  }
}

/** RFC 4180 quoting for a text field that may hold a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
