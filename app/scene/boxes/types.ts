// Box-only scenes: rooms known only as labelled oriented boxes (VSI-Bench meta data). The scene's
// points are synthetic samples on the box surfaces (so drawing, picking and selection work like any
// scan); the boxes themselves are the truth every measurement uses.
import type { Vec3 } from '../types';

export interface SceneBox {
  /** The instance this box is (its surface samples carry this id). */
  instanceId: number;
  label: string;
  /** Scene frame (relative to the scene origin, like positions), metres, z up. */
  center: Vec3;
  /** Three orthonormal axes; side `size[i]` runs along `axes[i]` (full lengths). */
  axes: [Vec3, Vec3, Vec3];
  size: Vec3;
}

export interface BoxSceneData {
  boxes: SceneBox[];
  /** Floor area in m² as the source gives it (VSI-Bench: alpha shape of the original scan). */
  roomSize: number;
  /** Room centre in the scene frame. */
  roomCenter: Vec3;
  /** Spacing of the surface samples, metres (they are for display and picking only). */
  sampleSpacing: number;
}
