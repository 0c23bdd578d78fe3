import type { EntryAction, EntryState, IssueAction, IssueState } from '../src';

/**
 * The workflow as the office agreed it: what each role gets for each action in each state —
 * the state the record moves to, or why it is refused ('role' → 403, 'state' → 409). The
 * library's unit tests and the end-to-end test of the API both check against this one table.
 */
export type Outcome<TState> = TState | 'role' | 'state';

// action, from state, editor, reviewer, admin — the entry workflow as the office agreed it.
export const ENTRY_MATRIX: [EntryAction, EntryState, Outcome<EntryState>, Outcome<EntryState>, Outcome<EntryState>][] = [
  ['edit', 'draft', 'draft', 'role', 'draft'],
  ['edit', 'submitted', 'state', 'role', 'state'],
  ['edit', 'approved', 'submitted', 'role', 'submitted'],
  ['edit', 'changes_requested', 'draft', 'role', 'draft'],
  ['arrange', 'draft', 'draft', 'role', 'draft'],
  ['arrange', 'submitted', 'submitted', 'role', 'submitted'],
  ['arrange', 'approved', 'approved', 'role', 'approved'],
  ['arrange', 'changes_requested', 'changes_requested', 'role', 'changes_requested'],
  ['submit', 'draft', 'submitted', 'role', 'submitted'],
  ['submit', 'submitted', 'state', 'role', 'state'],
  ['submit', 'approved', 'state', 'role', 'state'],
  ['submit', 'changes_requested', 'submitted', 'role', 'submitted'],
  ['withdraw', 'draft', 'state', 'role', 'state'],
  ['withdraw', 'submitted', 'draft', 'role', 'draft'],
  ['withdraw', 'approved', 'state', 'role', 'state'],
  ['withdraw', 'changes_requested', 'state', 'role', 'state'],
  ['approve', 'draft', 'role', 'state', 'state'],
  ['approve', 'submitted', 'role', 'approved', 'approved'],
  ['approve', 'approved', 'role', 'state', 'state'],
  ['approve', 'changes_requested', 'role', 'state', 'state'],
  ['return', 'draft', 'role', 'state', 'state'],
  ['return', 'submitted', 'role', 'changes_requested', 'changes_requested'],
  ['return', 'approved', 'role', 'changes_requested', 'changes_requested'],
  ['return', 'changes_requested', 'role', 'state', 'state'],
  ['comment', 'draft', 'draft', 'draft', 'draft'],
  ['comment', 'submitted', 'submitted', 'submitted', 'submitted'],
  ['comment', 'approved', 'approved', 'approved', 'approved'],
  ['comment', 'changes_requested', 'changes_requested', 'changes_requested', 'changes_requested'],
];

// action, from state, editor, reviewer, admin — with every entry approved and a comment given.
export const ISSUE_MATRIX: [IssueAction, IssueState, Outcome<IssueState>, Outcome<IssueState>, Outcome<IssueState>][] = [
  ['edit', 'drafting', 'drafting', 'role', 'drafting'],
  ['edit', 'in_review', 'in_review', 'role', 'in_review'],
  ['edit', 'approved', 'state', 'role', 'state'],
  ['edit', 'published', 'state', 'role', 'state'],
  ['submit_review', 'drafting', 'in_review', 'role', 'in_review'],
  ['submit_review', 'in_review', 'state', 'role', 'state'],
  ['submit_review', 'approved', 'state', 'role', 'state'],
  ['submit_review', 'published', 'state', 'role', 'state'],
  ['return', 'drafting', 'role', 'state', 'state'],
  ['return', 'in_review', 'role', 'drafting', 'drafting'],
  ['return', 'approved', 'role', 'drafting', 'drafting'],
  ['return', 'published', 'role', 'state', 'state'],
  ['sign_off', 'drafting', 'role', 'state', 'state'],
  ['sign_off', 'in_review', 'role', 'approved', 'approved'],
  ['sign_off', 'approved', 'role', 'state', 'state'],
  ['sign_off', 'published', 'role', 'state', 'state'],
  ['publish', 'drafting', 'role', 'state', 'state'],
  ['publish', 'in_review', 'role', 'state', 'state'],
  ['publish', 'approved', 'role', 'published', 'published'],
  ['publish', 'published', 'role', 'state', 'state'],
];
