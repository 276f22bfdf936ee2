// Child process for the crash test: edits saved work as fast as it can, through the same editor the
// host uses, and after each commit prints one line per item revision that the commit wrote:
//   R <item id> <revision> <status> <deleted 0|1>
// The test kills it with SIGKILL at random moments and then checks that every printed revision is
// in the file. Usage: crash-writer <database file>
import type { QaItemInput } from '../../app/contract/schemas';
import { openDatabase } from '../open';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-writer <database file>');
const store = openDatabase(file);
const sceneId = 'crash-room';
const statuses = ['draft', 'verified', 'rejected'] as const;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const known = store.qaItems.list({ sceneId, limit: 200, offset: 0 }).items.map((i) => i.id);

const report = (id: string) => {
  const last = store.qaItems.revisions(id).at(-1);
  if (last) process.stdout.write(`R ${id} ${last.revision} ${last.status} ${last.deleted ? 1 : 0}\n`);
};

for (let n = 0; ; n++) {
  const roll = Math.random();
  if (roll < 0.5 || known.length === 0) {
    const input: QaItemInput = {
      sceneId,
      kind: 'distance',
      question: `How far apart are ${n % 17} and ${n % 13}? ${'padding '.repeat(n % 40)}`,
      answer: Math.random() * 5,
      unit: 'm',
      instanceIds: [n % 17, n % 13],
      status: pick(statuses),
      evidence: { run: process.pid, n },
    };
    const saved = store.editor.save(input, { engineVersion: '0.1.0' });
    known.push(saved.id);
    report(saved.id);
  } else if (roll < 0.85) {
    const id = pick(known);
    // Verifications and edits; an item an undo removed is skipped (not_found).
    const changes = Math.random() < 0.6 ? { status: pick(statuses) } : { question: `Edited ${n}`, answer: n };
    if (store.qaItems.get(id)) {
      store.editor.update(id, changes);
      report(id);
    }
  } else {
    const r = Math.random() < 0.6 ? store.editor.undo(sceneId) : store.editor.redo(sceneId);
    if (r.applied) report(r.applied.target);
  }
}
