// What `npm start` runs: the Electron window when the Electron binary is installed, otherwise the
// same UI through the loopback web bridge in a Chromium --app window (or at the printed URL).
import { spawn } from 'node:child_process';
import { parsePort, parseFlags, UsageError } from './cli/args';
import { serveWeb } from './bridge/serve-web';
import { resolveDataDir } from './data-dir';
import { openAppWindow, hasDisplay } from './launch/app-window';
import { findChromium } from './launch/chromium-path';
import { findElectronBinary } from './launch/electron-binary';
import { electronMain } from './launch/paths';
import { untilSignal } from './launch/shutdown';

const USAGE = `usage: npm start -- [--data-dir <dir>] [--port <n>] [--no-open]

  --data-dir <dir>  where the database lives (default: $XDG_DATA_HOME/scenewright or ~/.local/share/scenewright)
  --port <n>        web bridge port on 127.0.0.1 (default 0: a free port)
  --no-open         do not open a window; just print the URL
  --help            this text`;

const FLAGS = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  'no-open': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function runElectron(binary: string, argv: string[]): Promise<number> {
  const child = spawn(binary, [electronMain(), ...argv], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`could not start Electron: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function runWeb(flags: { dataDir: string; port: number; open: boolean }): Promise<number> {
  process.stdout.write(`Scenewright data directory: ${flags.dataDir}\n`);
  const session = await serveWeb({ dataDir: flags.dataDir, port: flags.port });
  const { url } = session.bridge;
  process.stdout.write(`Scenewright is running at ${url}\n`);

  let windowClosed: Promise<unknown> = new Promise(() => {});
  if (flags.open && hasDisplay()) {
    const chromium = await findChromium();
    if (!chromium) process.stdout.write('No Chromium found (set CHROMIUM_PATH); open the URL above in a browser.\n');
    else {
      const win = openAppWindow(chromium.path, url);
      // Closing the app window quits the app; a Chromium that failed to start leaves the URL usable.
      windowClosed = win.exited.then((code) => {
        if (code === 0) return;
        process.stdout.write(`Chromium exited (${code ?? 'failed to start'}); the UI is still at the URL above.\n`);
        return new Promise(() => {});
      });
    }
  } else if (flags.open) {
    process.stdout.write('No display; open the URL above in a browser.\n');
  }

  await Promise.race([untilSignal(), windowClosed]);
  await session.close();
  process.stdout.write('Scenewright stopped.\n');
  return 0;
}

async function start(argv: string[]): Promise<number> {
  let flags;
  try {
    flags = parseFlags(argv, FLAGS);
    if (flags.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const port = parsePort(flags.port);
    const electron = findElectronBinary();
    if (electron.available) return await runElectron(electron.path, argv);
    return await runWeb({ dataDir: resolveDataDir({ flag: flags['data-dir'] }), port, open: !flags['no-open'] });
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`Scenewright failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

process.exitCode = await start(process.argv.slice(2));
