// Child process for the locking test: a real host on the data folder given as argv[2]. It prints
// one JSON line once the host is up, then runs until it is killed.
import { createHost } from '../create-host';

async function main(dataDir: string | undefined) {
  if (!dataDir) throw new Error('usage: hold-data-dir <data-dir>');
  const host = await createHost({
    dataDir,
    transport: 'in-process',
    backupIntervalMs: 0,
    // The model runtime plays no part in locking; skip its probe.
    executionProvider: async () => ({ provider: 'none', reason: 'not probed in this child', fallbacks: [] }),
  });
  const info = await host.client.appInfo();
  process.stdout.write(`${JSON.stringify({ pid: process.pid, readOnly: info.readOnly })}\n`);
  setInterval(() => {}, 1 << 30);
}

main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
