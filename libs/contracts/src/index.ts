export * from './vocabulary';
export * from './limits';
export * from './body-tags';
export * from './writable-fields';
export * from './records';
export * from './password-policy';
export * from './print-resolution';
export * from './book-title';
