// Node transforms: each node's world matrix is its parents' matrices times its own (matrix, or
// translation × rotation × scale), visited from the scene's root nodes.
import type { Json, JsonFields } from './json';
import type { Mat4 } from './types';

const MAX_VISITS = 1_000_000;

export interface MeshNode {
  node: number;
  mesh: number;
  name: string;
  world: Mat4;
}

export function meshNodes(json: Json, f: JsonFields): MeshNode[] {
  const nodes = json.nodes === undefined ? [] : f.array(json.nodes, 'nodes');
  const roots = sceneRoots(json, f, nodes.length);
  const out: MeshNode[] = [];
  const onPath = new Uint8Array(nodes.length);
  let visits = 0;
  const visit = (i: number, parent: Mat4, path: string) => {
    // A node may be shared by several parents; bound the walk so a crafted graph cannot explode it.
    if (++visits > MAX_VISITS) f.fail(path, `to be part of a node graph with at most ${MAX_VISITS} node instances`);
    if (i >= nodes.length) f.fail(path, `to index nodes (${nodes.length} entries), found ${i}`);
    if (onPath[i]) f.fail(path, `not to make node ${i} its own ancestor`);
    onPath[i] = 1;
    const node = f.object(nodes[i], `nodes[${i}]`);
    const world = multiply(parent, localMatrix(node, f, `nodes[${i}]`));
    if (node.mesh !== undefined) {
      const mesh = f.index(node.mesh, `nodes[${i}].mesh`);
      const name = typeof node.name === 'string' && node.name ? node.name : `node_${i}`;
      out.push({ node: i, mesh, name, world });
    }
    if (node.children !== undefined) {
      f.array(node.children, `nodes[${i}].children`).forEach((c, k) => visit(f.index(c, `nodes[${i}].children[${k}]`), world, `nodes[${i}].children[${k}]`));
    }
    onPath[i] = 0;
  };
  roots.forEach((r, k) => visit(r, identity(), `scene node ${k}`));
  return out;
}

/** The default scene's nodes; without scenes, every node that is nobody's child. */
function sceneRoots(json: Json, f: JsonFields, nodeCount: number): number[] {
  if (json.scenes !== undefined) {
    const scenes = f.array(json.scenes, 'scenes');
    if (scenes.length) {
      const s = f.optIndex(json, 'scene', '', 0);
      if (s >= scenes.length) f.fail('scene', `to index scenes (${scenes.length} entries), found ${s}`);
      const scene = f.object(scenes[s], `scenes[${s}]`);
      return scene.nodes === undefined ? [] : f.array(scene.nodes, `scenes[${s}].nodes`).map((n, k) => f.index(n, `scenes[${s}].nodes[${k}]`));
    }
  }
  const child = new Uint8Array(nodeCount);
  const nodes = json.nodes === undefined ? [] : f.array(json.nodes, 'nodes');
  nodes.forEach((n, i) => {
    const c = f.object(n, `nodes[${i}]`).children;
    if (Array.isArray(c)) for (const k of c) if (typeof k === 'number' && k >= 0 && k < nodeCount) child[k] = 1;
  });
  return [...child.keys()].filter((i) => !child[i]);
}

function localMatrix(node: Json, f: JsonFields, path: string): Mat4 {
  if (node.matrix !== undefined) return Float64Array.from(f.numbers(node.matrix, 16, `${path}.matrix`));
  const [tx, ty, tz] = node.translation === undefined ? [0, 0, 0] : f.numbers(node.translation, 3, `${path}.translation`);
  const [x, y, z, w] = node.rotation === undefined ? [0, 0, 0, 1] : f.numbers(node.rotation, 4, `${path}.rotation`);
  const [sx, sy, sz] = node.scale === undefined ? [1, 1, 1] : f.numbers(node.scale, 3, `${path}.scale`);
  // Rotation matrix of the unit quaternion, columns scaled, translation in the last column.
  return Float64Array.of(
    (1 - 2 * (y! * y! + z! * z!)) * sx!, 2 * (x! * y! + z! * w!) * sx!, 2 * (x! * z! - y! * w!) * sx!, 0,
    2 * (x! * y! - z! * w!) * sy!, (1 - 2 * (x! * x! + z! * z!)) * sy!, 2 * (y! * z! + x! * w!) * sy!, 0,
    2 * (x! * z! + y! * w!) * sz!, 2 * (y! * z! - x! * w!) * sz!, (1 - 2 * (x! * x! + y! * y!)) * sz!, 0,
    tx!, ty!, tz!, 1,
  );
}

const identity = (): Mat4 => Float64Array.of(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);

/** a × b, column-major. */
function multiply(a: Mat4, b: Mat4): Mat4 {
  const r = new Float64Array(16);
  for (let col = 0; col < 4; col++) {
    for (let row = 0; row < 4; row++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[k * 4 + row]! * b[col * 4 + k]!;
      r[col * 4 + row] = s;
    }
  }
  return r;
}
