export { detectFormat } from './detect';
export { FORMAT_READERS } from './readers';
export { convertScan, loadScene, readScan, type LoadedSceneResult } from './load-scene';
export { toPointScene, DEFAULT_GREY } from './to-point-scene';
export { recentre, boundsOf } from './recentre';
export { yUpToZUp } from './up-axis';
export type * from './types';
