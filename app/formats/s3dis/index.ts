export { readS3disRoom, type S3disReadOptions } from './readS3disRoom';
export { S3DIS_CLASSES, s3disClassId, type S3disClass } from './classes';
