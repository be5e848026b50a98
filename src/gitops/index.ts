export * from './platform-layer';
export * from './flux-source';
export * from './flux-layout';
