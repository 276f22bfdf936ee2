export { DEFAULT_K_THRESH, DEFAULT_SEG_MIN_VERTS, segmentMesh, type SegmentMeshOptions } from './mesh-segmentator';
export { parseSegsJson, writeSegsJson, type ParsedSegsJson, type SegsJson } from './segs-json';
export { partitionAgreement, type PartitionAgreement } from './partition-agreement';
export { pointSuperpoints, POINT_SUPERPOINT_DEFAULTS, type PointSuperpointOptions, type PointSuperpoints } from './point-superpoints';
export { knnGraph, type KnnGraph } from './knn';
export {
  adjacencyFromFaces,
  adjacencyFromKnn,
  featureColumn,
  FEATURE_COUNT,
  FEATURE_LAYOUT_VERSION,
  SUPERPOINT_FEATURES,
  superpointFeatures,
  type Adjacency,
  type SuperpointFeatures,
} from './features';
export { sceneSuperpointFeatures, sceneSuperpoints, type SceneSuperpoints, type SuperpointSource } from './scene-superpoints';
export { geometricInstances, pointInstances, promptMask, type GeometricInstance, type GeometricSegmentation } from './geometric-instances';
export { instancesFromLogits, type ModelInstance } from './model-instances';
export { SCANNET20, scannet20FromNyu40 } from './scannet20';
export { instancesFromAffinity, DEFAULT_AFFINITY_THRESHOLD, type AffinityInput } from './affinity-instances';
export { superpointNeighbours, MODEL_NEIGHBOURS } from './superpoint-neighbours';
export { trainingSample, type TrainingSample } from './training-sample';
