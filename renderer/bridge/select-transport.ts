// Picks the transport for this page: the Electron preload when present, else the web bridge.
import { createElectronTransport } from './electron-transport';
import { resolveToken, stripTokenFromLocation } from './token';
import type { Transport } from './transport';
import { createWebTransport } from './web-transport';

export class NoTransportError extends Error {
  constructor() {
    super('No host connection: open the URL that `scenewright` printed (it ends in #token=…).');
    this.name = 'NoTransportError';
  }
}

export function selectTransport(): Transport {
  if (window.scenewright) return createElectronTransport(window.scenewright);
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  const token = resolveToken({ hash: location.hash, storage });
  if (!token) throw new NoTransportError();
  stripTokenFromLocation();
  return createWebTransport(token);
}
