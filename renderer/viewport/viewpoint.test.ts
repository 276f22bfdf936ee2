import { describe, expect, it } from 'vitest';
import { offsetFor, orbitFrom, parseViewpoint } from './viewpoint';

describe('viewpoints', () => {
  it('turns a position and target into orbit angles and back', () => {
    const target: [number, number, number] = [1, 2, 0.5];
    const position: [number, number, number] = [4, -1, 3];
    const { radius, azimuth, polar } = orbitFrom(position, target);
    const o = offsetFor(azimuth, polar);
    const back = [0, 1, 2].map((k) => target[k]! + o[k]! * radius);
    back.forEach((v, k) => expect(v).toBeCloseTo(position[k]!, 9));
  });

  it('accepts plain JSON and rejects a malformed viewpoint with the field named', () => {
    const v = { position: [1, 2, 3], target: [0, 0, 0], up: [0, 0, 1], fov: 50, ortho: false };
    expect(parseViewpoint(JSON.parse(JSON.stringify(v)))).toEqual(v);
    expect(() => parseViewpoint({ ...v, target: [0, 0] })).toThrow(/target/);
    expect(() => parseViewpoint({ ...v, fov: 0 })).toThrow(/fov/);
  });
});
