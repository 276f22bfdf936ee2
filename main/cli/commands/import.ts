// `scenewright import <path>`: a scan file or scene folder into the database and the scene cache,
// through the same host call the UI uses (progress events drive the bar).
import { ContractCallError } from '../../../app/contract/errors';
import { resolveDataDir } from '../../data-dir';
import { createHost } from '../../host/create-host';
import { cachePath } from '../../import/scene-cache';
import { COMMON_FLAGS, parseCommandLine, UsageError } from '../args';
import type { RunCommand } from '../command';
import { createProgressBar } from '../progress-bar';
import { parseUpAxis } from './up-axis-flag';

const FLAGS = { ...COMMON_FLAGS, 'up-axis': { type: 'string' } } as const;

export const run: RunCommand = async (argv, io) => {
  const { values: flags, positionals } = parseCommandLine(argv, FLAGS);
  if (positionals.length !== 1) throw new UsageError('import expects one file or folder');
  const upAxis = parseUpAxis(flags['up-axis']);
  const dataDir = resolveDataDir({ flag: flags['data-dir'] });
  const host = await createHost({ dataDir, transport: 'in-process', backupIntervalMs: 0 });
  const bar = createProgressBar(io);
  const off = host.events.on('progress', (p) => bar.update(p.label, p.done, p.total));
  try {
    const result = await host.client.importScene({ path: positionals[0]!, ...(upAxis ? { upAxis } : {}) });
    bar.finish();
    const cache = cachePath(dataDir, result.id);
    if (flags.json) io.out(`${JSON.stringify({ ...result, dataDir, cache })}\n`);
    else if (result.alreadyImported) io.out(`${result.name}: already imported as ${result.id}\n`);
    else io.out(`imported ${result.name} (${result.format}) as ${result.id}: ${result.pointCount.toLocaleString('en-US')} points, ${result.instanceCount} instances\ncache: ${cache}\n`);
    return 0;
  } catch (err) {
    bar.finish();
    // The contract error's own message names the file and position; the method prefix adds nothing.
    if (err instanceof ContractCallError) throw new Error(err.body.message);
    throw err;
  } finally {
    off();
    await host.close();
  }
};
