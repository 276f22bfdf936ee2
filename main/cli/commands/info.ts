// `scenewright info`: what this install is and what it can use, without opening the database.
// `scenewright info <path>`: what a scan file or scene folder holds (see scene-info.ts).
import { APP_VERSION, ENGINE_VERSION } from '../../../app/version';
import { resolveDataDir } from '../../data-dir';
import { findElectronBinary } from '../../launch/electron-binary';
import { chooseExecutionProvider } from '../../models/execution-provider';
import { COMMON_FLAGS, parseCommandLine, UsageError } from '../args';
import type { RunCommand } from '../command';
import { parseUpAxis } from './up-axis-flag';

const FLAGS = { ...COMMON_FLAGS, 'up-axis': { type: 'string' } } as const;

export const run: RunCommand = async (argv, io) => {
  const { values: flags, positionals } = parseCommandLine(argv, FLAGS);
  if (positionals.length > 1) throw new UsageError('info takes at most one file or folder');
  if (positionals.length === 1) {
    const upAxis = parseUpAxis(flags['up-axis']);
    const { sceneInfo } = await import('./scene-info');
    return sceneInfo(positionals[0]!, { json: !!flags.json, ...(upAxis ? { upAxis } : {}) }, io);
  }
  if (flags['up-axis'] !== undefined) throw new UsageError('--up-axis needs a file or folder');
  const fallbackLog: string[] = [];
  const ep = await chooseExecutionProvider({ log: (m) => fallbackLog.push(m) });
  const electron = findElectronBinary();
  const report = {
    name: 'Scenewright',
    version: APP_VERSION,
    engineVersion: ENGINE_VERSION,
    dataDir: resolveDataDir({ flag: flags['data-dir'] }),
    executionProvider: ep.provider,
    executionProviderReason: ep.reason,
    executionProviderFallbacks: ep.fallbacks,
    node: process.version,
    electron,
  };
  if (flags.json) {
    io.out(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const lines = [
    `Scenewright ${report.version} (engine ${report.engineVersion})`,
    `data directory:     ${report.dataDir}`,
    `execution provider: ${report.executionProvider} — ${report.executionProviderReason}`,
    ...ep.fallbacks.map((f) => `  not ${f.provider}: ${f.reason}`),
    `node:               ${report.node}`,
    `electron:           ${electron.available ? electron.path : `unavailable (${electron.reason})`}`,
  ];
  io.out(`${lines.join('\n')}\n`);
  return 0;
};
