// The in-memory scene every layer works with. Positions are float32 relative to `origin`
// (a float64 recentring offset), so large survey coordinates keep their precision.
import type { BoxSceneData } from './boxes/types';

export type Vec3 = [number, number, number];

export interface SceneInstance {
  /** Stable id within the scene; matches values in `instanceIds`. */
  id: number;
  label: string;
}

export interface PointScene {
  id: string;
  name: string;
  source: string;
  format: string;
  upAxis: 'z' | 'y';
  origin: Vec3;
  /** xyz interleaved, metres, relative to origin. */
  positions: Float32Array;
  /** rgb interleaved, 0..255. */
  colors: Uint8Array;
  normals?: Float32Array;
  /** One per point; -1 where no instance. */
  instanceIds: Int32Array;
  instances: SceneInstance[];
  /** Present for box-only scenes (VSI-Bench meta): the points are samples on these boxes' surfaces. */
  boxScene?: BoxSceneData;
}
