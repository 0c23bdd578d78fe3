import { decide, type Decision, type EntryAction } from '@dsyb/workflow';
import { Prisma, type EntryStatus, type IssueStatus } from '@dsyb/db';
import type { AuthUser } from '../auth/auth.types';
import { conflict, DomainError, forbidden, invalid } from '../common/domain-errors';

/**
 * What the workflow services and the entries service share: the workflow library's refusals
 * as domain errors, the stale-version answer, and the row locks that keep a decision true
 * until its transaction commits.
 */
export function refusalError(decision: Extract<Decision<string>, { ok: false }>): DomainError {
  if (decision.reason === 'role') return forbidden(decision.message);
  if (decision.reason === 'input') return invalid(decision.message);
  return conflict(decision.message);
}

export function staleVersion(what: '条目' | '期刊', read: number, current: number): DomainError {
  return conflict(`该${what}已被他人修改（您读取的是第 ${read} 版，当前是第 ${current} 版），请刷新后再操作。`, { currentVersion: current });
}

/**
 * Checks a decision the way every transition answers: a role that may never do this is told
 * so first (403), then a client that read an old version is sent to reload (409 with
 * currentVersion), and only then is the state or the missing input explained.
 */
export function assertDecision<TState extends string>(
  decision: Decision<TState>,
  what: '条目' | '期刊',
  read: number,
  current: number,
): TState {
  if (!decision.ok && decision.reason === 'role') throw refusalError(decision);
  if (read !== current) throw staleVersion(what, read, current);
  if (!decision.ok) throw refusalError(decision);
  return decision.to;
}

export interface LockedIssue {
  id: string;
  status: IssueStatus;
  serialNumber: number;
}

/**
 * Locks issue rows until the transaction ends: FOR UPDATE by the issue's own transitions, FOR
 * SHARE by entry changes, so an entry cannot change between the check that every entry is
 * approved and the sign-off (or the publication) that relies on it. Rows are locked in id
 * order so that two transactions touching the same two issues never deadlock.
 */
export async function lockIssues(tx: Prisma.TransactionClient, ids: readonly (string | null | undefined)[], mode: 'share' | 'update'): Promise<Map<string, LockedIssue>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; status: IssueStatus; serial_number: number }[]>`
    SELECT id::text AS id, status::text AS status, serial_number FROM issues
     WHERE id = ANY(${wanted}::uuid[]) ORDER BY id ${Prisma.raw(mode === 'update' ? 'FOR UPDATE' : 'FOR SHARE')}`;
  return new Map(rows.map((row) => [row.id, { id: row.id, status: row.status, serialNumber: row.serial_number }]));
}

export const issueLabel = (issue: { serialNumber: number }) => `总第${issue.serialNumber}期`;
export const entryLabel = (entry: { title: string }) => `条目《${entry.title}》`;

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
 * as read; the caller writes only if they still have that status (see entries/entry-save.ts).
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
