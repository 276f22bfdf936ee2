// The Electron shell's logic, run under plain Node: Electron itself cannot run here, so the few
// Electron objects involved (ipcMain, ipcRenderer, webContents) are tiny in-test stand-ins wired to
// each other, while the dispatcher, the contract and the handlers are the real ones.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BridgeEventMessage } from '../../app/contract/bridge-protocol';
import { methods } from '../../app/contract/contract';
import { createDispatcher, type CallContext, type Handlers, type RpcResult } from '../../app/contract/dispatch';
import { AppError } from '../../app/contract/errors';
import { createBridge } from './bridge';
import { channelFor, EVENT_CHANNEL } from './channels';
import type { IpcInvokeListener, IpcMain, IpcMainInvokeEvent, IpcRenderer, IpcRendererListener, WebContents } from './electron-api';
import { broadcast, registerIpcHandlers, senderCheckFor } from './ipc';
import { dataDirFromArgv, shellPaths } from './paths';
import { decodeMethodsArg, encodeMethodsArg } from './preload-args';
import { CONTENT_SECURITY_POLICY, windowOptions } from './window-options';

const BUNDLE_DIR = '/opt/Scenewright/resources/app.asar/dist/main/electron';
const paths = shellPaths(BUNDLE_DIR);
const SCENE = 'room-1';

/** Real handlers over an in-memory store; `calls` records what reached them. */
function makeHandlers() {
  const calls: { method: string; input: unknown; ctx: CallContext }[] = [];
  const saved: Parameters<Handlers['saveQaItem']>[0][] = [];
  const seen = (method: string, input: unknown, ctx: CallContext) => calls.push({ method, input, ctx });
  const instance = (id: number, x: number) => ({
    id,
    label: id === 1 ? 'chair' : 'table',
    pointCount: 10,
    bbox: { min: [x, 0, 0] as [number, number, number], max: [x + 1, 1, 1] as [number, number, number] },
    centroid: [x + 0.5, 0.5, 0.5] as [number, number, number],
  });
  const instances = [instance(1, 0), instance(2, 3)];
  const requireScene = (sceneId: string) => {
    if (sceneId !== SCENE) throw new AppError('not_found', `no scene ${sceneId}`);
  };
  // Entries this test does not exercise still get a real handler: it records the call and refuses,
  // so the shell's routing is checked for every method without restating each one here.
  const refusing = Object.fromEntries(
    methods.map((m) => [
      m,
      (input: unknown, ctx: CallContext) => {
        seen(m, input, ctx);
        throw new AppError('not_found', `${m} is not served by this test store`);
      },
    ]),
  ) as unknown as Handlers;
  const handlers: Handlers = {
    ...refusing,
    appInfo: (input, ctx) => {
      seen('appInfo', input, ctx);
      return {
        name: 'Scenewright',
        version: '0.1.0',
        engineVersion: 'test',
        dataDir: '/tmp/sw',
        executionProvider: 'cpu',
        executionProviderReason: 'test',
        transport: ctx.transport,
        readOnly: false,
      };
    },
    listScenes: (input, ctx) => {
      seen('listScenes', input, ctx);
      return { scenes: [{ id: SCENE, name: 'Room', source: 'sample', format: 'ply', pointCount: 20, instanceCount: 2 }] };
    },
    openScene: (input, ctx) => {
      seen('openScene', input, ctx);
      requireScene(input.sceneId);
      throw new AppError('bad_file', 'no buffers in this test store');
    },
    importScene: (input, ctx) => {
      seen('importScene', input, ctx);
      throw new AppError('read_only', 'no imports in this test store');
    },
    cancelJob: (input, ctx) => {
      seen('cancelJob', input, ctx);
      return { cancelled: false };
    },
    segmentScene: (input, ctx) => {
      seen('segmentScene', input, ctx);
      requireScene(input.sceneId);
      throw new AppError('bad_file', 'no buffers in this test store');
    },
    listInstances: (input, ctx) => {
      seen('listInstances', input, ctx);
      requireScene(input.sceneId);
      return { instances };
    },
    measureDistance: (input, ctx) => {
      seen('measureDistance', input, ctx);
      requireScene(input.sceneId);
      const a = instances.find((i) => i.id === input.a);
      const b = instances.find((i) => i.id === input.b);
      if (!a || !b) throw new AppError('not_found', 'no such instance');
      // Axis-aligned boxes on the x axis: the gap between them.
      const gap = Math.max(0, b.bbox.min[0] - a.bbox.max[0], a.bbox.min[0] - b.bbox.max[0]);
      return {
        sceneId: input.sceneId,
        a: a.id,
        b: b.id,
        distance: gap,
        pointA: [a.bbox.max[0], 0.5, 0.5],
        pointB: [b.bbox.min[0], 0.5, 0.5],
        centerDistance: Math.abs(b.centroid[0] - a.centroid[0]),
        unit: 'm',
        method: 'closest-point',
      };
    },
    saveQaItem: (input, ctx) => {
      seen('saveQaItem', input, ctx);
      saved.push(input);
      return {
        ...input,
        id: '3f0c6f4e-2a8b-4c1d-9e7f-0a1b2c3d4e5f',
        createdAt: '2025-01-01T00:00:00Z',
        updatedAt: '2025-01-01T00:00:00Z',
        revision: 1,
        engineVersion: 'test',
      };
    },
    listQaItems: (input, ctx) => {
      seen('listQaItems', input, ctx);
      return { items: [], total: saved.length };
    },
    updateQaItem: (input, ctx) => {
      seen('updateQaItem', input, ctx);
      throw new AppError('not_found', `no QA item with id ${input.id}`);
    },
    undo: (input, ctx) => {
      seen('undo', input, ctx);
      return { applied: null, canUndo: false, canRedo: false };
    },
    redo: (input, ctx) => {
      seen('redo', input, ctx);
      return { applied: null, canUndo: false, canRedo: false };
    },
    listHistory: (input, ctx) => {
      seen('listHistory', input, ctx);
      return { sceneId: input.sceneId, entries: [], canUndo: false, canRedo: false };
    },
  };
  return { handlers, calls };
}

/** Stand-in for ipcMain: a map of channel → handler, like Electron's registry. */
class FakeIpcMain implements IpcMain {
  readonly handlers = new Map<string, IpcInvokeListener>();
  handle(channel: string, listener: IpcInvokeListener) {
    // Electron throws on a second handler for one channel; mirror that so double registration fails.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, frameUrl: string | null, input: unknown): Promise<RpcResult> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    const event: IpcMainInvokeEvent = { senderFrame: frameUrl === null ? null : { url: frameUrl } };
    return (await h(event, input)) as RpcResult;
  }
}

/** A renderer process attached to `ipcMain`, its page at `frameUrl`. */
function connectRenderer(ipcMain: FakeIpcMain, frameUrl: string) {
  const listeners = new Map<string, Set<IpcRendererListener>>();
  const ipcRenderer: IpcRenderer = {
    invoke: (channel, input) => ipcMain.invoke(channel, frameUrl, input),
    on: (channel, l) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(l),
    removeListener: (channel, l) => void listeners.get(channel)?.delete(l),
  };
  let destroyed = false;
  const webContents: WebContents = {
    send: (channel, ...args) => {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-renderer-internals' }, ...args);
    },
    isDestroyed: () => destroyed,
    getURL: () => frameUrl,
    on: () => undefined,
    setWindowOpenHandler: () => undefined,
  };
  return { ipcRenderer, webContents, destroy: () => void (destroyed = true), listenerCount: (c: string) => listeners.get(c)?.size ?? 0 };
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('window options', () => {
  const options = windowOptions(paths.preload, methods);
  const prefs = options.webPreferences;

  it('isolate and sandbox the renderer with no Node, webviews or spellcheck', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('point at the preload and renderer bundles that tools/build.js writes', () => {
    expect(prefs.preload).toBe(join(BUNDLE_DIR, 'preload.cjs'));
    expect(paths.rendererIndex).toBe('/opt/Scenewright/resources/app.asar/dist/renderer/index.html');
    expect(paths.rendererUrl).toBe('file:///opt/Scenewright/resources/app.asar/dist/renderer/index.html');
  });

  it('hand the preload every contract method and nothing else', () => {
    expect(decodeMethodsArg(prefs.additionalArguments)).toEqual(methods);
    expect(decodeMethodsArg(['--other', '--sw-methods=ok,bad name,$x,also'])).toEqual(['ok', 'also']);
    expect(decodeMethodsArg([])).toEqual([]);
    expect(() => encodeMethodsArg(['a,b'])).toThrow(/cannot travel/);
  });

  it('use a CSP that allows no eval and only our own origin by default', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });
});

describe('paths', () => {
  it('reads --data-dir in both spellings and ignores it when empty', () => {
    expect(dataDirFromArgv(['electron', '.', '--data-dir=/srv/sw'])).toBe('/srv/sw');
    expect(dataDirFromArgv(['electron', '.', '--data-dir', '/srv/sw2', '--x'])).toBe('/srv/sw2');
    expect(dataDirFromArgv(['electron', '.', '--data-dir='])).toBeUndefined();
    expect(dataDirFromArgv(['electron', '.', '--data-dir'])).toBeUndefined();
    expect(dataDirFromArgv(['electron', '.'])).toBeUndefined();
  });
});

describe('sender check', () => {
  const trusted = senderCheckFor(paths.rendererUrl);

  it('trusts the renderer page with any fragment or query', () => {
    expect(trusted(paths.rendererUrl)).toBe(true);
    expect(trusted(`${paths.rendererUrl}#/scene/1`)).toBe(true);
    expect(trusted(`${paths.rendererUrl}?debug=1`)).toBe(true);
  });

  it('refuses other pages, look-alike paths and missing frames', () => {
    expect(trusted(undefined)).toBe(false);
    expect(trusted('')).toBe(false);
    expect(trusted('https://evil.example/index.html')).toBe(false);
    expect(trusted(`${paths.rendererUrl}.evil`)).toBe(false);
    expect(trusted('file:///tmp/dist/renderer/index.html')).toBe(false);
    expect(trusted(paths.rendererUrl.replace('index.html', 'other.html'))).toBe(false);
  });
});

describe('IPC handlers', () => {
  let ipcMain: FakeIpcMain;
  let calls: ReturnType<typeof makeHandlers>['calls'];
  let unregister: () => void;

  beforeEach(() => {
    ipcMain = new FakeIpcMain();
    const made = makeHandlers();
    calls = made.calls;
    unregister = registerIpcHandlers(ipcMain, createDispatcher(made.handlers), senderCheckFor(paths.rendererUrl));
  });

  it('give every contract method its own sw:<method> channel and no other', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methods.map((m) => `sw:${m}`).sort());
    expect(methods.map(channelFor)).not.toContain(EVENT_CHANNEL);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('dispatch trusted calls with the parsed input and the electron transport', async () => {
    const result = await ipcMain.invoke('sw:measureDistance', paths.rendererUrl, { sceneId: SCENE, a: 1, b: 2 });
    expect(result).toMatchObject({ ok: true, value: { distance: 2, centerDistance: 3, unit: 'm' } });
    expect(calls).toEqual([{ method: 'measureDistance', input: { sceneId: SCENE, a: 1, b: 2 }, ctx: { transport: 'electron' } }]);

    const info = await ipcMain.invoke('sw:appInfo', `${paths.rendererUrl}#/`, undefined);
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });
  });

  it('refuse untrusted senders before any handler runs', async () => {
    for (const url of ['https://evil.example/', `${paths.rendererUrl}.evil`, null]) {
      const result = await ipcMain.invoke('sw:saveQaItem', url, {
        sceneId: SCENE,
        kind: 'distance',
        question: 'How far?',
        answer: 2,
        unit: 'm',
        instanceIds: [1, 2],
        status: 'verified',
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unauthorized');
    }
    expect(calls).toEqual([]);
  });

  it('answer schema-invalid input with invalid_input and never call the handler', async () => {
    const result = await ipcMain.invoke('sw:measureDistance', paths.rendererUrl, { sceneId: SCENE, a: 'chair', b: 2 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.details).toEqual([expect.objectContaining({ path: 'a' })]);
    }
    const extra = await ipcMain.invoke('sw:listScenes', paths.rendererUrl, { sql: 'DROP TABLE scenes' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it('pass handler errors through as typed errors', async () => {
    const result = await ipcMain.invoke('sw:listInstances', paths.rendererUrl, { sceneId: 'nope' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: 'no scene nope' } });
  });
});

describe('preload bridge over IPC', () => {
  it('exposes one function per contract method that reaches the real dispatcher', async () => {
    const ipcMain = new FakeIpcMain();
    const { handlers, calls } = makeHandlers();
    registerIpcHandlers(ipcMain, createDispatcher(handlers), senderCheckFor(paths.rendererUrl));
    const renderer = connectRenderer(ipcMain, `${paths.rendererUrl}#/`);
    const argv = ['/opt/Scenewright/scenewright', '--type=renderer', ...windowOptions(paths.preload, methods).webPreferences.additionalArguments];
    const bridge = createBridge(renderer.ipcRenderer, decodeMethodsArg(argv));

    expect(Object.keys(bridge.api).sort()).toEqual([...methods].sort());
    expect(Object.isFrozen(bridge.api)).toBe(true);
    // Called with no input at all: the bridge sends {}, the dispatcher applies the schema defaults.
    await expect(bridge.api.listQaItems()).resolves.toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(calls[0]?.input).toEqual({ limit: 100, offset: 0 });
  });

  it('delivers broadcast events to subscribers until they unsubscribe, without the IPC event object', () => {
    const renderer = connectRenderer(new FakeIpcMain(), paths.rendererUrl);
    const bridge = createBridge(renderer.ipcRenderer, methods);
    const seen: BridgeEventMessage[] = [];
    const off = bridge.onEvent((m) => seen.push(m));
    const progress = { jobId: 'j1', label: 'segment', done: 3, total: 10, finished: false };

    expect(broadcast(renderer.webContents, 'progress', progress)).toBe(true);
    expect(seen).toEqual([{ event: 'progress', payload: progress }]);

    renderer.webContents.send(EVENT_CHANNEL, 'not a message');
    expect(seen).toHaveLength(1);

    off();
    expect(renderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    broadcast(renderer.webContents, 'progress', { ...progress, done: 4 });
    expect(seen).toHaveLength(1);

    renderer.destroy();
    expect(broadcast(renderer.webContents, 'progress', progress)).toBe(false);
  });
});
