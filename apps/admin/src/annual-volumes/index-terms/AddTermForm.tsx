import Add from '@mui/icons-material/Add';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { INDEX_TERM_KINDS, type IndexTermKind } from '@dsyb/contracts';
import { errorMessage } from '../../review/useTransitions';

/** 添加索引词: a name the segmenter missed, with its kind; it is accepted at once. */
export const AddTermForm = ({ volumeId }: { volumeId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState<IndexTermKind>('person');
  const [busy, setBusy] = useState(false);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const wording = term.trim();
    if (!wording) return;
    setBusy(true);
    try {
      await dataProvider.create('annual-index-terms', { data: { volumeId, term: wording, kind } });
      notify('app.annual_volumes.index.added', { type: 'success', messageArgs: { term: wording } });
      setTerm('');
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack component="form" direction="row" spacing={1} onSubmit={add} sx={{ alignItems: 'center' }} data-testid="index-add-form">
      <TextField
        size="small"
        label={translate('app.annual_volumes.index.add_term')}
        value={term}
        onChange={event => setTerm(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 50 } }}
      />
      <TextField select size="small" label={translate('app.annual_volumes.index.kind')} value={kind} onChange={event => setKind(event.target.value as IndexTermKind)} sx={{ minWidth: '7rem' }}>
        {INDEX_TERM_KINDS.map(option => (
          <MenuItem key={option} value={option}>
            {translate(`app.annual_volumes.index.kinds.${option}`)}
          </MenuItem>
        ))}
      </TextField>
      <Button type="submit" size="small" startIcon={<Add />} disabled={busy || term.trim() === ''} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
        {translate('app.annual_volumes.index.add')}
      </Button>
    </Stack>
  );
};
