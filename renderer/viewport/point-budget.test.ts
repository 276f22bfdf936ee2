import { describe, expect, it } from 'vitest';
import { defaultPointBudget } from './point-budget';

describe('default point budget', () => {
  it('is 3M on a desktop GPU and lower for software and small GPUs', () => {
    expect(defaultPointBudget({ renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 4070)', maxTextureSize: 16384 })).toBe(3_000_000);
    expect(defaultPointBudget({ renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))', maxTextureSize: 8192 })).toBe(1_000_000);
    expect(defaultPointBudget({ renderer: 'Mali-G78', maxTextureSize: 8192 })).toBe(2_000_000);
  });
});
