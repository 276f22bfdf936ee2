import { describe, expect, it } from 'vitest';
import { AppError } from '../app/contract/errors';
import { encodeJson } from './json';

const failure = (value: unknown): string => {
  try {
    encodeJson(value, 'v');
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid_input') return e.message;
    throw e;
  }
  throw new Error('expected invalid_input');
};

describe('encodeJson', () => {
  it('encodes values that round-trip unchanged', () => {
    const value = { a: [1, -2.5, 'x', true, null], b: { c: {} }, d: Object.assign(Object.create(null), { e: 1 }) };
    expect(JSON.parse(encodeJson(value, 'v'))).toEqual({ a: [1, -2.5, 'x', true, null], b: { c: {} }, d: { e: 1 } });
    expect(encodeJson('1.5', 'v')).toBe('"1.5"');
  });

  it('drops undefined object properties, as an absent key means the same', () => {
    expect(encodeJson({ a: 1, b: undefined }, 'v')).toBe('{"a":1}');
  });

  it('names the path of a value JSON would silently change', () => {
    expect(failure({ a: [1, Number.NEGATIVE_INFINITY] })).toBe('v.a[1]: expected a finite number, got -Infinity');
    expect(failure([1, undefined])).toMatch(/undefined at \[1\]/);
    expect(failure([1, , 3])).toMatch(/hole/);
    expect(failure({ m: new Map() })).toBe('v.m: expected a plain object or array, got a Map');
    expect(failure({ n: 10n })).toBe('v.n: expected a JSON value, got bigint');
    expect(failure(() => 1)).toBe('v: expected a JSON value, got function');
  });

  it('refuses cycles but accepts a shared subtree', () => {
    const shared = { x: 1 };
    expect(JSON.parse(encodeJson({ a: shared, b: shared }, 'v'))).toEqual({ a: { x: 1 }, b: { x: 1 } });
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(failure(loop)).toBe('v.self: expected a tree, got a cycle');
  });
});
