// An LZF compressor (liblzf's stream format, as PCL writes DATA binary_compressed), so the bench
// can generate realistic compressed PCD files; app/formats only ever needs to decompress.
// Greedy: a 3-byte hash finds the last occurrence within the 8 KiB window, matches run to 264 bytes.

const WINDOW = 8192;
const MAX_MATCH = 264;
const HASH_BITS = 16;

export function lzfCompress(src: Uint8Array): Uint8Array {
  // Worst case: all literals, one control byte per 32.
  const out = new Uint8Array(src.length + Math.ceil(src.length / 32) + 1);
  const last = new Int32Array(1 << HASH_BITS).fill(-1);
  let op = 0;
  let literalFrom = 0;
  const literals = (end: number) => {
    while (literalFrom < end) {
      const len = Math.min(32, end - literalFrom);
      out[op++] = len - 1;
      out.set(src.subarray(literalFrom, literalFrom + len), op);
      op += len;
      literalFrom += len;
    }
  };
  let ip = 0;
  while (ip + 2 < src.length) {
    const h = Math.imul((src[ip]! << 16) | (src[ip + 1]! << 8) | src[ip + 2]!, 2654435761) >>> (32 - HASH_BITS);
    const ref = last[h]!;
    last[h] = ip;
    const off = ip - ref - 1;
    if (ref < 0 || off >= WINDOW || src[ref] !== src[ip] || src[ref + 1] !== src[ip + 1] || src[ref + 2] !== src[ip + 2]) {
      ip++;
      continue;
    }
    const max = Math.min(MAX_MATCH, src.length - ip);
    let len = 3;
    while (len < max && src[ref + len] === src[ip + len]) len++;
    literals(ip);
    const l = len - 2;
    if (l < 7) out[op++] = (l << 5) | (off >> 8);
    else (out[op++] = (7 << 5) | (off >> 8)), (out[op++] = l - 7);
    out[op++] = off & 0xff;
    ip += len;
    literalFrom = ip;
  }
  literals(src.length);
  return out.slice(0, op);
}
