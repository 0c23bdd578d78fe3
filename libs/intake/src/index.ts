export * from './parse-page';
export * from './extract-text';
