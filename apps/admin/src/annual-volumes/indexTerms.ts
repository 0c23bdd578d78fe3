/**
 * The index (索引) of an annual volume as its tab shows it: the terms grouped by what the editor
 * decided, the ones still to decide first.
 */
import type { AnnualIndexTerm, IndexTermStatus } from '@dsyb/contracts';

/** 待定 first (the work to do), then 已采用 and the names merged into them, then 不收录. */
export const INDEX_STATUS_ORDER: readonly IndexTermStatus[] = ['proposed', 'accepted', 'merged', 'suppressed'];

export function termsByStatus<T extends Pick<AnnualIndexTerm, 'status'>>(terms: readonly T[]): { status: IndexTermStatus; terms: T[] }[] {
  return INDEX_STATUS_ORDER.map(status => ({ status, terms: terms.filter(term => term.status === status) }));
}

/** What a term may be merged into: an accepted term of the volume other than itself, by name. */
export function mergeTargets<T extends Pick<AnnualIndexTerm, 'id' | 'status' | 'term'>>(terms: readonly T[], term: Pick<AnnualIndexTerm, 'id'>): T[] {
  return terms.filter(other => other.status === 'accepted' && other.id !== term.id).sort((a, b) => a.term.localeCompare(b.term, 'zh-CN'));
}
