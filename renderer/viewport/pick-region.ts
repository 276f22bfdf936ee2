// Which points can cover the pixels a pick reads. A point drawn at window x with sprite size s
// covers the read square [cx - r - ½, cx + r + ½] only if |x - cx| ≤ s/2 + r + ½. The shader's
// sprite is max(1, k / w) pixels (k = size · scale, w the clip w = view depth) in perspective and a
// constant s in orthographic views, so after multiplying by w > 0 the condition is linear in the
// point's position: four planes (left, right, bottom, top) bound every point that can reach the
// read pixels, however close to the camera it is. Culling chunk bounds against them is exact for
// the pick: the id pass then draws, with the full frame's projection, a subsequence of the full
// frame's points that holds every point that can land in the read square, in the same order.

/** a·x + b·y + c·z + d ≥ 0 inside. */
export type Plane = [number, number, number, number];

export interface ReachInput {
  /** Column-major 4×4 (three's Matrix4.elements) of projection · view · model: data frame → clip space. */
  clipFromData: ArrayLike<number>;
  /** Drawing-buffer size and the read pixel (origin bottom-left), with the read radius, in buffer pixels. */
  width: number;
  height: number;
  px: number;
  py: number;
  radius: number;
  /** Perspective: sprite pixels = max(1, spriteK / w). Orthographic: the constant sprite size in pixels. */
  ortho: boolean;
  spriteK: number;
}

/** Extra pixels of slack for GPU rounding. */
const SLACK_PX = 1;

export function reachPlanes(o: ReachInput): Plane[] {
  const m = o.clipFromData;
  const row = (i: number): Plane => [m[i]!, m[4 + i]!, m[8 + i]!, m[12 + i]!];
  const w = row(3);
  // Bound on (sprite half + read half-width) as A + B·w: perspective ½·max(1, k/w) ≤ k/(2w) + ½.
  const A = o.ortho ? 0 : o.spriteK / 2;
  const B = o.ortho ? Math.max(1, o.spriteK) / 2 + o.radius + 0.5 + SLACK_PX : 0.5 + o.radius + 0.5 + SLACK_PX;
  const planes: Plane[] = [];
  for (const [axis, size, p] of [[0, o.width, o.px], [1, o.height, o.py]] as const) {
    const c = row(axis);
    const centre = p + 0.5;
    // Window coordinate times w: (size/2)·c + (size/2)·w; the condition |that − centre·w| ≤ A + B·w.
    const half = size / 2;
    for (const sign of [1, -1]) {
      // A + B·w − sign·(half·c + (half − centre)·w) ≥ 0
      planes.push([0, 1, 2, 3].map((k) => (k === 3 ? A : 0) + B * w[k]! - sign * (half * c[k]! + (half - centre) * w[k]!)) as Plane);
    }
  }
  return planes;
}

/** False when the box (min xyz, max xyz at `boxes[at .. at + 5]`) lies wholly outside one plane. */
export function boxReaches(planes: readonly Plane[], boxes: ArrayLike<number>, at: number): boolean {
  for (const [a, b, c, d] of planes) {
    const x = a > 0 ? boxes[at + 3]! : boxes[at]!;
    const y = b > 0 ? boxes[at + 4]! : boxes[at + 1]!;
    const z = c > 0 ? boxes[at + 5]! : boxes[at + 2]!;
    if (a * x + b * y + c * z + d < 0) return false;
  }
  return true;
}
