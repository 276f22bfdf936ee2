// A generated scene of any size, made in the page (never sent over the bridge): a grid of rooms,
// each a floor, four walls and four box-shaped objects (the instances), with superpoints and a
// confidence per point so that every colour mode has data. Used to test and measure the viewer at
// scales the sample room cannot reach.
import type { PointArrays } from './lod-buffers';

export const ROOM_POINTS = 200_000;
export const ROOM_SIZE: [number, number, number] = [6, 5, 2.8];
const GAP = 1;
/** Objects per room; instance id = room * OBJECTS_PER_ROOM + k. */
export const OBJECTS_PER_ROOM = 4;
const OBJECTS: ReadonlyArray<{ at: [number, number]; size: [number, number, number] }> = [
  { at: [1.5, 1.5], size: [1.2, 0.8, 0.75] },
  { at: [4.3, 1.2], size: [0.9, 0.9, 0.9] },
  { at: [4.5, 3.8], size: [1.8, 0.9, 0.5] },
  { at: [1.4, 3.9], size: [0.6, 0.6, 1.6] },
];

export function syntheticRoomCount(points: number): number {
  return Math.max(1, Math.ceil(points / ROOM_POINTS));
}

export function generateSyntheticScene(count: number, seed = 7): PointArrays {
  const n = Math.max(0, Math.floor(count));
  const positions = new Float32Array(n * 3);
  const colors = new Uint8Array(n * 3);
  const instanceIds = new Int32Array(n);
  const superpointIds = new Int32Array(n);
  const confidence = new Float32Array(n);
  const rooms = syntheticRoomCount(n);
  const cols = Math.ceil(Math.sqrt(rooms));
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const [W, D, H] = ROOM_SIZE;
  for (let i = 0; i < n; i++) {
    const room = i % rooms;
    const ox = (room % cols) * (W + GAP);
    const oy = Math.floor(room / cols) * (D + GAP);
    const kind = rand();
    let x: number, y: number, z: number, r: number, g: number, b: number, id = -1;
    if (kind < 0.4) {
      x = rand() * W; y = rand() * D; z = 0;
      const v = 120 + rand() * 30;
      [r, g, b] = [v, v * 0.8, v * 0.6];
    } else if (kind < 0.75) {
      const w = rand() * (2 * W + 2 * D);
      z = rand() * H;
      if (w < W) { x = w; y = 0; } else if (w < W + D) { x = W; y = w - W; } else if (w < 2 * W + D) { x = w - W - D; y = D; } else { x = 0; y = w - 2 * W - D; }
      const v = 190 + rand() * 25;
      [r, g, b] = [v, v * 0.97, v * 0.9];
    } else {
      const k = Math.floor(rand() * OBJECTS_PER_ROOM);
      const o = OBJECTS[k]!;
      id = room * OBJECTS_PER_ROOM + k;
      const [sx, sy, sz] = o.size;
      const face = Math.floor(rand() * 5);
      const u = rand();
      const v = rand();
      // top, then the four sides
      if (face === 0) { x = (u - 0.5) * sx; y = (v - 0.5) * sy; z = sz; }
      else if (face === 1) { x = -sx / 2; y = (u - 0.5) * sy; z = v * sz; }
      else if (face === 2) { x = sx / 2; y = (u - 0.5) * sy; z = v * sz; }
      else if (face === 3) { x = (u - 0.5) * sx; y = -sy / 2; z = v * sz; }
      else { x = (u - 0.5) * sx; y = sy / 2; z = v * sz; }
      x += o.at[0]; y += o.at[1];
      const hue = [[200, 80, 60], [70, 130, 200], [90, 170, 90], [200, 170, 60]][k]!;
      [r, g, b] = hue as [number, number, number];
    }
    positions[i * 3] = ox + x;
    positions[i * 3 + 1] = oy + y;
    positions[i * 3 + 2] = z;
    colors[i * 3] = r;
    colors[i * 3 + 1] = g;
    colors[i * 3 + 2] = b;
    instanceIds[i] = id;
    // Superpoints: 0.5 m cells per surface, like an over-segmentation.
    superpointIds[i] = (((Math.floor((ox + x) * 2) * 73856093) ^ (Math.floor((oy + y) * 2) * 19349663) ^ (Math.floor(z * 2) * 83492791) ^ (id + 1)) >>> 0) % 1_000_000;
    confidence[i] = id < 0 ? 0.5 + 0.5 * rand() : 0.3 + 0.7 * ((k2(id) + rand() * 0.2) % 1);
  }
  return { positions, colors, instanceIds, superpointIds, confidence };
}

const k2 = (id: number) => ((id * 0.618034) % 1);
