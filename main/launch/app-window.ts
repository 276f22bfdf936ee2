// Opens the web UI as an app window in Chromium (--app mode, no tabs or address bar). Each launch
// gets a fresh profile in a temporary directory, removed when the window closes, so no cookies,
// storage or extensions of the user's own browser ever see the bridge token.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppWindow {
  /** Resolves with Chromium's exit code when the window (the browser process) is gone. */
  exited: Promise<number | null>;
  close(): void;
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function openAppWindow(chromiumPath: string, url: string): AppWindow {
  const profile = mkdtempSync(join(tmpdir(), 'scenewright-chromium-'));
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-background-networking',
  ];
  // Chromium refuses to start as root with its sandbox on (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(chromiumPath, args, { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('exit', (code) => resolve(code));
  }).finally(() => rmSync(profile, { recursive: true, force: true }));
  return {
    exited,
    close: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}
