// The import rules of ARCHITECTURE.md as data, so the lint and its test read one table.
import { builtinModules } from 'node:module';

export const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Which of our layers each layer may import (itself always allowed). */
export const LAYER_IMPORTS = {
  app: [],
  db: ['app'],
  main: ['app', 'db'],
  renderer: ['app'],
  e2e: ['app/contract', 'main/launch'],
};

/** Third-party packages each layer's production code may import. */
export const LAYER_PACKAGES = {
  app: ['zod', 'immer'],
  db: ['zod', 'better-sqlite3'],
  main: ['zod', 'immer', 'ws', 'onnxruntime-node', 'three', 'electron', '@sparticuz/chromium', 'playwright-core', 'laz-perf'],
  renderer: ['zod', 'immer', 'react', 'react-dom', 'three'],
  e2e: ['@playwright/test', 'playwright-core', '@sparticuz/chromium'],
};

export const NODE_ALLOWED = { app: false, db: true, main: true, renderer: false, e2e: true };

/** Packages only one folder may import, whatever the layer table says. */
export const PACKAGE_OWNERS = {
  electron: 'main/electron/',
  'onnxruntime-node': 'main/',
  'better-sqlite3': 'db/',
  '@sparticuz/chromium': 'main/launch/',
  // Loads its WASM through Node's fs, so app/formats/las takes it injected as a LazDecoder.
  'laz-perf': 'main/formats/',
};
