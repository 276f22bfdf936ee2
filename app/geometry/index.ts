export { KdTree, type NearestHit } from './kdtree';
export { boundsOf, bruteForceClosestPair, closestPointPair, distanceSqToBox, type Aabb, type ClosestPair } from './closest-pair';
