// `qa generate` over many scenes: find the scenes a path names (a scan file, a scene folder, a
// folder of scans and scene folders, or a VSI-Bench meta file), then run them across worker threads,
// one scene per message, and hand back the results in input order whatever order they finish in.
// A scene that fails becomes an error result; the others go on.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../app/contract/errors';
import { parseVsiMetaText } from '../../app/qa/vsibench/meta';
import { FORMAT_READERS } from '../../app/scene/load';
import { sceneNameOf } from '../import/import-scene';
import { installRoot } from '../launch/paths';
import type { HostToWorker, WorkerToHost } from './generate-protocol';
import { runGenerateTask, taskScene, type GenerateParams, type GenerateTask, type TaskResult } from './generate-task';

export interface Discovery {
  tasks: GenerateTask[];
  /** Entries of a folder that are neither a scan nor a scene folder, with the reason. */
  skipped: Array<{ path: string; reason: string }>;
}

const SCAN_EXTENSIONS = FORMAT_READERS.flatMap((r) => (r.kind === 'file' ? (r.extensions ?? []) : []));
const isScanFile = (name: string) => SCAN_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));

/** True when a folder reader takes this folder as one scene (its own files, plus S3DIS's Annotations/). */
export function isSceneFolder(dir: string): boolean {
  const paths: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile()) paths.push(e.name);
    else if (e.isDirectory() && e.name === 'Annotations') for (const a of readdirSync(join(dir, e.name))) paths.push(`Annotations/${a}`);
  }
  return FORMAT_READERS.some((r) => r.kind === 'folder' && r.folder?.(paths));
}

function metaTasks(path: string, only?: string): GenerateTask[] {
  const names = parseVsiMetaText(readFileSync(path, 'utf8'), path).map((s) => s.id);
  if (only !== undefined && !names.includes(only)) throw new AppError('not_found', `${path}: no scene named ${JSON.stringify(only)}`, { path });
  return (only === undefined ? names : [only]).map((scene) => ({ kind: 'meta', path, scene }));
}

/** The scenes `input` names, in a fixed order (folder entries sorted by name). */
export function discoverTasks(input: string): Discovery {
  const hash = input.lastIndexOf('#');
  if (!existsSync(input) && hash > 0 && existsSync(input.slice(0, hash))) return { tasks: metaTasks(input.slice(0, hash), input.slice(hash + 1)), skipped: [] };
  if (!existsSync(input)) throw new AppError('not_found', `${input}: no such file or folder`, { path: input });
  const info = statSync(input);
  if (info.isFile()) {
    if (input.toLowerCase().endsWith('.json')) return { tasks: metaTasks(input), skipped: [] };
    return { tasks: [{ kind: 'scan', path: input, name: sceneNameOf(input) }], skipped: [] };
  }
  if (isSceneFolder(input)) return { tasks: [{ kind: 'scan', path: input, name: sceneNameOf(input) }], skipped: [] };
  const tasks: GenerateTask[] = [];
  const skipped: Discovery['skipped'] = [];
  const names = new Map<string, number>();
  for (const entry of readdirSync(input, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(input, entry.name);
    let scene = false;
    if (entry.isDirectory()) scene = isSceneFolder(path);
    else if (entry.isFile()) scene = isScanFile(entry.name);
    if (!scene) {
      skipped.push({ path, reason: entry.name.toLowerCase().endsWith('.json') ? 'a JSON file inside a folder is not read (name a VSI-Bench meta file directly)' : 'not a scan file or a scene folder' });
      continue;
    }
    // Two files of one room in different formats would share a name: number the later ones.
    const base = sceneNameOf(path);
    const seen = names.get(base) ?? 0;
    names.set(base, seen + 1);
    tasks.push({ kind: 'scan', path, name: seen === 0 ? base : `${base}~${seen + 1}` });
  }
  if (tasks.length === 0) throw new AppError('invalid_input', `${input}: holds no scan file or scene folder (${skipped.length} entries skipped)`, { path: input });
  return { tasks, skipped };
}

/** The bundled worker beside the other host bundles (tools/build.js writes it). */
export function defaultGenerateWorkerScript(): string {
  const file = join(installRoot(), 'dist', 'main', 'qa-generate-worker.js').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  if (!existsSync(file)) throw new AppError('internal', `the question generation worker ${file} is missing; run npm run build`);
  return file;
}

export interface BatchOptions {
  /** Worker threads; 1 runs every scene on this thread. Default os.availableParallelism(). */
  jobs?: number;
  workerScript?: string | URL;
  /** After each scene, in completion order. */
  onResult?(result: TaskResult, done: number, total: number): void;
}

export const defaultJobs = () => availableParallelism();

export async function runBatch(tasks: readonly GenerateTask[], params: GenerateParams, options: BatchOptions = {}): Promise<TaskResult[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), tasks.length));
  const results: TaskResult[] = new Array(tasks.length);
  let done = 0;
  const finish = (index: number, result: TaskResult) => {
    results[index] = result;
    options.onResult?.(result, ++done, tasks.length);
  };
  if (jobs === 1) {
    for (let i = 0; i < tasks.length; i++) finish(i, await runGenerateTask(tasks[i]!, params));
    return results;
  }

  const script = options.workerScript ?? defaultGenerateWorkerScript();
  let next = 0;
  await new Promise<void>((resolve) => {
    let live = jobs;
    const failTask = (index: number, message: string) =>
      finish(index, { ok: false, scene: taskScene(tasks[index]!), source: tasks[index]!.path, error: { code: 'internal', message } });
    const start = () => {
      const worker = new Worker(script);
      let current: number | null = null;
      let ended = false;
      const feed = () => {
        if (next >= tasks.length) return void end();
        current = next++;
        worker.postMessage({ type: 'task', index: current, task: tasks[current]!, params } satisfies HostToWorker);
      };
      const end = (why?: string) => {
        if (ended) return;
        ended = true;
        void worker.terminate();
        // A thread that died takes only its own scene with it; the rest go to the threads still running.
        if (why !== undefined && current !== null) failTask(current, why);
        current = null;
        if (--live === 0) {
          // Every thread is gone: whatever was never started fails with the last reason.
          while (next < tasks.length) failTask(next++, why ?? 'no worker thread was left to run it');
          resolve();
        }
      };
      worker.on('message', (m: WorkerToHost) => {
        if (m.index !== current) return;
        current = null;
        finish(m.index, m.result);
        feed();
      });
      worker.once('error', (e) => end(`the worker thread failed: ${e.message}`));
      worker.once('exit', (code) => end(`the worker thread exited (code ${code}) before finishing`));
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
  return results;
}

export const describeTask = (t: GenerateTask) => (t.kind === 'meta' ? `${t.scene} (${basename(t.path)})` : t.name);
