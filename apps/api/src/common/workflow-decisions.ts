import type { Decision } from '@dsyb/workflow';
import { Prisma, type IssueStatus } from '@dsyb/db';
import { conflict, DomainError, forbidden, invalid } from './domain-errors';
import { bookTitle } from '@dsyb/contracts';

/**
 * What every change of an entry or an issue shares: the workflow library's refusals as domain
 * errors, the stale-version answer, and the row locks that keep a decision true until its
 * transaction commits.
 */
export function refusalError(decision: Extract<Decision<string>, { ok: false }>): DomainError {
  if (decision.reason === 'role') return forbidden(decision.message);
  if (decision.reason === 'input') return invalid(decision.message);
  return conflict(decision.message);
}

export type VersionedRecord = '条目' | '期刊' | '年度大事记' | '大事记条目' | '索引词';

export function staleVersion(what: VersionedRecord, read: number, current: number): DomainError {
  return conflict(`该${what}已被他人修改（您读取的是第 ${read} 版，当前是第 ${current} 版），请刷新后再操作。`, { currentVersion: current });
}

/**
 * Checks a decision the way every transition answers: a role that may never do this is told
 * so first (403), then a client that read an old version is sent to reload (409 with
 * currentVersion), and only then is the state or the missing input explained.
 */
export function assertDecision<TState extends string>(
  decision: Decision<TState>,
  what: VersionedRecord,
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
export const entryLabel = (entry: { title: string }) => `条目${bookTitle(entry.title)}`;
