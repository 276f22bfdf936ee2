// Pick chunks on a real scan (ScanNet scene0000_00's mesh vertices, ../shared/data): the in-node
// Morton sort and the chunk cuts equal the straightforward reference, and the tree positions are
// the scan's own points.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPly } from '../../app/formats/ply';
import { buildOctree } from './octree';
import { sortNodesIntoChunks } from './pick-chunks';
import { referenceChunks } from './pick-chunks.fixture';

const DATA = process.env.SCENEWRIGHT_SHARED_DATA ?? fileURLToPath(new URL('../../../shared/data', import.meta.url));
const MESH = join(DATA, 'scannet', 'scene0000_00', 'scene0000_00_vh_clean_2.ply');

describe('pick chunks on a ScanNet scan', () => {
  it('sorts and cuts scene0000_00 exactly like the reference', () => {
    const { positions } = readPly(new Uint8Array(readFileSync(MESH)));
    expect(positions.length / 3).toBe(81_369);
    const tree = buildOctree(positions, { capacity: 8192 });
    for (let k = 0; k < tree.order.length; k += 997) expect(tree.positions[k * 3 + 1]).toBe(positions[tree.order[k]! * 3 + 1]);
    const expected = referenceChunks(tree.nodes, tree.order, tree.positions);
    const chunks = sortNodesIntoChunks(tree.nodes, tree.order, tree.positions);
    expect(chunks.start.length).toBeGreaterThan(81_369 / 512);
    expect([...chunks.first]).toEqual(expected.first);
    expect([...chunks.start]).toEqual(expected.start);
    expect([...chunks.count]).toEqual(expected.count);
    expect([...chunks.boxes]).toEqual(expected.boxes.map(Math.fround));
    expect([...tree.order]).toEqual(expected.order);
    expect([...tree.positions]).toEqual(expected.positions);
  });
});
