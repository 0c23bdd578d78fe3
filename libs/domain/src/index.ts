export * from './issue-snapshot';
export * from './embedded-image';
export * from './dates';
export * from './queue';
export * from './delivery-queue';
export * from './delivery-mail';
export * from './delivery-links';
export * from './chronicle-draft';
