export * from './provider-packages';
export * from './configuration-package';
export * from './xpkg';
export * from './sbom';
export * from './provenance';
export * from './xrd-diff';
export * from './platform-diff';
