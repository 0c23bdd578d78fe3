import Article from '@mui/icons-material/Article';
import ViewList from '@mui/icons-material/ViewList';
import PictureAsPdf from '@mui/icons-material/PictureAsPdf';
import PostAdd from '@mui/icons-material/PostAdd';
import RateReview from '@mui/icons-material/RateReview';
import { Alert, AlertTitle, Button, Stack, Step, StepLabel, Stepper } from '@mui/material';
import type { ReactNode } from 'react';
import { CreateButton, Link, useTranslate } from 'react-admin';
import type { IssueDetail, IssueStatus, Role } from '../types';
import { IssueWorkflowButtons } from '../workflow/IssueWorkflowButtons';
import { useRoles } from '../workflow/useRoles';
import { entriesListPath, issuePath } from './paths';

const STEPS: readonly IssueStatus[] = ['drafting', 'in_review', 'approved', 'published'];

/** The step under way: a signed-off issue has the sign-off behind it and publication ahead. */
const ACTIVE_STEP: Record<IssueStatus, number> = { drafting: 0, in_review: 1, approved: 3, published: 4 };

/** Whose move it is: editors assemble, reviewers review and release. An admin is both. */
function whose(status: IssueStatus, roles: readonly Role[]): 'editor' | 'reviewer' | 'all' {
  if (status === 'published') return 'all';
  const edits = roles.includes('editor') || roles.includes('admin');
  const reviews = roles.includes('reviewer') || roles.includes('admin');
  if (status === 'drafting') return edits ? 'editor' : 'reviewer';
  return reviews ? 'reviewer' : 'editor';
}

/**
 * Where the issue stands on its way to publication, and what the user does next, with the
 * buttons that do it: the path from an empty issue to a published PDF, readable by someone who
 * has never opened the admin.
 */
export const NextStep = ({ issue }: { issue: IssueDetail }) => {
  const translate = useTranslate();
  const roles = useRoles();
  const who = whose(issue.status, roles);
  const links: Record<string, ReactNode> = {
    assembly: (
      <Button key="assembly" component={Link} to={issuePath(issue.id, 'assembly')} variant="outlined" size="small" startIcon={<ViewList />}>
        {translate('app.dashboard.open_assembly')}
      </Button>
    ),
    create: (
      <Button key="create" component={Link} to="/entries/create" state={{ record: { issueId: issue.id } }} variant="outlined" size="small" startIcon={<PostAdd />}>
        {translate('app.issues.create_entry')}
      </Button>
    ),
    review: (
      <Button
        key="review"
        component={Link}
        to={entriesListPath({ issueId: issue.id, status: 'submitted' })}
        variant="outlined"
        size="small"
        startIcon={<RateReview />}
      >
        {translate('app.dashboard.review_entries')}
      </Button>
    ),
    issue: (
      <Button key="issue" component={Link} to={issuePath(issue.id)} variant="outlined" size="small" startIcon={<Article />}>
        {translate('app.dashboard.open_issue')}
      </Button>
    ),
    createIssue: <CreateButton key="createIssue" resource="issues" label="app.dashboard.create_issue" variant="outlined" size="small" />,
    renditions: (
      <Button key="renditions" component={Link} to={issuePath(issue.id, 'renditions')} variant="outlined" size="small" startIcon={<PictureAsPdf />}>
        {translate('app.renditions.title')}
      </Button>
    ),
  };
  const actions: Record<string, string[]> = {
    'drafting.editor': ['assembly', 'create', 'issue'],
    'drafting.reviewer': ['review', 'issue'],
    'in_review.reviewer': ['review', 'issue'],
    'in_review.editor': ['issue', 'assembly'],
    'approved.reviewer': ['renditions', 'issue'],
    'approved.editor': ['renditions', 'issue'],
    'published.all': ['renditions', 'createIssue'],
  };
  const key = `${issue.status}.${who}`;

  return (
    <Stack spacing={2} data-testid="next-step">
      <Stepper activeStep={ACTIVE_STEP[issue.status]} alternativeLabel>
        {STEPS.map(step => (
          <Step key={step}>
            <StepLabel>{translate(`app.dashboard.step.${step}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Alert severity={issue.status === 'published' ? 'success' : 'info'} icon={false}>
        <AlertTitle>{translate('app.dashboard.next_title')}</AlertTitle>
        {translate(`app.dashboard.next.${key}`)}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1.5, alignItems: 'center' }}>
          <IssueWorkflowButtons issue={issue} />
          {(actions[key] ?? []).map(name => links[name])}
        </Stack>
      </Alert>
    </Stack>
  );
};
