import { describe, expect, it } from 'vitest';
import { segmentMesh } from './mesh-segmentator';

interface Mesh {
  positions: Float32Array;
  faces: Uint32Array;
}

/** An nx × ny vertex grid in the unit square, lifted by `height`, two triangles per cell. */
function grid(nx: number, ny: number, place: (u: number, v: number) => [number, number, number]): Mesh {
  const positions = new Float32Array(nx * ny * 3);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) positions.set(place(i / (nx - 1), j / (ny - 1)), 3 * (j * nx + i));
  }
  const faces: number[] = [];
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const v = j * nx + i;
      faces.push(v, v + 1, v + nx + 1, v, v + nx + 1, v + nx);
    }
  }
  return { positions, faces: Uint32Array.from(faces) };
}

/** Two planes meeting at 90° along u = 0.5: flat for u ≤ 0.5, rising for u > 0.5. */
const folded = (u: number, v: number): [number, number, number] => [Math.min(u, 0.5), v, Math.max(0, u - 0.5)];

function merge(...meshes: Mesh[]): Mesh {
  let offset = 0;
  const positions: number[] = [];
  const faces: number[] = [];
  for (const m of meshes) {
    positions.push(...m.positions);
    faces.push(...Array.from(m.faces, (f) => f + offset));
    offset += m.positions.length / 3;
  }
  return { positions: Float32Array.from(positions), faces: Uint32Array.from(faces) };
}

/** Joins vertices at identical positions into one, so separately built grids share their seams. */
function weld(mesh: Mesh): Mesh {
  const index = new Map<string, number>();
  const positions: number[] = [];
  const remap: number[] = [];
  for (let v = 0; v < mesh.positions.length / 3; v++) {
    const p = [...mesh.positions.subarray(3 * v, 3 * v + 3)];
    const key = p.join(',');
    let id = index.get(key);
    if (id === undefined) {
      id = positions.length / 3;
      index.set(key, id);
      positions.push(...p);
    }
    remap.push(id);
  }
  return { positions: Float32Array.from(positions), faces: mesh.faces.map((f) => remap[f]!) };
}

/** The surface of an axis-aligned unit cube, each side an n × n grid, welded along its edges. */
function box(n: number, origin: [number, number, number]): Mesh {
  const [ox, oy, oz] = origin;
  const sides: ((u: number, v: number) => [number, number, number])[] = [
    (u, v) => [ox + u, oy + v, oz],
    (u, v) => [ox + v, oy + u, oz + 1],
    (u, v) => [ox + v, oy, oz + u],
    (u, v) => [ox + u, oy + 1, oz + v],
    (u, v) => [ox, oy + u, oz + v],
    (u, v) => [ox + 1, oy + v, oz + u],
  ];
  return weld(merge(...sides.map((side) => grid(n, n, side))));
}

const segmentCount = (ids: Int32Array) => new Set(ids).size;

describe('segmentMesh', () => {
  it('keeps a flat plane in one segment', () => {
    const plane = grid(12, 12, (u, v) => [u, v, 0]);
    const ids = segmentMesh(plane.positions, plane.faces);
    expect(segmentCount(ids)).toBe(1);
  });

  it('splits two planes at 90° along the fold', () => {
    const nx = 21;
    const mesh = grid(nx, 12, folded);
    const ids = segmentMesh(mesh.positions, mesh.faces);
    expect(segmentCount(ids)).toBe(2);
    // Every vertex strictly left of the fold shares one segment, every vertex right of it the other.
    const left = new Set<number>();
    const right = new Set<number>();
    for (let v = 0; v < ids.length; v++) {
      const i = v % nx;
      if (i < (nx - 1) / 2) left.add(ids[v]!);
      if (i > (nx - 1) / 2) right.add(ids[v]!);
    }
    expect(left.size).toBe(1);
    expect(right.size).toBe(1);
    expect([...left][0]).not.toBe([...right][0]);
  });

  it('names each segment by a vertex of its own (the union-find root)', () => {
    const mesh = grid(21, 12, folded);
    const ids = segmentMesh(mesh.positions, mesh.faces);
    for (const id of new Set(ids)) expect(ids[id]).toBe(id);
  });

  it('merges components smaller than segMinVerts into a neighbour', () => {
    // A bumpy sheet: with no minimum it breaks into many small pieces.
    const sheet = grid(30, 30, (u, v) => [u, v, 0.03 * Math.sin(40 * u) * Math.cos(37 * v)]);
    const fine = segmentMesh(sheet.positions, sheet.faces, { segMinVerts: 0 });
    const merged = segmentMesh(sheet.positions, sheet.faces, { segMinVerts: 40 });
    const sizes = new Map<number, number>();
    for (const id of merged) sizes.set(id, (sizes.get(id) ?? 0) + 1);
    expect(segmentCount(fine)).toBeGreaterThan(segmentCount(merged));
    expect(Math.min(...fine.map((id) => fine.filter((x) => x === id).length))).toBeLessThan(40);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(40);
    // Merging only joins segments: each fine segment lies inside one merged segment.
    const into = new Map<number, number>();
    for (let v = 0; v < fine.length; v++) {
      const seen = into.get(fine[v]!);
      if (seen === undefined) into.set(fine[v]!, merged[v]!);
      else expect(merged[v]).toBe(seen);
    }
  });

  it('gives each face of two separate boxes its own segment, never one spanning both boxes', () => {
    const n = 8;
    const mesh = merge(box(n, [0, 0, 0]), box(n, [3, 0, 0]));
    const ids = segmentMesh(mesh.positions, mesh.faces);
    expect(segmentCount(ids)).toBe(12);
    // Vertices inside a side (off its edges) share that side's segment: one per (box, axis, side).
    const bySide = new Map<string, Set<number>>();
    const p = mesh.positions;
    for (let v = 0; v < ids.length; v++) {
      const local = [p[3 * v]! % 3, p[3 * v + 1]!, p[3 * v + 2]!];
      const onSide = local.map((c) => c === 0 || c === 1);
      if (onSide.filter(Boolean).length !== 1) continue;
      const axis = onSide.indexOf(true);
      const key = `${p[3 * v]! >= 3 ? 1 : 0}:${axis}:${local[axis]}`;
      const set = bySide.get(key) ?? new Set<number>();
      set.add(ids[v]!);
      bySide.set(key, set);
    }
    expect(bySide.size).toBe(12);
    for (const set of bySide.values()) expect(set.size).toBe(1);
    expect(new Set([...bySide.values()].map((set) => [...set][0])).size).toBe(12);
  });

  it('is deterministic and leaves isolated vertices on their own', () => {
    const mesh = grid(16, 16, (u, v) => [u, v, 0.05 * Math.sin(9 * u + 4 * v)]);
    const positions = new Float32Array([...mesh.positions, 5, 5, 5]);
    const first = segmentMesh(positions, mesh.faces);
    const second = segmentMesh(positions, mesh.faces);
    expect([...second]).toEqual([...first]);
    const lone = positions.length / 3 - 1;
    expect(first[lone]).toBe(lone);
  });

  it('rejects faces that point past the vertex list', () => {
    expect(() => segmentMesh(new Float32Array(9), Uint32Array.from([0, 1, 3]))).toThrow(RangeError);
  });
});
