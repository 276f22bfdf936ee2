export * from './types';
export * from './command';
export * from './merge';
export * from './stacks';
export * from './qa-document';
