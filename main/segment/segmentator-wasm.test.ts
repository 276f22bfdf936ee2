// The WebAssembly Segmentator (dist/wasm/segmentator.wasm, built from native/wasm/segmentator) against
// app/segment's JS reference: identical ids, identical std::sort order, identical segs.json text.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPly } from '../../app/formats/ply/readPly';
import { writePly } from '../../app/formats/ply/writePly';
import { segmentMesh } from '../../app/segment/mesh-segmentator';
import { instantiateSegmentator, kernelIdsJson, segmentPlyBytes, wasmMeshSegmenter, type SegmentatorExports } from '../../app/segment/segmentator-wasm';
import { stdHeapSortByKey, stdSortByKey } from '../../app/segment/std-sort';
import { wasmKernelPath } from '../launch/paths';

let kernel: SegmentatorExports;
beforeAll(() => {
  const path = wasmKernelPath('segmentator');
  // Not a skip: without the kernel these tests would prove nothing, and `npm test` builds it first.
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build (it compiles native/wasm/segmentator)`);
  kernel = instantiateSegmentator(readFileSync(path));
});

/** Small deterministic generator (the meshes must be the same on every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * An n × n heightfield with bumps and noise; `quantum` rounds heights so that many faces are exactly
 * parallel (equal edge weights: the ties where only the exact std::sort order gives the same ids).
 */
function bumpy(n: number, seed: number, quantum = 0) {
  const r = rng(seed);
  const positions = new Float32Array(n * n * 3);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x = i / (n - 1);
      const y = j / (n - 1);
      let z = 0.2 * Math.sin(6 * x) * Math.cos(4 * y) + 0.02 * r();
      if (quantum) z = Math.round(z / quantum) * quantum;
      positions.set([x, y, z], 3 * (j * n + i));
    }
  }
  const faces = new Uint32Array((n - 1) * (n - 1) * 6);
  let f = 0;
  for (let j = 0; j + 1 < n; j++) {
    for (let i = 0; i + 1 < n; i++) {
      const v = j * n + i;
      // Alternate the diagonal so both edge directions occur.
      faces.set((i + j) % 2 ? [v, v + 1, v + n + 1, v, v + n + 1, v + n] : [v, v + 1, v + n, v + 1, v + n + 1, v + n], f);
      f += 6;
    }
  }
  return { positions, faces };
}

function expectSameIds(positions: Float32Array, faces: Uint32Array, options: { kThresh?: number; segMinVerts?: number } = {}) {
  const js = segmentMesh(positions, faces, options);
  const wasm = wasmMeshSegmenter(kernel)(positions, faces, options);
  let differ = 0;
  for (let v = 0; v < js.length; v++) if (js[v] !== wasm[v]) differ++;
  expect({ vertices: wasm.length, differ }).toEqual({ vertices: js.length, differ: 0 });
  return js;
}

describe('wasm segmentator: same ids as segmentMesh', () => {
  it('on bumpy surfaces, with and without many tied weights', () => {
    for (const [n, seed, quantum] of [[40, 1, 0], [90, 2, 0], [90, 3, 0.01], [160, 4, 0.005]] as const) {
      const { positions, faces } = bumpy(n, seed, quantum);
      const ids = expectSameIds(positions, faces);
      // A real segmentation, not one segment or one per vertex.
      const segments = new Set(ids).size;
      expect(segments).toBeGreaterThan(1);
      expect(segments).toBeLessThan(n * n / 20);
    }
  });

  it('across kThresh and segMinVerts', () => {
    const { positions, faces } = bumpy(70, 5, 0.01);
    for (const kThresh of [0.001, 0.01, 0.5]) for (const segMinVerts of [0, 1, 20, 500]) expectSameIds(positions, faces, { kThresh, segMinVerts });
  });

  it('with degenerate faces (NaN weights), repeated corners and vertices on no face', () => {
    const { positions, faces } = bumpy(50, 6);
    const extra = Uint32Array.from([...faces, 0, 0, 1, 7, 7, 7, 10, 11, 10]);
    // Vertices 2500..2509 are on no face; two faces with collinear corners.
    const more = new Float32Array(positions.length + 30);
    more.set(positions);
    const line = Uint32Array.from([...extra, 2500, 2501, 2502]);
    more.set([5, 5, 5, 6, 6, 6, 7, 7, 7], positions.length);
    expectSameIds(more, line);
  });

  it('reuses one kernel for meshes of different sizes and rejects a bad index like segmentMesh', () => {
    const segment = wasmMeshSegmenter(kernel);
    const big = bumpy(120, 7);
    const small = bumpy(20, 8);
    const first = segment(big.positions, big.faces);
    segment(small.positions, small.faces);
    expect([...segment(big.positions, big.faces)]).toEqual([...first]);
    const bad = Uint32Array.from([0, 1, 2, 0, 2, 400]);
    expect(() => segment(small.positions, bad)).toThrow('segmentMesh: face 1 refers to vertex 400 of 400');
    expect(() => segmentMesh(small.positions, bad)).toThrow('segmentMesh: face 1 refers to vertex 400 of 400');
    // A mesh past 4 GiB of wasm memory is refused without growing (the JS then takes over).
    const pages = kernel.memory.buffer.byteLength;
    expect(kernel.reserve(0x7fffffff, 0x7fffffff, 0)).toBe(0);
    expect(kernel.memory.buffer.byteLength).toBe(pages);
  });
});

describe('wasm segmentator: std::sort emulation', () => {
  /** Records {key, id, -id} in kernel memory, sorted by `sort`; returns the keys and ids after. */
  function kernelSort(keys: Float32Array, sort: 'sortEdges' | 'heapSortEdges') {
    const n = keys.length;
    kernel.reserve(0, Math.ceil(n / 3), 0);
    const view = new DataView(kernel.memory.buffer, kernel.edgesPtr(), 12 * n);
    for (let i = 0; i < n; i++) {
      view.setFloat32(12 * i, keys[i]!, true);
      view.setInt32(12 * i + 4, i, true);
      view.setInt32(12 * i + 8, -i, true);
    }
    kernel[sort](n);
    const after = new DataView(kernel.memory.buffer, kernel.edgesPtr(), 12 * n);
    return Array.from({ length: n }, (_, i) => [after.getFloat32(12 * i, true), after.getInt32(12 * i + 4, true), after.getInt32(12 * i + 8, true)]);
  }

  function jsSort(keys: Float32Array, sort: typeof stdSortByKey) {
    const k = keys.slice();
    const a = Int32Array.from(k, (_, i) => i);
    const b = a.map((i) => -i);
    sort(k, a, b);
    return Array.from(k, (key, i) => [key, a[i]!, b[i]!]);
  }

  it('orders ties exactly as the JS emulation of libstdc++ (introsort, and its heap fallback)', () => {
    const r = rng(9);
    // Few distinct keys (long tie runs); with NaN (compares false both ways, as in C++) the kernel takes
    // libstdc++'s final insertion pass, without it sorts each quicksort leaf in place: both are checked.
    for (const nanShare of [0, 0.01]) {
      for (const n of [0, 1, 2, 16, 17, 40, 257, 1000, 60_000]) {
        const keys = Float32Array.from({ length: n }, () => (r() < nanShare ? NaN : Math.floor(r() * 7) / 4));
        expect(kernelSort(keys, 'sortEdges')).toEqual(jsSort(keys, stdSortByKey));
        expect(kernelSort(keys, 'heapSortEdges')).toEqual(jsSort(keys, stdHeapSortByKey));
      }
    }
  });

  it('matches on sorted, reversed and organ-pipe inputs (the partition blocks meet at every offset)', () => {
    const n = 5000;
    const shapes = [(i: number) => i, (i: number) => n - i, (i: number) => Math.min(i, n - i), (i: number) => (i * 7919) % 61];
    for (const shape of shapes) {
      const keys = Float32Array.from({ length: n }, (_, i) => shape(i));
      expect(kernelSort(keys, 'sortEdges')).toEqual(jsSort(keys, stdSortByKey));
    }
  });
});

describe('wasm segmentator: PLY bytes in, segs.json text out', () => {
  it('segments a binary PLY from its bytes with the same ids, and writes the same JSON items', () => {
    const { positions, faces } = bumpy(80, 10, 0.01);
    const colors = Uint8Array.from({ length: positions.length }, (_, i) => i % 251);
    const bytes = writePly({ positions, faces, colors });
    const direct = segmentPlyBytes(kernel, bytes, 'bumpy.ply', { kThresh: 0.01, segMinVerts: 20 });
    expect(direct).toBeDefined();
    const ply = readPly(bytes);
    const js = segmentMesh(ply.positions, ply.faces!, { kThresh: 0.01, segMinVerts: 20 });
    expect([...direct!.ids]).toEqual([...js]);
    expect(direct!.segments).toBe(new Set(js).size);
    expect(new TextDecoder().decode(kernelIdsJson(kernel, js.length))).toBe(js.join(','));
  });

  it('writes ids of every digit count', () => {
    const ids = Int32Array.from([0, 9, 10, 99, 100, 12345, 999_999_999, 1_000_000_000, 2_147_483_647]);
    kernel.reserve(ids.length, 0, 0);
    new Int32Array(kernel.memory.buffer, kernel.idsPtr(), ids.length).set(ids);
    expect(new TextDecoder().decode(kernelIdsJson(kernel, ids.length))).toBe(ids.join(','));
  });

  it('leaves other layouts to readPly (ascii, quads, an index out of range, a short file)', () => {
    const { positions, faces } = bumpy(10, 11);
    expect(segmentPlyBytes(kernel, writePly({ positions, faces }, { format: 'ascii' }), 'a.ply')).toBeUndefined();
    const good = writePly({ positions, faces });
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(bad.length - 4, 100, true); // the last face's last index
    expect(segmentPlyBytes(kernel, bad, 'bad.ply')).toBeUndefined();
    expect(() => readPly(bad, { fileName: 'bad.ply' })).toThrow(/bad\.ply.*vertex index in 0\.\.99/);
    expect(segmentPlyBytes(kernel, good.subarray(0, good.length - 1), 'short.ply')).toBeUndefined();
    const quad = new TextEncoder().encode('ply\nformat binary_little_endian 1.0\nelement vertex 4\nproperty float x\nproperty float y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n');
    const body = new Uint8Array(4 * 12 + 1 + 16);
    const dv = new DataView(body.buffer);
    [0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0].forEach((c, i) => dv.setFloat32(4 * i, c, true));
    body[48] = 4;
    [0, 1, 2, 3].forEach((v, i) => dv.setInt32(49 + 4 * i, v, true));
    const file = new Uint8Array(quad.length + body.length);
    file.set(quad);
    file.set(body, quad.length);
    expect(readPly(file).faces).toHaveLength(6);
    expect(segmentPlyBytes(kernel, file, 'quad.ply')).toBeUndefined();
  });
});
