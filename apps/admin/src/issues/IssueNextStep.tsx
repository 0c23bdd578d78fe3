import { Alert, AlertTitle, Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useNextStep } from '../dashboard/nextStepRules';
import type { IssueDetail } from '@dsyb/contracts';
import { SubmitDraftsButton } from '../review/SubmitDraftsButton';

/**
 * 下一步 at the top of the issue's page, as on the dashboard: what to do now, for someone who
 * arrived here from a link. The buttons it names are on this page (the toolbar, the table of
 * contents, the tabs); submitting every draft at once is offered here too.
 */
export const IssueNextStep = () => {
  const issue = useRecordContext<IssueDetail>();
  // A record taken from the list has no contents yet: wait for the full one.
  if (!issue?.sections) return null;
  return <NextStepNotice issue={issue} />;
};

const NextStepNotice = ({ issue }: { issue: IssueDetail }) => {
  const translate = useTranslate();
  const { key, message } = useNextStep(issue);
  return (
    <Alert severity={issue.status === 'published' ? 'success' : 'info'} icon={false} role="status" sx={{ mb: 3 }} data-testid="issue-next-step" data-situation={key}>
      <AlertTitle>{translate(issue.status === 'published' ? 'app.dashboard.published_title' : 'app.dashboard.next_title')}</AlertTitle>
      {message}
      {key === 'drafting.editor_drafts' ? (
        <Box sx={{ mt: 1.5 }}>
          <SubmitDraftsButton issue={issue} />
        </Box>
      ) : null}
    </Alert>
  );
};
