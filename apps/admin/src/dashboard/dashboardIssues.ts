import { useGetList } from 'react-admin';
import type { Issue, IssueStatus, Role } from '@dsyb/contracts';

/** How many open issues of each status the dashboard reads (the open-issues table shows as many). */
export const OPEN_ISSUES_SHOWN = 5;

/** The unpublished issues of one status, due first; OpenIssues asks the same, so it is read once. */
export const openIssuesQuery = (status: IssueStatus) => ({
  filter: { status },
  sort: { field: 'publicationDate', order: 'ASC' as const },
  pagination: { page: 1, perPage: OPEN_ISSUES_SHOWN },
});

/**
 * The issues a role follows: editors those they compile and have sent to review (returned
 * entries come back to them), reviewers those to review and release. An admin follows all.
 */
const FOLLOWED: Record<Role, readonly IssueStatus[]> = {
  admin: ['drafting', 'in_review', 'approved'],
  editor: ['drafting', 'in_review'],
  reviewer: ['in_review', 'approved'],
};

export function statusesFollowed(roles: readonly Role[]): IssueStatus[] {
  return [...new Set(roles.flatMap(role => FOLLOWED[role] ?? []))];
}

/** At most this many issues get a panel of their own, so the page stays a page. */
const PANELS = 2;

/**
 * The issues the dashboard puts first: those the user's roles follow, due first (an editor who
 * has just created next month's issue sees that one, not last month's waiting to be published);
 * when there is none, the one due first, to show what it is waiting for.
 */
export function issuesForPanels(open: readonly Issue[], roles: readonly Role[]): Issue[] {
  const dueFirst = [...open].sort((a, b) => a.publicationDate.localeCompare(b.publicationDate));
  const mine = statusesFollowed(roles);
  const ours = dueFirst.filter(issue => mine.includes(issue.status));
  return (ours.length > 0 ? ours : dueFirst).slice(0, ours.length > 0 ? PANELS : 1);
}

/** The unpublished issues, due first, and whether they are still loading. */
export function useOpenIssues(): { issues: Issue[]; isPending: boolean } {
  // The API filters by one status at a time.
  const drafting = useGetList<Issue>('issues', openIssuesQuery('drafting'));
  const inReview = useGetList<Issue>('issues', openIssuesQuery('in_review'));
  const approved = useGetList<Issue>('issues', openIssuesQuery('approved'));
  const lists = [drafting, inReview, approved];
  // While the lists reload after a transition, an issue may briefly be in two of them: the
  // newer version of it counts.
  const byId = new Map<string, Issue>();
  for (const issue of lists.flatMap(list => list.data ?? [])) {
    const seen = byId.get(issue.id);
    if (!seen || seen.version < issue.version) byId.set(issue.id, issue);
  }
  return {
    issues: [...byId.values()].sort((a, b) => a.publicationDate.localeCompare(b.publicationDate)),
    isPending: lists.some(list => list.isPending),
  };
}
