export * from './migrate';
export * from './prisma-client';
export * from './issue-snapshot';
export * from './generated/prisma/client';
export * from './issue-snapshot-store';
export * from './issue-publication';
export * from './audit-event';
export * from './source-import';
