// `scenewright serve`: the host and the loopback web bridge, no window; runs until Ctrl-C.
import { serveWeb } from '../../bridge/serve-web';
import { resolveDataDir } from '../../data-dir';
import { untilSignal } from '../../launch/shutdown';
import { COMMON_FLAGS, parseFlags, parsePort } from '../args';
import type { RunCommand } from '../command';

export const run: RunCommand = async (argv, io) => {
  const flags = parseFlags(argv, { ...COMMON_FLAGS, port: { type: 'string' } });
  const port = parsePort(flags.port);
  const dataDir = resolveDataDir({ flag: flags['data-dir'] });
  const session = await serveWeb({ dataDir, port });
  const { url } = session.bridge;
  if (flags.json) io.out(`${JSON.stringify({ url, port: session.bridge.port, dataDir })}\n`);
  else io.out(`Scenewright data directory: ${dataDir}\nScenewright is running at ${url}\n`);
  await untilSignal();
  await session.close();
  return 0;
};
