export { readObj } from './readObj';
