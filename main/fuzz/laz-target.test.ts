// The LAZ fuzz target over laz-perf: mutated and truncated variants of the LAZ seeds our encoder
// writes either decode consistently or throw FormatError; no crash, no hang (the harness times every
// case), and every seed is valid.
import { describe, expect, it } from 'vitest';
import { runTargetLoop } from './harness';
import { lazTarget } from './laz-target';

describe('laz fuzz target', () => {
  it('500 variants of the generated LAZ seeds: each parses or throws FormatError', async () => {
    const target = await lazTarget();
    expect(target.seeds.map((s) => s.files['fuzz.laz']![104])).toEqual([0x80, 0x81, 0x82, 0x83, 0x87]);
    for (const seed of target.seeds) expect(() => target.run(seed.files, seed)).not.toThrow();
    const summary = runTargetLoop(target, { cases: 500, deadline: Infinity, guardMs: 60_000 });
    expect(summary.failures).toEqual([]);
    expect(summary.cases).toBe(500);
    expect(summary.formatErrors).toBeGreaterThan(50);
    expect(summary.ok).toBeGreaterThan(0);
  });
});
