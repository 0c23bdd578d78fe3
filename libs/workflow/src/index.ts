export * from './types';
export { decide, allowedActions } from './decide';
export { decideEntry, ENTRY_ACTIONS } from './entry-workflow';
export { decideIssue, ISSUE_ACTIONS } from './issue-workflow';
export * from './event-dates';
