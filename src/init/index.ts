export * from './project-template';
export * from './init-project';
