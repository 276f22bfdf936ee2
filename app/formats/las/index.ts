export { readLas } from './readLas';
export { parseLasHeader } from './header';
export { POINT_LAYOUTS, type PointLayout } from './pointFormats';
export type * from './types';
