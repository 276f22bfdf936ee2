export { readScanNetFolder } from './readScanNetFolder';
export { parseSegs } from './segs';
export { parseAggregation, type SegGroup } from './aggregation';
export { parseLabelTable } from './labelTable';
export { applyAxisAlignment, checkAxisAlignment, parseSceneTxtAxisAlignment } from './axisAlignment';
export type * from './types';
