export * from './types';
export { decide, allowedActions } from './decide';
export { decideEntry, ENTRY_ACTIONS } from './entry-workflow';
export { decideIssue, ISSUE_ACTIONS } from './issue-workflow';
export { allowedCorrectionActions, CORRECTION_ACTION_LABELS, CORRECTION_ACTIONS, CORRECTION_STATE_LABELS, decideCorrection, decideCorrectionStart } from './correction-workflow';
export type { CorrectionAction, CorrectionContext, CorrectionState } from './correction-workflow';
export * from './event-dates';
