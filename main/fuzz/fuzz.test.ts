// The fuzz harness: its seeds are valid, its loop classifies outcomes, and a hung reader is stopped
// and reported by reader, seed and case index.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FormatError } from '../../app/formats/errors';
import { parseFuzzArgs } from './args';
import { caseInput } from './cases';
import { runTargetLoop } from './harness';
import { superviseTarget } from './supervise';
import { fuzzTargets } from './targets';
import type { FuzzTarget } from './types';

const dir = mkdtempSync(join(tmpdir(), 'sw-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const forever = { cases: 1_000_000, deadline: Infinity, guardMs: 60_000 };

describe('fuzz targets', () => {
  it('cover every reader, and every seed parses unmutated', () => {
    const targets = fuzzTargets();
    expect(targets.map((t) => t.name)).toEqual([
      'ply-ascii', 'ply-binary', 'pcd-ascii', 'pcd-binary', 'pcd-binary_compressed', 'npy', 'pointcept-folder',
      's3dis-room', 'obj', 'gltf-glb', 'las', 'scannet-segs', 'scannet-aggregation', 'scannet-folder',
      'vsibench-meta',
    ]);
    for (const t of targets) for (const s of t.seeds) expect(() => t.run(s.files, s), `${t.name} / ${s.name}`).not.toThrow();
  });

  it('300 cases per reader: each returns consistent data or throws FormatError', () => {
    for (const t of fuzzTargets()) {
      const s = runTargetLoop(t, { ...forever, cases: 300 });
      expect(s.failures, t.name).toEqual([]);
      expect(s.cases).toBe(300);
      expect(s.ok + s.formatErrors).toBe(300);
      expect(s.formatErrors, t.name).toBeGreaterThan(0);
    }
  });

  it('a case is reproducible from its reader and index alone', () => {
    const t = fuzzTargets()[1]!;
    const a = caseInput(t, 1234);
    const b = caseInput(t, 1234);
    expect(a.seed.name).toBe(b.seed.name);
    expect(a.files[a.mutated]).toEqual(b.files[b.mutated]);
    expect(caseInput(t, 1235).files).not.toEqual(a.files);
  });
});

describe('fuzz loop', () => {
  const seeds = [{ name: 'one', files: { 'x.bin': Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) } }];

  it('counts FormatErrors as accepted and anything else as a failure with reader, seed and case', () => {
    let calls = 0;
    const target: FuzzTarget = {
      name: 'fake',
      seeds,
      run: () => {
        calls++;
        if (calls === 4) throw new TypeError('cannot read properties of undefined');
        if (calls % 2) throw new FormatError({ file: 'x.bin', expected: 'something' });
      },
    };
    const s = runTargetLoop(target, { ...forever, cases: 10 });
    expect(s).toMatchObject({ reader: 'fake', cases: 10, ok: 4, formatErrors: 5, cutShort: false });
    expect(s.failures).toEqual([{ reader: 'fake', seed: 'one (x.bin mutated)', caseIndex: 3, message: 'TypeError: cannot read properties of undefined' }]);
  });

  it('stops at the deadline and marks the reader cut short', () => {
    const s = runTargetLoop({ name: 'fake', seeds, run: () => {} }, { ...forever, deadline: -Infinity });
    expect(s).toMatchObject({ cases: 0, cutShort: true });
  });

  it('terminates a worker whose case never returns and reports that case', async () => {
    // A stand-in worker: starts case 7 and never finishes it.
    const script = join(dir, 'hang.mjs');
    writeFileSync(script, "import { workerData } from 'node:worker_threads';\nconst b = new Int32Array(workerData.heartbeat);\nAtomics.store(b, 0, 8);\nAtomics.store(b, 1, 7);\nfor (;;) {}\n");
    const s = await superviseTarget(pathToFileURL(script), { name: 'stuck', seeds, run: () => {} }, { cases: 10, budgetMs: 60_000, guardMs: 200 });
    expect(s.reader).toBe('stuck');
    expect(s.failures).toHaveLength(1);
    expect(s.failures[0]).toMatchObject({ reader: 'stuck', caseIndex: 7, seed: 'one (x.bin mutated)', message: expect.stringContaining('hang') });
  });

  it('parses its flags', () => {
    expect(parseFuzzArgs(['--budget-seconds', '120', '--reader', 'las,npy', '--case', '5'])).toMatchObject({ budgetSeconds: 120, readers: ['las', 'npy'], caseIndex: 5, cases: 10_000, guardMs: 2000 });
    expect(() => parseFuzzArgs(['--cases'])).toThrow(/non-negative number/);
    expect(() => parseFuzzArgs(['--nope', '1'])).toThrow(/unknown flag/);
  });
});
