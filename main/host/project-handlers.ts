// exportProject: the host's saved work as one .swproj file, run as a cancellable job with progress.
// Export only reads, so a read-only host may export too.
import type { ExportProjectResult, ProgressEvent } from '../../app/contract';
import type { ExportProjectOptions } from '../project/export-project';
import type { Jobs } from './jobs';

export interface ProjectHandlerDeps {
  exportProject(file: string, options: Pick<ExportProjectOptions, 'onProgress' | 'signal'>): Promise<ExportProjectResult>;
  jobs: Jobs;
  progress(event: ProgressEvent): void;
}

export function createProjectHandlers(deps: ProjectHandlerDeps) {
  return {
    exportProject({ path, jobId }: { path: string; jobId?: string | undefined }) {
      return deps.jobs.run(jobId, async (id, signal) => {
        let last = { label: 'Exporting', done: 0, total: 1 };
        try {
          const r = await deps.exportProject(path, {
            signal,
            onProgress: (label, done, total) => {
              last = { label, done, total };
              deps.progress({ jobId: id, ...last, finished: false });
            },
          });
          deps.progress({ jobId: id, label: `Exported ${r.file}`, done: last.total, total: last.total, finished: true });
          return r;
        } catch (err) {
          deps.progress({ jobId: id, ...last, finished: true });
          throw err;
        }
      });
    },
  };
}
