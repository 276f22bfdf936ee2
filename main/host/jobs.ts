// Long-running contract calls (imports) registered by job id, so cancelJob can reach them.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../app/contract/errors';

export interface Jobs {
  /** Runs `work` under `jobId` (a fresh one when absent); the id is busy until work settles. */
  run<T>(jobId: string | undefined, work: (jobId: string, signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Aborts a running job; false when none runs under this id. */
  cancel(jobId: string): boolean;
}

export function createJobs(): Jobs {
  const running = new Map<string, AbortController>();
  return {
    async run(jobId, work) {
      const id = jobId ?? randomUUID();
      if (running.has(id)) throw new AppError('invalid_input', `job ${id} is already running`, { jobId: id });
      const controller = new AbortController();
      running.set(id, controller);
      try {
        return await work(id, controller.signal);
      } finally {
        running.delete(id);
      }
    },
    cancel(jobId) {
      const c = running.get(jobId);
      if (!c) return false;
      c.abort();
      return true;
    },
  };
}
