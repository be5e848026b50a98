export * from './xrd-markdown';
export * from './generate-docs';
export * from './backstage-template';
