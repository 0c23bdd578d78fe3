import PostAdd from '@mui/icons-material/PostAdd';
import { Button, EditButton, Link, TopToolbar, useRecordContext, useReference } from 'react-admin';
import { newEntryInIssuePath } from '../routes/paths';
import type { Entry, Issue } from '@dsyb/contracts';
import { EntryTransitionButtons } from '../review/EntryTransitionButtons';
import { useReviewOutcome } from '../review/ReviewOutcome';
import { useRoles } from '../review/useRoles';
import { canEditEntry, canEditIssue } from '../review/allowedTransitions';
import { useEntryIssueState } from './useEntryIssueState';

/**
 * The review buttons the user may press on this entry now, and 编辑 while its wording may be
 * changed (not while a reviewer is reading it, nor once its issue is signed off or published).
 * A review given here is told to the page, which then offers the next entry to review. An
 * editor writing an issue finds 在本期再建一条 here: a new entry in the same issue and section.
 */
export const EntryShowActions = () => {
  const entry = useRecordContext<Entry>();
  const issueState = useEntryIssueState(entry);
  const roles = useRoles();
  const { setOutcome } = useReviewOutcome();
  if (!entry) return <TopToolbar />;
  const editable = issueState !== undefined && canEditEntry(entry.status, issueState, roles);
  const addsToIssue = entry.issueId && issueState && canEditIssue(issueState, roles);
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <EntryTransitionButtons
        entry={entry}
        issueState={issueState}
        onDone={action => setOutcome(action === 'approve' || action === 'return' ? { entryId: entry.id, action } : undefined)}
      />
      {editable ? <EditButton /> : null}
      {addsToIssue ? (
        <Button component={Link} to={newEntryInIssuePath(entry.issueId!, entry.sectionId)} label="app.entries.another_in_issue" data-testid="another-in-issue">
          <PostAdd />
        </Button>
      ) : null}
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
