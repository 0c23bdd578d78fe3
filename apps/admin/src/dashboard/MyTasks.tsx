import { Button, Card, CardContent, CardHeader, Chip, LinearProgress, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { Link, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../formatDate';
import type { Entry, EntryStatus } from '@dsyb/contracts';
import { useRoles } from '../review/useRoles';
import { entriesListPath, entryPath } from '../routes/paths';

/**
 * 我的任务, by role: an editor's own returned entries (to fix first) and own drafts (to finish
 * and submit), those the signed-in user created (`createdById: "me"`); a reviewer's queue of
 * every submitted entry, the longest waiting first. An admin sees both.
 */
export const MyTasks = () => {
  const translate = useTranslate();
  const roles = useRoles();
  const edits = roles.includes('editor') || roles.includes('admin');
  const reviews = roles.includes('reviewer') || roles.includes('admin');
  return (
    <Card variant="outlined" data-testid="dashboard-tasks">
      <CardHeader title={translate('app.dashboard.my_tasks')} slotProps={{ title: { variant: 'subtitle1', component: 'h2', sx: { fontWeight: 700 } } }} />
      <CardContent sx={{ pt: 0 }}>
        <Stack spacing={2}>
          {reviews ? <TaskList status="submitted" title="app.dashboard.tasks.submitted" empty="app.dashboard.tasks.submitted_none" oldestFirst /> : null}
          {edits ? <TaskList status="changes_requested" mine title="app.dashboard.tasks.changes_requested" empty="app.dashboard.tasks.changes_requested_none" /> : null}
          {edits ? <TaskList status="draft" mine title="app.dashboard.tasks.draft" empty="app.dashboard.tasks.draft_none" /> : null}
        </Stack>
      </CardContent>
    </Card>
  );
};

interface TaskListProps {
  status: EntryStatus;
  title: string;
  empty: string;
  /** Only the entries the signed-in user created. */
  mine?: boolean;
  oldestFirst?: boolean;
}

const TaskList = ({ status, title, empty, mine = false, oldestFirst = false }: TaskListProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const filter = mine ? { status, createdById: 'me' as const } : { status };
  const { data, total, isPending } = useGetList<Entry>('entries', {
    filter,
    sort: { field: 'updatedAt', order: oldestFirst ? 'ASC' : 'DESC' },
    pagination: { page: 1, perPage: 5 },
  });
  return (
    <section data-testid={`task-list-${status}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2" component="h3">
          {translate(title)}
        </Typography>
        {total !== undefined ? <Chip size="small" label={total} color={total > 0 && status !== 'draft' ? 'warning' : 'default'} /> : null}
        <span style={{ flex: 1 }} />
        {total ? (
          <Button component={Link} to={entriesListPath(filter)} size="small">
            {translate('app.dashboard.see_all')}
          </Button>
        ) : null}
      </Stack>
      {isPending ? <LinearProgress /> : null}
      {data && data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate(empty)}
        </Typography>
      ) : null}
      <List dense disablePadding>
        {data?.map(entry => (
          <ListItemButton key={entry.id} component={Link} to={entryPath(entry.id)} data-testid="task-entry">
            <ListItemText
              primary={entry.title}
              secondary={translate('app.dashboard.updated_at', { time: formatDateTime(entry.updatedAt, locale) })}
              slotProps={{ primary: { noWrap: true } }}
            />
          </ListItemButton>
        ))}
      </List>
    </section>
  );
};
