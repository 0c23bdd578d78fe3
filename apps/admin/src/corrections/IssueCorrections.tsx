import Gavel from '@mui/icons-material/Gavel';
import KeyboardReturn from '@mui/icons-material/KeyboardReturn';
import { Box, Button, Chip, Divider, Paper, Stack, Typography, type ChipProps } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { allowedCorrectionActions } from '@dsyb/workflow';
import { bookTitle, type CorrectionStatus, type IssueCorrectionSummary, type IssueDetail } from '@dsyb/contracts';
import { formatDateTime } from '../formatDate';
import { CommentDialog } from '../review/CommentDialog';
import { useRoles } from '../review/useRoles';
import { useCorrectionDecision, useIssueCorrections } from './useIssueCorrections';

const STATUS_COLORS: Record<CorrectionStatus, ChipProps['color']> = { pending: 'warning', signed_off: 'success', returned: 'default' };

/**
 * 勘误 of a published issue, oldest first: why, which entries, who started it and who decided.
 * A correction waiting for sign-off offers 签发勘误 and 退回 to those the workflow lets decide.
 */
export const IssueCorrections = () => {
  const issue = useRecordContext<IssueDetail>();
  const translate = useTranslate();
  const { data: corrections } = useIssueCorrections(issue?.status === 'published' ? issue.id : undefined);
  if (!issue || !corrections || corrections.length === 0) return null;
  return (
    <>
      <Divider sx={{ my: 3 }} />
      <Box component="section" data-testid="issue-corrections">
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.corrections.title')}
        </Typography>
        <Stack spacing={2}>
          {corrections.map(correction => (
            <CorrectionItem key={correction.id} issue={issue} correction={correction} />
          ))}
        </Stack>
      </Box>
    </>
  );
};

const CorrectionItem = ({ issue, correction }: { issue: IssueDetail; correction: IssueCorrectionSummary }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="correction-item" data-status={correction.status}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Chip size="small" color={STATUS_COLORS[correction.status]} label={translate(`app.corrections.status.${correction.status}`)} />
        {correction.revision ? <Typography variant="subtitle2">{translate('app.corrections.revision', { revision: correction.revision })}</Typography> : null}
        <Typography variant="body2" color="text.secondary">
          {translate('app.corrections.started_by', { name: correction.createdByName ?? '', time: formatDateTime(correction.createdAt, locale) })}
          {correction.decidedAt && correction.status !== 'pending'
            ? translate(`app.corrections.decided_by.${correction.status}`, { name: correction.decidedByName ?? '', time: formatDateTime(correction.decidedAt, locale) })
            : null}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('app.corrections.reason_line', { reason: correction.reason })}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {translate('app.corrections.entries_line', { titles: correction.entries.map(entry => bookTitle(entry.title)).join('、') })}
      </Typography>
      {correction.decisionComment ? (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', pl: 2, borderLeft: 3, borderColor: 'warning.main', mt: 1 }}>
          {correction.decisionComment}
        </Typography>
      ) : null}
      {correction.status === 'pending' ? <CorrectionDecisionButtons issue={issue} correction={correction} /> : null}
    </Paper>
  );
};

/** 签发勘误 (the issue is reissued with a new final PDF) and 退回 (asks what to change). */
const CorrectionDecisionButtons = ({ issue, correction }: { issue: IssueDetail; correction: IssueCorrectionSummary }) => {
  const translate = useTranslate();
  const roles = useRoles();
  const decision = useCorrectionDecision();
  const [returning, setReturning] = useState(false);
  const actions = allowedCorrectionActions(correction.status, roles);
  if (actions.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate('app.corrections.awaiting_sign_off')}
      </Typography>
    );
  }
  const decide = (action: 'sign-off' | 'return', comment?: string) =>
    decision.mutateAsync({ issueId: issue.id, correctionId: correction.id, action, version: issue.version, comment });
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
      {actions.includes('sign_off') ? (
        <Button variant="contained" color="success" size="small" startIcon={<Gavel />} disabled={decision.isPending} onClick={() => void decide('sign-off').catch(() => undefined)} data-testid="correction-sign-off">
          {translate('app.corrections.sign_off')}
        </Button>
      ) : null}
      {actions.includes('return') ? (
        <>
          <Button variant="outlined" color="warning" size="small" startIcon={<KeyboardReturn />} disabled={decision.isPending} onClick={() => setReturning(true)} data-testid="correction-return">
            {translate('app.corrections.return')}
          </Button>
          <CommentDialog
            open={returning}
            title={translate('app.corrections.return_title')}
            description={translate('app.corrections.return_help')}
            confirmLabel={translate('app.corrections.return')}
            busy={decision.isPending}
            onClose={() => setReturning(false)}
            onConfirm={comment => decide('return', comment)}
          />
        </>
      ) : null}
    </Stack>
  );
};
