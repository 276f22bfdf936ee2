export { readLas, type LasReadOptions } from './readLas';
export { parseLasHeader } from './header';
export { POINT_LAYOUTS, type PointLayout } from './pointFormats';
export { LasRecordSink } from './records';
export { parseLaszipStructure, type LazDecoder, type LazPointStream, type LaszipVlr } from './laz';
export type * from './types';
