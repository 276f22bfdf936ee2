import { describe, expect, it } from 'vitest';
import { MAX_PICK_WINDOW, maxPerspectiveSprite, pickWindow } from './pick-window';

describe('pickWindow', () => {
  it('covers the read square plus half the largest sprite, clamped to the buffer', () => {
    expect(pickWindow(100, 80, 3, 8, 640, 480)).toEqual({ x: 92, y: 72, width: 17, height: 17 });
    // At a corner the window is cut by the buffer (off-screen points are not drawn there either).
    expect(pickWindow(1, 478, 3, 8, 640, 480)).toEqual({ x: 0, y: 470, width: 10, height: 10 });
  });

  it('gives up (full frame) when sprites could be wider than the window allows', () => {
    expect(pickWindow(100, 100, 3, 2 * MAX_PICK_WINDOW, 640, 480)).toBeNull();
    expect(pickWindow(100, 100, 3, Number.POSITIVE_INFINITY, 640, 480)).toBeNull();
  });
});

describe('maxPerspectiveSprite', () => {
  it('grows as the nearest point comes closer, bounded by the GL limit', () => {
    const far = maxPerspectiveSprite(0.02, 400, 10, 0.01, Math.tan((25 * Math.PI) / 180), 1.6, 1024);
    const near = maxPerspectiveSprite(0.02, 400, 1, 0.01, Math.tan((25 * Math.PI) / 180), 1.6, 1024);
    expect(near).toBeCloseTo(far * 10, 6);
    // At the camera the near plane bounds the depth (0.02 · 400 / 0.01 = 800 px), then the GL limit.
    expect(maxPerspectiveSprite(0.02, 400, 0, 0.01, 0.5, 1.6, 1024)).toBeCloseTo(800, 9);
    expect(maxPerspectiveSprite(0.02, 400, 0, 0.01, 0.5, 1.6, 512)).toBe(512);
  });

  it('bounds the depth of any in-frustum point from its distance', () => {
    // A point at distance d on the frustum corner has depth d / k; its sprite is size·scale/depth.
    const t = Math.tan((25 * Math.PI) / 180);
    const aspect = 1.5;
    const k = Math.sqrt(1 + t * t + (t * aspect) ** 2);
    const d = 3;
    expect(maxPerspectiveSprite(0.05, 300, d, 0.01, t, aspect, 1e9)).toBeCloseTo((0.05 * 300 * k) / d, 9);
  });
});
