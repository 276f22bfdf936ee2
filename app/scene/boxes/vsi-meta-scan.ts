// A VSI-Bench meta file (`scannetpp_meta_info_val.json`) as the scene loader's input: one named scene
// (`meta.json#<scene>`) becomes a box-only scan whose instances are the meta's `object_bbox` entries,
// in the meta's category order, with synthetic surface samples to draw and pick.
import { AppError } from '../../contract/errors';
import { FormatError } from '../../formats/errors';
import { parseVsiMeta, type BoxScene } from '../../qa/vsibench/meta';
import type { LoadedScan } from '../load/types';
import { withMetaOffsets } from './meta-errors';
import { sampleBoxSurfaces, type SampledBox } from './surface-samples';
import type { SceneBox } from './types';

export const VSI_META_FORMAT = 'vsibench-meta';

/** How far into the file the detector looks for the meta's keys (the first scene's header fits). */
const SNIFF_BYTES = 4096;

/** True for a JSON object whose first scene has VSI-Bench meta keys. */
export function isVsiMeta(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SNIFF_BYTES)).trimStart();
  return head.startsWith('{') && (head.includes('"object_bbox"') || head.includes('"room_size"') || head.includes('"object_counts"'));
}

function parseJson(bytes: Uint8Array, file: string): { json: Record<string, unknown>; text: string } {
  let json: unknown;
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    json = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(message);
    throw new FormatError({ file, ...(at ? { offset: Number(at[1]) } : {}), expected: `JSON (${message})` });
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new FormatError({ file, offset: 0, expected: 'a JSON object keyed by scene name' });
  return { json: json as Record<string, unknown>, text };
}

export interface VsiMetaSceneInfo {
  name: string;
  objectCount: number;
  categoryCount: number;
  roomSize: number;
}

const infoOf = (s: BoxScene): VsiMetaSceneInfo => ({
  name: s.id,
  objectCount: s.categories.reduce((n, c) => n + s.instances[c]!.length, 0),
  categoryCount: s.categories.length,
  roomSize: s.roomSize,
});

/** Every scene of a meta file (each one validated), in file order. */
export function listVsiMetaScenes(bytes: Uint8Array, file: string): VsiMetaSceneInfo[] {
  const { json, text } = parseJson(bytes, file);
  return withMetaOffsets(text, file, () => parseVsiMeta(json, file)).map(infoOf);
}

const sceneList = (names: string[]) => (names.length > 8 ? `${names.slice(0, 8).join(', ')}, … (${names.length} in all)` : names.join(', '));

/** One scene of a meta file as a scan; `scene` is the part after `#` in `meta.json#<scene>`. */
export function readVsiMetaScene(bytes: Uint8Array, file: string, scene: string | undefined): LoadedScan {
  const { json, text } = parseJson(bytes, file);
  const names = Object.keys(json);
  if (scene === undefined || scene === '') {
    throw new AppError('invalid_input', `${file} is a VSI-Bench meta file with ${names.length} scenes; name one as ${file}#<scene>: ${sceneList(names)}`, { file, scenes: names });
  }
  if (!Object.prototype.hasOwnProperty.call(json, scene)) {
    throw new AppError('not_found', `${file} has no scene "${scene}"; it has ${sceneList(names)}`, { file, scene, scenes: names });
  }
  const [parsed] = withMetaOffsets(text, file, () => parseVsiMeta({ [scene]: json[scene] }, file));
  const meta = parsed!;
  const sampled: SampledBox[] = [];
  const boxes: SceneBox[] = [];
  for (const category of meta.categories) {
    for (const o of meta.instances[category]!) {
      const instanceId = sampled.length;
      sampled.push({ instanceId, label: category, box: o.box });
      boxes.push({ instanceId, label: category, center: [...o.box.center], axes: [[...o.box.axes[0]], [...o.box.axes[1]], [...o.box.axes[2]]], size: [...o.box.size] });
    }
  }
  const samples = sampleBoxSurfaces(sampled);
  return {
    format: VSI_META_FORMAT,
    positions: samples.positions,
    colors: samples.colors,
    normals: samples.normals,
    instances: samples.instances,
    instanceLabels: new Map(sampled.map((b) => [b.instanceId, b.label])),
    upAxis: 'z',
    boxScene: { boxes, roomSize: meta.roomSize, roomCenter: [...meta.roomCenter], sampleSpacing: samples.spacing },
  };
}
