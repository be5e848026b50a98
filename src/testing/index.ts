export * from './render-composition';
export * from './simulate-composition';
export * from './matchers';
