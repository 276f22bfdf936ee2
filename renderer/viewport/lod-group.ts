// Keeps only the drawn octree nodes in the three.js scene graph. three walks every child of the
// scene each frame (matrix updates, render-list building), so with every node attached a 50M-point
// scan costs thousands of object visits per frame for nodes that are never drawn; with only the
// chosen nodes attached, frame CPU follows the point budget, not the scan size.
import type * as THREE from 'three';

/**
 * Makes `group`'s children exactly `objects[k]` for k in `drawn` (in that order). Objects must
 * belong to no other parent, have matrixAutoUpdate off and their matrixWorld set once (the group
 * never moves relative to its parent after a scene is installed). Returns false when unchanged.
 */
export function setDrawnChildren(group: THREE.Object3D, objects: readonly THREE.Object3D[], drawn: readonly number[]): boolean {
  const children = group.children;
  if (children.length === drawn.length && drawn.every((k, i) => children[i] === objects[k])) return false;
  // Direct list edits: Object3D.remove is a linear search per child (quadratic for a whole swap),
  // and nothing listens to added/removed events on point nodes.
  for (const o of children) o.parent = null;
  children.length = 0;
  for (const k of drawn) {
    const o = objects[k]!;
    o.parent = group;
    children.push(o);
  }
  return true;
}

/** The inputs of the last LOD choice, so an unchanged view skips the traversal (and picks reuse it). */
export class LodInputs {
  private last: number[] | null = null;

  /** True when `inputs` equal the previous call's (and records them). */
  unchanged(inputs: number[]): boolean {
    const prev = this.last;
    this.last = inputs;
    return !!prev && prev.length === inputs.length && prev.every((v, i) => v === inputs[i]);
  }

  invalidate(): void {
    this.last = null;
  }
}
