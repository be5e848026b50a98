export * from './function-package';
export * from './composition-function';
export * from './function-registry';
