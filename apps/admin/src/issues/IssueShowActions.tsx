import { newEntryInIssuePath } from '../routes/paths';
import FormatListBulleted from '@mui/icons-material/FormatListBulleted';
import { Button, CreateButton, EditButton, Link, TopToolbar, useCreatePath, useRecordContext } from 'react-admin';
import type { IssueDetail } from '@dsyb/contracts';
import { IssueTransitionButtons } from '../review/IssueTransitionButtons';
import { useRoles } from '../review/useRoles';
import { canEditIssue } from '../review/allowedTransitions';

/**
 * What can be done from an issue: list or add its entries, edit its cover data while the
 * workflow lets the user (editors, while it is being edited: signed off it is locked, published
 * frozen), and move it along the workflow (送审, 签发, 退回, 发布) as the user's roles allow.
 * A reviewer sees the list of entries and the review buttons.
 */
export const IssueShowActions = () => {
  const issue = useRecordContext<IssueDetail>();
  const createPath = useCreatePath();
  const roles = useRoles();
  if (!issue) return <TopToolbar />;
  const entriesOfIssue = `${createPath({ resource: 'entries', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ issueId: issue.id }))}`;
  const editable = canEditIssue(issue.status, roles);
  return (
    <TopToolbar sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
      <IssueTransitionButtons issue={issue} />
      <Button component={Link} to={entriesOfIssue} label="app.issues.entries_of_issue" data-testid="issue-entries-link">
        <FormatListBulleted />
      </Button>
      {editable ? (
        <>
          <CreateButton resource="entries" label="app.issues.create_entry" to={newEntryInIssuePath(issue.id)} />
          <EditButton />
        </>
      ) : null}
    </TopToolbar>
  );
};
