export { detectFormat } from './detect';
export { FORMAT_READERS } from './readers';
export { convertScan, convertScanCompact, loadScene, readScan, type LoadedSceneResult } from './load-scene';
export { toCompactScene, toPointScene, DEFAULT_GREY, type CompactScene } from './to-point-scene';
export { recentre, boundsOf } from './recentre';
export { yUpToZUp } from './up-axis';
export { chunkParserFor, type ScanChunkParser } from './stream';
export type * from './types';
