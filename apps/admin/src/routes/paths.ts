import type { EntryStatus } from '@dsyb/contracts';

/** The entries list filtered as given, e.g. the drafts of one section of an issue, or the user's own ("me"). */
export function entriesListPath(filter: { issueId?: string; sectionId?: string; status?: EntryStatus; createdById?: 'me' }): string {
  return `/entries?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

export const issuePath = (id: string, tab?: 'assembly' | 'renditions' | 'distribution') => `/issues/${encodeURIComponent(id)}/show${tab ? `/${tab}` : ''}`;
export const entryPath = (id: string) => `/entries/${encodeURIComponent(id)}/show`;
/**
 * A new entry already placed in an issue (and, from an entry of it, in that entry's section).
 * They travel in the address (react-admin's `?source=` prefill), so reloading the form keeps them.
 */
export const newEntryInIssuePath = (issueId: string, sectionId?: string) =>
  `/entries/create?source=${encodeURIComponent(JSON.stringify(sectionId ? { issueId, sectionId } : { issueId }))}`;

/** 发起勘误 of a published issue, with one entry ticked when started from that entry's page. */
export const newCorrectionPath = (issueId: string, entryId?: string) =>
  `/corrections/${encodeURIComponent(issueId)}/new${entryId ? `?entry=${encodeURIComponent(entryId)}` : ''}`;

/** An annual volume (年度大事记), on one of its tabs. */
export const annualVolumePath = (id: string, tab?: 'entries' | 'corrections' | 'index' | 'renditions') =>
  `/annual-volumes/${encodeURIComponent(id)}/show${tab ? `/${tab}` : ''}`;
