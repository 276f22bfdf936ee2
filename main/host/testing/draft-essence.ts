// The parts of a segmentation draft view a restart must keep (the focus is per call), as plain data.
import type { SegmentationDraftView } from '../../../app/contract';

export const draftEssence = (d: SegmentationDraftView) => ({
  origin: d.origin,
  modelVersion: d.modelVersion,
  superpointCount: d.superpointCount,
  instances: d.instances,
  labels: d.labels,
  instanceIds: Array.from(d.instanceIds),
  superpointIds: Array.from(d.superpointIds),
});
