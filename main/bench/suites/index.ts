import type { BenchResult } from '../result';

export type Suite = (args: string[]) => Promise<BenchResult[]>;

/** Suites load lazily so one suite's heavy setup never slows another. */
export const suites: Record<string, () => Promise<Suite>> = {
  distance: async () => (await import('./distance')).default,
  formats: async () => (await import('./formats')).default,
  segmentation: async () => (await import('./segmentation')).default,
  store: async () => (await import('./store')).default,
  qa: async () => (await import('./qa')).default,
  layout: async () => (await import('./layout')).default,
  'layout-model': async () => (await import('./layout-model')).default,
  viewer: async () => (await import('./viewer')).default,
};
