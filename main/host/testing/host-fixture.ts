// One real host per test file (or per test) on a fresh temporary data folder, restartable on the same
// folder as a relaunch would be, closed and removed afterwards. Scheduled backups are off and the
// execution-provider probe is skipped unless a test asks for them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProviderChoice } from '../../models/execution-provider';
import { createHost, type Host, type HostOptions } from '../create-host';

/** The probe answer tests get: the model runtime plays no part in what they check. */
export const notProbed = async (): Promise<ProviderChoice> => ({ provider: 'none', reason: 'not probed in this test', fallbacks: [] });

export interface TestHostOptions extends Partial<Omit<HostOptions, 'dataDir'>> {
  /** The data folder inside the temporary folder (e.g. 'data', so siblings can hold inputs); default: the folder itself. */
  subdir?: string;
  /** Keep the real execution-provider probe and scheduled backups (as the product starts). */
  productDefaults?: boolean;
}

export interface TestHost {
  /** The running host; a new object after restart(). */
  readonly host: Host;
  readonly dataDir: string;
  /** The temporary folder that holds dataDir (removed afterwards). */
  readonly dir: string;
  /** Closes the host and starts a new one on the same data folder. */
  restart(): Promise<Host>;
  /** For beforeAll / beforeEach: a fresh folder and a host on it. */
  setUp(): Promise<void>;
  /** For afterAll / afterEach: closes the host and removes the folder. */
  tearDown(): Promise<void>;
}

/**
 * A host for a test file; register its hooks there (`beforeAll(t.setUp); afterAll(t.tearDown);`,
 * or the Each pair for a fresh host per test), and read `host` inside tests and hooks only.
 */
export function testHost(prefix: string, options: TestHostOptions = {}): TestHost {
  const { subdir, productDefaults, ...hostOptions } = options;
  let host: Host | undefined;
  let dir: string | undefined;
  const dataDir = () => (subdir ? join(dir!, subdir) : dir!);
  const start = () =>
    createHost({
      transport: 'in-process',
      ...(productDefaults ? {} : { backupIntervalMs: 0, executionProvider: notProbed }),
      ...hostOptions,
      dataDir: dataDir(),
    });
  const setUp = async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    host = await start();
  };
  const tearDown = async () => {
    await host?.close();
    host = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  return {
    setUp,
    tearDown,
    get host() {
      if (!host) throw new Error('testHost: no host outside a test (register setUp as a before hook)');
      return host;
    },
    get dataDir() {
      return dataDir();
    },
    get dir() {
      return dir!;
    },
    async restart() {
      await host?.close();
      host = await start();
      return host;
    },
  };
}
