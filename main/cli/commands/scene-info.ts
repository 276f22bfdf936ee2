// `scenewright info <file or folder>`: what the loader makes of a scan, without touching the database.
import { basename, resolve } from 'node:path';
import { isVsiMeta, listVsiMetaScenes, VSI_META_FORMAT } from '../../../app/scene/boxes/vsi-meta-scan';
import { loadScene, type SceneReport } from '../../../app/scene/load';
import { readContextFor } from '../../formats/read-context';
import { readSceneInput } from '../../import/read-input';
import { sceneNameOf } from '../../import/import-scene';
import type { Io } from '../command';

export async function sceneInfo(path: string, options: { json: boolean; upAxis?: 'y' | 'z' }, io: Io): Promise<number> {
  const source = resolve(path);
  const read = await readSceneInput(source);
  // A meta file alone is a list of scenes: say what `file#<scene>` can name.
  if (read.input.kind === 'file' && read.input.part === undefined && isVsiMeta(read.input.bytes)) {
    const scenes = listVsiMetaScenes(read.input.bytes, read.input.name);
    if (options.json) io.out(`${JSON.stringify({ path: source, format: VSI_META_FORMAT, contentHash: read.contentHash, bytes: read.byteLength, scenes })}\n`);
    else {
      const lines = scenes.map((s) => `  ${s.name}  ${s.objectCount} objects in ${s.categoryCount} categories, room ${s.roomSize.toFixed(2)} m²`);
      io.out(`${basename(source)} (${VSI_META_FORMAT}): ${scenes.length} box-only scenes; open one as ${basename(source)}#<scene>\n${lines.join('\n')}\n`);
    }
    return 0;
  }
  const { report } = loadScene(read.input, { id: 'info', name: sceneNameOf(source), source, ...(options.upAxis ? { upAxis: options.upAxis } : {}) }, await readContextFor(read.input));
  const full = { path: source, contentHash: read.contentHash, bytes: read.byteLength, ...report };
  if (options.json) {
    io.out(`${JSON.stringify(full)}\n`);
    return 0;
  }
  io.out(`${formatReport(basename(source), full)}\n`);
  return 0;
}

const count = (n: number) => n.toLocaleString('en-US');
const vec = (v: readonly number[]) => `[${v.map((x) => Number(x.toFixed(3))).join(', ')}]`;

export function formatReport(name: string, r: SceneReport & { contentHash: string }): string {
  return [
    `${name} (${r.format})`,
    `points:       ${count(r.pointCount)}`,
    `faces:        ${count(r.faceCount)}`,
    `superpoints:  ${count(r.superpointCount)}`,
    `instances:    ${count(r.instanceCount)}`,
    `labels:       ${r.labels.length ? r.labels.map((l) => (l.count > 1 ? `${l.label} ×${l.count}` : l.label)).join(', ') : '—'}`,
    `bbox:         min ${vec(r.bbox.min)} max ${vec(r.bbox.max)}`,
    `origin:       ${vec(r.origin)} (positions are stored relative to it)`,
    `up axis:      ${r.upAxis}${r.sourceUpAxis === r.upAxis ? '' : ` (file is ${r.sourceUpAxis}-up, rotated)`}`,
    ...(r.room ? [`room:         ${r.room.size.toFixed(2)} m² floor, centre ${vec(r.room.center)}; ${r.room.boxCount} boxes (points are samples on the box surfaces)`] : []),
    `sha-256:      ${r.contentHash}`,
  ].join('\n');
}
