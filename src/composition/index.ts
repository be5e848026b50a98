export * from './auto-ready';
export * from './composed-resource';
export * from './composition';
export * from './connection-secret';
export * from './pipeline-step';
export * from './template-scope';
export * from './go-templating-step';
