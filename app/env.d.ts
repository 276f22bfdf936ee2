// The few globals every runtime we target (Node, workers, Chromium, Electron) provides.
// app/ compiles without DOM or Node types, so declare exactly these and nothing else.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  /** stream: true keeps a multi-byte character cut at the input's end for the next call. */
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const performance: { now(): number };
declare const console: {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};
declare function queueMicrotask(callback: () => void): void;
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare const crypto: { randomUUID(): string; getRandomValues<T extends ArrayBufferView>(array: T): T };
