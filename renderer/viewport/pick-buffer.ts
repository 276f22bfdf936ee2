// Offscreen id-buffer: every drawn point writes its own index (see point-materials.ts), read back
// at a pixel. The viewport maps an index to its instance, position and so on.
import * as THREE from 'three';
import { decodeIndexPixel } from './id-encoding';

export class PickBuffer {
  private readonly target = new THREE.WebGLRenderTarget(1, 1, {
    type: THREE.UnsignedByteType,
    format: THREE.RGBAFormat,
    minFilter: THREE.NearestFilter,
    magFilter: THREE.NearestFilter,
    depthBuffer: true,
    samples: 0,
  });
  private readonly clear = new THREE.Color(0, 0, 0);

  get width(): number {
    return this.target.width;
  }
  get height(): number {
    return this.target.height;
  }

  /**
   * Draws `scene` into the id target at `size` (default: the renderer's drawing-buffer size);
   * with `scissor` only that rectangle (target pixels, origin bottom-left) is cleared and drawn.
   */
  render(renderer: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.Camera, size = renderer.getDrawingBufferSize(new THREE.Vector2()), scissor?: { x: number; y: number; width: number; height: number }): void {
    if (size.x !== this.target.width || size.y !== this.target.height) this.target.setSize(size.x, size.y);
    this.target.scissorTest = !!scissor;
    if (scissor) this.target.scissor.set(scissor.x, scissor.y, scissor.width, scissor.height);
    const previousTarget = renderer.getRenderTarget();
    const previousClear = renderer.getClearColor(new THREE.Color());
    const previousAlpha = renderer.getClearAlpha();
    renderer.setRenderTarget(this.target);
    renderer.setClearColor(this.clear, 0);
    renderer.clear(true, true, true);
    renderer.render(scene, camera);
    renderer.setRenderTarget(previousTarget);
    renderer.setClearColor(previousClear, previousAlpha);
  }

  /**
   * The point index at buffer pixel (x, y) (origin bottom-left); if that pixel is empty, the index
   * at the nearest drawn pixel within `radius`, so a click in a gap between points still hits.
   */
  readNear(renderer: THREE.WebGLRenderer, x: number, y: number, radius: number): number | null {
    const x0 = Math.max(0, x - radius);
    const y0 = Math.max(0, y - radius);
    const x1 = Math.min(this.target.width - 1, x + radius);
    const y1 = Math.min(this.target.height - 1, y + radius);
    if (x1 < x0 || y1 < y0) return null;
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    const pixels = new Uint8Array(w * h * 4);
    renderer.readRenderTargetPixels(this.target, x0, y0, w, h, pixels);
    let best: number | null = null;
    let bestD = Infinity;
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        const o = (j * w + i) * 4;
        const index = decodeIndexPixel(pixels[o]!, pixels[o + 1]!, pixels[o + 2]!, pixels[o + 3]!);
        if (index === null) continue;
        const d = (x0 + i - x) ** 2 + (y0 + j - y) ** 2;
        if (d < bestD) {
          bestD = d;
          best = index;
        }
      }
    }
    return best;
  }

  /** The whole image, one point index per pixel (background → EMPTY_PIXEL), rows bottom-up. */
  readAll(renderer: THREE.WebGLRenderer): Float64Array {
    const { width, height } = this.target;
    const pixels = new Uint8Array(width * height * 4);
    renderer.readRenderTargetPixels(this.target, 0, 0, width, height, pixels);
    const out = new Float64Array(width * height);
    for (let p = 0; p < out.length; p++) {
      const index = decodeIndexPixel(pixels[p * 4]!, pixels[p * 4 + 1]!, pixels[p * 4 + 2]!, pixels[p * 4 + 3]!);
      out[p] = index === null ? EMPTY_PIXEL : index;
    }
    return out;
  }

  dispose(): void {
    this.target.dispose();
  }
}

export const EMPTY_PIXEL = -2;
