export * from './schemas';
export * from './contract';
export * from './errors';
export * from './dispatch';
export * from './client';
export * from './codec';
export * from './bridge-protocol';
