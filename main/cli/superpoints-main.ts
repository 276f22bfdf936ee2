// `scenewright superpoints …` on its own small bundle (dist/main/superpoints-cli.js): the whole CLI
// bundle is ~0.9 MB plus zod, immer, SQLite, laz-perf and ws, and loading those costs more than
// segmenting ScanNet's scene0000_00 does. bin/scenewright.js routes the command here; help and every
// other command stay with main/cli/index.ts, which also runs this command (tests use that path).
import { writeSync } from 'node:fs';
import { UsageError } from './args';
import type { Io } from './command';
import { run, SUPERPOINTS_USAGE } from './commands/superpoints';

// Plain synchronous writes: process.stdout and process.stderr are streams that Node builds on first
// use, which costs more than this command's few lines of output.
const leanIo: Io = { out: (text) => void writeSync(1, text), err: (text) => void writeSync(2, text) };

/** Same exit codes and messages as `main` in main/cli/index.ts for this one command. */
export async function main(argv: string[], io: Io = leanIo): Promise<number> {
  // The segmentation kernel compiles optimised up front (main/segment/optimised-wasm.ts).
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`scenewright: ${err.message}\nusage: ${SUPERPOINTS_USAGE}\n(scenewright help lists every command)\n`);
      return 2;
    }
    io.err(`scenewright superpoints: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
