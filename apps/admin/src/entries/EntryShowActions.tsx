import { EditButton, TopToolbar, useRecordContext, useReference } from 'react-admin';
import type { Entry, Issue } from '../types';
import { EntryWorkflowButtons } from '../workflow/EntryWorkflowButtons';
import { useRoles } from '../workflow/useRoles';
import { canEditEntry } from '../workflow/workflowActions';
import { useEntryIssueState } from './useEntryIssueState';

/**
 * The review buttons the user may press on this entry now, and 编辑 while its wording may be
 * changed (not while a reviewer is reading it, nor once its issue is signed off or published).
 */
export const EntryShowActions = () => {
  const entry = useRecordContext<Entry>();
  const issueState = useEntryIssueState(entry);
  const roles = useRoles();
  if (!entry) return <TopToolbar />;
  const editable = issueState !== undefined && canEditEntry(entry.status, issueState, roles);
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <EntryWorkflowButtons entry={entry} issueState={issueState} />
      {editable ? <EditButton /> : null}
    </TopToolbar>
  );
};

/**
 * 编辑 in a row of the entries list, offered on the terms of the show page (the workflow's
 * `decide`): nothing while the issue's state is loading, nor when the entry may not be changed.
 * The issue is read the way the row's issue column reads it (one batched request for the page).
 */
export const EntryRowEditButton = (_props: { label?: string }) => {
  const entry = useRecordContext<Entry>();
  const roles = useRoles();
  const { referenceRecord: issue } = useReference<Issue>({ reference: 'issues', id: entry?.issueId ?? '', options: { enabled: Boolean(entry?.issueId) } });
  if (!entry) return null;
  const issueState = entry.issueId ? issue?.status : null;
  if (issueState === undefined || !canEditEntry(entry.status, issueState, roles)) return null;
  return <EditButton />;
};
