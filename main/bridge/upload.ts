// The upload endpoint of the web bridge: streams a dropped file's bytes to <uploadDir>/ so that
// importScene can read it by path. Streamed (never buffered whole) because scans run to gigabytes;
// written under a temporary name so an aborted upload never looks like a complete file.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { AppError } from '../../app/contract/errors';
import type { UploadResult } from '../../app/contract/bridge-protocol';

export class UploadTooLarge extends AppError {
  constructor(readonly limit: number) {
    super('invalid_input', `upload exceeds ${limit} bytes`, { limit });
  }
}

/** The last path segment with anything but letters, digits, space, dot, dash and underscore replaced. */
export function safeUploadName(raw: string | null): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(/[^\p{L}\p{N} ._-]/gu, '_').replace(/^[. ]+/, '');
  return cleaned.slice(-120) || 'upload.bin';
}

export async function receiveUpload(req: IncomingMessage, uploadDir: string, name: string, limit: number): Promise<UploadResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new UploadTooLarge(limit);
  // A folder per upload keeps two drops of the same name apart and the name intact (it names the scene).
  const folder = join(uploadDir, randomBytes(8).toString('hex'));
  await mkdir(folder, { recursive: true });
  const final = join(folder, name);
  try {
    const bytes = await streamToFile(req, final, limit);
    return { path: final, bytes };
  } catch (err) {
    await rm(folder, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Streams a request body to `final` through `<final>.part` (renamed when complete; removed on
 * failure), failing with UploadTooLarge past `limit` bytes. Resolves to the byte count.
 */
export async function streamToFile(req: IncomingMessage, final: string, limit: number): Promise<number> {
  const temp = `${final}.part`;
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(temp);
      let failed = false;
      // On failure the request is paused, not destroyed, so the socket can still carry the reply.
      const fail = (err: Error) => {
        if (failed) return;
        failed = true;
        req.removeListener('data', onData);
        req.pause();
        out.destroy();
        reject(err);
      };
      const onData = (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limit) return fail(new UploadTooLarge(limit));
        if (!out.write(chunk)) {
          req.pause();
          out.once('drain', () => !failed && req.resume());
        }
      };
      req.on('data', onData);
      req.once('end', () => !failed && out.end());
      req.once('error', fail);
      req.once('close', () => !req.complete && fail(new Error('upload aborted by the client')));
      out.once('error', fail);
      out.once('finish', () => !failed && resolve());
    });
    await rename(temp, final);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return bytes;
}
