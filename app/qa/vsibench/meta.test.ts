import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors';
import { parseVsiMeta, parseVsiMetaText } from './meta';

// A 2 × 1 × 0.5 box turned about z then x, so that reading the 3x3 the wrong way changes its extents
// (a turn about one world axis alone gives the same extents either way).
const c = Math.cos(0.3);
const s = Math.sin(0.3);
const cx = Math.cos(0.5);
const sx = Math.sin(0.5);
const axes: number[][] = [
  [c, s, 0],
  [-s * cx, c * cx, sx],
  [s * sx, -c * sx, cx],
];
const sides = [2, 1, 0.5];
const rows = axes.flat();
const columns = [0, 1, 2].flatMap((i) => axes.map((a) => a[i]!));
const span = [0, 1, 2].map((k) => axes.reduce((t, a, i) => t + sides[i]! * Math.abs(a[k]!), 0));
const box = (normalizedAxes: number[]) => ({
  centroid: [1, 2, 0.5],
  axesLengths: sides,
  normalizedAxes,
  min: [1 - span[0]! / 2, 2 - span[1]! / 2, 0.5 - span[2]! / 2],
  max: [1 + span[0]! / 2, 2 + span[1]! / 2, 0.5 + span[2]! / 2],
});
const meta = (b: object, extra: object = {}) => ({
  scene1: { dataset: 'scannetpp', video_path: 'x.mp4', room_size: 12.3, room_center: [0, 0, 1], object_counts: { sofa: 1 }, object_bbox: { sofa: [b] }, ...extra },
});
const fails = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
};

describe('parseVsiMeta', () => {
  it('reads rooms into box-only scenes, taking the rows of normalizedAxes as the axes', () => {
    const [scene] = parseVsiMeta(meta(box(rows)));
    expect(scene!.id).toBe('scene1');
    expect(scene!.roomSize).toBe(12.3);
    expect(scene!.categories).toEqual(['sofa']);
    const sofa = scene!.instances.sofa![0]!;
    expect(sofa.box).toEqual({ center: [1, 2, 0.5], size: [2, 1, 0.5], axes });
  });

  it('takes the columns when only they reproduce min/max', () => {
    const stored = box(columns);
    const sofa = parseVsiMeta(meta(stored))[0]!.instances.sofa![0]!;
    expect(sofa.box.axes).toEqual(axes);
  });

  it('rejects axes that fit neither reading, or are not orthonormal, naming the box', () => {
    const wrong = box(rows);
    wrong.max = [9, 9, 9];
    const e = fails(() => parseVsiMeta(meta(wrong), 'm.json'));
    expect(e.code).toBe('bad_file');
    expect(e.message).toBe('m.json: scene1.object_bbox.sofa.0: neither the rows nor the columns of normalizedAxes reproduce min/max');
    expect(fails(() => parseVsiMeta(meta(box([1, 0, 0, 1, 0, 0, 0, 0, 1])))).message).toMatch(/not orthonormal/);
  });

  it('rejects schema errors, count mismatches and bad JSON as bad_file', () => {
    expect(fails(() => parseVsiMeta(meta({ ...box(rows), centroid: [1, 2] }))).message).toMatch(/^meta: scene1\.object_bbox\.sofa\.0\.centroid: /);
    expect(fails(() => parseVsiMeta(meta(box(rows), { object_counts: { sofa: 2 } }))).message).toBe('meta: scene1.object_bbox.sofa: 1 boxes but object_counts says 2');
    expect(fails(() => parseVsiMeta(meta(box(rows), { object_counts: { sofa: 1, lamp: 1 } }))).message).toBe('meta: scene1.object_counts.lamp: category has a count but no boxes');
    expect(fails(() => parseVsiMetaText('{', 'm.json')).code).toBe('bad_file');
  });
});
