export * from './provider-packages';
export * from './configuration-package';
export * from './xpkg';
export * from './sbom';
export * from './provenance';
