// `scenewright project export|import`: a data folder's saved work (database + scene caches) as one
// `.swproj` file, checked by SHA-256 on import (see main/project/format.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Store } from '../../../db';
import { resolveDataDir } from '../../data-dir';
import { lockDataDir, type DataDirLock } from '../../host/data-dir-lock';
import { DATABASE_FILE } from '../../host/services';
import { exportProject } from '../../project/export-project';
import { importProject } from '../../project/import-project';
import { COMMON_FLAGS, parseCommandLine, UsageError } from '../args';
import type { RunCommand } from '../command';
import { createProgressBar } from '../progress-bar';

const FLAGS = { ...COMMON_FLAGS, replace: { type: 'boolean' } } as const;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export const run: RunCommand = async (argv, io) => {
  const { values: flags, positionals } = parseCommandLine(argv, FLAGS);
  const [action, file, ...extra] = positionals;
  if ((action !== 'export' && action !== 'import') || file === undefined || extra.length > 0) {
    throw new UsageError('project expects "export <file>" or "import <file>"');
  }
  if (action === 'export' && flags.replace) throw new UsageError('--replace applies to project import only');
  const dataDir = resolveDataDir({ flag: flags['data-dir'] });
  const bar = createProgressBar(io);
  const onProgress = (label: string, done: number, total: number) => bar.update(label, done, total);
  try {
    if (action === 'export') {
      const { store, release } = openForExport(dataDir);
      try {
        const r = await exportProject({ dataDir, store, file, onProgress });
        bar.finish();
        if (flags.json) io.out(`${JSON.stringify({ ...r, dataDir })}\n`);
        else io.out(`exported ${dataDir} to ${r.file}: ${r.scenes} scene cache(s), ${mb(r.bytes)}, sha256 ${r.sha256}\n`);
      } finally {
        release();
      }
    } else {
      const r = await importProject({ file, dataDir, replace: flags.replace === true, onProgress });
      bar.finish();
      if (flags.json) io.out(`${JSON.stringify({ ...r, file })}\n`);
      else {
        io.out(`imported ${file} into ${r.dataDir}: ${r.qaItems} saved item(s), ${r.scenes} scene cache(s), checksum ok\n`);
        if (r.backup) io.out(`the previous database is kept as ${r.backup}\n`);
      }
    }
    return 0;
  } catch (err) {
    bar.finish();
    throw err;
  }
};

/**
 * Export only reads: with the folder free it is opened as the app would (migrated if older); while
 * a running Scenewright holds it, read-only beside it (WAL lets both read the same committed state).
 */
function openForExport(dataDir: string): { store: Store; release(): void } {
  const dbFile = join(dataDir, DATABASE_FILE);
  if (!existsSync(dbFile)) throw new Error(`${dataDir} holds no saved work (${DATABASE_FILE} is missing); expected a Scenewright data folder`);
  const lock = lockDataDir(dataDir);
  const held: DataDirLock | null = lock.acquired ? lock.lock : null;
  try {
    const store = openDatabase(dbFile, { readonly: held === null });
    return {
      store,
      release() {
        store.close();
        held?.release();
      },
    };
  } catch (e) {
    held?.release();
    throw e;
  }
}
