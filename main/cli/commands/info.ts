// `scenewright info`: what this install is and what it can use, without opening the database.
import { APP_VERSION, ENGINE_VERSION } from '../../../app/version';
import { resolveDataDir } from '../../data-dir';
import { findElectronBinary } from '../../launch/electron-binary';
import { chooseExecutionProvider } from '../../models/execution-provider';
import { COMMON_FLAGS, parseFlags } from '../args';
import type { RunCommand } from '../command';

export const run: RunCommand = async (argv, io) => {
  const flags = parseFlags(argv, COMMON_FLAGS);
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
