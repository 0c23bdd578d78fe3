import { useGetOne } from 'react-admin';
import type { Entry, Issue, IssueStatus } from '@dsyb/contracts';

/**
 * The status of the issue an entry belongs to, which the workflow needs to judge the entry
 * (nothing but comments once the issue is signed off or published): null when it belongs to
 * no issue, undefined while it is not known yet.
 */
export function useEntryIssueState(entry: Pick<Entry, 'issueId'> | undefined): IssueStatus | null | undefined {
  const issueId = entry?.issueId ?? undefined;
  const { data } = useGetOne<Issue>('issues', { id: issueId ?? '' }, { enabled: issueId !== undefined });
  if (!entry) return undefined;
  if (!issueId) return null;
  return data?.status;
}
