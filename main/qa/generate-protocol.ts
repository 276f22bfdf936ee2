// Messages between the batch host (generate-batch.ts) and a generation worker (generate-worker.ts).
import type { GenerateParams, GenerateTask, TaskResult } from './generate-task';

export type HostToWorker = { type: 'task'; index: number; task: GenerateTask; params: GenerateParams };
export type WorkerToHost = { type: 'result'; index: number; result: TaskResult };
