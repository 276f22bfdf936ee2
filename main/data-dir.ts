// Where Scenewright keeps its database and caches. One rule for every entry point (npm start,
// Electron, CLI) so that they all see the same saved work.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DataDirSources {
  /** The --data-dir flag, if given. */
  flag?: string | undefined;
  /** Electron's app.getPath('userData'), passed in by the Electron shell. */
  electronUserData?: string | undefined;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

export function resolveDataDir(sources: DataDirSources = {}): string {
  if (sources.flag) return resolve(sources.flag);
  if (sources.electronUserData) return resolve(sources.electronUserData);
  const env = sources.env ?? process.env;
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  if (xdg && xdg.startsWith('/')) return join(xdg, 'scenewright');
  return join(sources.home ?? homedir(), '.local', 'share', 'scenewright');
}
