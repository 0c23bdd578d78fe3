import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { IssueStatus } from '@dsyb/contracts';
import { StartCorrectionButton, useCanStartCorrection } from './StartCorrectionButton';

/**
 * What a published issue or entry says first: it is read-only, and the one way to change what was
 * printed is a correction (勘误), offered right here to those who may start one; reviewers are
 * told who does.
 */
export const PublishedNotice = ({ issueId, entryId, issueState }: { issueId: string; entryId?: string; issueState: IssueStatus | null | undefined }) => {
  const translate = useTranslate();
  const canStart = useCanStartCorrection(issueState);
  if (issueState !== 'published') return null;
  return (
    <Alert
      severity="info"
      sx={{ mb: 2, alignItems: 'center' }}
      data-testid="published-notice"
      action={<StartCorrectionButton issueId={issueId} entryId={entryId} issueState={issueState} />}
    >
      <AlertTitle>{translate(entryId ? 'app.corrections.published_entry_title' : 'app.corrections.published_issue_title')}</AlertTitle>
      {translate(canStart ? 'app.corrections.published_help' : 'app.corrections.published_help_reviewer')}
    </Alert>
  );
};
