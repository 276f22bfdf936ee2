// Where the shell finds its files. The bundles live in dist/main/electron/ (inside app.asar when
// packaged), so everything is resolved from the directory of the running bundle.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ShellPaths {
  preload: string;
  rendererIndex: string;
  /** The file:// URL the window loads; the only origin trusted on IPC. */
  rendererUrl: string;
}

export function shellPaths(bundleDir: string): ShellPaths {
  const rendererIndex = join(bundleDir, '..', '..', 'renderer', 'index.html');
  return {
    preload: join(bundleDir, 'preload.cjs'),
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
  };
}

/** `--data-dir=<dir>` or `--data-dir <dir>`; undefined when absent or empty. */
export function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length) || undefined;
    if (a === '--data-dir') return argv[i + 1] || undefined;
  }
  return undefined;
}
