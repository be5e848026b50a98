export * from './simulate';
export * from './timeline';
export * from './data-flow';
export * from './providers';
export * from './report';
export * from './mermaid';
