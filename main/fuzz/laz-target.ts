// The LAZ fuzz target: readLas with the laz-perf decoder injected, over mutated and truncated copies
// of small LAZ files our own encoder writes at startup (main/formats/testing/laz-encoder.ts) from
// generated LAS: point formats 0..3, several chunks, extra bytes, and a LAS 1.4 format 7 file in
// LASzip's layered compression. The decoder is created once per
// thread (WASM), so this target is built asynchronously and joins the synchronous table in run.ts.
import { expectConsistent } from '../../app/formats/fuzz.fixture';
import type { LazDecoder } from '../../app/formats/las/laz';
import { readLas } from '../../app/formats/las/readLas';
import { lazPerfDecoder } from '../formats/laz-perf-decoder';
import { encodeLaz } from '../formats/testing/laz-encoder';
import { syntheticLas } from '../formats/testing/synthetic-las';
import { syntheticLas14 } from '../formats/testing/synthetic-las14';
import type { FuzzSeed, FuzzTarget } from './types';

/** Small seeds (a case decodes the whole file): one chunk, several chunks, all four formats. */
const SEEDS = [
  { name: 'point10.laz', format: 0, points: 1_000, chunkSize: 50_000, extraBytes: 0 },
  { name: 'point-time-chunks.laz', format: 1, points: 900, chunkSize: 250, extraBytes: 0 },
  { name: 'point-color.laz', format: 2, points: 1_000, chunkSize: 50_000, extraBytes: 0 },
  { name: 'point-color-time-extra.laz', format: 3, points: 700, chunkSize: 300, extraBytes: 2 },
] as const;

/** The seed LAZ files, encoded from generated LAS (a few ms). */
export function lazSeeds(): FuzzSeed[] {
  return [
    ...SEEDS.map((s) => ({
      name: s.name,
      files: { 'fuzz.laz': encodeLaz(syntheticLas({ format: s.format, points: s.points, seed: s.points, extraBytes: s.extraBytes }), { chunkSize: s.chunkSize }) },
    })),
    { name: 'layered-format7-chunks.laz', files: { 'fuzz.laz': encodeLaz(syntheticLas14(7, 800, 3), { chunkSize: 300 }) } },
  ];
}

export function lazTargetWith(laz: LazDecoder, seeds = lazSeeds()): FuzzTarget {
  return {
    name: 'laz',
    seeds,
    run: (files) => expectConsistent(readLas(files['fuzz.laz']!, { fileName: 'fuzz.laz', laz })),
  };
}

export const lazTarget = async (): Promise<FuzzTarget> => lazTargetWith(await lazPerfDecoder());
