export * from './provider-rule';
export * from './status-type';
export * from './resource-outcome';
export { SIMULATED_GKE_VERSION } from './gcp';
export { BUILT_IN_PROVIDER_RULES } from './observe';
