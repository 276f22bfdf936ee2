export { FormatError, type FormatErrorWhere } from './errors';
export * from './ply/index';
export * from './scannet/index';
