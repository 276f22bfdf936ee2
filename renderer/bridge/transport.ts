// What the UI needs from a host connection: a way to call contract methods and a stream of events.
// Two implementations exist (Electron preload, loopback web bridge); the UI never knows which.
import type { BridgeEventMessage, Invoke } from '../../app/contract';

export type TransportKind = 'electron' | 'web';

export type EventListener = (message: BridgeEventMessage) => void;

export interface Transport {
  kind: TransportKind;
  invoke: Invoke;
  /** Subscribes to host events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  /**
   * Hands a file's bytes to the host and returns the path it stored them at (for importScene).
   * Only the web bridge has it: a browser cannot tell the host where a dropped file lives.
   */
  upload?(file: Blob, name: string): Promise<string>;
  /**
   * Hands a folder's files (paths relative to the picked folder's parent, '/' separated) to the host
   * and returns the host path of the folder to import. Web bridge only, like `upload`.
   */
  uploadFolder?(files: readonly FolderFile[], onFile?: (done: number, total: number) => void): Promise<string>;
}

export interface FolderFile {
  file: Blob;
  /** e.g. `scene0000_00/scene0000_00_vh_clean_2.ply` (a browser's webkitRelativePath). */
  path: string;
}
