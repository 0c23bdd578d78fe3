export * from './issue-snapshot';
export * from './dates';
export * from './queue';
