import { Box, Button, Chip, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useDataProvider, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatDateTime } from '../formatDate';
import type { Entry, EntryComment } from '@dsyb/contracts';
import { errorMessage } from '../review/useTransitions';
import { useEntryComments } from './useEntryComments';

/**
 * 审核意见: the comments on the entry, oldest first, each with its author, its time and the
 * version it was made on (returns included), and a box to add one. Anyone signed in may comment.
 */
export const EntryComments = () => {
  const entry = useRecordContext<Entry>();
  const translate = useTranslate();
  const { data: comments, isPending, refetch } = useEntryComments(entry?.id);
  if (!entry) return null;
  return (
    <Box component="section" data-testid="entry-comments">
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('app.comments.title')}
      </Typography>
      {isPending ? <LinearProgress sx={{ my: 2 }} /> : null}
      {comments && comments.length === 0 ? <Typography color="text.secondary">{translate('app.comments.none')}</Typography> : null}
      <Stack spacing={1.5} sx={{ mb: 2 }}>
        {comments?.map(comment => <CommentItem key={comment.id} comment={comment} currentVersion={entry.version} />)}
      </Stack>
      <NewComment key={entry.id} entryId={entry.id} onAdded={() => void refetch()} />
    </Box>
  );
};

const CommentItem = ({ comment, currentVersion }: { comment: EntryComment; currentVersion: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="article" data-testid="entry-comment">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
        <Typography variant="subtitle2" component="span">
          {comment.author.displayName}
        </Typography>
        <Typography variant="body2" color="text.secondary" component="time" dateTime={comment.createdAt}>
          {formatDateTime(comment.createdAt, locale)}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={comment.entryVersion === currentVersion ? 'primary' : 'default'}
          label={translate('app.comments.on_version', { version: comment.entryVersion })}
        />
      </Stack>
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{comment.body}</Typography>
    </Paper>
  );
};

const NewComment = ({ entryId, onAdded }: { entryId: string; onAdded: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const add = useMutation({
    mutationFn: (text: string) => dataProvider.addEntryComment(entryId, text),
    onSuccess: () => {
      setBody('');
      onAdded();
    },
    onError: failure => notify(errorMessage(failure), { type: 'error' }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') {
      setError(translate('app.comments.empty'));
      return;
    }
    add.mutate(body.trim());
  };

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', maxWidth: '46em' }}>
      <TextField
        name="comment"
        label={translate('app.comments.new')}
        value={body}
        onChange={event => {
          setBody(event.target.value);
          if (error) setError(undefined);
        }}
        error={error !== undefined}
        helperText={error ?? ' '}
        multiline
        minRows={2}
        fullWidth
        size="small"
      />
      <Button type="submit" variant="outlined" disabled={add.isPending} sx={{ mt: 0.5, whiteSpace: 'nowrap' }}>
        {translate('app.comments.add')}
      </Button>
    </Box>
  );
};
