// The 13 S3DIS semantic classes in the order the benchmark (and Pointcept) number them.
export const S3DIS_CLASSES = [
  'ceiling', 'floor', 'wall', 'beam', 'column', 'window', 'door', 'table', 'chair', 'sofa', 'bookcase', 'board', 'clutter',
] as const;

export type S3disClass = (typeof S3DIS_CLASSES)[number];

const CLUTTER = S3DIS_CLASSES.indexOf('clutter');

/** Class id of an annotation name; names outside the 13 (a few rooms have "stairs") count as clutter. */
export function s3disClassId(name: string): number {
  const i = (S3DIS_CLASSES as readonly string[]).indexOf(name);
  return i >= 0 ? i : CLUTTER;
}
