import Article from '@mui/icons-material/Article';
import ViewList from '@mui/icons-material/ViewList';
import PictureAsPdf from '@mui/icons-material/PictureAsPdf';
import PostAdd from '@mui/icons-material/PostAdd';
import RateReview from '@mui/icons-material/RateReview';
import Send from '@mui/icons-material/Send';
import { Alert, AlertTitle, Button, Stack, Step, StepLabel, Stepper } from '@mui/material';
import type { ReactNode } from 'react';
import { CreateButton, Link, useCanAccess, useTranslate } from 'react-admin';
import type { IssueDetail } from '@dsyb/contracts';
import { IssueTransitionButtons } from '../review/IssueTransitionButtons';
import { SubmitDraftsButton } from '../review/SubmitDraftsButton';
import { ACTIVE_STEP, NOT_YET, PRIMARY, STEPS, useNextStep } from './nextStepRules';
import { issuePath, newEntryInIssuePath } from '../routes/paths';

/**
 * Where the issue stands on its way to publication, and what the user does next, with the
 * buttons that do it: the path from an empty issue to a published PDF, readable by someone who
 * has never opened the admin.
 */
export const NextStep = ({ issue }: { issue: IssueDetail }) => {
  const translate = useTranslate();
  const { canAccess: canCreateIssue } = useCanAccess({ resource: 'issues', action: 'create' });
  const { key, message } = useNextStep(issue);
  // The one thing to do next stands out; the rest are ways to look around.
  const variant = (name: string) => (PRIMARY[key] === name ? 'contained' : 'outlined');
  const links: Record<string, ReactNode> = {
    submitDrafts: <SubmitDraftsButton key="submitDrafts" issue={issue} />,
    assembly: (
      <Button key="assembly" variant={variant('assembly')} component={Link} to={issuePath(issue.id, 'assembly')} size="small" startIcon={<ViewList />}>
        {translate('app.dashboard.open_assembly')}
      </Button>
    ),
    create: (
      <Button key="create" variant={variant('create')} component={Link} to={newEntryInIssuePath(issue.id)} size="small" startIcon={<PostAdd />}>
        {translate('app.issues.create_entry')}
      </Button>
    ),
    review: (
      // The table of contents: every entry opens to be read, and 通过 / 退回修改 stand beside it.
      <Button key="review" variant={variant('review')} component={Link} to={issuePath(issue.id)} size="small" startIcon={<RateReview />}>
        {translate('app.dashboard.review_entries')}
      </Button>
    ),
    issue: (
      <Button key="issue" variant={variant('issue')} component={Link} to={issuePath(issue.id)} size="small" startIcon={<Article />}>
        {translate('app.dashboard.open_issue')}
      </Button>
    ),
    createIssue: canCreateIssue ? (
      <CreateButton key="createIssue" resource="issues" label="app.dashboard.create_issue" variant={variant('createIssue')} size="small" />
    ) : null,
    distribution: (
      <Button key="distribution" variant={variant('distribution')} component={Link} to={issuePath(issue.id, 'distribution')} size="small" startIcon={<Send />}>
        {translate('app.distribution.tab')}
      </Button>
    ),
    renditions: (
      <Button key="renditions" variant={variant('renditions')} component={Link} to={issuePath(issue.id, 'renditions')} size="small" startIcon={<PictureAsPdf />}>
        {translate('app.renditions.title')}
      </Button>
    ),
  };
  const actions: Record<string, string[]> = {
    'drafting.editor_empty': ['create', 'assembly'],
    'drafting.editor_drafts': ['submitDrafts', 'create', 'assembly', 'issue'],
    'drafting.editor_ready': ['assembly', 'create', 'issue'],
    'drafting.reviewer': ['issue'],
    'in_review.reviewer': ['review'],
    'in_review.reviewer_ready': ['issue'],
    'in_review.reviewer_returned': ['issue'],
    'in_review.editor': ['issue', 'createIssue'],
    'approved.reviewer': ['renditions', 'issue'],
    'approved.editor': ['renditions', 'issue', 'createIssue'],
    'published.all': ['distribution', 'renditions', 'createIssue'],
  };

  return (
    <Stack spacing={2} data-testid="next-step" data-situation={key}>
      <Stepper activeStep={ACTIVE_STEP[issue.status]} alternativeLabel>
        {STEPS.map(step => (
          <Step key={step}>
            <StepLabel>{translate(`app.dashboard.step.${step}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Alert severity={issue.status === 'published' ? 'success' : 'info'} icon={false} role="status">
        <AlertTitle>{translate(issue.status === 'published' ? 'app.dashboard.published_title' : 'app.dashboard.next_title')}</AlertTitle>
        {message}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1.5, alignItems: 'center' }}>
          <IssueTransitionButtons issue={issue} exclude={[...(NOT_YET[key] ?? []), 'return']} />
          {(actions[key] ?? []).map(name => links[name])}
          <IssueTransitionButtons issue={issue} only={['return']} />
        </Stack>
      </Alert>
    </Stack>
  );
};
