import { Card, CardContent, CardHeader, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { CreateButton, Link, RecordContextProvider, useLocaleState, useTranslate } from 'react-admin';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDate, formatYearMonth } from '../formatDate';
import { IssueStatusField } from '../issues/issueFields';
import { OPEN_ISSUES_SHOWN, useOpenIssues } from './dashboardIssues';
import { issuePath } from '../routes/paths';

/** The issues not yet published, the one due first on top; a row opens the issue. */
export const OpenIssues = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const open = useOpenIssues();
  const issues = open.issues.slice(0, OPEN_ISSUES_SHOWN);
  return (
    <Card variant="outlined" data-testid="dashboard-open-issues">
      <CardHeader
        title={translate('app.dashboard.open_issues')}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2', sx: { fontWeight: 700 } } }}
        action={<CreateButton resource="issues" label="app.dashboard.create_issue" />}
      />
      <CardContent sx={{ pt: 0 }}>
        {open.isPending ? <LinearProgress /> : null}
        {issues.length === 0 && !open.isPending ? (
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
