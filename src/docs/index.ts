export * from './xrd-markdown';
export * from './generate-docs';
