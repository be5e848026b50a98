export * from './provider-packages';
export * from './configuration-package';
