import type { PlyData } from '../ply/types';

/** The files of one ScanNet scene folder, already read by the caller (bytes for PLYs, text for JSON/TSV). */
export interface ScanNetFiles {
  /** `<scene>_vh_clean_2.ply` */
  mesh: Uint8Array;
  /** `<scene>_vh_clean_2.0.010000.segs.json` */
  segs?: string;
  /** `<scene>.aggregation.json` (or `_vh_clean.aggregation.json`) */
  aggregation?: string;
  /** `<scene>_vh_clean_2.labels.ply` */
  labelsPly?: Uint8Array;
  /** `scannetv2-labels.combined.tsv` */
  labelTable?: string;
  /** Row-major 4×4 from `<scene>.txt` or scans_axis_alignment_matrices.json. */
  axisAlignment?: number[];
}

export interface ScanNetReadOptions {
  sceneId: string;
  /**
   * What the labels.ply `label` values are: raw ScanNet category ids (older scenes, e.g. scene0000_00)
   * or nyu40 ids (e.g. scene0470_00). Default 'raw'.
   */
  labelIds?: 'raw' | 'nyu40';
}

export interface LabelRow {
  id: number;
  rawCategory: string;
  category: string;
  nyu40id: number;
  nyu40class: string;
}

export interface LabelTable {
  rows: LabelRow[];
  byId: Map<number, LabelRow>;
  byRawCategory: Map<string, LabelRow>;
}

export interface ScanNetInstance {
  /** The aggregation's objectId; the value used in instanceIds. */
  id: number;
  /** Raw category as annotated (e.g. "kitchen cabinets"). */
  label: string;
  /** nyu40 id of the label, when a label table was given and lists it. */
  nyu40id?: number;
  segments: number[];
  /** Vertices assigned to this instance. */
  pointCount: number;
}

export interface ScanNetSemantic {
  /** Raw ScanNet category ids per vertex (when labels.ply holds raw ids). */
  rawIds?: Int32Array;
  /** nyu40 ids per vertex (0 = unannotated): read directly, or mapped from raw ids through the label table. */
  nyu40?: Int32Array;
}

export interface ScanNetScene {
  sceneId: string;
  /** The mesh; positions (and normals) already axis-aligned when a matrix was given. */
  mesh: PlyData;
  segIndices?: Int32Array;
  instances: ScanNetInstance[];
  /** One per vertex; -1 where no instance. */
  instanceIds: Int32Array;
  semantic?: ScanNetSemantic;
  labelTable?: LabelTable;
  axisAlignment?: number[];
}
