// `scenewright simulate`: segmentation training data. Simulated rooms (seeds S … S+N-1) or a real
// ScanNet scene folder, each written as model-ready .npy files (main/segment/training-export.ts).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SIM_ROOM_TYPES, type SimRoomType } from '../../../app/sample/scan-sim';
import { scanNetExamples, simulatedExample, writeExample } from '../../segment/training-export';
import { parseCommandLine, parseNumberFlag, UsageError } from '../args';
import type { RunCommand } from '../command';

const FLAGS = {
  count: { type: 'string' },
  seed: { type: 'string' },
  rays: { type: 'string' },
  'room-type': { type: 'string' },
  scannet: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const run: RunCommand = async (argv, io) => {
  const { values, positionals } = parseCommandLine(argv, FLAGS);
  if (positionals.length) throw new UsageError(`simulate takes no positional arguments, got ${positionals.join(' ')}`);
  if (!values.out) throw new UsageError('simulate: --out <dir> is required');
  const out = resolve(values.out);
  const written: { name: string; superpoints: number; points: number }[] = [];
  const started = performance.now();
  if (values.scannet) {
    const dir = resolve(values.scannet);
    if (!existsSync(dir)) throw new Error(`simulate: ScanNet folder not found: ${dir}`);
    for (const { sample, meta } of scanNetExamples(dir)) {
      writeExample(out, sample, meta);
      written.push({ name: meta.name, superpoints: meta.superpoints, points: meta.points });
      if (!values.json) io.err(`${meta.name}: ${meta.points} points, ${meta.superpoints} superpoints\n`);
    }
  } else {
    const count = parseNumberFlag('count', values.count, 1, (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000);
    const seed = parseNumberFlag('seed', values.seed, 0, (n) => Number.isInteger(n) && n >= 0 && n + count - 1 <= 0xffffffff);
    const rays = parseNumberFlag('rays', values.rays, 0, (n) => Number.isInteger(n) && n >= 1000 && n <= 20_000_000);
    const roomType = values['room-type'];
    if (roomType !== undefined && !SIM_ROOM_TYPES.includes(roomType as SimRoomType)) throw new UsageError(`--room-type: expected one of ${SIM_ROOM_TYPES.join(', ')}, got ${JSON.stringify(roomType)}`);
    for (let s = seed; s < seed + count; s++) {
      // Finished examples are kept, so an interrupted run continues where it stopped.
      if (existsSync(join(out, `sim-${s}`, 'meta.json'))) continue;
      const { sample, meta } = simulatedExample(s, { ...(rays ? { rays } : {}), ...(roomType ? { roomType: roomType as SimRoomType } : {}) });
      writeExample(out, sample, meta);
      written.push({ name: meta.name, superpoints: meta.superpoints, points: meta.points });
      if (!values.json) io.err(`${meta.name} (${meta.roomType}): ${meta.points} points, ${meta.superpoints} superpoints [${written.length}/${count}]\n`);
    }
  }
  const ms = Math.round(performance.now() - started);
  if (values.json) io.out(`${JSON.stringify({ out, written, ms })}\n`);
  else io.out(`wrote ${written.length} examples to ${out} in ${(ms / 1000).toFixed(1)} s\n`);
  return 0;
};
