import { decide, type EntryAction } from '@dsyb/workflow';
import type { EntryStatus, IssueStatus } from '@dsyb/db';
import type { AuthUser } from '../auth/auth.types';
import { invalid } from '../common/domain-errors';
import { assertDecision, entryLabel, issueLabel, refusalError } from '../common/workflow-decisions';

/** What is printed about the event; a change to any of these is an `edit`, anything else an `arrange`. */
export interface EntryWording {
  title: string;
  bodyHtml: string;
  eventDate: Date;
  eventDatePrecision: string;
}

export function changesWording(before: EntryWording, after: Partial<EntryWording>): boolean {
  return (
    (after.title !== undefined && after.title !== before.title) ||
    (after.bodyHtml !== undefined && after.bodyHtml !== before.bodyHtml) ||
    (after.eventDate !== undefined && after.eventDate.getTime() !== before.eventDate.getTime()) ||
    (after.eventDatePrecision !== undefined && after.eventDatePrecision !== before.eventDatePrecision)
  );
}

/**
 * The status an entry has after a save by `user`, or the error saying why it may not be
 * saved: the entry's own state and its issue's (via the workflow library), and when it moves
 * to another issue, whether that issue still takes changes. `issues` holds the issues involved
 * as read; the caller writes only if they still have that status (see entry-save.ts).
 * A role that may never do this is told so first (403), then a stale version (409 with
 * currentVersion), then the state.
 */
export function entrySaveDecision(
  entry: EntryWording & { title: string; status: EntryStatus; issueId: string | null; version: number },
  change: { wording: Partial<EntryWording>; otherChange?: boolean; issueId?: string | null; version: number },
  issues: ReadonlyMap<string, { status: IssueStatus; serialNumber: number }>,
  user: AuthUser,
): EntryStatus {
  if (change.issueId && change.issueId !== entry.issueId) {
    const target = issues.get(change.issueId);
    if (!target) throw invalid(`期刊不存在：${change.issueId}`);
    const into = decide('issue', 'edit', target.status, user.roles, { label: issueLabel(target) });
    if (!into.ok && into.reason === 'role') throw refusalError(into);
    if (change.version === entry.version && !into.ok) throw refusalError(into);
  }
  const action: EntryAction = change.otherChange || changesWording(entry, change.wording) ? 'edit' : 'arrange';
  const issueState = entry.issueId ? (issues.get(entry.issueId)?.status ?? null) : null;
  return assertDecision(decide('entry', action, entry.status, user.roles, { issueState, label: entryLabel(entry) }), '条目', change.version, entry.version);
}
