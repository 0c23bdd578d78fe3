/**
 * Which workflow buttons to offer, decided by the server's own rules (libs/workflow, bundled
 * from source): the admin offers what the server would accept, and the server still decides.
 */
import { allowedActions, decide, type IssueEntrySummary } from '@dsyb/workflow';
import { ENTRY_TRANSITIONS, ISSUE_TRANSITIONS, type EntryStatus, type EntryTransition, type IssueStatus, type IssueTransition, type Role } from '@dsyb/contracts';

/** The entry transitions these roles can take now (a return asks for its comment when pressed). */
export function entryTransitions(status: EntryStatus, issueState: IssueStatus | null | undefined, roles: readonly Role[]): EntryTransition[] {
  const allowed: readonly string[] = allowedActions('entry', status, roles, { issueState: issueState ?? null });
  return ENTRY_TRANSITIONS.filter(action => allowed.includes(action));
}

/** Whether the entry's wording may be changed now (a submitted entry, or one in a locked issue, may not). */
export function canEditEntry(status: EntryStatus, issueState: IssueStatus | null | undefined, roles: readonly Role[]): boolean {
  return decide('entry', 'edit', status, roles, { issueState: issueState ?? null }).ok;
}

/**
 * Entries as the rules need them to judge role and state alone. Whether every entry is ready
 * for review or sign-off is the server's to say when the button is pressed: it names the
 * entries that are not, which the interface shows as it is.
 */
const READY_ENTRIES: readonly IssueEntrySummary[] = [{ title: '', status: 'approved' }];

/** The issue transitions these roles can take in the issue's present state. */
export function issueTransitions(status: IssueStatus, roles: readonly Role[]): IssueTransition[] {
  const allowed: readonly string[] = allowedActions('issue', status, roles, { entries: READY_ENTRIES });
  return ISSUE_TRANSITIONS.filter(action => allowed.includes(action));
}

/** Whether the issue's data and arrangement may be changed: not once it is signed off or published. */
export function canEditIssue(status: IssueStatus, roles: readonly Role[]): boolean {
  return decide('issue', 'edit', status, roles).ok;
}

export { MIN_RETURN_COMMENT_LENGTH } from '@dsyb/workflow';
