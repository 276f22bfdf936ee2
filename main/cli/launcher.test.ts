// bin/scenewright.js as the shell runs it (its shebang): it must start Node without the extra
// certificate file, whose loading Node 20 does before any of our code runs.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const launcher = join(__dirname, '..', '..', 'bin', 'scenewright.js');
const WARNING = 'Ignoring extra certs';

describe.skipIf(process.platform === 'win32')('scenewright launcher', () => {
  // A certificate file that does not exist: Node warns on stderr when it tries to load it.
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(__dirname, 'no-such-ca-file.pem') };

  it('runs a command with NODE_EXTRA_CA_CERTS emptied, so Node loads no certificate file', () => {
    const run = spawnSync(launcher, ['help'], { env, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('superpoints');
    expect(run.stderr).not.toContain(WARNING);
  });

  it.runIf(process.versions.node.startsWith('20.'))('is what keeps the load away: through node, Node 20 loads the file at start-up', () => {
    const run = spawnSync(process.execPath, [launcher, 'help'], { env, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(WARNING);
  });
});
