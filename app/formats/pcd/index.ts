export { readPcd } from './readPcd';
export { parsePcdHeader } from './header';
export type * from './types';
