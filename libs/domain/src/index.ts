export * from './issue-snapshot';
export * from './embedded-image';
export * from './dates';
export * from './queue';
