// A small camera controller for z-up scenes, in three modes over one state (target, radius, angles):
// - orbit: left-drag rotates around the target, right-drag or shift+left-drag pans, the wheel zooms;
// - fly: left-drag looks around from where the camera stands (WASD moves: see fly-keys.ts);
// - top: looking straight down (the viewport draws it orthographic); left-drag pans, right-drag turns.
// A press that moves less than CLICK_SLOP_PX is a click.
import * as THREE from 'three';
import { offsetFor } from './viewpoint';

export type CameraMode = 'orbit' | 'fly' | 'top';

export const CLICK_SLOP_PX = 4;
const ROTATE_PER_PX = 0.006;
export const MIN_POLAR = 0.02;
const MAX_POLAR = Math.PI - 0.02;

type DragMode = 'rotate' | 'pan' | 'turn';

interface Press {
  pointerId: number;
  mode: DragMode;
  startX: number;
  startY: number;
  lastX: number;
  lastY: number;
  dragging: boolean;
}

export class OrbitController {
  readonly target = new THREE.Vector3();
  /** Distance from target to camera. */
  radius = 5;
  /** Angle around +z, radians (0 looks from +x). */
  azimuth = -Math.PI / 2;
  /** Angle from +z, radians. */
  polar = Math.PI / 3;
  minRadius = 0.05;
  maxRadius = 500;
  mode: CameraMode = 'orbit';

  private press: Press | null = null;
  private readonly disposers: Array<() => void> = [];

  constructor(
    private readonly camera: THREE.PerspectiveCamera,
    private readonly element: HTMLElement,
    private readonly onChange: () => void,
    /** A press and release without a drag; `shift`: Shift was held (a shift-drag pans instead); `toggle`: Ctrl or ⌘ was held. */
    private readonly onClick: (clientX: number, clientY: number, shift: boolean, toggle: boolean) => void,
  ) {
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      element.addEventListener(type, fn, opts);
      this.disposers.push(() => element.removeEventListener(type, fn, opts));
    };
    on('pointerdown', (e) => this.down(e));
    on('pointermove', (e) => this.pointerMove(e));
    on('pointerup', (e) => this.up(e));
    on('pointercancel', () => (this.press = null));
    on('wheel', (e) => this.wheel(e), { passive: false });
    on('contextmenu', (e) => e.preventDefault());
    this.apply();
  }

  /** Places the camera from target/radius/angles. */
  apply(): void {
    if (this.mode === 'top') this.polar = MIN_POLAR;
    const offset = new THREE.Vector3(...offsetFor(this.azimuth, this.polar));
    this.camera.position.copy(this.target).addScaledVector(offset, this.radius);
    this.camera.up.set(0, 0, 1);
    this.camera.lookAt(this.target);
    this.camera.near = Math.max(0.005, this.radius / 2000);
    this.camera.far = Math.max(100, this.radius * 20);
    this.camera.updateProjectionMatrix();
    this.onChange();
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
  }

  private down(e: PointerEvent): void {
    if (this.press) return;
    const secondary = e.button === 2 || e.button === 1 || (e.button === 0 && e.shiftKey);
    if (e.button !== 0 && !secondary) return;
    const mode: DragMode = this.mode === 'top' ? (secondary ? 'turn' : 'pan') : secondary ? 'pan' : 'rotate';
    this.press = {
      pointerId: e.pointerId,
      mode,
      startX: e.clientX,
      startY: e.clientY,
      lastX: e.clientX,
      lastY: e.clientY,
      dragging: false,
    };
    try {
      this.element.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic events (tests) may carry an id the browser does not track.
    }
  }

  private pointerMove(e: PointerEvent): void {
    const p = this.press;
    if (!p || p.pointerId !== e.pointerId) return;
    if (!p.dragging && Math.hypot(e.clientX - p.startX, e.clientY - p.startY) >= CLICK_SLOP_PX) p.dragging = true;
    if (!p.dragging) return;
    const dx = e.clientX - p.lastX;
    const dy = e.clientY - p.lastY;
    p.lastX = e.clientX;
    p.lastY = e.clientY;
    if (p.mode === 'rotate' && this.mode === 'fly') {
      // Look around: the camera stays put and the target swings around it.
      const eye = this.camera.position.clone();
      this.azimuth -= dx * ROTATE_PER_PX;
      this.polar = Math.min(MAX_POLAR, Math.max(MIN_POLAR, this.polar - dy * ROTATE_PER_PX));
      this.target.copy(eye).addScaledVector(new THREE.Vector3(...offsetFor(this.azimuth, this.polar)), -this.radius);
    } else if (p.mode === 'rotate') {
      this.azimuth -= dx * ROTATE_PER_PX;
      this.polar = Math.min(MAX_POLAR, Math.max(MIN_POLAR, this.polar - dy * ROTATE_PER_PX));
    } else if (p.mode === 'turn') {
      this.azimuth -= dx * ROTATE_PER_PX;
    } else {
      this.pan(dx, dy);
    }
    this.apply();
  }

  private up(e: PointerEvent): void {
    const p = this.press;
    if (!p || p.pointerId !== e.pointerId) return;
    this.press = null;
    if (this.element.hasPointerCapture?.(e.pointerId)) this.element.releasePointerCapture(e.pointerId);
    if (!p.dragging && e.button === 0) this.onClick(e.clientX, e.clientY, e.shiftKey, e.ctrlKey || e.metaKey);
  }

  /** Moves camera and target together, in metres along the view's forward / right / world up. */
  move(forward: number, right: number, up: number): void {
    const f = new THREE.Vector3();
    this.camera.getWorldDirection(f);
    const r = new THREE.Vector3().setFromMatrixColumn(this.camera.matrixWorld, 0);
    this.target.addScaledVector(f, forward).addScaledVector(r, right);
    this.target.z += up;
    this.apply();
  }

  /** Moves the target in the view plane so the scene follows the cursor at the target's depth. */
  private pan(dx: number, dy: number): void {
    const height = this.element.clientHeight || 1;
    const metresPerPx = (2 * this.radius * Math.tan(THREE.MathUtils.degToRad(this.camera.fov) / 2)) / height;
    const right = new THREE.Vector3().setFromMatrixColumn(this.camera.matrixWorld, 0);
    const up = new THREE.Vector3().setFromMatrixColumn(this.camera.matrixWorld, 1);
    this.target.addScaledVector(right, -dx * metresPerPx).addScaledVector(up, dy * metresPerPx);
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    if (this.mode === 'fly') {
      // Flying, the wheel moves forward and back rather than towards a target.
      this.move(-delta * 0.002 * this.radius, 0, 0);
      return;
    }
    this.radius = Math.min(this.maxRadius, Math.max(this.minRadius, this.radius * Math.exp(delta * 0.001)));
    this.apply();
  }
}
