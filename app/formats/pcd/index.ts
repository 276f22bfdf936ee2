export { readPcd } from './readPcd';
export { parsePcdHeader } from './header';
export { lzfDecompress } from './lzf';
export type * from './types';
