import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_VERSION, ENGINE_VERSION } from '../../app/version';
import type { Io } from './command';
import { main } from './index';
import { commands } from './commands/index';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('scenewright CLI', () => {
  it('info --json prints one JSON object with the expected keys', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sw-cli-'));
    dirs.push(dataDir);
    const { code, out, err } = await run(['info', '--json', '--data-dir', dataDir]);
    expect([code, err]).toEqual([0, '']);
    expect(out.trim().split('\n')).toHaveLength(1);
    const info = JSON.parse(out);
    expect(info).toMatchObject({ name: 'Scenewright', version: APP_VERSION, engineVersion: ENGINE_VERSION, dataDir, node: process.version });
    expect(['cuda', 'webgpu', 'cpu', 'none']).toContain(info.executionProvider);
    expect(typeof info.executionProviderReason).toBe('string');
    expect(Array.isArray(info.executionProviderFallbacks)).toBe(true);
    expect(typeof info.electron.available).toBe('boolean');
  });

  it('info prints human text without --json', async () => {
    const { code, out } = await run(['info']);
    expect(code).toBe(0);
    expect(out).toContain(`Scenewright ${APP_VERSION}`);
    expect(out).toContain('execution provider:');
  });

  it('help lists the commands, as text or JSON', async () => {
    const text = (await run(['help'])).out;
    for (const name of ['info', 'serve', 'superpoints', 'help']) expect(text).toMatch(new RegExp(`^ {2}${name} +\\S`, 'm'));
    const { code, out } = await run(['help', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).commands.map((c: { name: string }) => c.name)).toEqual(Object.keys(commands));
    expect(JSON.parse((await run(['help', 'serve', '--json'])).out).commands[0].usage).toContain('--port');
  });

  it('exits 2 with a message on stderr for an unknown command, flag or bad value', async () => {
    for (const argv of [['frobnicate'], ['info', '--frob'], ['serve', '--port', 'abc'], ['help', 'nope']]) {
      const { code, out, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^scenewright: /);
    }
  });
});
