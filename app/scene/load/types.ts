// What the scene loader takes and gives. Inputs are bytes, never paths, so loading runs anywhere
// (host, worker, renderer); the caller reads the file or folder.
import type { LazDecoder } from '../../formats/las/laz';
import type { ScanData, UpAxis } from '../../formats/scan-data';
import type { BoxSceneData } from '../boxes/types';

/** One file, or one folder as relative path → bytes ('/' separated). */
export type SceneInput =
  /** `part`: one scene inside a multi-scene file (`meta.json#<scene>`, VSI-Bench meta). */
  | { kind: 'file'; name: string; bytes: Uint8Array; part?: string }
  | { kind: 'folder'; name: string; files: Record<string, Uint8Array> };

/** A reader's result in the loader's one shape: ScanData plus what only some formats carry. */
export interface LoadedScan extends ScanData {
  /** Superpoint (over-segment) id per point, e.g. ScanNet segs.json. */
  superpoints?: Int32Array;
  /** Faces as the file counts them (before triangulation); defaults to faces.length / 3. */
  faceCount?: number;
  /** Box-only scans: the boxes in the file's frame (toPointScene moves them with the points). */
  boxScene?: BoxSceneData;
}

export interface FormatReader {
  /** Format id as recorded in scenes.format, e.g. 'ply', 'scannet'. */
  id: string;
  /** For messages: "a PLY file". */
  description: string;
  kind: 'file' | 'folder';
  /** Lower-case file name endings that select this reader when no magic bytes decide. */
  extensions?: readonly string[];
  /** True when the bytes start like this format. */
  magic?(bytes: Uint8Array): boolean;
  /** True when a folder's relative paths look like this format. */
  folder?(paths: readonly string[]): boolean;
  read(input: SceneInput, context?: ReadContext): LoadedScan;
}

/** Decoders the host injects where app/ cannot load them itself (WASM read through Node's fs). */
export interface ReadContext {
  /** Reads LAZ; without it a LAZ file is a FormatError. */
  laz?: LazDecoder;
}

export interface ToSceneOptions {
  id: string;
  name: string;
  source: string;
  /** Overrides the format's default up axis (the axis that points up in the file). */
  upAxis?: UpAxis;
  /**
   * Let the scene take over the scan's arrays, rotating and recentring them in place, instead of
   * copying: for callers that own the scan and will not read it again (the import worker).
   */
  reuseBuffers?: boolean;
}

/** What `scenewright info <path>` prints, computed without touching the database. */
export interface SceneReport {
  format: string;
  pointCount: number;
  faceCount: number;
  superpointCount: number;
  instanceCount: number;
  /** Instance labels with how many instances carry each, most frequent first. */
  labels: { label: string; count: number }[];
  /** Bounds in the file's coordinates (after the up-axis rotation), float64. */
  bbox: { min: [number, number, number]; max: [number, number, number] };
  /** The whole-metre offset positions are stored relative to. */
  origin: [number, number, number];
  /** Up axis of the stored scene (always z: y-up data is rotated). */
  upAxis: UpAxis;
  /** Up axis the file was read with. */
  sourceUpAxis: UpAxis;
  /** Box-only scenes: the room as the source gives it (area m², centre in file coordinates) and the box count. */
  room?: { size: number; center: [number, number, number]; boxCount: number };
}
