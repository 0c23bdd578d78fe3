export * from './segmenter';
export * from './document-vector';
export * from './query';
export * from './highlight';
export * from './similarity';
export * from './search-index';
export * from './search-sql';
export * from './index-terms';
