export * from './read-yaml';
