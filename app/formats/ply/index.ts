export { readPly } from './readPly';
export { writePly } from './writePly';
export { parsePlyHeader } from './header';
export type * from './types';
