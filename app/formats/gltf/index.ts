export { readGltf } from './readGltf';
export { decodeBase64 } from './base64';
