import { Card, CardContent, CardHeader, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { CreateButton, Link, RecordContextProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDate, formatYearMonth } from '../formatDate';
import { IssueStatusField } from '../issues/issueFields';
import type { Issue, IssueStatus } from '../types';
import { issuePath } from './paths';

const SHOWN = 5;
const DUE_FIRST = { sort: { field: 'publicationDate', order: 'ASC' as const }, pagination: { page: 1, perPage: SHOWN } };

/** The issues not yet published, the one due first on top; a row opens the issue. */
export const OpenIssues = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  // The API filters by one status at a time.
  const drafting = useGetList<Issue>('issues', { ...DUE_FIRST, filter: { status: 'drafting' satisfies IssueStatus } });
  const inReview = useGetList<Issue>('issues', { ...DUE_FIRST, filter: { status: 'in_review' satisfies IssueStatus } });
  const approved = useGetList<Issue>('issues', { ...DUE_FIRST, filter: { status: 'approved' satisfies IssueStatus } });
  const lists = [drafting, inReview, approved];
  const issues = lists
    .flatMap(list => list.data ?? [])
    .sort((a, b) => a.publicationDate.localeCompare(b.publicationDate))
    .slice(0, SHOWN);
  return (
    <Card variant="outlined" data-testid="dashboard-open-issues">
      <CardHeader
        title={translate('app.dashboard.open_issues')}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2', sx: { fontWeight: 700 } } }}
        action={<CreateButton resource="issues" label="app.dashboard.create_issue" />}
      />
      <CardContent sx={{ pt: 0 }}>
        {lists.some(list => list.isPending) ? <LinearProgress /> : null}
        {issues.length === 0 && lists.every(list => !list.isPending) ? (
          <Typography color="text.secondary">{translate('app.dashboard.no_open_issues')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.issues.fields.serialNumber')}</TableCell>
                <TableCell>{translate('resources.issues.fields.yearMonth')}</TableCell>
                <TableCell>{translate('resources.issues.fields.deadline')}</TableCell>
                <TableCell>{translate('resources.issues.fields.status')}</TableCell>
                <TableCell align="right">{translate('resources.issues.fields.entryCount')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {issues.map(issue => (
                <TableRow key={issue.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(issuePath(issue.id))} data-testid="dashboard-issue-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Link to={issuePath(issue.id)} onClick={(event: MouseEvent) => event.stopPropagation()}>
                      {translate('app.issues.serial_number', { serialNumber: issue.serialNumber })}
                    </Link>
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatYearMonth(issue.year, issue.month, locale)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{issue.deadline ? formatDate(issue.deadline, locale) : ''}</TableCell>
                  <TableCell>
                    <RecordContextProvider value={issue}>
                      <IssueStatusField />
                    </RecordContextProvider>
                  </TableCell>
                  <TableCell align="right">{issue.entryCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
