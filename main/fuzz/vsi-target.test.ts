// The VSI-Bench meta target: seeds read as box scenes, and thousands of mutated variants either give a
// consistent box scene or a FormatError naming the file (the meta parser's path errors included).
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../app/formats/errors';
import { readVsiMetaScene } from '../../app/scene/boxes/vsi-meta-scan';
import { runTargetLoop } from './harness';
import { vsiTarget } from './vsi-target';

describe('vsibench-meta fuzz target', () => {
  it('3,000 variants: each is a consistent box scene or a FormatError', () => {
    for (const seed of vsiTarget.seeds) expect(() => vsiTarget.run(seed.files, seed)).not.toThrow();
    const s = runTargetLoop(vsiTarget, { cases: 3000, deadline: Infinity, guardMs: 60_000 });
    expect(s.failures).toEqual([]);
    expect(s.ok).toBeGreaterThan(100);
    expect(s.formatErrors).toBeGreaterThan(300);
  });

  it('a bad field is a FormatError at the byte offset of its key', () => {
    const text = new TextDecoder().decode(vsiTarget.seeds[0]!.files['meta.json']!).replace('"room_size": 9', '"room_size": -9');
    let err: unknown;
    try {
      readVsiMetaScene(new TextEncoder().encode(text), 'meta.json', 'roomB');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormatError);
    const f = err as FormatError;
    expect(f.file).toBe('meta.json');
    expect(f.offset).toBe(text.indexOf('"room_size": -9'));
    expect(f.message).toContain('roomB.room_size');
  });
});
