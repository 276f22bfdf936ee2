// IPC channel names, shared by main and preload. Kept free of imports so the sandboxed preload
// bundle stays free of packages it could not require.

export const EVENT_CHANNEL = 'sw:event';

export function channelFor(method: string): string {
  return `sw:${method}`;
}
