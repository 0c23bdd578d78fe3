import { Alert, AlertTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { nestedTitle, type IssueStatus } from '@dsyb/contracts';
import { StartCorrectionButton, useCanStartCorrection } from './StartCorrectionButton';
import { useIssueCorrections } from './useIssueCorrections';

/**
 * What a published issue or entry says first: it is read-only, and the one way to change what was
 * printed is a correction (勘误), offered right here to those who may start one; reviewers are
 * told who does. An entry corrected since says so, with the title it prints now (the entry itself
 * stays as first published).
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
      {entryId ? <EntryCorrected issueId={issueId} entryId={entryId} /> : null}
    </Alert>
  );
};

/** 已勘误（第2版）：现标题《…》, when a signed-off correction changed this entry. */
const EntryCorrected = ({ issueId, entryId }: { issueId: string; entryId: string }) => {
  const translate = useTranslate();
  const { data: corrections } = useIssueCorrections(issueId);
  const latest = corrections
    ?.filter(correction => correction.status === 'signed_off')
    .flatMap(correction => correction.entries.filter(entry => entry.entryId === entryId).map(entry => ({ revision: correction.revision, title: entry.title })))
    .at(-1);
  if (!latest) return null;
  return (
    <Typography variant="body2" sx={{ mt: 1, fontWeight: 700 }} data-testid="entry-corrected">
      {translate('app.corrections.entry_corrected', { revision: latest.revision ?? '', title: nestedTitle(latest.title) })}
    </Typography>
  );
};
