import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AnnualVolume, AnnualVolumeEntry } from '@dsyb/contracts';
import { annualVolumes } from '../../providers/annualVolumes';
import { errorMessage } from '../../review/useTransitions';
import { eventDay, mergeOrder } from '../volumeEntries';

/**
 * 合并: the ticked events become one. The editor picks the one that stays (its date and place in
 * the chronicle, its title unless another is typed); the others' text follows its own and they
 * leave the volume, restorable.
 */
export const MergeDialog = ({
  volume,
  entries,
  onClose,
  onMerged,
}: {
  volume: AnnualVolume;
  /** The events ticked, in chronicle order. */
  entries: AnnualVolumeEntry[];
  onClose: () => void;
  onMerged: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [keep, setKeep] = useState(entries[0]?.id ?? '');
  const [title, setTitle] = useState(entries[0]?.title ?? '');
  const [titleTyped, setTitleTyped] = useState(false);
  const [busy, setBusy] = useState(false);
  const choose = (id: string) => {
    setKeep(id);
    if (!titleTyped) setTitle(entries.find(entry => entry.id === id)?.title ?? '');
  };
  const merge = async () => {
    setBusy(true);
    try {
      const merged = await annualVolumes.merge(volume.id, { entryIds: mergeOrder(entries.map(entry => entry.id), keep, entries), title: title.trim() || undefined });
      notify('app.annual_volumes.entries.merged', { type: 'success', messageArgs: { title: merged.title } });
      refresh();
      onMerged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  const dayOf = (entry: AnnualVolumeEntry) => {
    const day = eventDay(entry);
    return day ? translate('app.annual_volumes.entries.day', day) : translate('app.annual_volumes.entries.month', { month: entry.month });
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" data-testid="volume-merge-dialog">
      <DialogTitle>{translate('app.annual_volumes.entries.merge_title', { smart_count: entries.length })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('app.annual_volumes.entries.merge_help')}</DialogContentText>
        <FormControl>
          <FormLabel id="merge-keep">{translate('app.annual_volumes.entries.merge_keep')}</FormLabel>
          <RadioGroup aria-labelledby="merge-keep" value={keep} onChange={event => choose(event.target.value)}>
            {entries.map(entry => (
              <FormControlLabel key={entry.id} value={entry.id} control={<Radio size="small" />} label={`${dayOf(entry)}　${entry.title}`} />
            ))}
          </RadioGroup>
        </FormControl>
        <TextField
          fullWidth
          margin="normal"
          label={translate('app.annual_volumes.entries.merge_new_title')}
          value={title}
          onChange={event => {
            setTitle(event.target.value);
            setTitleTyped(true);
          }}
          slotProps={{ htmlInput: { 'data-testid': 'volume-merge-title' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void merge()} disabled={busy || !keep} data-testid="volume-merge-confirm">
          {translate('app.annual_volumes.entries.merge_confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
