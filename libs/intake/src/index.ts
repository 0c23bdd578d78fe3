export * from './parse-page';
