export * from './rendition-storage';
export * from './local-directory-storage';
