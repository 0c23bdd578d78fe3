import PostAdd from '@mui/icons-material/PostAdd';
import ViewList from '@mui/icons-material/ViewList';
import {
  Box,
  Button,
  LinearProgress,
  List as MuiList,
  ListItemButton,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { Link, RecordContextProvider, useCreatePath, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { issuePath, newEntryInIssuePath } from '../routes/paths';
import { EntryStatusField } from '../entries/entryFields';
import { formatEventDate } from '../formatDate';
import type { IssueContentsEntry, IssueDetail, IssueStatus } from '@dsyb/contracts';
import { EntryTransitionButtons } from '../review/EntryTransitionButtons';
import { useRoles } from '../review/useRoles';
import { canEditIssue } from '../review/allowedTransitions';

/**
 * The issue's table of contents: each section (in print order) with its entries, numbered
 * through the issue as they will be printed. Each entry opens its own page; beside it are the
 * review buttons the user may press now (a reviewer approves or returns right here).
 */
export const IssueContents = () => {
  const record = useRecordContext<IssueDetail>();
  const translate = useTranslate();
  // A record taken from the list has no contents yet; the full one follows.
  if (!record?.sections) return <LinearProgress sx={{ my: 2 }} />;
  if (record.sections.length === 0) return <EmptyContents issue={record} />;

  let number = 0;
  return (
    <Stack spacing={2}>
      {record.sections.map(section => (
        <Box component="section" key={section.id} data-testid="issue-section">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', borderBottom: 1, borderColor: 'divider', pb: 0.5 }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }} data-testid="issue-section-heading">
              {section.name}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate('app.issues.section_entry_count', { smart_count: section.entries.length })}
            </Typography>
          </Stack>
          <MuiList dense disablePadding>
            {section.entries.map(entry => (
              <IssueEntryRow key={entry.id} entry={entry} number={++number} issueState={record.status} />
            ))}
          </MuiList>
        </Box>
      ))}
    </Stack>
  );
};

/**
 * An issue without entries says how it gets its first: a new entry written in it, or entries
 * already written added in the assembly (for those who may still change the issue).
 */
const EmptyContents = ({ issue }: { issue: IssueDetail }) => {
  const translate = useTranslate();
  const roles = useRoles();
  return (
    <Box data-testid="issue-contents-empty">
      <Typography color="text.secondary">{translate('app.issues.contents_empty')}</Typography>
      {canEditIssue(issue.status, roles) ? (
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
          <Button component={Link} to={newEntryInIssuePath(issue.id)} variant="contained" size="small" startIcon={<PostAdd />}>
            {translate('app.issues.first_entry')}
          </Button>
          <Button component={Link} to={issuePath(issue.id, 'assembly')} variant="outlined" size="small" startIcon={<ViewList />}>
            {translate('app.issues.add_written_entries')}
          </Button>
        </Stack>
      ) : null}
    </Box>
  );
};

/** One entry: its page behind the title, and beside it the review buttons the user may press now. */
const IssueEntryRow = ({ entry, number, issueState }: { entry: IssueContentsEntry; number: number; issueState: IssueStatus }) => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 1 }} data-testid="issue-entry-row" data-status={entry.status}>
      <ListItemButton
        component={Link}
        to={createPath({ resource: 'entries', type: 'show', id: entry.id })}
        data-testid="issue-entry"
        sx={{ gap: 2, flex: 1, minWidth: 0 }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ minWidth: '2em', textAlign: 'right' }}>
          {number}
        </Typography>
        <ListItemText
          primary={entry.title}
          secondary={
            entry.eventDate
              ? formatEventDate(entry.eventDate, entry.eventDatePrecision, locale)
              : translate('app.entries.event_date_unknown')
          }
        />
        <RecordContextProvider value={entry}>
          <EntryStatusField />
        </RecordContextProvider>
      </ListItemButton>
      <EntryTransitionButtons entry={entry} issueState={issueState} compact />
    </Box>
  );
};
