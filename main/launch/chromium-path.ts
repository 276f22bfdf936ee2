// Finds a Chromium without downloading one: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then the
// binary the @sparticuz/chromium dev dependency unpacks. npm start and the e2e tests use this order.
import { accessSync, constants } from 'node:fs';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';

export interface ChromiumLocation {
  path: string;
  source: ChromiumSource;
}

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first Chromium found, or null with the reasons in `tried`. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env, tried: string[] = []): Promise<ChromiumLocation | null> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    tried.push(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
  }
  if (isExecutable(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  tried.push(`${SYSTEM_CHROMIUM} not found`);
  try {
    // A dev dependency, absent from packaged installs: loaded only when nothing else was found.
    const mod = (await import('@sparticuz/chromium')) as { default: { executablePath(): Promise<string> } };
    const path = await mod.default.executablePath();
    if (path && isExecutable(path)) return { path, source: '@sparticuz/chromium' };
    tried.push(`@sparticuz/chromium gave no executable (${path})`);
  } catch (err) {
    tried.push(`@sparticuz/chromium unavailable: ${err instanceof Error ? err.message : String(err)}`);
  }
  return null;
}

/** Like findChromium, but throws an error that lists everything tried. */
export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLocation> {
  const tried: string[] = [];
  const found = await findChromium(env, tried);
  if (!found) throw new Error(`no Chromium found; set CHROMIUM_PATH. Tried: ${tried.join('; ')}`);
  return found;
}
