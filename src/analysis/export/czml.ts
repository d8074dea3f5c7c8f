/**
 * CZML (Cesium Language) document builder for scene replays. Pure: returns plain JSON-able objects.
 *
 * Conventions follow the CZML guide (github.com/AnalyticalGraphicsInc/czml-writer/wiki):
 * - the first packet has id "document" and `version: "1.0"`, and carries the clock;
 * - sampled positions are `[t0, x0, y0, z0, t1, ...]` with times in seconds from an ISO 8601 `epoch`;
 * - `referenceFrame: "FIXED"` means Earth-fixed (ECEF), which is what Raijin's samples are, so the viewer
 *   needs no frame conversion (CesiumJS `SampledPositionProperty` carries the frame the same way).
 */

export type Rgba = readonly [number, number, number, number];

export interface CzmlPacket {
  id: string;
  [key: string]: unknown;
}

export interface CzmlClock {
  epoch: Date;
  startS: number;
  endS: number;
  multiplier?: number;
}

function iso(date: Date, offsetS = 0): string {
  return new Date(date.getTime() + offsetS * 1000).toISOString();
}

export function intervalIso(epoch: Date, startS: number, endS: number): string {
  return `${iso(epoch, startS)}/${iso(epoch, endS)}`;
}

export function documentPacket(name: string, clock: CzmlClock): CzmlPacket {
  return {
    id: "document",
    name,
    version: "1.0",
    clock: {
      interval: intervalIso(clock.epoch, clock.startS, clock.endS),
      currentTime: iso(clock.epoch, clock.startS),
      multiplier: clock.multiplier ?? 10,
      range: "LOOP_STOP",
      step: "SYSTEM_CLOCK_MULTIPLIER",
    },
  };
}

export interface SampledPathOptions {
  id: string;
  name: string;
  epoch: Date;
  /** Sample times, s from epoch, increasing. */
  timesS: ArrayLike<number>;
  /** ECEF positions, m, flattened [x0, y0, z0, x1, ...]. */
  positionsEcefM: ArrayLike<number>;
  color: Rgba;
  description?: string;
  /** Seconds of trail drawn behind the moving point; Infinity keeps the whole path. */
  trailTimeS?: number;
  pixelSize?: number;
  widthPx?: number;
  showLabel?: boolean;
  parent?: string;
}

/** A moving object: a point with a label and the path it leaves behind, sampled in ECEF. */
export function sampledPathPacket(o: SampledPathOptions): CzmlPacket {
  const n = o.timesS.length;
  if (o.positionsEcefM.length !== 3 * n) {
    throw new RangeError(
      `sampledPathPacket(${o.id}): ${n} times but ${o.positionsEcefM.length / 3} positions`,
    );
  }
  if (n === 0) throw new RangeError(`sampledPathPacket(${o.id}): no samples`);
  const t0 = o.timesS[0];
  const cartesian: number[] = new Array(4 * n);
  for (let i = 0; i < n; i++) {
    // Relative times keep the numbers short; positions rounded to 0.1 m (far below what a globe shows).
    cartesian[4 * i] = round(o.timesS[i] - t0, 3);
    cartesian[4 * i + 1] = round(o.positionsEcefM[3 * i], 1);
    cartesian[4 * i + 2] = round(o.positionsEcefM[3 * i + 1], 1);
    cartesian[4 * i + 3] = round(o.positionsEcefM[3 * i + 2], 1);
  }
  const rgba = [...o.color];
  const packet: CzmlPacket = {
    id: o.id,
    name: o.name,
    availability: intervalIso(o.epoch, t0, o.timesS[n - 1]),
    position: {
      epoch: iso(o.epoch, t0),
      referenceFrame: "FIXED",
      interpolationAlgorithm: "LAGRANGE",
      interpolationDegree: 3,
      cartesian,
    },
    point: {
      pixelSize: o.pixelSize ?? 8,
      color: { rgba },
      outlineColor: { rgba: [0, 0, 0, 255] },
      outlineWidth: 1,
    },
    path: {
      material: { solidColor: { color: { rgba } } },
      width: o.widthPx ?? 2,
      leadTime: 0,
      trailTime: o.trailTimeS === undefined || !Number.isFinite(o.trailTimeS) ? 1e9 : o.trailTimeS,
      resolution: 5,
    },
  };
  if (o.description !== undefined) packet.description = o.description;
  if (o.parent !== undefined) packet.parent = o.parent;
  if (o.showLabel ?? true) {
    packet.label = {
      text: o.name,
      font: "12px sans-serif",
      fillColor: { rgba: [255, 255, 255, 255] },
      // Centred above the moving point, clear of the sites' labels beside their points (assets to the
      // right, impacts to the left), which a threat passes at the end of its flight.
      pixelOffset: { cartesian2: [0, -12] },
      horizontalOrigin: "CENTER",
      verticalOrigin: "BOTTOM",
      showBackground: true,
    };
  }
  return packet;
}

export interface StaticPointOptions {
  id: string;
  name: string;
  latDeg: number;
  lonDeg: number;
  altM: number;
  color: Rgba;
  description?: string;
  parent?: string;
  pixelSize?: number;
  /** ISO 8601 interval when it is shown (default: always). */
  availability?: string;
  /** Label text (default: the name), its offset in pixels and which side of the point it sits. */
  labelText?: string;
  labelOffsetPx?: readonly [number, number];
  labelSide?: "LEFT" | "RIGHT";
  /** False: no label (another point at the same place carries it). */
  showLabel?: boolean;
}

/** A fixed site (defended asset, radar, launcher, impact point) drawn as a labelled point. */
export function staticPointPacket(o: StaticPointOptions): CzmlPacket {
  const packet: CzmlPacket = {
    id: o.id,
    name: o.name,
    position: { cartographicDegrees: [o.lonDeg, o.latDeg, o.altM] },
    point: {
      pixelSize: o.pixelSize ?? 10,
      color: { rgba: [...o.color] },
      outlineColor: { rgba: [0, 0, 0, 255] },
      outlineWidth: 1,
    },
    label: {
      text: o.labelText ?? o.name,
      font: "12px sans-serif",
      fillColor: { rgba: [...o.color] },
      pixelOffset: { cartesian2: [...(o.labelOffsetPx ?? [10, 0])] },
      // The label's near side is at the point: LEFT puts the text to the right of it.
      horizontalOrigin: o.labelSide ?? "LEFT",
      showBackground: true,
    },
  };
  if (o.description !== undefined) packet.description = o.description;
  if (o.parent !== undefined) packet.parent = o.parent;
  if (o.availability !== undefined) packet.availability = o.availability;
  if (o.showLabel === false) delete packet.label;
  return packet;
}

export interface PolygonOptions {
  id: string;
  name: string;
  /** Boundary vertices, degrees and metres: [lon0, lat0, h0, lon1, ...]. */
  boundaryCartographicDeg: readonly number[];
  color: Rgba;
  outline?: Rgba;
  parent?: string;
  description?: string;
  availability?: string;
}

/** A translucent area on the globe (radar coverage at a target altitude, defended footprint). */
export function polygonPacket(o: PolygonOptions): CzmlPacket {
  const packet: CzmlPacket = {
    id: o.id,
    name: o.name,
    polygon: {
      positions: { cartographicDegrees: o.boundaryCartographicDeg.map((v) => round(v, 6)) },
      material: { solidColor: { color: { rgba: [...o.color] } } },
      outline: true,
      outlineColor: { rgba: [...(o.outline ?? o.color)] },
      perPositionHeight: true,
    },
  };
  if (o.parent !== undefined) packet.parent = o.parent;
  if (o.description !== undefined) packet.description = o.description;
  if (o.availability !== undefined) packet.availability = o.availability;
  return packet;
}

/** A folder entity that groups others in the viewer's entity list. */
export function folderPacket(id: string, name: string): CzmlPacket {
  return { id, name };
}

function round(v: number, digits: number): number {
  const s = 10 ** digits;
  return Math.round(v * s) / s;
}

/** A CZML document's text in chunks (one packet each), as JSON.stringify(packets) would write it. */
export function* czmlChunks(packets: Iterable<CzmlPacket>): Generator<string> {
  yield "[";
  let first = true;
  for (const p of packets) {
    yield (first ? "" : ",") + JSON.stringify(p);
    first = false;
  }
  yield "]";
}
