import { Box, Button, Card, CardContent, Chip, LinearProgress, Link as MuiLink, Stack, Typography } from '@mui/material';
import { CreateButton, Link, RecordContextProvider, useCanAccess, useGetList, useGetOne, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { formatDate } from '../formatDate';
import { IssueStatusField, issueRepresentation } from '../issues/issueFields';
import type { Issue, IssueDetail } from '@dsyb/contracts';
import { useRoles } from '../review/useRoles';
import { issuesForPanels, useOpenIssues } from './dashboardIssues';
import { IssueStatusTable } from './IssueStatusTable';
import { NextStep } from './NextStep';
import { issuePath } from '../routes/paths';

const DAY_MS = 86_400_000;

/** Whole days from today to a calendar date (negative when it has passed). */
function daysUntil(date: string, today = new Date()): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / DAY_MS);
}

/**
 * The issues the user's role follows (or, when there is none, the one due first): each with its
 * number, month, deadline and status and what to do next; the first also with its entries by
 * section and status, the next one kept short so that the page stays a page.
 */
export const CurrentIssuePanels = () => {
  const roles = useRoles();
  const { issues, isPending } = useOpenIssues();
  const { isPending: rolesPending } = usePermissions();
  if (isPending || rolesPending) return <LinearProgress />;
  const shown = issuesForPanels(issues, roles);
  if (shown.length === 0) return <NoCurrentIssue />;
  return (
    <>
      {shown.map((issue, index) => (
        <CurrentIssuePanel key={issue.id} current={issue} first={index === 0} />
      ))}
    </>
  );
};

const CurrentIssuePanel = ({ current, first }: { current: Issue; first: boolean }) => {
  const translate = useTranslate();
  const { data: issue } = useGetOne<IssueDetail>('issues', { id: current.id });
  return (
    <Card variant="outlined" sx={{ borderColor: first ? 'primary.main' : undefined }} data-testid="dashboard-current-issue" data-serial-number={current.serialNumber}>
      <CardContent>
        <RecordContextProvider value={current}>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip size="small" color="primary" variant={first ? 'filled' : 'outlined'} label={translate(first ? 'app.issues.current' : 'app.dashboard.next_issue')} />
            <MuiLink component={Link} to={issuePath(current.id)} variant="h6" underline="hover" data-testid="dashboard-current-issue-link">
              {issueRepresentation(current)}
            </MuiLink>
            <IssueStatusField />
          </Stack>
        </RecordContextProvider>
        <IssueFacts issue={issue ?? { ...current, sections: [], recipients: [] }} />
        {issue?.sections ? (
          <>
            <Box sx={{ my: 2 }}>
              <NextStep issue={issue} />
            </Box>
            {first ? (
              <>
                <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
                  {translate('app.dashboard.by_section')}
                </Typography>
                <IssueStatusTable issue={issue} />
              </>
            ) : null}
          </>
        ) : (
          <LinearProgress sx={{ my: 2 }} />
        )}
        {first ? (
          <Box sx={{ mt: 2 }}>
            <Button component={Link} to="/issues" size="small">
              {translate('app.dashboard.all_issues')}
            </Button>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};

/** Between issues: the last one published (and its files), and the way to the next one. */
const NoCurrentIssue = () => {
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ resource: 'issues', action: 'create' });
  const { data: published } = useGetList<Issue>('issues', {
    filter: { status: 'published' },
    sort: { field: 'publicationDate', order: 'DESC' },
    pagination: { page: 1, perPage: 1 },
  });
  const last = published?.[0];
  return (
    <Card variant="outlined" data-testid="dashboard-current-issue">
      <CardContent>
        <Typography gutterBottom>{translate(canCreate ? 'app.dashboard.no_current_issue' : 'app.dashboard.no_current_issue_wait')}</Typography>
        {last ? (
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('app.dashboard.last_published')}
            <MuiLink component={Link} to={issuePath(last.id)}>
              {issueRepresentation(last)}
            </MuiLink>
            {' · '}
            <MuiLink component={Link} to={issuePath(last.id, 'renditions')}>
              {translate('app.renditions.title')}
            </MuiLink>
          </Typography>
        ) : null}
        <CreateButton resource="issues" label="app.dashboard.create_issue" variant="contained" sx={{ mt: 1 }} />
      </CardContent>
    </Card>
  );
};

const IssueFacts = ({ issue }: { issue: IssueDetail }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const open = issue.status === 'drafting' || issue.status === 'in_review';
  const deadline = issue.deadline
    ? `${formatDate(issue.deadline, locale)}${open ? `（${deadlineDistance(daysUntil(issue.deadline), translate)}）` : ''}`
    : translate('app.dashboard.no_deadline');
  const facts: [string, string][] = [
    ['resources.issues.fields.deadline', deadline],
    ['resources.issues.fields.publicationDate', formatDate(issue.publicationDate, locale)],
    ['resources.issues.fields.coverage', translate('app.issues.coverage_range', { start: formatDate(issue.coverageStart, locale), end: formatDate(issue.coverageEnd, locale) })],
    ['resources.issues.fields.entryCount', String(issue.entryCount)],
  ];
  return (
    <Stack direction="row" spacing={3} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', color: 'text.secondary' }} data-testid="dashboard-issue-facts">
      {facts.map(([label, value]) => (
        <Typography key={label} variant="body2">
          {translate('app.labelled', { label: translate(label), value })}
        </Typography>
      ))}
    </Stack>
  );
};

function deadlineDistance(days: number, translate: (key: string, options?: object) => string): string {
  if (days > 0) return translate('app.dashboard.days_left', { smart_count: days });
  if (days === 0) return translate('app.dashboard.due_today');
  return translate('app.dashboard.days_overdue', { smart_count: -days });
}
