import { useGetList } from 'react-admin';
import type { Issue, IssueStatus } from '@dsyb/contracts';

/** Statuses of an issue that is still being worked on. */
const UNPUBLISHED: readonly IssueStatus[] = ['drafting', 'in_review', 'approved'];

const ONE_EARLIEST = { sort: { field: 'publicationDate', order: 'ASC' as const }, pagination: { page: 1, perPage: 1 } };

/** The earliest of the candidates by publication date ("YYYY-MM-DD" compares as text). */
export function earliestIssue(candidates: readonly (Issue | undefined)[]): Issue | undefined {
  return candidates
    .filter((issue): issue is Issue => issue !== undefined)
    .reduce<Issue | undefined>((earliest, issue) => (!earliest || issue.publicationDate < earliest.publicationDate ? issue : earliest), undefined);
}

/**
 * The issue the office is working on now: of the issues not yet published, the one due first.
 * (The API filters by one status at a time, so each unpublished status is asked for its earliest.)
 */
export function useCurrentIssue(): Issue | undefined {
  return useCurrentIssueQuery().issue;
}

/** The current issue, and whether the lists it is chosen from are still loading. */
export function useCurrentIssueQuery(): { issue: Issue | undefined; isPending: boolean } {
  const drafting = useGetList<Issue>('issues', { ...ONE_EARLIEST, filter: { status: UNPUBLISHED[0] } });
  const inReview = useGetList<Issue>('issues', { ...ONE_EARLIEST, filter: { status: UNPUBLISHED[1] } });
  const approved = useGetList<Issue>('issues', { ...ONE_EARLIEST, filter: { status: UNPUBLISHED[2] } });
  return {
    issue: earliestIssue([drafting.data?.[0], inReview.data?.[0], approved.data?.[0]]),
    isPending: drafting.isPending || inReview.isPending || approved.isPending,
  };
}
