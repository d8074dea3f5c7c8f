/**
 * Where the labels of fixed and ship-borne sites (defended assets, radars, weapons) go on the globe, so
 * that they can be read: sites within a few kilometres of each other (a ship's radars and gun, a port
 * and the depot beside it) form a group with one label, at its first site, naming them all a line each
 * (labels stacked by pixel offsets would slide over each other as the camera moves: the sites are
 * apart), and a group's label shows only from close enough that it clears the next group's. Pure
 * geometry on the sites' positions at the clock's start, so it can be tested without a browser (globe.ts
 * applies it).
 *
 * Why the distance rule: a label is about LABEL_SPAN_PX wide, and the camera's 60 deg field of view
 * (Cesium's default frustum) spans about VIEW_PX pixels, so two points d metres apart are that far apart
 * on screen from about d / (LABEL_SPAN_PX * fov / VIEW_PX) metres away, or closer.
 */

/** A site with a label: its entity id, its label text and its position (ECEF, m). */
export interface LabelledSite {
  readonly id: string;
  readonly name: string;
  readonly ecefM: readonly [number, number, number];
}

/**
 * One site's label: its text (its group's names, a line each, at the group's first site; null for the
 * others, whose names are there), and the farthest camera that shows it.
 */
export interface SiteLabelPlace {
  readonly text: string | null;
  readonly maxCameraDistanceM: number;
}

/** Sites closer than this share a group and its label, m. */
export const SITE_GROUP_M = 10_000;
/** Width of a label, px (a site id in 12 px type with its background). */
const LABEL_SPAN_PX = 100;
/** Pixels across Cesium's default 60 deg field of view, for the viewer's usual globe pane. */
const VIEW_PX = 940;
const FOV_RAD = Math.PI / 3;
/** Camera distance per metre between groups from which their labels clear each other. */
export const CAMERA_PER_SEPARATION = VIEW_PX / (LABEL_SPAN_PX * FOV_RAD);

function distanceM(a: LabelledSite, b: LabelledSite): number {
  const p = a.ecefM;
  const q = b.ecefM;
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/**
 * Each site's label: groups by single linkage within SITE_GROUP_M (names in the order given), each
 * group's label shown from no farther than CAMERA_PER_SEPARATION times its distance to the nearest
 * other group, and never farther than maxCameraDistanceM (the overview's own limit).
 */
export function placeSiteLabels(
  sites: readonly LabelledSite[],
  maxCameraDistanceM: number,
): Map<string, SiteLabelPlace> {
  if (!(maxCameraDistanceM > 0))
    throw new RangeError(`placeSiteLabels: maxCameraDistanceM must be > 0, given ${maxCameraDistanceM}`);
  const n = sites.length;
  // Union-find over the pairs within SITE_GROUP_M (a few tens of sites: all pairs).
  const parent = sites.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (distanceM(sites[i], sites[j]) < SITE_GROUP_M) parent[root(j)] = root(i);
  // Distance from each group to the nearest site of another group.
  const clearance = new Map<number, number>();
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const gi = root(i);
      if (gi === root(j)) continue;
      clearance.set(gi, Math.min(clearance.get(gi) ?? Infinity, distanceM(sites[i], sites[j])));
    }
  const names = new Map<number, string[]>();
  for (let i = 0; i < n; i++) {
    const g = root(i);
    const list = names.get(g);
    if (list === undefined) names.set(g, [sites[i].name]);
    else list.push(sites[i].name);
  }
  const out = new Map<string, SiteLabelPlace>();
  const labelled = new Set<number>();
  for (let i = 0; i < n; i++) {
    const g = root(i);
    const lead = !labelled.has(g);
    labelled.add(g);
    const apart = clearance.get(g) ?? Infinity;
    out.set(sites[i].id, {
      text: lead ? (names.get(g) as string[]).join("\n") : null,
      maxCameraDistanceM: Math.min(maxCameraDistanceM, apart * CAMERA_PER_SEPARATION),
    });
  }
  return out;
}
