// Checked reads from untrusted glTF JSON: each failure is a FormatError naming the JSON path.
import { FormatError } from '../errors';

export type Json = Record<string, unknown>;

export class JsonFields {
  constructor(readonly file: string) {}

  fail(path: string, expected: string): never {
    throw new FormatError({ file: this.file, expected: `${path} ${expected}` });
  }

  object(v: unknown, path: string): Json {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'to be an object');
    return v as Json;
  }

  /** Item `index` of the top-level array `key` (accessors, bufferViews, …). */
  item(json: Json, key: string, index: unknown, path: string): Json {
    const list = json[key];
    const i = this.index(index, path);
    if (!Array.isArray(list) || i >= list.length) this.fail(path, `to index ${key} (${Array.isArray(list) ? list.length : 0} entries), found ${i}`);
    return this.object((list as unknown[])[i], `${key}[${i}]`);
  }

  index(v: unknown, path: string): number {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) this.fail(path, `to be a non-negative integer, found ${JSON.stringify(v)}`);
    return v as number;
  }

  optIndex(o: Json, key: string, path: string, fallback: number): number {
    return o[key] === undefined ? fallback : this.index(o[key], `${path}.${key}`);
  }

  numbers(v: unknown, length: number, path: string): number[] {
    if (!Array.isArray(v) || v.length !== length || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
      this.fail(path, `to be ${length} finite numbers`);
    }
    return v as number[];
  }

  array(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) this.fail(path, 'to be an array');
    return v as unknown[];
  }
}
