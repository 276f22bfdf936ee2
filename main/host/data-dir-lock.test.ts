// Two hosts on one data folder: in one process, and across processes with a real child host.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QaItemInput, RpcResult } from '../../app/contract';
import { bundleScript, type BundledScript } from '../../db/testing/bundle-script';
import { createHost, type Host } from './create-host';
import { LOCK_FILE, readOnlyMessage } from './data-dir-lock';

let dataDir: string;
const hosts: Host[] = [];
const children: ChildProcess[] = [];
let child: BundledScript;

const start = async () => {
  const h = await createHost({
    dataDir,
    transport: 'in-process',
    backupIntervalMs: 0,
    executionProvider: async () => ({ provider: 'none', reason: 'not probed in this test', fallbacks: [] }),
  });
  hosts.push(h);
  return h;
};
const item: QaItemInput = {
  sceneId: 'room',
  kind: 'distance',
  question: 'How far?',
  answer: 1,
  unit: 'm',
  instanceIds: [1, 2],
  status: 'verified',
};
const errorOf = (r: RpcResult) => (r.ok ? null : r.error);

beforeAll(() => {
  child = bundleScript(join(__dirname, 'testing/hold-data-dir.ts'));
});
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sw-lock-'));
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const h of hosts.splice(0)) await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});
afterAll(() => rmSync(join(child.file, '..'), { recursive: true, force: true }));

/** Starts the child host and resolves with its first line once the host is up. */
function startChild(): Promise<{ pid: number; readOnly: boolean; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [child.file, dataDir], { env: child.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(proc);
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once('line', (line) => resolve({ ...JSON.parse(line), proc }));
    proc.once('exit', (code) => reject(new Error(`child host exited with ${code}: ${err}`)));
  });
}

const exited = (proc: ChildProcess) => new Promise((resolve) => proc.once('exit', resolve));

describe('one writer per data folder', () => {
  it('makes a second host on the same folder read-only with a clear message, and the first keeps writing', async () => {
    const first = await start();
    const saved = await first.client.saveQaItem(item);
    const second = await start();

    const info = await second.client.appInfo();
    const message = readOnlyMessage(process.pid);
    expect(info).toMatchObject({ readOnly: true, readOnlyReason: message });
    expect(message).toBe(`another Scenewright (pid ${process.pid}) has this data folder open; this window is read-only`);
    for (const [method, input] of [
      ['saveQaItem', item],
      ['updateQaItem', { id: saved.id, changes: { status: 'rejected' } }],
      ['undo', { sceneId: 'room' }],
      ['redo', { sceneId: 'room' }],
    ] as const) {
      expect(errorOf(await second.dispatch(method, input))).toEqual({ code: 'read_only', message });
    }
    // It still reads, and sees what the first one writes.
    expect((await second.client.listQaItems()).items).toEqual([saved]);
    await first.client.updateQaItem({ id: saved.id, changes: { status: 'rejected' } });
    expect((await second.client.listQaItems()).items[0]).toMatchObject({ status: 'rejected', revision: 2 });
    expect((await first.client.appInfo()).readOnly).toBe(false);
  });

  it('gives the folder to the next host once the first one closes', async () => {
    const first = await start();
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const next = await start();
    expect((await next.client.appInfo()).readOnly).toBe(false);
    await next.client.saveQaItem(item);
  });

  it('is read-only beside a host in another process, and takes over once that process is killed', async () => {
    const other = await startChild();
    expect(other.readOnly).toBe(false);
    const here = await start();
    expect(await here.client.appInfo()).toMatchObject({ readOnly: true, readOnlyReason: readOnlyMessage(other.pid) });
    expect(errorOf(await here.dispatch('saveQaItem', item))?.code).toBe('read_only');
    await here.close();

    // SIGKILL leaves the lock file behind: its pid is gone, so the lock is stale.
    other.proc.kill('SIGKILL');
    await exited(other.proc);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    const after = await start();
    expect((await after.client.appInfo()).readOnly).toBe(false);
    await after.client.saveQaItem(item);

    // And now a child started beside us is the read-only one.
    const late = await startChild();
    expect(late.readOnly).toBe(true);
  });

  it('treats a lock file that names no process as stale', async () => {
    writeFileSync(join(dataDir, LOCK_FILE), 'not a pid\n');
    const h = await start();
    expect((await h.client.appInfo()).readOnly).toBe(false);
  });
});
