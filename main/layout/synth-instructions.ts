// `scenewright layout synth`: training data for the layout language model. Rooms: the 50 VSI-Bench
// box rooms and ScanNet scene0000_00 (read from ../shared/data, never copied), variants of them
// (colours given, objects dropped, categories renamed: simulated rooms with the real rooms' geometry)
// and procedural sample rooms (app/sample) of every room type. Each room is written once, encoded
// (app/layout/model/encode.ts), then examples that point into it (app/layout/model/synth.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument, type BoxItem } from '../../app/layout/build';
import { encodeObjects, NAME_TOKENS, OBJECT_FEATURES } from '../../app/layout/model/encode';
import { Namer, synthExample } from '../../app/layout/model/synth';
import { LayoutTokenizer } from '../../app/layout/tokenizer';
import type { LayoutDocument } from '../../app/layout/types';
import { generateSampleRoom, ROOM_PROGRAMS, type RoomType } from '../../app/sample';
import { Random } from '../../app/sample/random';
import { installRoot } from '../launch/paths';
import { haveMeta, haveScanNet, metaLayouts, scannetLayout } from './real-rooms';

export const layoutVocabPath = () => join(installRoot(), 'native-models', 'layout', 'vocab.json');

export function loadLayoutTokenizer(path = layoutVocabPath()): LayoutTokenizer {
  return LayoutTokenizer.fromJson(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
}

const PALETTE: Array<[number, number, number]> = [
  [20, 20, 22],
  [235, 235, 230],
  [128, 128, 130],
  [180, 30, 30],
  [230, 130, 30],
  [220, 200, 40],
  [40, 140, 60],
  [40, 70, 170],
  [120, 60, 150],
  [220, 120, 160],
  [110, 70, 40],
];

/** A simulated variant of a real room: colours, a few objects dropped, some categories renamed. */
export function roomVariant(doc: LayoutDocument, rng: Random, categories: readonly string[], tag: string): LayoutDocument {
  const keep = doc.objects.filter((o) => o.kind === 'opening' || !rng.chance(0.15));
  const objects = keep.map((o) => ({
    ...o,
    category: o.kind !== 'opening' && rng.chance(0.12) ? rng.pick(categories) : o.category,
    ...(rng.chance(0.75) ? { color: rng.pick(PALETTE).map((c) => Math.max(0, Math.min(255, c + rng.int(-15, 15)))) as [number, number, number] } : {}),
  }));
  return { ...doc, sceneId: `${doc.sceneId}~${tag}`, objects };
}

/** A procedural sample room as a box layout (furniture and openings; floor and walls make the outline). */
export function sampleLayout(seed: number, roomType: RoomType, rng: Random): LayoutDocument {
  const room = generateSampleRoom({ seed, roomType, targetPoints: 1000 });
  const items: BoxItem[] = room.objects
    .filter((o) => o.kind !== 'structure')
    .map((o) => ({ id: o.instanceId, category: o.category, center: o.center, size: o.size, yaw: o.yaw, frontKnown: true, ...(rng.chance(0.8) ? { color: rng.pick(PALETTE) } : {}) }));
  const w = room.shell.width / 2;
  const d = room.shell.depth / 2;
  return buildDocument(`sample-${roomType}-${seed}`, 'boxes', items, {
    polygon: [
      [-w, -d],
      [w, -d],
      [w, d],
      [-w, d],
    ],
    method: 'sample room shell',
    floorZ: 0,
    ceilingZ: room.shell.height,
  });
}

export interface SynthRooms {
  real: LayoutDocument[];
  simulated: LayoutDocument[];
}

export function synthRooms(seed: number, variantsPerRoom = 3, sampleSeeds = 30): SynthRooms {
  const rng = new Random(seed ^ 0x5eed);
  const real: LayoutDocument[] = [];
  if (haveMeta()) real.push(...metaLayouts().values());
  if (haveScanNet()) real.push(scannetLayout().doc);
  const categories = [...new Set(real.flatMap((d) => d.objects.filter((o) => o.kind !== 'opening').map((o) => o.category)))];
  const simulated: LayoutDocument[] = [];
  for (const doc of real) for (let v = 0; v < variantsPerRoom; v++) simulated.push(roomVariant(doc, rng, categories, `v${v}`));
  const types = Object.keys(ROOM_PROGRAMS) as RoomType[];
  for (let s = 0; s < sampleSeeds; s++) simulated.push(sampleLayout(seed * 1000 + s, types[s % types.length]!, rng));
  return { real, simulated };
}

export interface SynthSummary {
  out: string;
  examples: number;
  rooms: number;
  realRooms: number;
  simulatedRooms: number;
  failedDraws: number;
}

/**
 * Writes `count` examples (seeded; `questionShare` of them typed questions) to a JSONL file: room lines {type:"room", key, count, ids, names,
 * features} and example lines {type:"example", room, text, tokens, selection, labels}.
 */
export function writeSynth(out: string, count: number, seed: number, tok = loadLayoutTokenizer(), questionShare = 0): SynthSummary {
  const rooms = synthRooms(seed);
  const all = [...rooms.real, ...rooms.simulated];
  if (all.length === 0) throw new Error('layout synth: no rooms (../shared/data/vsibench and scannet are missing, and no sample rooms were asked for)');
  const rng = new Random(seed);
  const lines: string[] = [];
  const write = (line: unknown) => lines.push(JSON.stringify(line));
  const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
  const written = new Set<number>();
  const namers = new Map<number, Namer>();
  let failed = 0;
  for (let i = 0; i < count; ) {
    const r = rng.int(0, all.length - 1);
    const doc = all[r]!;
    let namer = namers.get(r);
    if (!namer) namers.set(r, (namer = new Namer(doc, rng)));
    const ex = synthExample(doc, tok, rng, namer, questionShare);
    if (!ex) {
      if (++failed > count * 10) throw new Error(`layout synth: too many failed draws (${failed})`);
      continue;
    }
    if (!written.has(r)) {
      const enc = encodeObjects(tok, doc);
      write({ type: 'room', key: r, scene: doc.sceneId, count: doc.objects.length, name_tokens: NAME_TOKENS, object_features: OBJECT_FEATURES, ids: enc.ids, names: [...enc.names], features: [...enc.features].map(r4) });
      written.add(r);
    }
    write({ type: 'example', room: r, text: ex.text, tokens: ex.tokens, selection: ex.selection, labels: ex.labels });
    i++;
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  return { out, examples: count, rooms: written.size, realRooms: rooms.real.length, simulatedRooms: rooms.simulated.length, failedDraws: failed };
}
