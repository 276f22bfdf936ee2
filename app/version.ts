/** Bumped whenever an answer the engine computes could change; stored with every QA item. */
export const ENGINE_VERSION = '0.1.0';
export const APP_VERSION = '0.1.0';
