import { EditButton, TopToolbar, useRecordContext } from 'react-admin';
import type { Entry } from '../types';
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
