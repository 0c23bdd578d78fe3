import FormatListBulleted from '@mui/icons-material/FormatListBulleted';
import { Button, CreateButton, EditButton, Link, TopToolbar, useCreatePath, useRecordContext } from 'react-admin';
import type { IssueDetail } from '../types';

/**
 * What can be done from an issue: list or add its entries, and edit its cover data until it is
 * published (a published issue is frozen; the server refuses the change). Buttons check
 * canAccess themselves, so a reviewer sees only the list of entries.
 */
export const IssueShowActions = () => {
  const issue = useRecordContext<IssueDetail>();
  const createPath = useCreatePath();
  if (!issue) return <TopToolbar />;
  const entriesOfIssue = `${createPath({ resource: 'entries', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ issueId: issue.id }))}`;
  return (
    <TopToolbar>
      <Button component={Link} to={entriesOfIssue} label="app.issues.entries_of_issue" data-testid="issue-entries-link">
        <FormatListBulleted />
      </Button>
      {issue.status !== 'published' ? (
        <>
          <CreateButton resource="entries" label="app.issues.create_entry" state={{ record: { issueId: issue.id } }} />
          <EditButton />
        </>
      ) : null}
    </TopToolbar>
  );
};
