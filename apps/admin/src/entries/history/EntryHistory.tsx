import Restore from '@mui/icons-material/Restore';
import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Radio,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Confirm,
  RecordContextProvider,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { formatDateTime } from '../../formatDate';
import type { Entry, EntryRevision } from '@dsyb/contracts';
import { errorMessage } from '../../review/useTransitions';
import { useRoles } from '../../review/useRoles';
import { canEditEntry } from '../../review/allowedTransitions';
import { EntryStatusField } from '../entryFields';
import { RevisionDiff, wordingDiffers } from './RevisionDiff';
import { useEntryIssueState } from '../useEntryIssueState';

/**
 * 修改历史: every saved version (who, when, in which status), any two compared character by
 * character, and an old version restored as a new one after a confirmation. Loaded on demand
 * with the diff library. By default the latest version is compared with the last one that
 * read differently, which is what changed since the reviewer last looked.
 */
const EntryHistory = (_props: { label?: false }) => {
  const entry = useRecordContext<Entry>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const roles = useRoles();
  const issueState = useEntryIssueState(entry);
  const [picked, setPicked] = useState<{ older?: number; newer?: number }>({});
  const [restoring, setRestoring] = useState<EntryRevision>();
  const { data: revisions, isPending, error } = useQuery({
    queryKey: ['entries', 'revisions', entry?.id],
    queryFn: () => dataProvider.entryRevisions(entry?.id as string),
    enabled: entry !== undefined,
  });
  const restore = useMutation({
    mutationFn: (revision: EntryRevision) => dataProvider.restoreEntryRevision(entry?.id as string, revision.version, entry?.version as number),
    onSuccess: (saved, revision) => {
      notify('app.history.restored', { type: 'success', messageArgs: { version: revision.version, newVersion: saved.version } });
      setPicked({});
      refresh();
    },
    onError: failure => notify(errorMessage(failure), { type: 'error', multiLine: true }),
    onSettled: () => setRestoring(undefined),
  });

  if (!entry) return null;
  if (isPending) return <LinearProgress sx={{ my: 2 }} />;
  if (error || !revisions) return <Alert severity="error">{errorMessage(error)}</Alert>;
  if (revisions.length === 0) return <Typography color="text.secondary">{translate('app.history.none')}</Typography>;

  const latest = revisions[0];
  const newerVersion = picked.newer ?? latest.version;
  const newer = revisions.find(revision => revision.version === newerVersion) ?? latest;
  const lastDifferent = revisions.find(revision => revision.version < newer.version && wordingDiffers(revision, newer));
  const older =
    revisions.find(revision => revision.version === picked.older) ?? lastDifferent ?? revisions.find(revision => revision.version < newer.version);
  const mayRestore = issueState !== undefined && canEditEntry(entry.status, issueState, roles);

  return (
    <Box sx={{ p: { xs: 0, md: 1 } }} data-testid="entry-history">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.history.pick_help')}
      </Typography>
      <Table size="small" data-testid="revision-table">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">{translate('app.history.older')}</TableCell>
            <TableCell padding="checkbox">{translate('app.history.newer')}</TableCell>
            <TableCell>{translate('resources.entries.fields.version')}</TableCell>
            <TableCell>{translate('app.history.author')}</TableCell>
            <TableCell>{translate('app.history.time')}</TableCell>
            <TableCell>{translate('resources.entries.fields.status')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {revisions.map(revision => (
            <TableRow key={revision.id} data-testid="revision-row" data-version={revision.version} selected={revision.version === older?.version || revision.version === newer.version}>
              <TableCell padding="checkbox">
                <Radio
                  size="small"
                  checked={revision.version === older?.version}
                  disabled={revision.version >= newer.version}
                  onChange={() => setPicked({ ...picked, older: revision.version })}
                  slotProps={{ input: { 'aria-label': translate('app.history.pick_older', { version: revision.version }) } }}
                />
              </TableCell>
              <TableCell padding="checkbox">
                <Radio
                  size="small"
                  checked={revision.version === newer.version}
                  onChange={() =>
                    setPicked({ newer: revision.version, older: picked.older !== undefined && picked.older < revision.version ? picked.older : undefined })
                  }
                  slotProps={{ input: { 'aria-label': translate('app.history.pick_newer', { version: revision.version }) } }}
                />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {translate('app.history.version', { version: revision.version })}
                {revision.version === entry.version ? ` ${translate('app.history.current')}` : ''}
              </TableCell>
              <TableCell>{revision.authorName ?? translate('app.history.unknown_author')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(revision.createdAt, locale)}</TableCell>
              <TableCell>
                <RecordContextProvider value={revision}>
                  <EntryStatusField />
                </RecordContextProvider>
              </TableCell>
              <TableCell align="right">
                {mayRestore && revision.version !== entry.version ? (
                  <Button size="small" startIcon={<Restore />} onClick={() => setRestoring(revision)} sx={{ whiteSpace: 'nowrap' }}>
                    {translate('app.history.restore')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack sx={{ mt: 3 }}>
        {older ? <RevisionDiff older={older} newer={newer} /> : <Typography color="text.secondary">{translate('app.history.only_one')}</Typography>}
      </Stack>
      <Confirm
        isOpen={restoring !== undefined}
        loading={restore.isPending}
        title="app.history.restore_title"
        titleTranslateOptions={{ version: restoring?.version ?? '' }}
        content="app.history.restore_content"
        contentTranslateOptions={{ version: restoring?.version ?? '', newVersion: entry.version + 1 }}
        confirm="app.history.restore"
        onConfirm={() => restoring && restore.mutate(restoring)}
        onClose={() => setRestoring(undefined)}
      />
    </Box>
  );
};

export default EntryHistory;
