// Resolves glTF buffers to bytes: the GLB BIN chunk, or base64 data: URIs. External files are refused
// (the reader takes one file; the caller can inline resources first).
import { decodeBase64 } from './base64';
import type { JsonFields } from './json';
import type { GltfDoc } from './types';

export function resolveBuffers(doc: GltfDoc, f: JsonFields): Uint8Array[] {
  const list = doc.json.buffers === undefined ? [] : f.array(doc.json.buffers, 'buffers');
  return list.map((raw, i) => {
    const path = `buffers[${i}]`;
    const b = f.object(raw, path);
    const byteLength = f.index(b.byteLength, `${path}.byteLength`);
    let bytes: Uint8Array;
    if (b.uri === undefined) {
      if (i !== 0 || !doc.bin) return f.fail(path, 'to have a uri (only buffer 0 of a GLB may use the BIN chunk)');
      bytes = doc.bin;
    } else {
      const uri = b.uri;
      if (typeof uri !== 'string') return f.fail(`${path}.uri`, 'to be a string');
      const m = /^data:[^,]*;base64,/.exec(uri);
      if (!m) return f.fail(`${path}.uri`, `to be an embedded base64 data: URI (external files are not supported), found "${uri.slice(0, 40)}"`);
      const decoded = decodeBase64(uri.slice(m[0].length));
      if (!decoded) return f.fail(`${path}.uri`, 'to hold valid base64 data');
      bytes = decoded;
    }
    if (bytes.length < byteLength) f.fail(`${path}.byteLength`, `to be at most the ${bytes.length} bytes present, found ${byteLength}`);
    return bytes.subarray(0, byteLength);
  });
}
