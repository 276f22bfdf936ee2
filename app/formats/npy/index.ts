export { readNpy, type NpyReadOptions } from './readNpy';
export { parseNpyHeader } from './header';
export { readPointceptFolder } from './readPointceptFolder';
export type * from './types';
