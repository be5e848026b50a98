export * from './xrd-ref';
export * from './xrd-options';
export * from './xrd-naming';
export * from './xrd-version';
export * from './composite-resource';
export * from './composite-resource-definition';
