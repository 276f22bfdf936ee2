import type { BenchResult } from '../../bench/result';

export type EvalSuite = (args: string[]) => Promise<BenchResult[]>;

export const evalSuites: Record<string, () => Promise<EvalSuite>> = {
  superpoints: async () => (await import('./superpoints')).default,
  segmentation: async () => (await import('./segmentation')).default,
  layout: async () => (await import('./layout')).default,
  'layout-questions': async () => (await import('./layout-questions')).default,
};
