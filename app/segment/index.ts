export { DEFAULT_K_THRESH, DEFAULT_SEG_MIN_VERTS, segmentMesh, type SegmentMeshOptions } from './mesh-segmentator';
export { parseSegsJson, writeSegsJson, type ParsedSegsJson, type SegsJson } from './segs-json';
export { partitionAgreement, type PartitionAgreement } from './partition-agreement';
