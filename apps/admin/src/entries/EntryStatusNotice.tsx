import { Alert, AlertTitle } from '@mui/material';
import { decide } from '@dsyb/workflow';
import { useLocaleState, useTranslate } from 'react-admin';
import { PublishedNotice } from '../corrections/PublishedNotice';
import { formatDateTime } from '../formatDate';
import type { Entry, IssueStatus } from '@dsyb/contracts';
import { useRoles } from '../review/useRoles';
import { useEntryComments } from './useEntryComments';
import { bookTitle } from '@dsyb/contracts';

/**
 * What the user needs to know before working on the entry: a returned entry shows the
 * reviewer's latest comment; an editor who cannot change the entry now is told why and what
 * to do (the workflow's own sentence: withdraw it, or wait for the reviewer); an entry of a
 * published issue is read-only, with 发起勘误 as the way forward.
 */
export const EntryStatusNotice = ({ entry, issueState }: { entry: Entry; issueState: IssueStatus | null | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const roles = useRoles();
  const { data: comments } = useEntryComments(entry.status === 'changes_requested' ? entry.id : undefined);
  if (issueState === undefined) return null;
  if (issueState === 'published' && entry.issueId) return <PublishedNotice issueId={entry.issueId} entryId={entry.id} issueState={issueState} />;

  if (entry.status === 'changes_requested') {
    const latest = comments?.at(-1);
    return (
      <Alert severity="warning" sx={{ mb: 2 }} data-testid="entry-returned-notice">
        <AlertTitle>{translate('app.workflow.returned_title')}</AlertTitle>
        {latest
          ? translate('app.workflow.returned_comment', {
              comment: latest.body,
              author: latest.author.displayName,
              time: formatDateTime(latest.createdAt, locale),
            })
          : translate('app.workflow.returned_no_comment')}
      </Alert>
    );
  }
  const edit = decide('entry', 'edit', entry.status, roles, { issueState, label: `条目${bookTitle(entry.title)}` });
  if (edit.ok || edit.reason !== 'state') return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="entry-locked-notice">
      {edit.message}
    </Alert>
  );
};
