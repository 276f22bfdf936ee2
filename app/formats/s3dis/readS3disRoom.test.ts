import { describe, expect, it } from 'vitest';
import { FormatError } from '../errors';
import { fuzzReader } from '../fuzz.fixture';
import { readS3disRoom } from './readS3disRoom';

const enc = (s: string) => new TextEncoder().encode(s);
const chair = '1.000 2.000 0.500 10 20 30\n1.100 2.000 0.500 11 21 31\n';
const wall = '-3.25 0 1 200 200 200\r\n';
const table = '0.5 0.5 0.75 90 60 30\n';

function failure(files: Record<string, Uint8Array>): FormatError {
  try {
    readS3disRoom(files);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected readS3disRoom to throw');
}

describe('readS3disRoom', () => {
  it('builds points from the annotation files in sorted order, one instance each', () => {
    const d = readS3disRoom({
      'office_1/office_1.txt': enc(wall + chair + table),
      'office_1/Annotations/wall_1.txt': enc(wall),
      'office_1/Annotations/chair_1.txt': enc(chair),
      'office_1/Annotations/stairs_2.txt': enc(table),
    });
    expect(d.format).toBe('s3dis');
    expect(d.upAxis).toBe('z');
    // Sorted: chair_1, stairs_2, wall_1.
    expect([...d.positions]).toEqual([1, 2, 0.5, Math.fround(1.1), 2, 0.5, 0.5, 0.5, 0.75, -3.25, 0, 1]);
    expect([...d.colors!]).toEqual([10, 20, 30, 11, 21, 31, 90, 60, 30, 200, 200, 200]);
    expect([...d.instances!]).toEqual([0, 0, 1, 2]);
    expect([...d.labels!]).toEqual([8, 8, 12, 2]); // chair, stairs → clutter, wall
    expect([...d.instanceLabels!]).toEqual([[0, 'chair'], [1, 'stairs'], [2, 'wall']]);
  });

  it('the room file is optional; its count check can be turned off', () => {
    expect(readS3disRoom({ 'Annotations/chair_1.txt': enc(chair) }).positions.length).toBe(6);
    const files = { 'r.txt': enc(chair + chair), 'Annotations/chair_1.txt': enc(chair) };
    expect(readS3disRoom(files, { checkRoomCount: false }).positions.length).toBe(6);
  });

  it('errors name the file and the line', () => {
    const count = failure({ 'hallway_6.txt': enc(chair + table), 'Annotations/chair_1.txt': enc(chair) });
    expect(count.file).toBe('hallway_6.txt');
    expect(count.expected).toBe("2 points, the annotation files' total, found 3 lines");
    const bad = failure({ 'Annotations/door_1.txt': enc(`${table}\n1 2 3x 4 5 6\n`) });
    expect(bad.file).toBe('Annotations/door_1.txt');
    expect(bad.line).toBe(3);
    expect(bad.expected).toBe('a finite z coordinate, found "3x"');
    const colour = failure({ 'Annotations/door_1.txt': enc('1 2 3 4 256 6') });
    expect(colour.line).toBe(1);
    expect(colour.expected).toBe('a colour 0..255 for g, found "256"');
    const short = failure({ 'Annotations/door_1.txt': enc(`${chair}1 2 3 4 5\n`) });
    expect(short.line).toBe(3);
    expect(short.expected).toBe('6 values "x y z r g b", found 5');
    expect(failure({ 'a.txt': enc(chair) }).expected).toContain('Annotations/<class>_<n>.txt');
  });

  it('fuzz: 2,000 variants of an annotation file parse or throw FormatError', () => {
    const src = enc(chair + wall + table + '\n' + chair);
    const rejected = fuzzReader(src, 4242, 2000, 'Annotations/chair_1.txt', (b) => readS3disRoom({ 'Annotations/chair_1.txt': b, 'Annotations/wall_1.txt': enc(wall) }));
    expect(rejected).toBeGreaterThan(0);
  });
});
