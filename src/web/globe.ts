/**
 * The 3D globe: a CesiumJS viewer that runs offline (docs/stack.md: no ion token, the NaturalEarthII imagery
 * shipped with Cesium, an ellipsoid terrain), the run's scene.czml loaded into it, the clock set from the
 * CZML document after loading (adding a data source resets the clock), and the camera on the raid.
 * Times are seconds from the scene's clock start, which scene.czml puts at the scenario epoch.
 */
import type { BoundingSphere, Cartesian3, CzmlDataSource, Entity, JulianDate, Viewer } from "cesium";
import { cesium } from "./cesium.js";
import type { LayerKey } from "./colours.js";
import type { TrajectorySeries } from "./data.js";
import { placeSiteLabels, type LabelledSite } from "./siteLabels.js";

export interface Globe {
  readonly viewer: Viewer;
  readonly dataSource: CzmlDataSource;
  /** Entities loaded from scene.czml (folders included). */
  readonly entityCount: number;
  readonly endS: number;
  timeS(): number;
  setTimeS(timeS: number): void;
  setLayer(layer: LayerKey, show: boolean): void;
  /**
   * Select (and describe in the info box) the entity with this CZML id if it is drawn at the clock's
   * time; returns whether it was (an entity outside its availability is not drawn, so not selected).
   */
  select(id: string): boolean;
  /** Back to the raid overview. */
  home(): void;
  /** The selected entity's id and whether it is drawn now, or null. */
  selected(): { id: string; drawn: boolean } | null;
  /** Camera over a place, looking down at 60 deg from `rangeM` away. */
  lookAt(latDeg: number, lonDeg: number, rangeM: number): void;
  /** Called as the clock moves, at most every `minStepS` of scene time. */
  onTime(listener: (timeS: number) => void, minStepS?: number): void;
}

/** Camera pitch over the raid: tilted enough to show altitude, steep enough to keep the map readable. */
const OVERVIEW_PITCH_DEG = -50;
/** Step back from the tightest fit by this fraction of the raid's radius, to leave a margin. */
const OVERVIEW_MARGIN = 0.25;
/** Site and impact labels show only from closer than this: in the overview they pile up. */
const SITE_LABEL_MAX_DISTANCE_M = 1.5e6;
/** Every n-th trajectory sample is enough to bound the raid. */
const BOUND_STRIDE = 10;

export async function createGlobe(
  container: HTMLElement,
  czmlUrl: string,
  trajectories: readonly TrajectorySeries[],
): Promise<Globe> {
  const C = cesium();
  C.Ion.defaultAccessToken = "";
  const viewer = new C.Viewer(container, {
    baseLayer: C.ImageryLayer.fromProviderAsync(
      C.TileMapServiceImageryProvider.fromUrl(C.buildModuleUrl("Assets/Textures/NaturalEarthII")),
    ),
    terrainProvider: new C.EllipsoidTerrainProvider(),
    // Everything that would reach the network (ion, geocoder, imagery picker) is off.
    baseLayerPicker: false,
    geocoder: false,
    sceneModePicker: false,
    projectionPicker: false,
    navigationHelpButton: false,
    fullscreenButton: false,
    vrButton: false,
    infoBox: true,
    selectionIndicator: true,
    animation: true,
    timeline: true,
    // Draw a frame only when something changed (the clock runs, the camera moves, tiles arrive), so a
    // paused replay leaves the CPU idle: in software WebGL each frame is costly.
    requestRenderMode: true,
  });

  const dataSource = await C.CzmlDataSource.load(czmlUrl);
  await viewer.dataSources.add(dataSource);
  // Set the clock only now: adding a source resets it.
  const clock = viewer.clock;
  const dc = dataSource.clock;
  clock.startTime = dc.startTime.clone();
  clock.stopTime = dc.stopTime.clone();
  clock.currentTime = dc.currentTime.clone();
  clock.clockRange = dc.clockRange;
  clock.clockStep = dc.clockStep;
  clock.multiplier = dc.multiplier;
  const start = clock.startTime.clone();
  const endS = C.JulianDate.secondsDifference(clock.stopTime, start);
  // One time base with the panel: seconds from the scenario epoch on the clock and the time bar, not
  // calendar dates (the epoch is in the panel's subtitle).
  const sinceStart = (date: JulianDate) => C.JulianDate.secondsDifference(date, start);
  viewer.animation.viewModel.dateFormatter = () => "time from epoch";
  viewer.animation.viewModel.timeFormatter = (date: JulianDate) => `${sinceStart(date).toFixed(1)} s`;
  (viewer.timeline as unknown as { makeLabel: (date: JulianDate) => string }).makeLabel = (date) =>
    `${Math.round(sinceStart(date))} s`;
  viewer.timeline.zoomTo(clock.startTime, clock.stopTime);

  const entities = dataSource.entities.values;
  declutterLabels(C, entities, start);

  const overview = raidSphere(C, trajectories, entities, start);
  const home = () => {
    if (overview === null) return void viewer.zoomTo(dataSource);
    // Range 0: Cesium picks the distance at which the sphere fills the view; then free the camera from
    // the sphere's frame (viewBoundingSphere locks it there) and step back for a margin.
    viewer.camera.viewBoundingSphere(
      overview,
      new C.HeadingPitchRange(0, C.Math.toRadians(OVERVIEW_PITCH_DEG), 0),
    );
    viewer.camera.lookAtTransform(C.Matrix4.IDENTITY);
    viewer.camera.moveBackward(overview.radius * OVERVIEW_MARGIN);
    viewer.scene.requestRender();
  };
  home();
  viewer.homeButton.viewModel.command.beforeExecute.addEventListener((e: { cancel: boolean }) => {
    e.cancel = true;
    home();
  });

  const scratch: JulianDate = start.clone();
  const timeS = () => C.JulianDate.secondsDifference(clock.currentTime, start);
  return {
    viewer,
    dataSource,
    entityCount: entities.length,
    endS,
    timeS,
    setTimeS(s) {
      clock.currentTime = C.JulianDate.addSeconds(start, Math.min(Math.max(s, 0), endS), scratch).clone();
      viewer.scene.requestRender();
    },
    setLayer(layer, show) {
      for (const e of layerEntities(entities, layer)) e.show = show;
      viewer.scene.requestRender();
    },
    select(id) {
      const e = dataSource.entities.getById(id);
      const drawn = e !== undefined && e.isAvailable(clock.currentTime);
      if (drawn) viewer.selectedEntity = e;
      viewer.scene.requestRender();
      return drawn;
    },
    home,
    selected() {
      const e = viewer.selectedEntity;
      return e === undefined ? null : { id: e.id, drawn: e.isAvailable(clock.currentTime) };
    },
    lookAt(latDeg, lonDeg, rangeM) {
      viewer.camera.lookAt(
        C.Cartesian3.fromDegrees(lonDeg, latDeg, 0),
        new C.HeadingPitchRange(0, C.Math.toRadians(-60), rangeM),
      );
      viewer.camera.lookAtTransform(C.Matrix4.IDENTITY);
      viewer.scene.requestRender();
    },
    onTime(listener, minStepS = 0.5) {
      let last = Number.NaN;
      clock.onTick.addEventListener(() => {
        const t = timeS();
        if (!(Math.abs(t - last) < minStepS)) {
          last = t;
          listener(t);
        }
      });
    },
  };
}

/**
 * The folder entities of a layer (sceneCzml.ts ids): hiding a folder hides its children. Satellites sit
 * in one folder per constellation, `sensor/<id>`, the parent of `sensor/<id>/<sat>`.
 */
function layerEntities(entities: readonly Entity[], layer: LayerKey): Entity[] {
  switch (layer) {
    case "threats":
    case "tracks":
    case "assets":
    case "intercepts":
      return entities.filter((e) => e.id === layer);
    case "shots":
      return entities.filter((e) => e.id === "shots" || e.id === "weapons");
    case "radars":
      return entities.filter((e) => e.id === "sensors");
    case "satellites": {
      const parents = new Set<Entity>();
      for (const e of entities)
        if (e.id.startsWith("sensor/") && e.id.split("/").length === 3 && e.parent !== undefined)
          parents.add(e.parent);
      return [...parents];
    }
  }
}

/**
 * Labels that would pile up: track labels ("T12 (hgv-1)") sit on the threats' own labels, so they are off
 * (the timeline names the tracks); impact labels show only from closer than SITE_LABEL_MAX_DISTANCE_M;
 * sites (assets, radars, weapons) within a few km of each other (a ship's radars and gun) share one label
 * naming them all, which shows only from close enough to clear the next group's (siteLabels.ts), never
 * farther than SITE_LABEL_MAX_DISTANCE_M. Threat labels stay.
 */
function declutterLabels(C: ReturnType<typeof cesium>, entities: readonly Entity[], at: JulianDate): void {
  const near = new C.ConstantProperty(new C.DistanceDisplayCondition(0, SITE_LABEL_MAX_DISTANCE_M));
  const sites: LabelledSite[] = [];
  const siteEntities = new Map<string, Entity>();
  for (const e of entities) {
    if (e.label === undefined) continue;
    if (e.id.startsWith("track/")) e.label.show = new C.ConstantProperty(false);
    else if (e.id.startsWith("impact/")) e.label.distanceDisplayCondition = near;
    else if (
      e.id.startsWith("asset/") ||
      (e.id.startsWith("sensor/") && e.id.split("/").length === 2) ||
      e.id.startsWith("weapon/")
    ) {
      const p = e.position?.getValue(at);
      if (p === undefined) {
        e.label.distanceDisplayCondition = near;
        continue;
      }
      const text = e.label.text?.getValue(at) as string | undefined;
      sites.push({ id: e.id, name: text ?? e.name ?? e.id, ecefM: [p.x, p.y, p.z] });
      siteEntities.set(e.id, e);
    }
  }
  for (const [id, place] of placeSiteLabels(sites, SITE_LABEL_MAX_DISTANCE_M)) {
    const label = siteEntities.get(id)?.label;
    if (label === undefined) continue;
    if (place.text === null) {
      label.show = new C.ConstantProperty(false);
      continue;
    }
    label.text = new C.ConstantProperty(place.text);
    label.distanceDisplayCondition = new C.ConstantProperty(
      new C.DistanceDisplayCondition(0, place.maxCameraDistanceM),
    );
  }
}

/**
 * A sphere around the threats' paths, apogees included, and the defended assets (the satellites would
 * span the Earth).
 */
function raidSphere(
  C: ReturnType<typeof cesium>,
  trajectories: readonly TrajectorySeries[],
  entities: readonly Entity[],
  at: JulianDate,
): BoundingSphere | null {
  const points: Cartesian3[] = [];
  for (const s of trajectories)
    for (let i = 0; i < s.timeS.length; i += BOUND_STRIDE)
      points.push(C.Cartesian3.fromDegrees(s.lonDeg[i], s.latDeg[i], s.altM[i]));
  for (const e of entities) {
    if (!e.id.startsWith("asset/") || e.position === undefined) continue;
    const p = e.position.getValue(at);
    if (p !== undefined) points.push(p);
  }
  return points.length === 0 ? null : C.BoundingSphere.fromPoints(points);
}
