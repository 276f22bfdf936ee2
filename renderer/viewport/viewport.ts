// The three.js viewport as an imperative engine with a narrow API. React owns a canvas and calls
// these methods; no three.js object ever leaves this folder (only plain data: ids, numbers, JSON).
//
// Points live in octree order (octree.ts) in shared GPU buffers; each octree node is one draw range,
// drawn by a display object and a pick object over the same geometry. Each frame the nodes are
// chosen by screen size within a point budget, and the pick pass draws exactly that set, so a pick
// hits exactly what is on screen.
import * as THREE from 'three';
import { availableColorModes, computeDisplayColors, SELECTION_TINTS, type ColorData, type ColorMode } from './colors';
import { EdlPass } from './edl-pass';
import { HoverPicker } from './hover-picker';
import { obbSummary, type InstanceProperties } from './instance-properties';
import { EvidenceOverlay, type EvidenceView } from './evidence-overlay';
import { GhostOverlay, type GhostItem } from './ghost-overlay';
import { FlyKeys } from './fly-keys';
import type { LodScene, PointArrays } from './lod-buffers';
import { floorHeight, measureResult, type MeasureResult, type MeasureTool } from './measure';
import { buildLod } from './octree-client';
import { reorder, selectNodes } from './octree';
import { MIN_POLAR, OrbitController, type CameraMode } from './orbit-controller';
import { boxCorners, orientedBox, type OrientedBox } from './oriented-box';
import { LabelDeclutter } from './label-declutter';
import { OverlayLabels, type OverlayLabel } from './overlay-labels';
import { EMPTY_PIXEL, PickBuffer } from './pick-buffer';
import { reachPlanes } from './pick-region';
import { reachingRanges, RegionPickPass } from './region-pick';
import { LodInputs, setDrawnChildren } from './lod-group';
import { defaultPointBudget } from './point-budget';
import { createPointMaterial, createPointUniforms, NO_CLIP } from './point-materials';
import { pointSizeFor } from './point-size';
import { SceneBoxLayer, type SceneBoxView } from './scene-boxes';
import { boxCutAway, normalizeSectionPlanes, planeVector, type SectionPlane } from './section-planes';
import { orbitFrom, parseViewpoint, type Vec3, type Viewpoint } from './viewpoint';
import { createWholeCloud, type WholeCloud } from './whole-cloud';

export type { Vec3, Viewpoint, CameraMode, ColorMode, MeasureResult, MeasureTool, EvidenceView };
export type { InstanceProperties, SectionPlane };

/** What setPoints draws: positions, colours, instance ids, and optionally superpoints and confidence. */
export type PointBuffers = PointArrays;

export interface Measurement {
  pointA: Vec3;
  pointB: Vec3;
  distance: number;
}

export interface Bounds {
  min: Vec3;
  max: Vec3;
}

export type BoxOverlay = 'off' | 'aabb' | 'obb';

export interface FrameStats {
  /** CPU time of the last frame (LOD choice + draw calls), ms. */
  frameMs: number;
  pointsDrawn: number;
  pointCount: number;
  nodesDrawn: number;
  budget: number;
  /** Metres per CSS pixel at the orbit target (for the scale bar). */
  metresPerPixel: number;
  camera: CameraMode;
}

export interface PickedPoint {
  /** World position (z up), metres. */
  position: Vec3;
  /** Instance id; -1 for an unassigned point. */
  instance: number;
}

export interface InstanceVisibility {
  hidden: number[];
  /** Shown alone (null: no isolation). */
  isolated: number[] | null;
  locked: number[];
}

export interface PickOptions {
  /** Draw the id pass over the whole frame instead of only what can reach the cursor (tests compare both). */
  fullFrame?: boolean;
}

export interface ViewportOptions {
  /** Called for a click (not a drag) on the canvas with the instance id under it, or null; `shift`: Shift was held; `toggle`: Ctrl or ⌘ was held (multi-select). */
  onPick?: (id: number | null, clientX: number, clientY: number, shift?: boolean, toggle?: boolean) => void;
  /** Called when the instance under the resting pointer changes (null: none); its box is drawn. */
  onHover?: (id: number | null) => void;
}

/** Pixels (CSS) around the cursor searched when the exact pixel falls between points. */
const PICK_RADIUS_CSS_PX = 3;
const BACKGROUND = 0x15171b;
const MEASURE_COLOR = 0xffe14d;
const HOVER_COLOR = 0xe8ecf2;

interface InstanceStats {
  min: THREE.Vector3;
  max: THREE.Vector3;
  sum: THREE.Vector3;
  count: number;
}

export class Viewport {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly pickScene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(50, 1, 0.01, 1000);
  private readonly orthoCamera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0.01, 1000);
  private readonly content = new THREE.Group();
  private readonly pickContent = new THREE.Group();
  private readonly worldOverlay = new THREE.Group();
  private readonly uniforms = createPointUniforms();
  private readonly displayMaterial = createPointMaterial(this.uniforms, 'display');
  private readonly pickMaterial = createPointMaterial(this.uniforms, 'pick');
  private readonly pickBuffer = new PickBuffer();
  /** Clicks and hover draw, scissored, only the point runs that can reach the cursor (region-pick.ts). */
  private readonly pickWindowBuffer = new PickBuffer();
  private readonly regionPick = new RegionPickPass(this.pickMaterial);
  /** Only the drawn octree nodes are attached, in node order (lod-group.ts). */
  private readonly lodDisplay = new THREE.Group();
  private readonly lodPick = new THREE.Group();
  private readonly lodInputs = new LodInputs();
  private lastLod = { points: 0, nodes: 0 };
  /** The drawn nodes, ascending: the order both id passes draw them in. */
  private drawnNodes: number[] = [];
  private lastPickPoints = 0;
  private lastLodBuildMs = 0;
  /** Node cubes in the data frame, 6 per node (pick culling). */
  private nodeDataBoxes = new Float32Array(0);
  private readonly edl = new EdlPass();
  private readonly overlay: OverlayLabels;
  /** One placement shared by every label layer, so 3D labels never overlap. */
  private readonly declutter = new LabelDeclutter();
  private readonly worldLabels: OverlayLabels;
  /** Wireframes and labels of a box-only scene's boxes (empty for scans). */
  private readonly sceneBoxes: SceneBoxLayer;
  /** A QA answer's evidence (lines, boxes, angle sector) or the candidates of an ambiguous reference. */
  private readonly evidence: EvidenceOverlay;
  /** The preview of a layout edit: moved instances' points, see-through, with their boxes (ghost-overlay.ts). */
  private readonly ghost: GhostOverlay;
  private readonly controls: OrbitController;
  private readonly flyKeys: FlyKeys;
  private readonly resizeObserver: ResizeObserver;
  private readonly hover: HoverPicker;
  private hoverObjects: THREE.Object3D[] = [];
  private readonly statsListeners = new Set<(s: FrameStats) => void>();
  private readonly measureListeners = new Set<(m: MeasureResult | null) => void>();
  private readonly visibilityListeners = new Set<(v: InstanceVisibility) => void>();

  private lod: LodScene | null = null;
  private nodeGeometries: THREE.BufferGeometry[] = [];
  private displayNodes: THREE.Points[] = [];
  private pickNodes: THREE.Points[] = [];
  private nodeWorldBoxes: THREE.Box3[] = [];
  /** RGBA per point: display colour, alpha 255 = shown, 0 = hidden (one attribute, 4-byte aligned). */
  private displayColors: Uint8Array | null = null;
  private colorAttribute: THREE.BufferAttribute | null = null;
  private instanceStats = new Map<number, InstanceStats>();
  private worldBounds = new THREE.Box3();
  private floorZ = 0;
  private upAxis: 'z' | 'y' = 'z';
  private loadToken = 0;

  private colorMode: ColorMode = 'rgb';
  private labels = new Map<number, string>();
  private selection: number[] = [];
  private tags: string[] = [];
  private measurement: Measurement | null = null;
  private measurementObjects: THREE.Object3D[] = [];
  private hidden = new Set<number>();
  /** Locked instances are drawn but never picked (so never selected or measured by click). */
  private locked = new Set<number>();
  private isolated: Set<number> | null = null;
  private clip: Bounds | null = null;
  private clipAbove: number | null = null;
  private sectionPlanes: SectionPlane[] = [];
  private boxes: BoxOverlay = 'off';
  private boxObjects: THREE.Object3D[] = [];
  private grid: THREE.GridHelper | null = null;
  private gridOn = false;
  private edlOn = false;
  private sizeScale = 1;
  private budget: number;
  private tool: MeasureTool | null = null;
  private toolPoints: Vec3[] = [];
  private toolObjects: THREE.Object3D[] = [];
  private lastStats: FrameStats;
  /** False only in the viewer bench: the whole cloud as one THREE.Points (see whole-cloud.ts). */
  private lodOn = true;
  private whole: WholeCloud | null = null;
  private frame = 0;
  private disposed = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly options: ViewportOptions = {},
  ) {
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: false, preserveDrawingBuffer: false });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.setClearColor(BACKGROUND, 1);
    // Nodes are culled and ordered by the LOD choice; three must not compute bounds over shared buffers.
    this.renderer.sortObjects = false;
    this.camera.up.set(0, 0, 1);
    this.scene.add(this.content, this.worldOverlay);
    this.pickScene.add(this.pickContent);
    this.content.add(this.lodDisplay);
    this.pickContent.add(this.lodPick);
    const host = canvas.parentElement ?? document.body;
    this.overlay = new OverlayLabels(host, this.declutter);
    this.worldLabels = new OverlayLabels(host, this.declutter);
    this.sceneBoxes = new SceneBoxLayer(this.content, host, this.declutter);
    this.evidence = new EvidenceOverlay(this.content, host, this.declutter);
    this.ghost = new GhostOverlay(this.content);
    this.budget = defaultPointBudget(this.gpuInfo());
    this.lastStats = this.emptyStats();
    this.controls = new OrbitController(
      this.camera,
      canvas,
      () => this.requestRender(),
      (x, y, shift, toggle) => this.click(x, y, shift, toggle),
    );
    this.flyKeys = new FlyKeys(
      () => this.controls.mode === 'fly',
      () => Math.max(0.5, this.worldBounds.isEmpty() ? 1 : this.worldBounds.getSize(new THREE.Vector3()).length() / 8),
      (f, r, u) => this.controls.move(f, r, u),
    );
    this.resizeObserver = new ResizeObserver(() => this.requestRender());
    this.resizeObserver.observe(canvas);
    this.hover = new HoverPicker(
      canvas,
      (x, y) => (this.tool ? null : this.pick(x, y)),
      (id) => {
        this.refreshHover(id);
        this.options.onHover?.(id);
      },
    );
  }

  // ---- data ---------------------------------------------------------------------------------

  get pointCount(): number {
    return this.lod ? this.lod.points.instanceIds.length : 0;
  }

  /**
   * Shows `buffers` (resolves once drawable). Large clouds are organised in a worker; with
   * `transfer` the arrays are handed over (detached here), otherwise they are copied.
   */
  async setPoints(buffers: PointBuffers, upAxis: 'z' | 'y' = 'z', options: { transfer?: boolean } = {}): Promise<void> {
    const n = buffers.instanceIds.length;
    if (buffers.positions.length !== n * 3 || buffers.colors.length !== n * 3) {
      throw new Error(`viewport: buffers disagree (${buffers.positions.length / 3} positions, ${buffers.colors.length / 3} colours, ${n} ids)`);
    }
    if (buffers.superpointIds && buffers.superpointIds.length !== n) throw new Error('viewport: one superpoint id per point expected');
    if (buffers.confidence && buffers.confidence.length !== n) throw new Error('viewport: one confidence per point expected');
    const token = ++this.loadToken;
    const buildStarted = performance.now();
    const lod = await buildLod(buffers, !!options.transfer);
    this.lastLodBuildMs = performance.now() - buildStarted;
    if (token !== this.loadToken || this.disposed) return;
    this.install(lod, upAxis);
  }

  /** Which colour modes the loaded data supports. */
  colorData(): ColorData {
    const p = this.lod?.points;
    return { hasLabels: this.labels.size > 0, hasSuperpoints: !!p?.superpointIds, hasConfidence: !!p?.confidence };
  }

  availableColorModes(): ColorMode[] {
    return availableColorModes(this.colorData());
  }

  /** Semantic label per instance id (label colour mode and legend). */
  setInstanceLabels(labels: ReadonlyMap<number, string>): void {
    this.labels = new Map(labels);
    if (this.colorMode === 'label') this.refreshColors();
  }

  setColorMode(mode: ColorMode): void {
    this.colorMode = mode;
    this.refreshColors();
  }

  /** Highlights `ids` (first = A, second = B); `tags` are the labels shown next to them. */
  setSelection(ids: number[], tags: string[] = []): void {
    this.selection = [...ids];
    this.tags = [...tags];
    this.sceneBoxes.setSelection(this.selection);
    this.refreshColors();
    this.refreshOverlay();
    this.refreshBoxes();
  }

  setMeasurement(measurement: Measurement | null): void {
    for (const o of this.measurementObjects.splice(0)) {
      this.content.remove(o);
      disposeObject(o);
    }
    this.measurement = measurement;
    if (measurement) {
      for (const o of lineObjects([measurement.pointA, measurement.pointB], false)) {
        this.content.add(o);
        this.measurementObjects.push(o);
      }
    }
    this.refreshOverlay();
  }

  /** Draws a QA answer's evidence in the scene frame (null clears it). */
  showEvidence(evidence: EvidenceView | null): void {
    this.evidence.show(evidence);
    this.requestRender();
  }

  /** Draws a layout edit's ghost from the loaded points (null clears it); returns the points drawn. */
  showGhost(items: readonly GhostItem[] | null): number {
    const n = this.ghost.show(items, this.lod?.points ?? null);
    this.requestRender();
    return n;
  }

  /** The boxes of a box-only scene, drawn as labelled wireframes (null: none); scene frame, like the points. */
  setSceneBoxes(boxes: readonly SceneBoxView[] | null): void {
    this.sceneBoxes.set(boxes);
    this.sceneBoxes.setSelection(this.selection);
    this.requestRender();
  }

  /** How many scene boxes are drawn. */
  sceneBoxCount(): number {
    return this.sceneBoxes.count;
  }

  // ---- look ---------------------------------------------------------------------------------

  /** Multiplies the automatic point size (1 = automatic). */
  setPointSize(scale: number): void {
    this.sizeScale = Math.max(0.05, scale);
    this.refreshPointSize();
  }

  /** Eye-dome lighting: depth-based edge darkening, so shape reads without normals. */
  setEdl(on: boolean, strength = 1): void {
    this.edlOn = on;
    this.edl.strength = strength;
    this.requestRender();
  }

  setGrid(on: boolean): void {
    this.gridOn = on;
    if (this.grid) this.grid.visible = on;
    this.requestRender();
  }

  /** Boxes around the selected instances: axis-aligned, gravity-aligned oriented, or none. */
  setBoxes(kind: BoxOverlay): void {
    this.boxes = kind;
    this.refreshBoxes();
  }

  /** Most points drawn per frame; nodes are chosen by screen size within it. */
  setPointBudget(points: number): void {
    this.budget = Math.max(1, Math.floor(points));
    this.refreshPointSize();
  }

  getPointBudget(): number {
    return this.budget;
  }

  /** Bench only: off draws and picks every point as one THREE.Points, with no level of detail. */
  setLodEnabled(on: boolean): void {
    this.lodOn = on;
    this.refreshPointSize();
  }

  // ---- visibility -----------------------------------------------------------------------------

  /** Hides these instances (replaces the hidden set); hidden points are neither drawn nor picked. */
  setHidden(ids: readonly number[]): void {
    this.hidden = new Set(ids);
    this.refreshVisibility();
    this.emitVisibility();
  }

  /** Shows only these instances (null or empty: everything not hidden). */
  isolate(ids: readonly number[] | null): void {
    this.isolated = ids && ids.length ? new Set(ids) : null;
    this.refreshVisibility();
    this.emitVisibility();
  }

  getHidden(): { hidden: number[]; isolated: number[] | null } {
    return { hidden: [...this.hidden], isolated: this.isolated ? [...this.isolated] : null };
  }

  /** Locks instances: still drawn, never picked (replaces the locked set). */
  setLocked(ids: readonly number[]): void {
    this.locked = new Set(ids);
    this.emitVisibility();
  }

  /** Hidden, isolated and locked instances, now and after every change (the scene tree follows it). */
  onVisibility(listener: (v: InstanceVisibility) => void): () => void {
    this.visibilityListeners.add(listener);
    listener(this.visibility());
    return () => this.visibilityListeners.delete(listener);
  }

  private visibility(): InstanceVisibility {
    return { hidden: [...this.hidden], isolated: this.isolated ? [...this.isolated] : null, locked: [...this.locked] };
  }

  private emitVisibility(): void {
    const v = this.visibility();
    for (const l of this.visibilityListeners) l(v);
  }

  /** The instance under the resting pointer (hover highlight), or null. */
  getHovered(): number | null {
    return this.hover.hovered;
  }

  /** Point count, boxes and centroid of an instance, from the loaded points (world frame); null if absent. */
  instanceProperties(id: number): InstanceProperties | null {
    const s = this.instanceStats.get(id);
    if (!s) return null;
    const box = new THREE.Box3(s.min.clone(), s.max.clone()).applyMatrix4(this.content.matrixWorld);
    const size = box.getSize(new THREE.Vector3());
    const centroid = s.sum.clone().divideScalar(s.count).applyMatrix4(this.content.matrixWorld);
    return {
      id,
      pointCount: s.count,
      min: box.min.toArray() as Vec3,
      max: box.max.toArray() as Vec3,
      size: size.toArray() as Vec3,
      centroid: centroid.toArray() as Vec3,
      obb: obbSummary(this.orientedBoxOf(id)),
    };
  }

  /** Axis-aligned clip box in world space (z up); points outside are neither drawn nor picked. */
  setClipBox(box: Bounds | null): void {
    this.clip = box ? { min: [...box.min], max: [...box.max] } : null;
    this.refreshClip();
  }

  /** Hides everything above this world height (cuts the ceiling off); null to stop. */
  setClipAbove(z: number | null): void {
    this.clipAbove = z;
    this.refreshClip();
  }

  /** Section planes (world, z up; section-planes.ts): cut points are neither drawn nor picked. Replaces the set. */
  setSectionPlanes(planes: readonly SectionPlane[]): void {
    this.sectionPlanes = normalizeSectionPlanes(planes);
    this.sectionPlanes.forEach((p, i) => this.uniforms.uPlanes.value[i]!.set(...planeVector(p)));
    this.uniforms.uPlaneCount.value = this.sectionPlanes.length;
    this.lodInputs.invalidate();
    this.requestRender();
  }

  getSectionPlanes(): SectionPlane[] {
    return this.sectionPlanes.map((p) => ({ point: [...p.point], normal: [...p.normal] }));
  }

  /** World-space bounds of the loaded points (z up). */
  getBounds(): Bounds | null {
    if (this.worldBounds.isEmpty()) return null;
    return { min: this.worldBounds.min.toArray() as Vec3, max: this.worldBounds.max.toArray() as Vec3 };
  }

  /** Height of the floor: a low percentile of point heights. */
  getFloorHeight(): number {
    return this.floorZ;
  }

  // ---- cameras ------------------------------------------------------------------------------

  setCameraMode(mode: CameraMode): void {
    this.controls.mode = mode;
    if (mode !== 'top' && this.controls.polar <= MIN_POLAR + 1e-6) this.controls.polar = 0.85;
    this.controls.apply();
  }

  getCameraMode(): CameraMode {
    return this.controls.mode;
  }

  getViewpoint(): Viewpoint {
    const cam = this.activeCamera();
    this.syncCameras();
    return {
      position: cam.position.toArray() as Vec3,
      target: this.controls.target.toArray() as Vec3,
      up: cam.up.toArray() as Vec3,
      fov: this.camera.fov,
      ortho: this.controls.mode === 'top',
    };
  }

  setViewpoint(v: Viewpoint): void {
    const p = parseViewpoint(v);
    const o = orbitFrom(p.position, p.target);
    this.camera.fov = p.fov;
    this.controls.target.set(...p.target);
    this.controls.radius = Math.min(this.controls.maxRadius, Math.max(this.controls.minRadius, o.radius));
    if (p.ortho) {
      // Top views store the screen's up; the azimuth is the direction that up points away from.
      this.controls.azimuth = Math.atan2(-p.up[1], -p.up[0]);
      this.controls.mode = 'top';
    } else {
      this.controls.azimuth = o.azimuth;
      this.controls.polar = Math.max(MIN_POLAR, o.polar);
      if (this.controls.mode === 'top') this.controls.mode = 'orbit';
    }
    this.controls.apply();
  }

  fitToScene(): void {
    if (this.worldBounds.isEmpty()) return;
    this.fitBox(this.worldBounds, true);
  }

  /** Fits the selected instances (the scene when nothing is selected). */
  fitToSelection(): void {
    const box = new THREE.Box3();
    for (const id of this.selection) {
      const s = this.instanceStats.get(id);
      if (s) box.union(new THREE.Box3(s.min.clone(), s.max.clone()).applyMatrix4(this.content.matrixWorld));
    }
    if (box.isEmpty()) this.fitToScene();
    else this.fitBox(box, false);
  }

  // ---- picking and measuring --------------------------------------------------------------

  /** Instance id under a client-space point (exact, from the GPU id buffer); null over background. */
  pick(clientX: number, clientY: number, options: PickOptions = {}): number | null {
    const index = this.pickIndex(clientX, clientY, !!options.fullFrame);
    if (index === null) return null;
    const id = this.lod!.points.instanceIds[index]!;
    return this.locked.has(id) ? null : id;
  }

  /** The exact point under a client-space point: its world position and instance; null over background. */
  pickPoint(clientX: number, clientY: number): PickedPoint | null {
    const index = this.pickIndex(clientX, clientY);
    if (index === null) return null;
    const p = this.lod!.points.positions;
    const v = new THREE.Vector3(p[index * 3]!, p[index * 3 + 1]!, p[index * 3 + 2]!).applyMatrix4(this.content.matrixWorld);
    return { position: v.toArray() as Vec3, instance: this.lod!.points.instanceIds[index]! };
  }

  /** The point under a client-space point as an index into the arrays given to setPoints, with its instance; null over background. */
  pickPointIndex(clientX: number, clientY: number, options: PickOptions = {}): { pointIndex: number; instance: number } | null {
    const index = this.pickIndex(clientX, clientY, !!options.fullFrame);
    if (index === null) return null;
    return { pointIndex: this.lod!.order[index]!, instance: this.lod!.points.instanceIds[index]! };
  }

  /**
   * Replaces the instance id (and optionally superpoint id) of every point, in the order given to
   * setPoints, without rebuilding the octree or moving the camera (a segmentation being edited).
   */
  setPointInstances(instanceIds: Int32Array, superpointIds?: Int32Array): void {
    const lod = this.lod;
    if (!lod) return;
    if (instanceIds.length !== lod.order.length || (superpointIds && superpointIds.length !== lod.order.length)) {
      throw new Error(`viewport: ${instanceIds.length} instance ids for ${lod.order.length} points`);
    }
    lod.points.instanceIds = reorder(instanceIds, 1, lod.order);
    if (superpointIds) lod.points.superpointIds = reorder(superpointIds, 1, lod.order);
    this.computeInstanceStats();
    this.refreshVisibility();
    this.refreshColors();
    this.refreshOverlay();
    this.refreshBoxes();
  }

  /** Clicks on the canvas place measure points while a tool is on; otherwise they select. */
  setMeasureTool(tool: MeasureTool | null): void {
    this.tool = tool;
    this.toolPoints = [];
    this.refreshTool();
  }

  getMeasureTool(): MeasureTool | null {
    return this.tool;
  }

  clearMeasure(): void {
    this.toolPoints = [];
    this.refreshTool();
  }

  /** Adds a measure point at a client position (what a click does with a tool on); false if it hit nothing. */
  measureAt(clientX: number, clientY: number): boolean {
    if (!this.tool) return false;
    const hit = this.pickPoint(clientX, clientY);
    if (!hit) return false;
    if (this.tool === 'distance') this.toolPoints = this.toolPoints.length >= 2 ? [hit.position] : [...this.toolPoints, hit.position];
    else if (this.tool === 'height') this.toolPoints = [hit.position];
    else this.toolPoints = [...this.toolPoints, hit.position];
    this.refreshTool();
    return true;
  }

  onMeasure(listener: (m: MeasureResult | null) => void): () => void {
    this.measureListeners.add(listener);
    return () => this.measureListeners.delete(listener);
  }

  /**
   * Client-space position of a visible pixel of instance `id`, near its projected centroid and
   * well inside its footprint, so that a click there picks `id` back. Null if nothing is visible.
   */
  projectInstance(id: number): { x: number; y: number } | null {
    if (!this.lod) return null;
    this.renderPick();
    const indices = this.pickBuffer.readAll(this.renderer);
    const instanceIds = this.lod.points.instanceIds;
    const w = this.pickBuffer.width;
    const h = this.pickBuffer.height;
    const ids = new Int32Array(indices.length);
    for (let k = 0; k < indices.length; k++) ids[k] = indices[k] === EMPTY_PIXEL ? EMPTY_PIXEL : instanceIds[indices[k]!]!;
    const s = this.instanceStats.get(id);
    let cx = w / 2;
    let cy = h / 2;
    if (s) {
      const p = s.sum.clone().divideScalar(s.count).applyMatrix4(this.content.matrixWorld).project(this.activeCamera());
      cx = ((p.x + 1) / 2) * w;
      cy = ((p.y + 1) / 2) * h;
    }
    // Prefer pixels whose neighbourhood is all `id` (tolerates sub-pixel rounding of clicks).
    const best = [Infinity, Infinity, Infinity];
    const at: Array<[number, number] | null> = [null, null, null];
    const same = (x: number, y: number, k: number) => {
      for (let j = -k; j <= k; j++) {
        for (let i = -k; i <= k; i++) {
          const xx = x + i;
          const yy = y + j;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h || ids[yy * w + xx] !== id) return false;
        }
      }
      return true;
    };
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (ids[y * w + x] !== id) continue;
        const d = (x - cx) ** 2 + (y - cy) ** 2;
        for (let k = 2; k >= 0; k--) {
          if (d < best[k]! && same(x, y, k)) {
            best[k] = d;
            at[k] = [x, y];
            break;
          }
        }
      }
    }
    const hit = at[2] ?? at[1] ?? at[0];
    if (!hit) return null;
    const rect = this.canvas.getBoundingClientRect();
    return {
      x: rect.left + ((hit[0] + 0.5) * rect.width) / w,
      y: rect.top + ((h - 1 - hit[1] + 0.5) * rect.height) / h,
    };
  }

  /** Points the newest cursor pick drew in its id pass (region-pick.ts); tests check it stays far below the budget. */
  pickPointsDrawn(): number {
    return this.lastPickPoints;
  }

  /** Wall time of the newest scene's LOD build (octree + pick runs, in the worker above 1M points, with transfers), ms. */
  lodBuildMs(): number {
    return this.lastLodBuildMs;
  }

  // ---- frames -------------------------------------------------------------------------------

  /** Statistics of the newest frame. */
  stats(): FrameStats {
    return { ...this.lastStats };
  }

  onStats(listener: (s: FrameStats) => void): () => void {
    this.statsListeners.add(listener);
    return () => this.statsListeners.delete(listener);
  }

  /** Draws now (not on the next animation frame); used before reporting "ready". */
  renderNow(): void {
    if (this.disposed) return;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const started = performance.now();
    this.syncSize();
    const drawn = this.drawFrame();
    const cam = this.activeCamera();
    // Layers claim label spots in priority order: measurements, answers, then box names.
    this.declutter.begin();
    this.overlay.update(cam, this.content.matrixWorld, this.canvas.clientWidth, this.canvas.clientHeight);
    this.worldLabels.update(cam, IDENTITY, this.canvas.clientWidth, this.canvas.clientHeight);
    this.evidence.update(cam, this.content.matrixWorld, this.canvas.clientWidth, this.canvas.clientHeight);
    this.sceneBoxes.update(cam, this.content.matrixWorld, this.canvas.clientWidth, this.canvas.clientHeight);
    this.lastStats = {
      frameMs: performance.now() - started,
      pointsDrawn: drawn.points,
      nodesDrawn: drawn.nodes,
      pointCount: this.pointCount,
      budget: this.budget,
      metresPerPixel: (2 * this.controls.radius * Math.tan(THREE.MathUtils.degToRad(this.camera.fov) / 2)) / Math.max(1, this.canvas.clientHeight),
      camera: this.controls.mode,
    };
    for (const l of this.statsListeners) l(this.lastStats);
  }

  requestRender(): void {
    if (this.disposed || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderNow();
    });
  }

  /** The current view drawn at `width` × `height` pixels, as a PNG data URL. */
  screenshot(width: number, height: number): string {
    const w = Math.max(1, Math.min(8192, Math.round(width)));
    const h = Math.max(1, Math.min(8192, Math.round(height)));
    const ratio = this.renderer.getPixelRatio();
    this.renderer.setPixelRatio(1);
    this.renderer.setSize(w, h, false);
    this.applyAspect(w, h);
    let url: string;
    try {
      this.drawFrame();
      // Read in the same task as the draw: the drawing buffer is not preserved past it.
      url = this.canvas.toDataURL('image/png');
    } finally {
      this.renderer.setPixelRatio(ratio);
      this.renderNow();
    }
    return url;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.hover.dispose();
    this.controls.dispose();
    this.flyKeys.dispose();
    this.setMeasurement(null);
    this.clearPoints();
    this.overlay.dispose();
    this.worldLabels.dispose();
    this.sceneBoxes.dispose();
    this.evidence.dispose();
    this.ghost.dispose();
    this.pickBuffer.dispose();
    this.pickWindowBuffer.dispose();
    this.regionPick.dispose();
    this.edl.dispose();
    this.displayMaterial.dispose();
    this.pickMaterial.dispose();
    this.renderer.dispose();
  }

  // ---- internals ----------------------------------------------------------------------------

  private install(lod: LodScene, upAxis: 'z' | 'y'): void {
    this.clearPoints();
    this.lod = lod;
    this.upAxis = upAxis;
    const n = lod.points.instanceIds.length;
    // y-up data is turned so that its up becomes +z, the viewer's convention.
    const rotation = upAxis === 'y' ? Math.PI / 2 : 0;
    this.content.rotation.set(rotation, 0, 0);
    this.pickContent.rotation.set(rotation, 0, 0);
    this.content.updateMatrixWorld(true);
    this.pickContent.updateMatrixWorld(true);

    const position = new THREE.BufferAttribute(lod.points.positions, 3);
    this.displayColors = new Uint8Array(n * 4);
    this.colorAttribute = new THREE.BufferAttribute(this.displayColors, 4, true);
    const toWorld = this.content.matrixWorld;
    for (const node of lod.nodes) {
      const geometry = new THREE.BufferGeometry();
      geometry.setAttribute('position', position);
      geometry.setAttribute('aColor', this.colorAttribute);
      geometry.setDrawRange(node.start, node.count);
      const box = new THREE.Box3(new THREE.Vector3(...node.min), new THREE.Vector3(...node.max));
      // Set by hand: three would otherwise scan the whole shared buffer for every node.
      geometry.boundingBox = box;
      geometry.boundingSphere = box.getBoundingSphere(new THREE.Sphere());
      const display = new THREE.Points(geometry, this.displayMaterial);
      const pick = new THREE.Points(geometry, this.pickMaterial);
      for (const o of [display, pick]) {
        o.frustumCulled = false;
        o.matrixAutoUpdate = false;
        // Attached only while drawn (lod-group.ts); the content transform is fixed per scene.
        o.matrixWorld.copy(toWorld);
      }
      this.nodeGeometries.push(geometry);
      this.displayNodes.push(display);
      this.pickNodes.push(pick);
      this.nodeWorldBoxes.push(box.clone().applyMatrix4(toWorld));
    }
    this.nodeDataBoxes = new Float32Array(lod.nodes.length * 6);
    lod.nodes.forEach((node, k) => this.nodeDataBoxes.set([...node.min, ...node.max], k * 6));
    this.regionPick.setAttributes(position, this.colorAttribute);
    this.lodInputs.invalidate();
    this.computeInstanceStats();
    this.refreshPointSize();
    this.refreshGrid();
    this.refreshVisibility();
    this.refreshClip();
    this.refreshColors();
    this.refreshOverlay();
    this.refreshBoxes();
    this.toolPoints = [];
    this.refreshTool();
  }

  private computeInstanceStats(): void {
    const { positions, instanceIds } = this.lod!.points;
    const stats = new Map<number, InstanceStats>();
    const bounds = new THREE.Box3();
    let lastId = NaN;
    let last: InstanceStats | undefined;
    const v = new THREE.Vector3();
    for (let i = 0; i < instanceIds.length; i++) {
      v.set(positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!);
      bounds.expandByPoint(v);
      const id = instanceIds[i]!;
      if (id < 0) continue;
      if (id !== lastId) {
        last = stats.get(id);
        if (!last) stats.set(id, (last = { min: v.clone(), max: v.clone(), sum: new THREE.Vector3(), count: 0 }));
        lastId = id;
      }
      last!.min.min(v);
      last!.max.max(v);
      last!.sum.add(v);
      last!.count++;
    }
    this.instanceStats = stats;
    this.worldBounds = bounds.isEmpty() ? bounds : bounds.applyMatrix4(this.content.matrixWorld);
    // Floor from a sample of world heights.
    const n = instanceIds.length;
    const step = Math.max(1, Math.floor(n / 200_000));
    const up = this.upAxis === 'y' ? 1 : 2;
    const zs: number[] = [];
    for (let i = 0; i < n; i += step) zs.push(positions[i * 3 + up]!);
    this.floorZ = floorHeight(zs);
  }

  private clearPoints(): void {
    if (this.whole) {
      this.content.remove(this.whole.display);
      this.pickContent.remove(this.whole.pick);
      this.whole.dispose();
      this.whole = null;
    }
    setDrawnChildren(this.lodDisplay, [], []);
    setDrawnChildren(this.lodPick, [], []);
    this.drawnNodes = [];
    this.lodInputs.invalidate();
    this.regionPick.setAttributes(null, null);
    for (const g of this.nodeGeometries) g.dispose();
    this.nodeGeometries = [];
    this.displayNodes = [];
    this.pickNodes = [];
    this.nodeWorldBoxes = [];
    this.lod = null;
    this.displayColors = null;
    this.colorAttribute = null;
    this.instanceStats = new Map();
    this.worldBounds = new THREE.Box3();
  }

  private fitBox(box: THREE.Box3, resetAngles: boolean): void {
    const sphere = box.getBoundingSphere(new THREE.Sphere());
    const vFov = THREE.MathUtils.degToRad(this.camera.fov);
    const hFov = 2 * Math.atan(Math.tan(vFov / 2) * this.camera.aspect);
    const fov = Math.min(vFov, hFov);
    this.controls.target.copy(sphere.center);
    this.controls.radius = Math.max(this.controls.minRadius, sphere.radius / Math.sin(fov / 2));
    this.controls.maxRadius = Math.max(50, this.worldBounds.getBoundingSphere(new THREE.Sphere()).radius * 20);
    if (resetAngles) {
      this.controls.azimuth = -Math.PI / 2 - 0.35;
      this.controls.polar = 0.85;
    }
    this.controls.apply();
  }

  private activeCamera(): THREE.PerspectiveCamera | THREE.OrthographicCamera {
    return this.controls.mode === 'top' ? this.orthoCamera : this.camera;
  }

  /** The orthographic camera follows the orbit state, looking straight down. */
  private syncCameras(): void {
    if (this.controls.mode !== 'top') return;
    const c = this.controls;
    const halfH = c.radius * Math.tan(THREE.MathUtils.degToRad(this.camera.fov) / 2);
    const o = this.orthoCamera;
    o.top = halfH;
    o.bottom = -halfH;
    o.left = -halfH * this.camera.aspect;
    o.right = halfH * this.camera.aspect;
    const top = this.worldBounds.isEmpty() ? c.target.z + c.radius : this.worldBounds.max.z;
    const bottom = this.worldBounds.isEmpty() ? c.target.z - c.radius : this.worldBounds.min.z;
    const height = Math.max(top - c.target.z + 1, 1);
    o.position.set(c.target.x, c.target.y, c.target.z + height);
    o.up.set(-Math.cos(c.azimuth), -Math.sin(c.azimuth), 0);
    o.lookAt(c.target);
    o.near = 0.01;
    o.far = height + Math.max(0, c.target.z - bottom) + 1;
    o.updateProjectionMatrix();
    o.updateMatrixWorld();
  }

  /** Chooses the octree nodes for the active camera and marks them visible; same set for both passes. */
  private updateLod(): { points: number; nodes: number } {
    if (!this.lod) return { points: 0, nodes: 0 };
    if (!this.lodOn || this.whole) return this.updateWhole();
    const cam = this.activeCamera();
    cam.updateMatrixWorld();
    const clip = this.clipBox();
    const heightPx = this.renderer.getDrawingBufferSize(new THREE.Vector2()).y;
    // An unchanged view keeps its nodes: no traversal (picks between frames reuse the choice).
    const inputs = [...cam.matrixWorld.elements, ...cam.projectionMatrix.elements, this.budget, heightPx, ...(clip ? [...clip.min.toArray(), ...clip.max.toArray()] : [])];
    if (this.lodInputs.unchanged(inputs)) return this.lastLod;
    const frustum = new THREE.Frustum().setFromProjectionMatrix(new THREE.Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse));
    const ortho = cam instanceof THREE.OrthographicCamera;
    const tanHalf = Math.tan(THREE.MathUtils.degToRad(this.camera.fov) / 2);
    const centre = new THREE.Vector3();
    const { selected, points } = selectNodes(this.lod.nodes, this.budget, (node) => {
      const box = this.nodeWorldBoxes[node]!;
      const visible = frustum.intersectsBox(box) && (!clip || clip.intersectsBox(box)) && (!this.sectionPlanes.length || !boxCutAway(this.sectionPlanes, box.min.toArray() as Vec3, box.max.toArray() as Vec3));
      box.getCenter(centre);
      const radius = box.min.distanceTo(box.max) / 2;
      let priority: number;
      if (ortho) priority = (radius / Math.max(1e-9, this.orthoCamera.top)) * (heightPx / 2);
      else {
        const d = centre.distanceTo(cam.position);
        priority = d <= radius ? Infinity : (radius / (d * tanHalf)) * (heightPx / 2);
      }
      return { node, priority, visible };
    });
    this.drawnNodes = selected.sort((x, y) => x - y);
    setDrawnChildren(this.lodDisplay, this.displayNodes, this.drawnNodes);
    setDrawnChildren(this.lodPick, this.pickNodes, this.drawnNodes);
    this.lastLod = { points, nodes: selected.length };
    return this.lastLod;
  }

  /** The no-LOD peer: one object over every point (or back to the nodes when LOD is on again). */
  private updateWhole(): { points: number; nodes: number } {
    if (this.lodOn) {
      this.content.remove(this.whole!.display);
      this.pickContent.remove(this.whole!.pick);
      this.whole!.dispose();
      this.whole = null;
      this.lodInputs.invalidate();
      return this.updateLod();
    }
    if (!this.nodeGeometries.length) return { points: 0, nodes: 0 };
    if (!this.whole) {
      const root = this.lod!.nodes[0];
      const bounds = root ? new THREE.Box3(new THREE.Vector3(...root.min), new THREE.Vector3(...root.max)) : new THREE.Box3();
      const position = this.nodeGeometries[0]!.getAttribute('position') as THREE.BufferAttribute;
      this.whole = createWholeCloud(position, this.colorAttribute!, this.pointCount, bounds, { display: this.displayMaterial, pick: this.pickMaterial });
      this.content.add(this.whole.display);
      this.pickContent.add(this.whole.pick);
    }
    setDrawnChildren(this.lodDisplay, this.displayNodes, []);
    setDrawnChildren(this.lodPick, this.pickNodes, []);
    this.drawnNodes = [];
    this.whole.display.visible = true;
    this.whole.pick.visible = true;
    return { points: this.pointCount, nodes: 1 };
  }

  private drawFrame(): { points: number; nodes: number } {
    this.syncCameras();
    const drawn = this.updateLod();
    const cam = this.activeCamera();
    if (this.edlOn) this.edl.render(this.renderer, this.scene, cam);
    else this.renderer.render(this.scene, cam);
    return drawn;
  }

  private clipBox(): THREE.Box3 | null {
    if (!this.clip && this.clipAbove === null) return null;
    const min = new THREE.Vector3(...(this.clip?.min ?? [-NO_CLIP, -NO_CLIP, -NO_CLIP]));
    const max = new THREE.Vector3(...(this.clip?.max ?? [NO_CLIP, NO_CLIP, NO_CLIP]));
    if (this.clipAbove !== null) max.z = Math.min(max.z, this.clipAbove);
    return new THREE.Box3(min, max);
  }

  private refreshClip(): void {
    const box = this.clipBox();
    this.uniforms.uClipMin.value.set(...((box?.min.toArray() ?? [-NO_CLIP, -NO_CLIP, -NO_CLIP]) as Vec3));
    this.uniforms.uClipMax.value.set(...((box?.max.toArray() ?? [NO_CLIP, NO_CLIP, NO_CLIP]) as Vec3));
    this.requestRender();
  }

  private refreshVisibility(): void {
    const { hidden: off, isolated: alone } = this;
    this.sceneBoxes.setShown((id) => !off.has(id) && (!alone || alone.has(id)));
    if (!this.lod || !this.displayColors || !this.colorAttribute) return;
    const rgba = this.displayColors;
    const ids = this.lod.points.instanceIds;
    const hidden = this.hidden;
    const only = this.isolated;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      rgba[i * 4 + 3] = (only && !only.has(id)) || hidden.has(id) ? 0 : 255;
    }
    this.colorAttribute.needsUpdate = true;
    this.requestRender();
  }

  private refreshPointSize(): void {
    if (!this.lod || this.worldBounds.isEmpty()) return;
    // Under a budget fewer points cover the same surfaces, so each is drawn larger.
    const drawn = this.lodOn ? Math.min(this.pointCount, this.budget) : this.pointCount;
    this.uniforms.uSize.value = pointSizeFor(this.worldBounds, drawn) * this.sizeScale;
    this.requestRender();
  }

  private refreshColors(): void {
    if (!this.lod || !this.displayColors || !this.colorAttribute) return;
    const p = this.lod.points;
    computeDisplayColors(
      {
        base: p.colors,
        instanceIds: p.instanceIds,
        positions: p.positions,
        upIndex: this.upAxis === 'y' ? 1 : 2,
        heightRange: [this.floorZ, this.worldBounds.max.z],
        labels: this.labels,
        superpointIds: p.superpointIds,
        confidence: p.confidence,
      },
      this.colorMode,
      this.selection,
      this.displayColors,
      4,
    );
    this.colorAttribute.needsUpdate = true;
    this.requestRender();
  }

  private refreshGrid(): void {
    if (this.grid) {
      this.scene.remove(this.grid);
      this.grid.geometry.dispose();
      (this.grid.material as THREE.Material).dispose();
      this.grid = null;
    }
    if (this.worldBounds.isEmpty()) return;
    const size = this.worldBounds.getSize(new THREE.Vector3());
    const extent = Math.ceil(Math.max(size.x, size.y)) + 2;
    // 1 m cells.
    const grid = new THREE.GridHelper(extent, extent, 0x5a6270, 0x343a44);
    grid.rotation.x = Math.PI / 2;
    const centre = this.worldBounds.getCenter(new THREE.Vector3());
    grid.position.set(Math.round(centre.x), Math.round(centre.y), this.floorZ - 0.002);
    grid.visible = this.gridOn;
    this.grid = grid;
    this.scene.add(grid);
  }

  private refreshBoxes(): void {
    for (const o of this.boxObjects.splice(0)) {
      this.worldOverlay.remove(o);
      disposeObject(o);
    }
    if (this.boxes !== 'off' && this.lod) {
      this.selection.forEach((id, slot) => {
        const corners = this.boxes === 'obb' ? this.orientedCorners(id) : this.alignedCorners(id);
        if (!corners) return;
        const tint = SELECTION_TINTS[Math.min(slot, SELECTION_TINTS.length - 1)]!;
        const pairs: Vec3[] = [];
        for (let k = 0; k < 4; k++) {
          pairs.push(corners[k]!, corners[(k + 1) % 4]!, corners[k + 4]!, corners[((k + 1) % 4) + 4]!, corners[k]!, corners[k + 4]!);
        }
        const lines = new THREE.LineSegments(
          new THREE.BufferGeometry().setFromPoints(pairs.map((p) => new THREE.Vector3(...p))),
          new THREE.LineBasicMaterial({ color: new THREE.Color(tint[0] / 255, tint[1] / 255, tint[2] / 255) }),
        );
        lines.frustumCulled = false;
        this.worldOverlay.add(lines);
        this.boxObjects.push(lines);
      });
    }
    this.requestRender();
  }

  private alignedCorners(id: number): Vec3[] | null {
    const s = this.instanceStats.get(id);
    if (!s) return null;
    const b = new THREE.Box3(s.min.clone(), s.max.clone()).applyMatrix4(this.content.matrixWorld);
    const c = b.getCenter(new THREE.Vector3());
    const half = b.getSize(new THREE.Vector3()).multiplyScalar(0.5);
    return boxCorners({ center: c.toArray() as Vec3, halfSize: half.toArray() as Vec3, yaw: 0 });
  }

  private orientedCorners(id: number): Vec3[] | null {
    const box = this.orientedBoxOf(id);
    return box ? boxCorners(box) : null;
  }

  private orientedBoxOf(id: number): OrientedBox | null {
    const s = this.instanceStats.get(id);
    if (!s || !this.lod) return null;
    const { positions, instanceIds } = this.lod.points;
    const world = new Float32Array(s.count * 3);
    const v = new THREE.Vector3();
    let k = 0;
    for (let i = 0; i < instanceIds.length && k < s.count; i++) {
      if (instanceIds[i] !== id) continue;
      v.set(positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!).applyMatrix4(this.content.matrixWorld);
      world[k * 3] = v.x;
      world[k * 3 + 1] = v.y;
      world[k * 3 + 2] = v.z;
      k++;
    }
    return orientedBox(world, Uint32Array.from({ length: k }, (_, i) => i));
  }

  /** A thin box around the hovered instance (cheap: no per-point colour pass). */
  private refreshHover(id: number | null): void {
    for (const o of this.hoverObjects.splice(0)) {
      this.worldOverlay.remove(o);
      disposeObject(o);
    }
    const corners = id === null ? null : this.alignedCorners(id);
    if (corners) {
      const pairs: Vec3[] = [];
      for (let k = 0; k < 4; k++) pairs.push(corners[k]!, corners[(k + 1) % 4]!, corners[k + 4]!, corners[((k + 1) % 4) + 4]!, corners[k]!, corners[k + 4]!);
      const lines = new THREE.LineSegments(
        new THREE.BufferGeometry().setFromPoints(pairs.map((p) => new THREE.Vector3(...p))),
        new THREE.LineBasicMaterial({ color: HOVER_COLOR, transparent: true, opacity: 0.85 }),
      );
      lines.frustumCulled = false;
      this.worldOverlay.add(lines);
      this.hoverObjects.push(lines);
    }
    this.requestRender();
  }

  private refreshTool(): void {
    for (const o of this.toolObjects.splice(0)) {
      this.worldOverlay.remove(o);
      disposeObject(o);
    }
    const labels: OverlayLabel[] = [];
    let result: MeasureResult | null = null;
    if (this.tool) {
      result = measureResult(this.tool, this.toolPoints, this.floorZ);
      const pts = result.points;
      let path: Vec3[] = pts;
      if (this.tool === 'height' && pts[0]) path = [pts[0], [pts[0][0], pts[0][1], this.floorZ]];
      if (this.tool === 'area' && pts.length >= 3) path = [...pts, pts[0]!];
      if (path.length) for (const o of lineObjects(path, true)) (this.worldOverlay.add(o), this.toolObjects.push(o));
      if (result.value !== null && pts.length) {
        const at = new THREE.Vector3();
        for (const p of path) at.add(new THREE.Vector3(...p));
        at.divideScalar(path.length);
        labels.push({ text: result.text, at, className: 'sw-vp-measure', testId: 'measure-tool-label', pinned: true });
      }
    }
    this.worldLabels.set(labels);
    for (const l of this.measureListeners) l(result);
    this.requestRender();
  }

  private refreshOverlay(): void {
    const labels: OverlayLabel[] = [];
    this.selection.forEach((id, i) => {
      const s = this.instanceStats.get(id);
      const text = this.tags[i];
      if (!s || !text) return;
      const slot = i === 0 ? 'a' : i === 1 ? 'b' : 'more';
      labels.push({ text, at: s.sum.clone().divideScalar(s.count), className: `sw-vp-tag sw-vp-tag-${slot}`, testId: i < 2 ? `viewport-tag-${slot}` : `viewport-tag-${i}` });
    });
    const m = this.measurement;
    if (m) {
      const mid = new THREE.Vector3(...m.pointA).add(new THREE.Vector3(...m.pointB)).multiplyScalar(0.5);
      labels.push({ text: `${m.distance.toFixed(2)} m`, at: mid, className: 'sw-vp-measure', testId: 'viewport-measure-label', pinned: true });
    }
    this.overlay.set(labels);
    this.requestRender();
  }

  private click(clientX: number, clientY: number, shift = false, toggle = false): void {
    if (this.tool) {
      if (!shift) this.measureAt(clientX, clientY);
      return;
    }
    this.options.onPick?.(this.pick(clientX, clientY), clientX, clientY, shift, toggle);
  }

  private pickIndex(clientX: number, clientY: number, fullFrame = false): number | null {
    if (!this.lod) return null;
    this.syncSize();
    this.syncCameras();
    this.updateLod();
    const px = this.toBufferPixel(clientX, clientY);
    if (!px) return null;
    const radius = Math.max(1, Math.round(PICK_RADIUS_CSS_PX * this.renderer.getPixelRatio()));
    const full = this.renderer.getDrawingBufferSize(new THREE.Vector2());
    let index: number | null;
    if (!fullFrame && !this.whole) {
      this.renderPickRegion(px, radius, full);
      index = this.pickWindowBuffer.readNear(this.renderer, px.x, px.y, radius);
    } else {
      this.renderPick();
      index = this.pickBuffer.readNear(this.renderer, px.x, px.y, radius);
    }
    return index !== null && index < this.pointCount ? index : null;
  }

  /**
   * The id pass for the read square around `px` only: the full frame's camera and viewport, a
   * scissor, and only the point runs of the drawn nodes that can reach the square (pick-region.ts).
   */
  private renderPickRegion(px: { x: number; y: number }, radius: number, full: THREE.Vector2): void {
    const cam = this.activeCamera();
    cam.updateMatrixWorld();
    const clipFromData = new THREE.Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse).multiply(this.content.matrixWorld);
    const ortho = cam === this.orthoCamera;
    const k = this.uniforms.uSize.value * this.uniforms.uScale.value;
    // The shader's orthographic size: uSize * uScale * P[1][1] * 0.4663 (point-materials.ts).
    const spriteK = ortho ? k * this.orthoCamera.projectionMatrix.elements[5]! * 0.4663 : k;
    const planes = reachPlanes({ clipFromData: clipFromData.elements, width: full.x, height: full.y, px: px.x, py: px.y, radius, ortho, spriteK });
    const ranges = reachingRanges(this.drawnNodes, this.lod!.chunks, planes, this.nodeDataBoxes);
    this.lastPickPoints = this.regionPick.prepare(ranges, this.content.matrixWorld);
    const x0 = Math.max(0, px.x - radius);
    const y0 = Math.max(0, px.y - radius);
    const scissor = { x: x0, y: y0, width: Math.min(full.x, px.x + radius + 1) - x0, height: Math.min(full.y, px.y + radius + 1) - y0 };
    this.pickWindowBuffer.render(this.renderer, this.regionPick.scene, cam, full, scissor);
  }

  private applyAspect(width: number, height: number): void {
    const aspect = width / height;
    if (this.camera.aspect !== aspect) {
      this.camera.aspect = aspect;
      this.camera.updateProjectionMatrix();
    }
    this.uniforms.uScale.value = height / 2;
  }

  private syncSize(): void {
    const width = Math.max(1, this.canvas.clientWidth);
    const height = Math.max(1, this.canvas.clientHeight);
    const size = this.renderer.getSize(new THREE.Vector2());
    if (size.x !== width || size.y !== height) this.renderer.setSize(width, height, false);
    this.applyAspect(width, height);
    this.uniforms.uScale.value = this.renderer.getDrawingBufferSize(new THREE.Vector2()).y / 2;
  }

  private renderPick(): void {
    this.syncSize();
    this.syncCameras();
    this.updateLod();
    this.scene.updateMatrixWorld();
    this.pickScene.updateMatrixWorld();
    this.pickBuffer.render(this.renderer, this.pickScene, this.activeCamera());
  }

  /** Client coordinates → id-buffer pixel (origin bottom-left), or null outside the canvas. */
  private toBufferPixel(clientX: number, clientY: number): { x: number; y: number } | null {
    const rect = this.canvas.getBoundingClientRect();
    const u = (clientX - rect.left) / rect.width;
    const v = (clientY - rect.top) / rect.height;
    if (!(u >= 0 && u < 1 && v >= 0 && v < 1)) return null;
    const { x: w, y: h } = this.renderer.getDrawingBufferSize(new THREE.Vector2());
    return { x: Math.floor(u * w), y: h - 1 - Math.floor(v * h) };
  }

  private gpuInfo(): { renderer: string; maxTextureSize: number } {
    const gl = this.renderer.getContext();
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const name = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return { renderer: String(name ?? ''), maxTextureSize: Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)) || 4096 };
  }

  private emptyStats(): FrameStats {
    return { frameMs: 0, pointsDrawn: 0, pointCount: 0, nodesDrawn: 0, budget: this.budget, metresPerPixel: 0, camera: 'orbit' };
  }
}

const IDENTITY = new THREE.Matrix4();

/** A line through `points` with dots at its ends, drawn over everything. */
function lineObjects(points: Vec3[], dotsAtAll: boolean): THREE.Object3D[] {
  const geometry = new THREE.BufferGeometry().setFromPoints(points.map((p) => new THREE.Vector3(...p)));
  const line = new THREE.Line(geometry, new THREE.LineBasicMaterial({ color: MEASURE_COLOR, depthTest: false, transparent: true }));
  const dotGeometry = dotsAtAll ? geometry.clone() : geometry;
  const ends = new THREE.Points(dotGeometry, new THREE.PointsMaterial({ color: MEASURE_COLOR, size: 9, sizeAttenuation: false, depthTest: false, transparent: true }));
  for (const o of [line, ends]) {
    o.renderOrder = 10;
    o.frustumCulled = false;
  }
  return points.length > 1 ? [line, ends] : [ends];
}

function disposeObject(o: THREE.Object3D): void {
  if (o instanceof THREE.Line || o instanceof THREE.Points || o instanceof THREE.LineSegments) {
    o.geometry.dispose();
    (o.material as THREE.Material).dispose();
  }
}

export { SELECTION_TINTS };
