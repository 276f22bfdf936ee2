// ScanNet's Segmentator on the WebAssembly kernel built from native/wasm/segmentator (dist/wasm/
// segmentator.wasm). Same ids as `segmentMesh`, which stays the reference and the fallback: the host
// reads the bytes (main/segment/mesh-segmenter.ts), this module only needs the WebAssembly global, so
// it runs in Node and in browsers alike. Why wasm: on a ScanNet-sized mesh the JS spends most of its
// time before V8 has optimised it; the kernel is compiled ahead and runs at native-like speed at once.
import { parsePlyHeader } from '../formats/ply/header';
import { SCALAR_SIZE } from '../formats/ply/scalarTypes';
import type { PlyHeader } from '../formats/ply/types';
import { badFaceIndex, checkSegmentMeshInput, segmentMesh, type MeshSegmenter, type SegmentMeshOptions } from './mesh-segmentator';
import { instantiateKernel } from './wasm-kernel';

/** The kernel's exports (see native/wasm/segmentator/index.ts for the memory layout). */
export interface SegmentatorExports {
  memory: { buffer: ArrayBuffer };
  reserve(vertexCount: number, faceCount: number, ioBytes: number): number;
  positionsPtr(): number;
  facesPtr(): number;
  edgesPtr(): number;
  ioPtr(): number;
  idsPtr(): number;
  firstBadIndex(vertexCount: number, faceCount: number): number;
  decodeVertices(vertexCount: number, at: number, stride: number, xAt: number, yAt: number, zAt: number): void;
  decodeTriangles(faceCount: number, at: number, vertexCount: number): number;
  idsText(vertexCount: number): number;
  segmentCount(vertexCount: number): number;
  segment(vertexCount: number, faceCount: number, kThresh: number, minVerts: number): void;
  /** Exact libstdc++ std::sort / heap sort of `count` {f32 key, i32, i32} records at `edgesPtr()`. */
  sortEdges(count: number): void;
  heapSortEdges(count: number): void;
}

/** Instantiates the kernel (synchronously: the module is a few KB). Throws when the bytes are not it. */
export function instantiateSegmentator(bytes: Uint8Array): SegmentatorExports {
  const names = ['reserve', 'positionsPtr', 'facesPtr', 'edgesPtr', 'ioPtr', 'idsPtr', 'firstBadIndex', 'decodeVertices', 'decodeTriangles', 'idsText', 'segmentCount', 'segment', 'sortEdges', 'heapSortEdges'] as const;
  return instantiateKernel<SegmentatorExports>('segmentator', bytes, names);
}

/**
 * A MeshSegmenter on one kernel instance. Its memory grows to the largest mesh seen and stays (one
 * grow per larger mesh); ids are copied out, so the returned arrays are the caller's.
 */
export function wasmMeshSegmenter(kernel: SegmentatorExports): MeshSegmenter {
  return (positions: Float32Array, faces: Uint32Array, options: SegmentMeshOptions = {}): Int32Array => {
    const { kThresh, segMinVerts, vertexCount } = checkSegmentMeshInput(positions, faces, options);
    const faceCount = faces.length / 3;
    // Past 4 GiB of wasm memory (tens of millions of vertices) the JS, which has no such limit, takes over.
    if (!kernel.reserve(vertexCount, faceCount, 0)) return segmentMesh(positions, faces, options);
    const buffer = kernel.memory.buffer; // after reserve: growing replaces the buffer
    new Float32Array(buffer, kernel.positionsPtr(), positions.length).set(positions);
    new Uint32Array(buffer, kernel.facesPtr(), faces.length).set(faces);
    const bad = kernel.firstBadIndex(vertexCount, faceCount);
    if (bad >= 0) throw badFaceIndex(faces, bad, vertexCount);
    kernel.segment(vertexCount, faceCount, kThresh, Math.min(segMinVerts, 0x7fffffff));
    return new Int32Array(kernel.memory.buffer, kernel.idsPtr(), vertexCount).slice();
  };
}

/** What `segmentPlyBytes` leaves in the kernel: valid until the kernel's next call. */
export interface KernelSegmentation {
  vertexCount: number;
  faceCount: number;
  /** One segment id per vertex: a view of kernel memory, not a copy. */
  ids: Int32Array;
  /** Number of distinct ids. */
  segments: number;
}

/**
 * Segments a PLY straight from its bytes when it has the layout of ScanNet's meshes (binary little
 * endian; vertex rows of fixed size with float x y z; then faces as `list uchar int|uint`, all
 * triangles): the kernel reads the body itself, so no JS loop runs over a million rows before V8 has
 * optimised it. Returns undefined for any other file, or any row the general reader must judge
 * (a polygon, an index out of range, a short file), so the caller falls back to readPly, which
 * handles every layout and names the byte of any problem.
 */
export function segmentPlyBytes(kernel: SegmentatorExports, bytes: Uint8Array, file: string, options: SegmentMeshOptions = {}): KernelSegmentation | undefined {
  const layout = kernelPlyLayout(parsePlyHeader(bytes, file), bytes.length);
  const target = layout && kernelPlyBuffer(kernel, layout);
  if (!layout || !target) return undefined;
  target.set(bytes);
  return segmentKernelPly(kernel, layout, options);
}

/** Where a PLY of ScanNet's layout sits in the file, for the kernel to read; see segmentPlyBytes. */
export interface KernelPlyLayout {
  fileSize: number;
  vertexCount: number;
  faceCount: number;
  /** Byte offsets in the file: vertex rows, then face rows. */
  vertexAt: number;
  faceAt: number;
  stride: number;
  xAt: number;
  yAt: number;
  zAt: number;
}

/** The layout the kernel reads itself, or undefined (see segmentPlyBytes). */
export function kernelPlyLayout(header: PlyHeader, fileSize: number): KernelPlyLayout | undefined {
  const [vertex, face] = header.elements;
  if (header.format !== 'binary_little_endian' || vertex?.name !== 'vertex' || face?.name !== 'face') return undefined;
  const at: Record<string, number> = {};
  let stride = 0;
  for (const p of vertex.properties) {
    if (p.listCountType) return undefined;
    if (p.type === 'float32' && (p.name === 'x' || p.name === 'y' || p.name === 'z')) at[p.name] ??= stride;
    stride += SCALAR_SIZE[p.type];
  }
  const [list] = face.properties;
  if (face.properties.length !== 1 || list?.listCountType !== 'uint8' || (list.type !== 'int32' && list.type !== 'uint32')) return undefined;
  const { x: xAt, y: yAt, z: zAt } = at;
  if (xAt === undefined || yAt === undefined || zAt === undefined || face.count === 0) return undefined;
  const faceAt = header.bodyOffset + vertex.count * stride;
  if (faceAt + face.count * 13 > fileSize || fileSize > 0xffffffff) return undefined;
  return { fileSize, vertexCount: vertex.count, faceCount: face.count, vertexAt: header.bodyOffset, faceAt, stride, xAt, yAt, zAt };
}

/**
 * Lays the kernel's memory out for this mesh and returns where the whole file's bytes go (a view of
 * kernel memory, so a host can read the file straight into it), or undefined when the mesh does not
 * fit in wasm memory. Then call segmentKernelPly.
 */
export function kernelPlyBuffer(kernel: SegmentatorExports, layout: KernelPlyLayout): Uint8Array | undefined {
  if (!kernel.reserve(layout.vertexCount, layout.faceCount, layout.fileSize)) return undefined;
  return new Uint8Array(kernel.memory.buffer, kernel.ioPtr(), layout.fileSize);
}

/** Decodes the file in kernelPlyBuffer and segments it; undefined when a row needs the general reader. */
export function segmentKernelPly(kernel: SegmentatorExports, layout: KernelPlyLayout, options: SegmentMeshOptions = {}): KernelSegmentation | undefined {
  const { vertexCount, faceCount } = layout;
  const { kThresh, segMinVerts } = checkSegmentMeshInput(new Float32Array(0), new Uint32Array(0), options);
  kernel.decodeVertices(vertexCount, layout.vertexAt, layout.stride, layout.xAt, layout.yAt, layout.zAt);
  if (kernel.decodeTriangles(faceCount, layout.faceAt, vertexCount) >= 0) return undefined;
  kernel.segment(vertexCount, faceCount, kThresh, Math.min(segMinVerts, 0x7fffffff));
  const segments = kernel.segmentCount(vertexCount);
  return { vertexCount, faceCount, segments, ids: new Int32Array(kernel.memory.buffer, kernel.idsPtr(), vertexCount) };
}

/**
 * The ids of the kernel's last segmentation as the items of a JSON array ("0,0,7,…"), ASCII bytes:
 * what `segIndices.join(',')` gives, without building a string of millions of characters. A view of
 * kernel memory, valid until the kernel's next call.
 */
export function kernelIdsJson(kernel: SegmentatorExports, vertexCount: number): Uint8Array {
  const length = kernel.idsText(vertexCount);
  return new Uint8Array(kernel.memory.buffer, kernel.ioPtr(), length);
}
