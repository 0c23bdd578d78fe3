import { Link as MuiLink, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import type { EntryStatus, IssueDetail } from '@dsyb/contracts';
import { entriesListPath, issuePath } from '../routes/paths';

/** In the order an entry goes through review. */
const STATUSES: readonly EntryStatus[] = ['draft', 'changes_requested', 'submitted', 'approved'];

/** The current issue's entries by section and status; every count opens those entries. */
export const IssueStatusTable = ({ issue }: { issue: IssueDetail }) => {
  const translate = useTranslate();
  if (issue.sections.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="issue-status-table">
        {translate('app.dashboard.no_entries')}{' '}
        <MuiLink component={Link} to={issuePath(issue.id, 'assembly')}>
          {translate('app.dashboard.open_assembly')}
        </MuiLink>
      </Typography>
    );
  }
  const count = (entries: { status: EntryStatus }[], status: EntryStatus) => entries.filter(entry => entry.status === status).length;
  const all = issue.sections.flatMap(section => section.entries);
  const cell = (value: number, filter: Parameters<typeof entriesListPath>[0]) =>
    value === 0 ? (
      <Typography component="span" variant="body2" color="text.disabled">
        0
      </Typography>
    ) : (
      <MuiLink component={Link} to={entriesListPath(filter)} sx={{ fontWeight: 700 }}>
        {value}
      </MuiLink>
    );
  return (
    <Table size="small" data-testid="issue-status-table" aria-label={translate('app.dashboard.by_section')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.entries.fields.sectionId')}</TableCell>
          {STATUSES.map(status => (
            <TableCell key={status} align="right">
              {translate(`resources.entries.status.${status}`)}
            </TableCell>
          ))}
          <TableCell align="right">{translate('app.dashboard.total')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {issue.sections.map(section => (
          <TableRow key={section.id}>
            <TableCell component="th" scope="row">
              {section.name}
            </TableCell>
            {STATUSES.map(status => (
              <TableCell key={status} align="right">
                {cell(count(section.entries, status), { issueId: issue.id, sectionId: section.id, status })}
              </TableCell>
            ))}
            <TableCell align="right">{cell(section.entries.length, { issueId: issue.id, sectionId: section.id })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter sx={{ '& .MuiTableCell-root': { color: 'text.primary', fontSize: '0.875rem', fontWeight: 700, borderBottom: 0 } }}>
        <TableRow>
          <TableCell component="th" scope="row">
            {translate('app.dashboard.total')}
          </TableCell>
          {STATUSES.map(status => (
            <TableCell key={status} align="right">
              {cell(count(all, status), { issueId: issue.id, status })}
            </TableCell>
          ))}
          <TableCell align="right">{cell(all.length, { issueId: issue.id })}</TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};
