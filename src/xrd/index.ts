export * from './xrd-ref';
