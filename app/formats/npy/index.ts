export { readNpy, type NpyReadOptions } from './readNpy';
export { parseNpyHeader } from './header';
export { readPointceptFolder } from './readPointceptFolder';
export { writeNpy, npyDescr, npyKindOf, type NpyWriteInput } from './writeNpy';
export { writePointceptFolder, type PointceptWriteInput } from './writePointceptFolder';
export type * from './types';
