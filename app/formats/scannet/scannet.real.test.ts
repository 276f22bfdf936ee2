// Real ScanNet scenes from ../shared/data (never copied into the repo).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readScanNetFolder } from './readScanNetFolder';

const DATA = fileURLToPath(new URL('../../../../shared/data/scannet', import.meta.url));
const bytes = (p: string) => new Uint8Array(readFileSync(join(DATA, p)));
const text = (p: string) => readFileSync(join(DATA, p), 'utf8');

function percentile(values: Float32Array, q: number): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

function axis(positions: Float32Array, c: number): Float32Array {
  const out = new Float32Array(positions.length / 3);
  for (let i = 0; i < out.length; i++) out[i] = positions[i * 3 + c]!;
  return out;
}

describe.skipIf(!existsSync(DATA))('ScanNet real scenes', () => {
  it('scene0000_00: mesh, segments, 55 instances, raw labels and axis alignment', () => {
    const s0 = 'scene0000_00';
    const matrices = JSON.parse(text('meta/scans_axis_alignment_matrices.json')) as Record<string, number[]>;
    const files = {
      mesh: bytes(`${s0}/${s0}_vh_clean_2.ply`),
      segs: text(`${s0}/${s0}_vh_clean_2.0.010000.segs.json`),
      aggregation: text(`${s0}/${s0}.aggregation.json`),
      labelsPly: bytes(`${s0}/${s0}_vh_clean_2.labels.ply`),
      labelTable: text('meta/scannetv2-labels.combined.tsv'),
    };
    const raw = readScanNetFolder(files, { sceneId: s0 });
    const { mesh } = raw;
    expect(mesh.format).toBe('binary_little_endian');
    expect(mesh.vertexCount).toBe(81369);
    expect(mesh.faceCount).toBe(153587);
    expect(mesh.faces!.length).toBe(153587 * 3);
    expect(mesh.colors!.length).toBe(81369 * 3);
    expect(mesh.colors!.some((c) => c !== mesh.colors![0])).toBe(true);
    expect(Object.keys(mesh.vertexScalars)).toEqual(['alpha']);

    expect(new Set(raw.segIndices).size).toBe(668);
    expect(raw.instances.length).toBe(55);
    const labels = raw.instances.map((i) => i.label);
    expect(labels.filter((l) => l === 'wall').length).toBe(9);
    expect(labels).toContain('refrigerator');
    expect(labels).toContain('guitar');
    const guitar = raw.instances.find((i) => i.label === 'guitar')!;
    expect(guitar.pointCount).toBeGreaterThan(0);
    expect(raw.instanceIds.filter((id) => id === guitar.id).length).toBe(guitar.pointCount);
    // Every instance vertex count adds up to the labelled vertices (segments are not shared in this scene).
    expect(raw.instances.reduce((s, i) => s + i.pointCount, 0)).toBe(raw.instanceIds.filter((id) => id >= 0).length);
    expect(raw.instances.find((i) => i.label === 'refrigerator')!.nyu40id).toBe(24);

    const rawIds = raw.semantic!.rawIds!;
    expect(rawIds.length).toBe(81369);
    expect(Math.max(...rawIds)).toBe(230);
    expect(raw.semantic!.nyu40!.every((v) => v >= 0 && v <= 40)).toBe(true);

    // Raw frame: finite, a room of a few metres.
    for (let c = 0; c < 3; c++) {
      const v = axis(mesh.positions, c);
      const extent = percentile(v, 1) - percentile(v, 0);
      expect(Number.isFinite(extent)).toBe(true);
      expect(extent).toBeGreaterThan(2);
      expect(extent).toBeLessThan(12);
    }

    // Aligned: the floor sits at z ≈ 0.
    const m = matrices[s0]!;
    expect(m.length).toBe(16);
    const aligned = readScanNetFolder({ mesh: files.mesh, axisAlignment: m }, { sceneId: s0 });
    const z = axis(aligned.mesh.positions, 2);
    expect(Math.abs(percentile(z, 0.05))).toBeLessThan(0.2);
    expect(percentile(z, 0.99)).toBeGreaterThan(2); // walls reach up
    expect(aligned.axisAlignment).toEqual(m);
  });

  it('scene0470_00: mesh and nyu40 labels.ply', () => {
    const s = 'scene0470_00';
    const scene = readScanNetFolder(
      { mesh: bytes(`${s}/${s}_vh_clean_2.ply`), labelsPly: bytes(`${s}/${s}_vh_clean_2.labels.ply`) },
      { sceneId: s, labelIds: 'nyu40' },
    );
    expect(scene.mesh.vertexCount).toBe(67465);
    expect(scene.mesh.faceCount).toBe(127003);
    const nyu40 = scene.semantic!.nyu40!;
    expect(nyu40.length).toBe(67465);
    expect(Math.min(...nyu40)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...nyu40)).toBeLessThanOrEqual(40);
    expect(new Set(nyu40).size).toBeGreaterThan(3);
    expect(scene.instances).toEqual([]);
    expect(scene.instanceIds.every((v) => v === -1)).toBe(true);
  });
});
