export { readScanNetFolder } from './readScanNetFolder';
export { parseSegs } from './segs';
export { parseAggregation, type SegGroup } from './aggregation';
export { writeAggregationJson, segGroupsFromInstances, type AggregationJson, type InstancesToGroups } from './writeAggregation';
export { parseLabelTable } from './labelTable';
export { applyAxisAlignment, checkAxisAlignment, parseSceneTxtAxisAlignment } from './axisAlignment';
export type * from './types';
