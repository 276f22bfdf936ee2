// Whether the Electron binary is installed. `electron` is an optional dependency that is usually
// absent here (its binary download fails offline). Only main/electron/ may load Electron, so this reads
// the package's own record of where its binary lives (path.txt, what its index.js reports) without loading it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'electron package not installed (optional dependency; its binary download needs network access)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { available: false, reason: `electron binary was never downloaded (${pathFile} missing)` };
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { available: false, reason: `electron binary missing at ${binary}` };
  return { available: true, path: binary };
}
