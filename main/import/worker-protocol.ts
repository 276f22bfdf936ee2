// Messages between the host and an import worker (main/import/worker.ts, one per import). The worker
// reads and hashes the input, asks whether to go on (the host knows what is already imported),
// then parses and converts, and hands the scene's typed arrays back by transfer, not by copy.
import type { ContractErrorBody, InstanceInfo } from '../../app/contract/schemas';
import type { CompactScene, SceneReport } from '../../app/scene/load';

export interface ImportWorkerData {
  path: string;
  id: string;
  name: string;
  source: string;
  upAxis?: 'z' | 'y';
  /** false: read the whole file before parsing, even where it could stream (the bench's baseline). */
  streaming?: boolean;
}

export type WorkerMessage =
  /** `stage` indexes IMPORT_STAGES; `fraction` of it is done (bytes read, while reading). */
  | { type: 'progress'; stage: number; fraction: number; detail?: string }
  | { type: 'hashed'; contentHash: string; byteLength: number }
  | { type: 'done'; scene: CompactScene; report: SceneReport; instances: InstanceInfo[] }
  | { type: 'failed'; error: ContractErrorBody };

/** The host's answer to 'hashed': parse (not imported yet). Otherwise it terminates the worker. */
export type HostMessage = { type: 'parse' };

export const IMPORT_STAGES = ['reading', 'parsing', 'summarising', 'writing cache', 'recording'] as const;
