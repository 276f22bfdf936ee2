// The import worker's streaming read: for files whose format parses in chunks (app/scene/load/
// stream.ts), the file is read in READ_CHUNK pieces into one reused buffer, each piece hashed and
// parsed as it arrives, so the worker never holds the file's bytes whole: peak memory is the
// parsed arrays plus one chunk (plus, for LAZ, one compressed chunk; for PCD binary_compressed, the
// compressed body). Other inputs return undefined and go through readSceneInput.
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../app/contract/errors';
import { chunkParserFor, type LoadedScan } from '../../app/scene/load';
import { lazPerfDecoder } from '../formats/laz-perf-decoder';
import { isLaz } from '../formats/read-context';

export interface StreamedInput {
  scan: LoadedScan;
  /** SHA-256 hex of the file's bytes: the same hash readSceneInput gives. */
  contentHash: string;
  byteLength: number;
}

/** 8 MB: big enough for fast reads, small beside any file worth streaming. */
export const READ_CHUNK = 8 * 2 ** 20;

export async function streamSceneFile(path: string, onBytes?: (done: number, total: number) => void, chunkSize = READ_CHUNK): Promise<StreamedInput | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile() || info.size === 0) return undefined;
  const size = info.size;
  const fh = await open(path, 'r');
  try {
    const buffer = new Uint8Array(Math.min(chunkSize, size));
    const readAt = async (at: number) => {
      const want = Math.min(buffer.length, size - at);
      let got = 0;
      while (got < want) {
        const { bytesRead } = await fh.read(buffer, got, want - got, at + got);
        if (bytesRead <= 0) throw new AppError('bad_file', `${path}: file shrank while being read (expected ${size} bytes, got ${at + got})`, { path });
        got += bytesRead;
      }
      return buffer.subarray(0, want);
    };
    const head = await readAt(0);
    // LAZ needs the host's decoder (WASM), loaded only for LAZ heads.
    const context = isLaz(head) ? { laz: await lazPerfDecoder() } : {};
    const parser = chunkParserFor(head, basename(path), size, context);
    if (!parser) return undefined;
    // Ranges a parser needs out of order (LAZ: its chunk table, at the end), read before the body.
    for (let need = parser.needs?.(); need; need = parser.needs?.()) {
      const part = new Uint8Array(need.to - need.from);
      const { bytesRead } = await fh.read(part, 0, part.length, need.from);
      if (bytesRead < part.length) throw new AppError('bad_file', `${path}: file shrank while being read (expected ${size} bytes)`, { path });
      parser.supply!(part);
    }
    const hash = createHash('sha256');
    for (let at = 0, chunk = head; ; ) {
      hash.update(chunk);
      parser.push(chunk);
      at += chunk.length;
      onBytes?.(at, size);
      if (at >= size) break;
      chunk = await readAt(at);
    }
    return { scan: parser.finish(), contentHash: hash.digest('hex'), byteLength: size };
  } finally {
    await fh.close();
  }
}
