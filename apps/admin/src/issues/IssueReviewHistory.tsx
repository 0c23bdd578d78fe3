import { Box, Divider, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatDateTime } from '../formatDate';
import type { IssueDetail, IssueHistoryEvent } from '@dsyb/contracts';

const REVIEW_STEPS = new Set(['issue.submit_review', 'issue.sign_off', 'issue.return', 'issue.publish']);

/**
 * 审核记录: the issue's way through review (送审, 退回 with its comment, 签发, 发布), who and
 * when, oldest first. Nothing is shown before the issue was first sent to review.
 */
export const IssueReviewHistory = () => {
  const issue = useRecordContext<IssueDetail>();
  const dataProvider = useDataProvider<AppDataProvider>();
  return (
    <ReviewHistory
      queryKey={['issues', 'history', issue?.id]}
      load={issue ? () => dataProvider.issueHistory(issue.id) : undefined}
      steps={REVIEW_STEPS}
      testId="issue-review-history"
    />
  );
};

/** The review steps (`steps`: audit action codes) of what `load` reads, oldest first; nothing before the first. */
export const ReviewHistory = ({
  queryKey,
  load,
  steps: shown,
  testId,
}: {
  queryKey: readonly unknown[];
  /** Absent while the record loads. */
  load: (() => Promise<IssueHistoryEvent[]>) | undefined;
  steps: ReadonlySet<string>;
  testId: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey,
    queryFn: () => (load ? load() : Promise.resolve([])),
    enabled: load !== undefined,
  });
  const steps = (data ?? []).filter(event => shown.has(event.action));
  if (steps.length === 0) return null;
  return (
    <>
      <Divider sx={{ my: 3 }} />
      <Box component="section" data-testid={testId}>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.issues.review_history')}
        </Typography>
        <Stack component="ol" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {steps.map(step => (
            <Box component="li" key={step.id}>
              <Typography variant="body2">
                <Box component="span" sx={{ color: 'text.secondary', mr: 1.5 }}>
                  {formatDateTime(step.createdAt, locale)}
                </Box>
                {translate('app.issues.review_step', {
                  actor: step.actorName ?? '',
                  action: translate(`app.audit.actions.${step.action}`, { _: step.action }),
                })}
              </Typography>
              {step.comment ? (
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', pl: 2, borderLeft: 3, borderColor: 'warning.main', mt: 0.5 }}>
                  {step.comment}
                </Typography>
              ) : null}
            </Box>
          ))}
        </Stack>
      </Box>
    </>
  );
};
