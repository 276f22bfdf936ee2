// The host as every transport sees it: a dispatcher over the contract, a stream of contract events,
// and close(). Electron IPC, the web bridge and in-process callers (CLI, tests) all start here.
import {
  createClient,
  createDispatcher,
  type CallContext,
  type Client,
  type RpcResult,
} from '../../app/contract';
import type { ProviderChoice } from '../models/execution-provider';
import { createHostEvents, type HostEvents } from './events';
import { createHandlers } from './handlers';
import { createJobs } from './jobs';
import { openServices, type Services } from './services';

export interface HostOptions {
  dataDir: string;
  /** The transport calls come from when the caller passes no context. */
  transport: CallContext['transport'];
  readOnly?: boolean;
  executionProvider?: () => Promise<ProviderChoice>;
  /** 0 turns scheduled backups off. */
  backupIntervalMs?: number;
  /** The bundled import worker; defaults to dist/main/import-worker.js. */
  importWorker?: string | URL;
  /** Defaults to <dataDir>/models/segmentation.onnx; missing: the geometric fallback answers segmentScene. */
  segmentationModelPath?: string;
  /** The native open dialog (Electron shell only); without it chooseImportPath answers unsupported. */
  chooseImportPath?(kind: 'file' | 'folder' | 'any'): Promise<string | null>;
}

export interface Host {
  dataDir: string;
  dispatch(method: string, input: unknown, ctx?: CallContext): Promise<RpcResult>;
  /** Typed in-process client over dispatch (same validation as any transport). */
  client: Client;
  events: HostEvents;
  services: Services;
  /** Idempotent. */
  close(): Promise<void>;
}

export async function createHost(options: HostOptions): Promise<Host> {
  const services = openServices(options);
  const events = createHostEvents();
  const dispatcher = createDispatcher(
    createHandlers({
      dataDir: services.dataDir,
      readOnly: services.readOnly,
      readOnlyReason: services.readOnlyReason,
      executionProvider: services.executionProvider,
      registry: services.registry,
      scenes: services.store.scenes,
      qaItems: services.store.qaItems,
      editor: services.store.editor,
      instanceEditor: services.store.instanceEditor,
      layouts: services.store.layouts,
      layoutEditor: services.store.layoutEditor,
      superpointSets: services.store.superpoints,
      segmentationModelPath: services.segmentationModelPath,
      settings: services.store.settings,
      qaReview: services.store.qaReview,
      measure: services.measure,
      ask: services.ask,
      importScene: services.importScene,
      exportProject: services.exportProject,
      segment: services.segment,
      jobs: createJobs(),
      progress: (event) => events.emit('progress', event),
      ...(options.chooseImportPath ? { chooseImportPath: options.chooseImportPath } : {}),
    }),
    {
      onInternalError: (method, err) =>
        process.stderr.write(`host: ${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`),
    },
  );
  const defaultCtx: CallContext = { transport: options.transport };
  const dispatch = (method: string, input: unknown, ctx: CallContext = defaultCtx) => dispatcher(method, input, ctx);
  let closed = false;
  return {
    dataDir: services.dataDir,
    dispatch,
    client: createClient((method, input) => dispatch(method, input)),
    events,
    services,
    async close() {
      if (closed) return;
      closed = true;
      services.close();
    },
  };
}
