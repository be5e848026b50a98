export * from './project-template';
export * from './init-project';
export * from './package-spec';
