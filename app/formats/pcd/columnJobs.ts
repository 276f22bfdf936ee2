// The column copies a PCD body needs, one job per target field, each remembering how many points it
// has filled: binary rows fill every job for the same points at once, while binary_compressed
// (field-major) fills each job as its block streams out of the LZF window.
import { copyColumn, copyPackedRgb, type ColumnSource } from './columns';
import type { PcdOutputs } from './outputs';
import type { FieldSlot, PcdTargets } from './targets';

type NumArray = Float32Array | Float64Array | Int32Array | Uint8Array;

export interface ColumnJob {
  slot: FieldSlot;
  /** A packed rgb value (three outputs from one 4-byte field). */
  packed: boolean;
  out: NumArray;
  outOffset: number;
  outStride: number;
  /** Points filled so far. */
  next: number;
}

export function columnJobs(t: PcdTargets, out: PcdOutputs): ColumnJob[] {
  const jobs: ColumnJob[] = [];
  const add = (slot: FieldSlot, o: NumArray, outOffset: number, outStride: number, packed = false) => jobs.push({ slot, packed, out: o, outOffset, outStride, next: 0 });
  t.xyz.forEach((s, axis) => add(s, out.positions, axis, 3));
  if (t.packedRgb) add(t.packedRgb, out.colors!, 0, 3, true);
  if (t.channels) t.channels.forEach((s, c) => add(s, out.colors!, c, 3));
  if (t.normal) t.normal.forEach((s, axis) => add(s, out.normals!, axis, 3));
  if (t.label) add(t.label, out.labels!, 0, 1);
  if (t.instance) add(t.instance, out.instances!, 0, 1);
  return jobs;
}

/** Copies `src.count` values into the job's output from point `job.next` on, and advances it. */
export function runJob(job: ColumnJob, src: ColumnSource): void {
  if (job.packed) copyPackedRgb(src, job.out as Uint8Array, job.next * 3);
  else copyColumn(src, job.slot.field, job.out, job.outOffset + job.next * job.outStride, job.outStride);
  job.next += src.count;
}
