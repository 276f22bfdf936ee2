// `scenewright superpoints <mesh.ply>`: the ScanNet Segmentator as a command, writing ScanNet's segs.json.
import { basename } from 'node:path';
// Imports name their modules directly (not the barrels) so the command's own bundle stays small.
import { DEFAULT_K_THRESH, DEFAULT_SEG_MIN_VERTS } from '../../../app/segment/mesh-segmentator';
import { segmentPlyFile } from '../../segment/segment-ply-file';
import { parseCommandLine, parseNumberFlag, UsageError } from '../args';
import type { RunCommand } from '../command';

export { SUPERPOINTS_USAGE } from './superpoints-usage';

const FLAGS = {
  k: { type: 'string' },
  'min-verts': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The C++ tool's naming: <mesh without .ply>.<kThresh with 6 decimals>.segs.json */
export const defaultSegsPath = (mesh: string, k: number) => `${mesh.replace(/\.ply$/i, '')}.${k.toFixed(6)}.segs.json`;

export const run: RunCommand = async (argv, io) => {
  const { values, positionals } = parseCommandLine(argv, FLAGS);
  if (positionals.length !== 1) throw new UsageError('superpoints: expected exactly one mesh file (.ply)');
  const mesh = positionals[0]!;
  const k = parseNumberFlag('k', values.k, DEFAULT_K_THRESH, (n) => n > 0);
  const minVerts = parseNumberFlag('min-verts', values['min-verts'], DEFAULT_SEG_MIN_VERTS, (n) => Number.isInteger(n) && n >= 1);
  const out = values.out ?? defaultSegsPath(mesh, k);

  const started = performance.now();
  const sceneId = basename(mesh).replace(/_vh_clean_2\.ply$|\.ply$/i, '');
  const done = segmentPlyFile(mesh, out, { kThresh: k, segMinVerts: minVerts, sceneId });
  const ms = performance.now() - started;

  const { segments } = done;
  const report = { file: mesh, out, vertices: done.vertexCount, faces: done.faceCount, segments, kThresh: k, segMinVerts: minVerts, ms: Math.round(ms) };
  io.out(values.json ? `${JSON.stringify(report)}\n` : `${mesh}: ${report.vertices} vertices, ${report.faces} faces → ${segments} superpoints in ${report.ms} ms\nwrote ${out}\n`);
  return 0;
};
