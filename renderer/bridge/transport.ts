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
}
