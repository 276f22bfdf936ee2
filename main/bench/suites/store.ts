// The annotation store on a real file (WAL, synchronous=FULL): saving one verified item through the
// undoable editor, batched imports, and listing a page among many items. Peers, in the same run:
// one transaction per row for saves and imports, the listing query with its index disabled (and its
// total counted over the items instead of read from the per-scene count), and OFFSET against afterId.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QaItemInput } from '../../../app/contract/schemas';
import { openDatabase, type Store } from '../../../db';
import { result, type BenchResult } from '../result';

const SCENE = 'bench-room';
const meta = { engineVersion: 'bench' };

const input = (i: number, status: QaItemInput['status'] = 'verified'): QaItemInput => ({
  sceneId: SCENE,
  kind: 'distance',
  question: `How far is object ${i % 97} from object ${i % 89}?`,
  answer: (i % 1000) / 100,
  unit: 'm',
  instanceIds: [i % 97, i % 89],
  status,
  evidence: { pointA: [0, 0, 0], pointB: [1, 0, 0], method: 'closest-point' },
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

function timeEach(n: number, fn: (i: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b);
}

function arg(args: string[], name: string, fallback: number): number {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
}

export default async function store(args: string[]): Promise<BenchResult[]> {
  const saves = arg(args, 'saves', 300);
  const batch = arg(args, 'batch', 5000);
  const total = arg(args, 'items', 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-store-'));
  const out: BenchResult[] = [];
  let s: Store | undefined;
  try {
    s = openDatabase(join(dir, 'scenewright.db'));
    const db = s;

    // One verified item saved as a person does it: validation, revision row, history entry, commit.
    const ours = timeEach(saves, (i) => db.editor.save(input(i), meta));
    // Peer: the same row through the plain repository, i.e. the bare insert with no history.
    const bare = timeEach(saves, (i) => db.qaItems.save(input(i), meta));
    const peerName = 'plain insert, no revision history';
    for (const [p, name] of [[0.5, 'p50'], [0.99, 'p99']] as const) {
      out.push(result('store', 'save one verified item (editor, undoable)', name, 'ms', percentile(ours, p), { value: percentile(bare, p), name: peerName, better: 'lower' }));
    }

    // Batched import against one transaction (and one fsync) per row.
    const rows = Array.from({ length: batch }, (_, i) => input(i, 'draft'));
    const t0 = performance.now();
    db.qaItems.saveMany(rows, meta);
    const batchedPerS = batch / ((performance.now() - t0) / 1000);
    const perRowN = Math.min(batch, 500);
    const t1 = performance.now();
    for (let i = 0; i < perRowN; i++) db.qaItems.save(rows[i]!, meta);
    const perRowPerS = perRowN / ((performance.now() - t1) / 1000);
    out.push(result('store', `insert ${batch} items`, 'throughput', 'items/s', batchedPerS, { value: perRowPerS, name: 'one transaction per row', better: 'higher' }));

    // Fill up to `total` items, then time the first and a deep page with their totals.
    let have = db.qaItems.list({ sceneId: SCENE, limit: 1, offset: 0 }).total;
    const chunk = 20_000;
    while (have < total) {
      const n = Math.min(chunk, total - have);
      db.qaItems.saveMany(Array.from({ length: n }, (_, i) => input(have + i, 'draft')), meta);
      have += n;
    }
    const naive = db.db.prepare(
      `SELECT * FROM qa_items NOT INDEXED WHERE scene_id = ? AND deleted = 0 ORDER BY created_at DESC, rowid DESC LIMIT 100 OFFSET ?`,
    );
    const naiveCount = db.db.prepare('SELECT count(*) AS n FROM qa_items NOT INDEXED WHERE scene_id = ? AND deleted = 0');
    for (const offset of [0, Math.floor(have / 2)]) {
      const page = timeEach(7, () => db.qaItems.list({ sceneId: SCENE, limit: 100, offset }));
      const peer = timeEach(3, () => {
        naive.all(SCENE, offset);
        naiveCount.get(SCENE);
      });
      out.push(
        result('store', `list page of 100 at offset ${offset} among ${have} items`, 'median time', 'ms', percentile(page, 0.5), {
          value: percentile(peer, 0.5),
          name: 'same query, index not used',
          better: 'lower',
        }),
      );
    }
    // Scrolling on from the middle: the page after a given item (keyset) against the same page by OFFSET.
    const mid = Math.floor(have / 2);
    const cursor = db.qaItems.list({ sceneId: SCENE, limit: 1, offset: mid - 1 }).items[0]!.id;
    const keyset = timeEach(7, () => db.qaItems.list({ sceneId: SCENE, limit: 100, offset: 0, afterId: cursor }));
    const byOffset = timeEach(7, () => db.qaItems.list({ sceneId: SCENE, limit: 100, offset: mid }));
    out.push(
      result('store', `list page of 100 after item ${mid} (afterId) among ${have} items`, 'median time', 'ms', percentile(keyset, 0.5), {
        value: percentile(byOffset, 0.5),
        name: `same page by offset ${mid}`,
        better: 'lower',
      }),
    );
  } finally {
    s?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
