import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useRecordContext, useRedirect, useTranslate, useUpdate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { AppDataProvider } from '../../providers/dataProvider';
import { formatDateTime } from '../../formatDate';
import type { Entry } from '@dsyb/contracts';
import { errorMessage } from '../../review/useTransitions';
import { changedFields, mergeIntoCurrent, staleVersionOf, type EntryConflict } from './entryConflict';
import { asSide, MergeComparison } from './MergeComparison';

type Data = Record<string, unknown>;

/**
 * A save met a newer version. The user sees both (their unsaved text and the server's, with
 * the character diff) and chooses:
 * - keep theirs: what they changed is saved on top of the current version (fields they did not
 *   touch keep the colleague's changes);
 * - take the server's: the form shows the current version, their changes are dropped;
 * - merge by hand: the form is based on the current version with their changes kept, and the
 *   server's text stays beside it to copy from; the next save is on top of the current version.
 */
const EntryMergeResolver = ({ conflict, onDone }: { conflict: EntryConflict; onDone: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const redirect = useRedirect();
  const record = useRecordContext<Entry>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const { reset } = useFormContext();
  const [update, { isPending: saving }] = useUpdate<Entry>();
  const [mode, setMode] = useState<'choose' | 'manual'>('choose');
  const id = conflict.base.id;
  const { data: server, error, refetch } = useQuery({
    queryKey: ['entries', 'merge', id],
    queryFn: async () => (await dataProvider.getOne<Entry>('entries', { id })).data,
    staleTime: 0,
  });
  const { data: revisions } = useQuery({ queryKey: ['entries', 'revisions', id], queryFn: () => dataProvider.entryRevisions(id) });
  const serverRevision = revisions?.find(revision => revision.version === server?.version);

  // The form resets itself to a record that changes; a merge is laid over it once it has.
  const pending = useRef<Data>(undefined);
  useEffect(() => {
    const values = pending.current;
    if (!values || !server || record?.version !== server.version) return;
    pending.current = undefined;
    setTimeout(() => reset(values, { keepDefaultValues: true }), 0);
  }, [record?.version, server, reset]);

  /** The server's version becomes the one the form is based on (and saves on top of). */
  const rebaseOn = (current: Entry) => queryClient.setQueryData(['entries', 'getOne', { id: String(id) }], current);

  const keepMine = (current: Entry) =>
    update(
      'entries',
      { id, data: mergeIntoCurrent(conflict, current), previousData: current },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('app.merge.saved', { type: 'success' });
          onDone();
          redirect('show', 'entries', id);
        },
        onError: failure => {
          notify(errorMessage(failure), { type: 'error', multiLine: true });
          if (staleVersionOf(failure) !== undefined) void refetch();
        },
      },
    );
  const takeServer = (current: Entry) => {
    rebaseOn(current);
    notify('app.merge.took_server', { type: 'info', messageArgs: { version: current.version } });
    onDone();
  };
  const mergeByHand = (current: Entry) => {
    pending.current = mergeIntoCurrent(conflict, current);
    rebaseOn(current);
    setMode('manual');
  };

  if (mode === 'manual' && server) return <ManualMergePanel server={server} onClose={onDone} />;

  const serverLabel = server
    ? translate('app.merge.server', {
        version: server.version,
        author: serverRevision?.authorName ?? translate('app.history.unknown_author'),
        time: formatDateTime(serverRevision?.createdAt ?? server.updatedAt, locale),
      })
    : '';
  const changed = changedFields(conflict.mine, conflict.base as unknown as Data).map(field => translate(`resources.entries.fields.${field}`));

  return (
    <Dialog open fullWidth maxWidth="lg" onClose={() => server && mergeByHand(server)} data-testid="merge-dialog">
      <DialogTitle>{translate('app.merge.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          <AlertTitle>{conflict.message}</AlertTitle>
          {changed.length > 0 ? translate('app.merge.you_changed', { fields: changed.join('、') }) : null}
        </Alert>
        {error ? <Alert severity="error">{errorMessage(error)}</Alert> : null}
        {server ? (
          <MergeComparison
            mine={asSide(conflict.mine)}
            server={asSide(server as unknown as Data)}
            result={asSide(mergeIntoCurrent(conflict, server))}
            serverLabel={serverLabel}
          />
        ) : (
          <LinearProgress />
        )}
        <Box component="ul" sx={{ mt: 2, mb: 0, pl: 3, color: 'text.secondary' }}>
          <Typography component="li" variant="body2">{translate('app.merge.keep_mine_help')}</Typography>
          <Typography component="li" variant="body2">{translate('app.merge.take_server_help')}</Typography>
          <Typography component="li" variant="body2">{translate('app.merge.manual_help')}</Typography>
        </Box>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button disabled={!server || saving} onClick={() => server && takeServer(server)}>
          {translate('app.merge.take_server')}
        </Button>
        <Button variant="outlined" disabled={!server || saving} onClick={() => server && mergeByHand(server)}>
          {translate('app.merge.manual')}
        </Button>
        <Button variant="contained" disabled={!server || saving} onClick={() => server && keepMine(server)}>
          {translate('app.merge.keep_mine')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** Merging by hand: the server's version beside the form, compared live with what the form says. */
const ManualMergePanel = ({ server, onClose }: { server: Entry; onClose: () => void }) => {
  const translate = useTranslate();
  const [title, bodyHtml, eventDate, eventDatePrecision] = useWatch({ name: ['title', 'bodyHtml', 'eventDate', 'eventDatePrecision'] });
  return (
    <Box sx={{ width: '100%', mb: 2 }} data-testid="manual-merge">
      <Alert severity="info" sx={{ mb: 2 }} action={<Button onClick={onClose}>{translate('app.merge.close_comparison')}</Button>}>
        {translate('app.merge.manual_notice', { version: server.version, next: server.version + 1 })}
      </Alert>
      <MergeComparison
        mine={asSide({ title, bodyHtml, eventDate, eventDatePrecision })}
        result={asSide({ title, bodyHtml, eventDate, eventDatePrecision })}
        server={asSide(server as unknown as Data)}
        serverLabel={translate('app.merge.server_short', { version: server.version })}
      />
    </Box>
  );
};

export default EntryMergeResolver;
