// Tests run the TypeScript sources, but a worker thread needs JavaScript: bundle the import worker
// fresh into a temp folder (not dist/, which may be stale), as tools/build.js would.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleScript } from '../../../db/testing/bundle-script';

export interface WorkerBundle {
  file: string;
  remove(): void;
}

export function bundleImportWorker(): WorkerBundle {
  const here = dirname(fileURLToPath(import.meta.url));
  // Under the project's node_modules, so the worker's packages (zod) resolve as they do from dist/.
  const { file } = bundleScript(join(here, '..', 'worker.ts'), { inside: join(here, '..', '..', '..', 'node_modules', '.cache', 'sw-test-bundles') });
  return { file, remove: () => rmSync(dirname(file), { recursive: true, force: true }) };
}
