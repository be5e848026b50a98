export * from './render-composition';
export * from './matchers';
