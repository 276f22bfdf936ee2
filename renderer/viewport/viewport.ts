// The three.js viewport as an imperative engine with a narrow API. React owns a canvas and calls
// these methods; no three.js object ever leaves this folder.
import * as THREE from 'three';
import { computeDisplayColors, SELECTION_TINTS, type ColorMode } from './colors';
import { encodePickColors } from './id-encoding';
import { OrbitController } from './orbit-controller';
import { OverlayLabels, type OverlayLabel } from './overlay-labels';
import { PickBuffer } from './pick-buffer';
import { createPointMaterial, createPointUniforms } from './point-materials';
import { pointSizeFor } from './point-size';

export type Vec3 = [number, number, number];

export interface PointBuffers {
  /** xyz interleaved, metres. */
  positions: Float32Array;
  /** rgb interleaved, 0..255 (sRGB). */
  colors: Uint8Array;
  /** One per point; -1 where unassigned. */
  instanceIds: Int32Array;
}

export interface Measurement {
  pointA: Vec3;
  pointB: Vec3;
  distance: number;
}

export interface ViewportOptions {
  /** Called for a click (not a drag) on the canvas with the instance id under it, or null. */
  onPick?: (id: number | null, clientX: number, clientY: number) => void;
}

/** Pixels (CSS) around the cursor searched when the exact pixel falls between points. */
const PICK_RADIUS_CSS_PX = 3;
const BACKGROUND = 0x15171b;

export class Viewport {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly pickScene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(50, 1, 0.01, 1000);
  private readonly content = new THREE.Group();
  private readonly pickContent = new THREE.Group();
  private readonly uniforms = createPointUniforms();
  private readonly displayMaterial = createPointMaterial(this.uniforms);
  private readonly pickMaterial = createPointMaterial(this.uniforms);
  private readonly pickBuffer = new PickBuffer();
  private readonly overlay: OverlayLabels;
  private readonly controls: OrbitController;
  private readonly resizeObserver: ResizeObserver;

  private buffers: PointBuffers | null = null;
  private displayGeometry: THREE.BufferGeometry | null = null;
  private pickGeometry: THREE.BufferGeometry | null = null;
  private displayColors: Uint8Array | null = null;
  private centroids = new Map<number, THREE.Vector3>();
  private colorMode: ColorMode = 'rgb';
  private selection: number[] = [];
  private tags: string[] = [];
  private measurement: Measurement | null = null;
  private measurementObjects: THREE.Object3D[] = [];
  private frame = 0;
  private disposed = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly options: ViewportOptions = {},
  ) {
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: false, preserveDrawingBuffer: false });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.setClearColor(BACKGROUND, 1);
    this.camera.up.set(0, 0, 1);
    this.scene.add(this.content);
    this.pickScene.add(this.pickContent);
    this.overlay = new OverlayLabels(canvas.parentElement ?? document.body);
    this.controls = new OrbitController(
      this.camera,
      canvas,
      () => this.requestRender(),
      (x, y) => this.options.onPick?.(this.pick(x, y), x, y),
    );
    this.resizeObserver = new ResizeObserver(() => this.requestRender());
    this.resizeObserver.observe(canvas);
  }

  get pointCount(): number {
    return this.buffers ? this.buffers.instanceIds.length : 0;
  }

  setPoints(buffers: PointBuffers, upAxis: 'z' | 'y' = 'z'): void {
    this.clearPoints();
    const n = buffers.instanceIds.length;
    if (buffers.positions.length !== n * 3 || buffers.colors.length !== n * 3) {
      throw new Error(`viewport: buffers disagree (${buffers.positions.length / 3} positions, ${buffers.colors.length / 3} colours, ${n} ids)`);
    }
    this.buffers = buffers;
    // y-up data is turned so that its up becomes +z, the viewer's convention.
    const rotation = upAxis === 'y' ? Math.PI / 2 : 0;
    this.content.rotation.set(rotation, 0, 0);
    this.pickContent.rotation.set(rotation, 0, 0);

    const position = new THREE.BufferAttribute(buffers.positions, 3);
    this.displayColors = new Uint8Array(n * 3);
    this.displayGeometry = new THREE.BufferGeometry();
    this.displayGeometry.setAttribute('position', position);
    this.displayGeometry.setAttribute('aColor', new THREE.BufferAttribute(this.displayColors, 3, true));
    this.displayGeometry.computeBoundingSphere();
    this.displayGeometry.computeBoundingBox();
    this.pickGeometry = new THREE.BufferGeometry();
    this.pickGeometry.setAttribute('position', position);
    this.pickGeometry.setAttribute('aColor', new THREE.BufferAttribute(encodePickColors(buffers.instanceIds), 3, true));
    this.pickGeometry.boundingSphere = this.displayGeometry.boundingSphere;

    this.content.add(new THREE.Points(this.displayGeometry, this.displayMaterial));
    this.pickContent.add(new THREE.Points(this.pickGeometry, this.pickMaterial));
    this.centroids = computeCentroids(buffers);
    this.uniforms.uSize.value = pointSizeFor(this.displayGeometry.boundingBox!, n);
    this.refreshColors();
    this.refreshOverlay();
  }

  setColorMode(mode: ColorMode): void {
    this.colorMode = mode;
    this.refreshColors();
  }

  /** Highlights `ids` (first = A, second = B); `tags` are the labels shown next to them. */
  setSelection(ids: number[], tags: string[] = []): void {
    this.selection = [...ids];
    this.tags = [...tags];
    this.refreshColors();
    this.refreshOverlay();
  }

  setMeasurement(measurement: Measurement | null): void {
    for (const o of this.measurementObjects) {
      this.content.remove(o);
      disposeObject(o);
    }
    this.measurementObjects = [];
    this.measurement = measurement;
    if (measurement) {
      const geometry = new THREE.BufferGeometry().setFromPoints([
        new THREE.Vector3(...measurement.pointA),
        new THREE.Vector3(...measurement.pointB),
      ]);
      const line = new THREE.Line(geometry, new THREE.LineBasicMaterial({ color: 0xffe14d, depthTest: false, transparent: true }));
      const ends = new THREE.Points(
        geometry,
        new THREE.PointsMaterial({ color: 0xffe14d, size: 9, sizeAttenuation: false, depthTest: false, transparent: true }),
      );
      for (const o of [line, ends]) {
        o.renderOrder = 10;
        o.frustumCulled = false;
        this.content.add(o);
        this.measurementObjects.push(o);
      }
    }
    this.refreshOverlay();
  }

  /** Instance id under a client-space point (exact, from the GPU id buffer); null over background. */
  pick(clientX: number, clientY: number): number | null {
    if (!this.buffers) return null;
    this.renderPick();
    const px = this.toBufferPixel(clientX, clientY);
    if (!px) return null;
    const radius = Math.max(1, Math.round(PICK_RADIUS_CSS_PX * this.renderer.getPixelRatio()));
    return this.pickBuffer.readNear(this.renderer, px.x, px.y, radius);
  }

  /**
   * Client-space position of a visible pixel of instance `id`, near its projected centroid and
   * well inside its footprint, so that a click there picks `id` back. Null if nothing is visible.
   */
  projectInstance(id: number): { x: number; y: number } | null {
    if (!this.buffers) return null;
    this.renderPick();
    const ids = this.pickBuffer.readAll(this.renderer);
    const w = this.pickBuffer.width;
    const h = this.pickBuffer.height;
    const centre = this.centroids.get(id);
    let cx = w / 2;
    let cy = h / 2;
    if (centre) {
      const p = centre.clone().applyMatrix4(this.content.matrixWorld).project(this.camera);
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

  fitToScene(): void {
    const geometry = this.displayGeometry;
    if (!geometry?.boundingBox) return;
    this.content.updateMatrixWorld();
    const box = geometry.boundingBox.clone().applyMatrix4(this.content.matrixWorld);
    const sphere = box.getBoundingSphere(new THREE.Sphere());
    const vFov = THREE.MathUtils.degToRad(this.camera.fov);
    const hFov = 2 * Math.atan(Math.tan(vFov / 2) * this.camera.aspect);
    const fov = Math.min(vFov, hFov);
    this.controls.target.copy(sphere.center);
    this.controls.radius = sphere.radius / Math.sin(fov / 2);
    this.controls.maxRadius = Math.max(50, sphere.radius * 20);
    this.controls.azimuth = -Math.PI / 2 - 0.35;
    this.controls.polar = 0.85;
    this.controls.apply();
  }

  /** Draws now (not on the next animation frame); used before reporting "ready". */
  renderNow(): void {
    if (this.disposed) return;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.syncSize();
    this.renderer.render(this.scene, this.camera);
    this.overlay.update(this.camera, this.content.matrixWorld, this.canvas.clientWidth, this.canvas.clientHeight);
  }

  requestRender(): void {
    if (this.disposed || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderNow();
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.controls.dispose();
    this.setMeasurement(null);
    this.clearPoints();
    this.overlay.dispose();
    this.pickBuffer.dispose();
    this.displayMaterial.dispose();
    this.pickMaterial.dispose();
    this.renderer.dispose();
  }

  private clearPoints(): void {
    this.content.children.filter((c) => c instanceof THREE.Points && c.material === this.displayMaterial).forEach((c) => this.content.remove(c));
    this.pickContent.clear();
    this.displayGeometry?.dispose();
    this.pickGeometry?.dispose();
    this.displayGeometry = null;
    this.pickGeometry = null;
    this.buffers = null;
    this.centroids = new Map();
  }

  private refreshColors(): void {
    if (!this.buffers || !this.displayColors || !this.displayGeometry) return;
    computeDisplayColors(this.buffers.colors, this.buffers.instanceIds, this.colorMode, this.selection, this.displayColors);
    this.displayGeometry.getAttribute('aColor').needsUpdate = true;
    this.requestRender();
  }

  private refreshOverlay(): void {
    const labels: OverlayLabel[] = [];
    this.selection.forEach((id, i) => {
      const at = this.centroids.get(id);
      const text = this.tags[i];
      if (!at || !text) return;
      labels.push({ text, at, className: `sw-vp-tag sw-vp-tag-${i === 0 ? 'a' : 'b'}`, testId: `viewport-tag-${i === 0 ? 'a' : 'b'}` });
    });
    const m = this.measurement;
    if (m) {
      const mid = new THREE.Vector3(...m.pointA).add(new THREE.Vector3(...m.pointB)).multiplyScalar(0.5);
      labels.push({ text: `${m.distance.toFixed(2)} m`, at: mid, className: 'sw-vp-measure', testId: 'viewport-measure-label' });
    }
    this.overlay.set(labels);
    this.requestRender();
  }

  private syncSize(): void {
    const width = Math.max(1, this.canvas.clientWidth);
    const height = Math.max(1, this.canvas.clientHeight);
    const size = this.renderer.getSize(new THREE.Vector2());
    if (size.x !== width || size.y !== height) {
      this.renderer.setSize(width, height, false);
      this.camera.aspect = width / height;
      this.camera.updateProjectionMatrix();
    }
    this.uniforms.uScale.value = this.renderer.getDrawingBufferSize(new THREE.Vector2()).y / 2;
  }

  private renderPick(): void {
    this.syncSize();
    this.scene.updateMatrixWorld();
    this.pickScene.updateMatrixWorld();
    this.pickBuffer.render(this.renderer, this.pickScene, this.camera);
  }

  /** Client coordinates → id-buffer pixel (origin bottom-left), or null outside the canvas. */
  private toBufferPixel(clientX: number, clientY: number): { x: number; y: number } | null {
    const rect = this.canvas.getBoundingClientRect();
    const u = (clientX - rect.left) / rect.width;
    const v = (clientY - rect.top) / rect.height;
    if (!(u >= 0 && u < 1 && v >= 0 && v < 1)) return null;
    const w = this.pickBuffer.width;
    const h = this.pickBuffer.height;
    return { x: Math.floor(u * w), y: h - 1 - Math.floor(v * h) };
  }
}

function computeCentroids({ positions, instanceIds }: PointBuffers): Map<number, THREE.Vector3> {
  const sums = new Map<number, [number, number, number, number]>();
  for (let i = 0; i < instanceIds.length; i++) {
    const id = instanceIds[i]!;
    if (id < 0) continue;
    let s = sums.get(id);
    if (!s) sums.set(id, (s = [0, 0, 0, 0]));
    s[0] += positions[i * 3]!;
    s[1] += positions[i * 3 + 1]!;
    s[2] += positions[i * 3 + 2]!;
    s[3]++;
  }
  const out = new Map<number, THREE.Vector3>();
  for (const [id, s] of sums) out.set(id, new THREE.Vector3(s[0] / s[3], s[1] / s[3], s[2] / s[3]));
  return out;
}

function disposeObject(o: THREE.Object3D): void {
  if (o instanceof THREE.Line || o instanceof THREE.Points) {
    o.geometry.dispose();
    (o.material as THREE.Material).dispose();
  }
}

export { SELECTION_TINTS, type ColorMode };
