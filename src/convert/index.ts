export * from './convert';
export * from './emit-schema';
export * from './load';
export * from './resources-to-pipeline';
export * from './migrate-v2';
