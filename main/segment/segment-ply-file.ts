// Superpoints of a mesh file into a segs.json file: what `scenewright superpoints` and its bench run.
// The fast path hands the PLY bytes to the wasm kernel, which reads the body, segments, and writes the
// ids' JSON text itself; any other file goes through readPly and the array API (wasm or JS).
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { parsePlyHeader } from '../../app/formats/ply/header';
import { readPly } from '../../app/formats/ply/readPly';
import { segmentMesh } from '../../app/segment/mesh-segmentator';
import { kernelIdsJson, kernelPlyBuffer, kernelPlyLayout, segmentKernelPly, type KernelSegmentation, type SegmentatorExports } from '../../app/segment/segmentator-wasm';
import { segsJsonEnvelope, writeSegsJson } from '../../app/segment/segs-json';
import { meshSegmenter } from './mesh-segmenter';

export interface SegmentPlyFileOptions {
  kThresh: number;
  segMinVerts: number;
  sceneId: string;
  /** 'js' runs app/segment's segmentMesh whatever is built (the bench's reference row). */
  implementation?: 'auto' | 'js';
}

export interface SegmentPlyFileResult {
  vertexCount: number;
  faceCount: number;
  /** Number of segments (each has exactly one vertex whose id is itself). */
  segments: number;
  /** 'wasm-ply': the kernel read the file; 'wasm': readPly, then the kernel; 'js': no kernel. */
  path: 'wasm-ply' | 'wasm' | 'js';
}

export function segmentPlyFile(meshPath: string, outPath: string, options: SegmentPlyFileOptions): SegmentPlyFileResult {
  const { kThresh, segMinVerts, sceneId } = options;
  const loaded = options.implementation === 'js' ? undefined : meshSegmenter();
  const kernel = loaded?.kernel;
  const read: { bytes: Uint8Array; done?: KernelSegmentation } = kernel ? readIntoKernel(kernel, meshPath, { kThresh, segMinVerts }) : { bytes: readFileSync(meshPath) };
  const direct = read.done;
  if (kernel && direct) {
    const { head, tail } = segsJsonEnvelope({ sceneId, kThresh, segMinVerts });
    const fd = openSync(outPath, 'w');
    try {
      writeSync(fd, head);
      writeSync(fd, kernelIdsJson(kernel, direct.vertexCount));
      writeSync(fd, tail);
    } finally {
      closeSync(fd);
    }
    return { vertexCount: direct.vertexCount, faceCount: direct.faceCount, segments: direct.segments, path: 'wasm-ply' };
  }
  const ply = readPly(read.bytes, { fileName: meshPath });
  if (!ply.faces || ply.faceCount === 0) throw new Error(`${meshPath}: expected a mesh with faces; for point clouds use the point-cloud superpoints (not yet available)`);
  const segment = loaded?.segment ?? segmentMesh;
  const segIndices = segment(ply.positions, ply.faces, { kThresh, segMinVerts });
  writeFileSync(outPath, writeSegsJson({ sceneId, kThresh, segMinVerts, segIndices }));
  return { vertexCount: ply.vertexCount, faceCount: ply.faceCount, segments: countRoots(segIndices), path: loaded?.kind ?? 'js' };
}

/** A PLY header fits in this much for any file the kernel reads itself (a few properties). */
const HEADER_PROBE = 64 * 1024;

/**
 * Reads the header, and when the kernel can read the body, the whole file straight into kernel
 * memory (no file-sized buffer, no copy) and segments it. Otherwise, or when a row needs the general
 * reader, returns the file's bytes for readPly.
 */
function readIntoKernel(kernel: SegmentatorExports, meshPath: string, options: { kThresh: number; segMinVerts: number }): { bytes: Uint8Array; done?: KernelSegmentation } {
  const fd = openSync(meshPath, 'r');
  try {
    const size = fstatSync(fd).size;
    const probe = new Uint8Array(Math.min(size, HEADER_PROBE));
    readFully(fd, probe, meshPath);
    let layout;
    try {
      layout = kernelPlyLayout(parsePlyHeader(probe, meshPath), size);
    } catch {
      layout = undefined; // readPly reads the whole file and reports the problem precisely
    }
    const target = layout && kernelPlyBuffer(kernel, layout);
    if (!layout || !target) return { bytes: readFully(fd, new Uint8Array(size), meshPath) };
    readFully(fd, target, meshPath);
    const done = segmentKernelPly(kernel, layout, options);
    // A copy for readPly: the kernel memory it came from is reused by the next segmentation.
    return done ? { bytes: target, done } : { bytes: target.slice() };
  } finally {
    closeSync(fd);
  }
}

/** Fills `into` from the start of the file. */
function readFully(fd: number, into: Uint8Array, file: string): Uint8Array {
  for (let at = 0; at < into.length; ) {
    const n = readSync(fd, into, at, into.length - at, at);
    if (n === 0) throw new Error(`${file}: the file ended at byte ${at} while ${into.length} were expected (was it changed while being read?)`);
    at += n;
  }
  return into;
}

function countRoots(ids: Int32Array): number {
  let roots = 0;
  for (let v = 0; v < ids.length; v++) if (ids[v] === v) roots++;
  return roots;
}
