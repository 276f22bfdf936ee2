import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { fuzzReader } from '../fuzz.fixture';
import { readGltf } from './readGltf';
import { binary, glbFile, TRIANGLE_BIN, triangleGltf } from './testGltf.fixture';

const FILE = 'scene.glb';

function failure(bytes: Uint8Array): FormatError {
  try {
    readGltf(bytes, { fileName: FILE });
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    const err = e as FormatError;
    expect(err.file).toBe(FILE);
    return err;
  }
  throw new Error('expected readGltf to throw');
}

const bin = TRIANGLE_BIN;
const triangleJson = (extra: object = {}) => triangleGltf(extra);

describe('readGltf', () => {
  it('GLB: hierarchy with TRS and matrix transforms, normals, ubyte colours, u16 indices', () => {
    const json = triangleJson({
      scene: 0,
      scenes: [{ nodes: [0] }],
      nodes: [
        // parent: scale x by 2, then translate by (10, 0, 0)
        { name: 'room', translation: [10, 0, 0], scale: [2, 1, 1], children: [1, 2] },
        // child: rotate 90° about z (quaternion [0, 0, sin45, cos45])
        { name: 'chair', mesh: 0, rotation: [0, 0, Math.SQRT1_2, Math.SQRT1_2] },
        // child given as a column-major matrix: translate by (0, 0, 5)
        { mesh: 0, matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 5, 1] },
      ],
    });
    const d = readGltf(glbFile(json, bin), { fileName: FILE });
    expect(d.format).toBe('glb');
    expect(d.upAxis).toBe('y');
    const p = [...d.positions].map((v) => Math.round(v * 1e6) / 1e6 + 0);
    // chair: R(90°z) maps (1,0,0)→(0,1,0), (0,1,0)→(-1,0,0); then scale x2, translate.
    expect(p.slice(0, 9)).toEqual([10, 0, 0, 10, 1, 0, 8, 0, 0]);
    expect(p.slice(9)).toEqual([10, 0, 5, 12, 0, 5, 10, 1, 5]);
    expect([...d.faces!]).toEqual([0, 1, 2, 3, 4, 5]);
    // 188/255 linear is sRGB 0.874 → 223.
    expect([...d.colors!]).toEqual([255, 0, 0, 0, 255, 0, 223, 223, 223, 255, 0, 0, 0, 255, 0, 223, 223, 223]);
    expect([...d.normals!].map((v) => Math.round(v * 1e6) / 1e6 + 0)).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    expect([...d.instances!]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...d.instanceLabels!]).toEqual([[0, 'chair'], [1, 'tri']]);
  });

  it('normals follow a non-uniform scale by the inverse transpose', () => {
    const diag = binary(['f32', [0, 0, 0, 1, 0, 0, 0, 1, 0]], ['f32', [Math.SQRT1_2, Math.SQRT1_2, 0, Math.SQRT1_2, Math.SQRT1_2, 0, 0, 0, 1]]);
    const json = {
      asset: { version: '2.0' },
      buffers: [{ byteLength: 72 }],
      bufferViews: [{ buffer: 0, byteLength: 72 }],
      accessors: [
        { bufferView: 0, componentType: 5126, count: 3, type: 'VEC3' },
        { bufferView: 0, byteOffset: 36, componentType: 5126, count: 3, type: 'VEC3' },
      ],
      meshes: [{ primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, mode: 0 }] }],
      nodes: [{ mesh: 0, scale: [2, 1, 1] }],
    };
    const d = readGltf(glbFile(json, diag));
    // (1,1,0)/√2 under diag(2,1,1): inverse transpose diag(1/2,1,1) → (0.5,1,0) normalised.
    const n = [...d.normals!.subarray(0, 3)];
    expect(n[0]).toBeCloseTo(0.5 / Math.hypot(0.5, 1), 6);
    expect(n[1]).toBeCloseTo(1 / Math.hypot(0.5, 1), 6);
    expect(d.faces).toBeUndefined(); // mode 0: points
  });

  it('JSON glTF with a base64 data URI, float vec3 colours (linear → sRGB), strided view, no scenes', () => {
    // Interleaved: x y z r g b per vertex, stride 24.
    const data = binary(['f32', [0, 0, 0, 1, 0.5, 0, 1, 0, 0, 0, 0.2158605, 1, 0, 1, 0, 0, 0, 0]]);
    const json = {
      asset: { version: '2.0' },
      buffers: [{ byteLength: data.length, uri: `data:application/octet-stream;base64,${Buffer.from(data).toString('base64')}` }],
      bufferViews: [{ buffer: 0, byteLength: data.length, byteStride: 24 }],
      accessors: [
        { bufferView: 0, componentType: 5126, count: 3, type: 'VEC3' },
        { bufferView: 0, byteOffset: 12, componentType: 5126, count: 3, type: 'VEC3' },
      ],
      meshes: [{ primitives: [{ attributes: { POSITION: 0, COLOR_0: 1 } }] }],
      nodes: [{ name: 'a', children: [1] }, { name: 'b', mesh: 0, translation: [0, 2, 0] }],
    };
    const d = readGltf(new TextEncoder().encode(JSON.stringify(json)));
    expect(d.format).toBe('gltf');
    expect([...d.positions]).toEqual([0, 2, 0, 1, 2, 0, 0, 3, 0]);
    expect([...d.colors!]).toEqual([255, 188, 0, 0, 128, 255, 0, 0, 0]);
    expect([...d.faces!]).toEqual([0, 1, 2]);
    expect([...d.instanceLabels!]).toEqual([[0, 'b']]);
  });

  it('errors name the file and the byte offset or JSON path', () => {
    const v1 = glbFile(triangleJson({ nodes: [{ mesh: 0 }] }), bin, 1);
    expect(failure(v1).offset).toBe(4);
    const cut = glbFile(triangleJson({ nodes: [{ mesh: 0 }] }), bin);
    expect(failure(cut.subarray(0, cut.length - 4)).offset).toBe(cut.length - 4);
    const outside = triangleJson({ nodes: [{ mesh: 0 }] });
    outside.accessors[0]!.count = 7;
    expect(failure(glbFile(outside, bin)).expected).toBe('accessors[0] to fit its bufferView of 72 bytes (7 elements, stride 12)');
    const index = binary(['f32', [0, 0, 0, 1, 0, 0, 0, 1, 0]], ['f32', new Array(9).fill(0)], ['u8', new Array(12).fill(0)], ['u16', [0, 1, 3]]);
    expect(failure(glbFile(triangleJson({ nodes: [{ mesh: 0 }] }), index)).expected).toBe('meshes[0].primitives[0].indices to be below the 3 vertices, found 3 at 2');
    const external = { ...triangleJson({ nodes: [{ mesh: 0 }] }), buffers: [{ byteLength: 90, uri: 'scene.bin' }] };
    expect(failure(new TextEncoder().encode(JSON.stringify(external))).expected).toContain('external files are not supported');
    const cycle = triangleJson({ scenes: [{ nodes: [0] }], nodes: [{ children: [1] }, { children: [0] }] });
    expect(failure(glbFile(cycle, bin)).expected).toBe('nodes[1].children[0] not to make node 0 its own ancestor');
    expect(failure(new TextEncoder().encode('{"asset": {"version": "1.0"}}')).expected).toBe('asset.version to be "2.x", found "1.0"');
    expect(failure(new TextEncoder().encode('ply\n')).offset).toBe(0);
    const draco = glbFile(triangleJson({ extensionsRequired: ['KHR_materials_unlit', 'KHR_draco_mesh_compression'], nodes: [{ mesh: 0 }] }), bin);
    expect(failure(draco).expected).toContain('extensionsRequired[1] to name only material');
  });

  it('fuzz: 2,000 variants of a GLB parse or throw FormatError', () => {
    const json = triangleJson({ scenes: [{ nodes: [0] }], nodes: [{ translation: [1, 2, 3], children: [1] }, { mesh: 0, scale: [1, 2, 1] }] });
    const rejected = fuzzReader(glbFile(json, bin), 2024, 2000, 'fuzz.glb', (b) => readGltf(b, { fileName: 'fuzz.glb' }));
    expect(rejected).toBeGreaterThan(0);
  });
});
