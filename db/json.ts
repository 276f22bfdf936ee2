// JSON columns are written only from values that survive JSON.stringify → JSON.parse unchanged.
// Plain JSON.stringify would silently store Infinity as null, a Float32Array as {"0":…} and a Date
// as a string; here each of those is a typed error naming where in the value it sits.
import { AppError } from '../app/contract/errors';

const MAX_DEPTH = 64;

export function encodeJson(value: unknown, what: string): string {
  assertJson(value, what, 0, new Set());
  return JSON.stringify(value);
}

function assertJson(value: unknown, path: string, depth: number, seen: Set<object>): void {
  const fail = (expected: string, got: string): never => {
    throw new AppError('invalid_input', `${path}: expected ${expected}, got ${got}`, { path });
  };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('a finite number', String(value));
    return;
  }
  if (typeof value !== 'object') return fail('a JSON value', typeof value);
  if (depth >= MAX_DEPTH) fail(`at most ${MAX_DEPTH} levels of nesting`, 'more');
  if (seen.has(value)) fail('a tree', 'a cycle');
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || value[i] === undefined) fail('a JSON value', `a hole or undefined at [${i}]`);
      assertJson(value[i], `${path}[${i}]`, depth + 1, seen);
    }
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) fail('a plain object or array', describe(value));
    for (const [k, v] of Object.entries(value)) {
      // An undefined property is the same as an absent one; JSON.stringify drops it.
      if (v !== undefined) assertJson(v, `${path}.${k}`, depth + 1, seen);
    }
  }
  seen.delete(value);
}

function describe(value: object): string {
  const name = value.constructor?.name;
  return name ? `a ${name}` : 'an object with a custom prototype';
}
