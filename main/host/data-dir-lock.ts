// One writer per data folder. The first host to start writes its pid into scenewright.lock; a second
// one (another window, another process) finds it, and runs read-only instead of risking two writers
// racing on the same database and caches. A lock left by a process that died is taken over.
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'scenewright.lock';

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock if it is still ours. Idempotent. */
  release(): void;
}

export type LockOutcome =
  | { acquired: true; lock: DataDirLock }
  | { acquired: false; holderPid: number; message: string };

export function readOnlyMessage(pid: number): string {
  return `another Scenewright (pid ${pid}) has this data folder open; this window is read-only`;
}

export function lockDataDir(dataDir: string): LockOutcome {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  // pid for people and for the liveness check; the random part tells two hosts of one process apart.
  const token = `${process.pid} ${randomUUID()}\n`;
  const tmp = `${file}.${process.pid}.${randomUUID()}`;
  writeFileSync(tmp, token);
  try {
    // Two tries: the second follows removing a lock whose process is gone.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        // link() fails if the name exists, and the file appears with its full content at once.
        linkSync(tmp, file);
        return { acquired: true, lock: ownedLock(file, token) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = readHolder(file);
      if (holder !== null && isAlive(holder)) return { acquired: false, holderPid: holder, message: readOnlyMessage(holder) };
      rmSync(file, { force: true });
    }
    const holder = readHolder(file) ?? 0;
    return { acquired: false, holderPid: holder, message: readOnlyMessage(holder) };
  } finally {
    rmSync(tmp, { force: true });
  }
}

function ownedLock(file: string, token: string): DataDirLock {
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      try {
        if (readFileSync(file, 'utf8') === token) unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}

/** The pid in a lock file; null for a file that is unreadable or was not written by us. */
function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split(' ')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
