import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Form, maxLength, required, ResourceContextProvider, TextInput, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { MAX_LENGTH, type AnnualVolume, type AnnualVolumeEntry } from '@dsyb/contracts';
import { EntryBodyInput } from '../../entries/body/EntryBodyInput';
import { EventDateInput } from '../../entries/EventDateInput';
import { errorMessage } from '../../review/useTransitions';

const validateTitle = [required(), maxLength(MAX_LENGTH.entry.title)];

type EntryValues = Pick<AnnualVolumeEntry, 'title' | 'eventDate' | 'eventDatePrecision' | 'bodyHtml'>;

/**
 * An event of the volume in the entry's own editor (title, date to the day or the month, the
 * TipTap body), in a dialog over the list: changed (only what changed is sent, with the version
 * read; a stale one is refused and said so, the text staying in the form) or added as one no
 * issue carried.
 */
export const VolumeEntryDialog = ({ volume, entry, onClose }: { volume: AnnualVolume; entry?: AnnualVolumeEntry; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [busy, setBusy] = useState(false);
  const record: Partial<AnnualVolumeEntry> = entry ?? { eventDatePrecision: 'day' };
  const save = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const saved = entry
        ? (await dataProvider.update<AnnualVolumeEntry>('annual-volume-entries', { id: entry.id, data: values, previousData: entry })).data
        : (await dataProvider.create<AnnualVolumeEntry>('annual-volume-entries', { data: { ...values, volumeId: volume.id } })).data;
      notify(entry ? 'app.annual_volumes.entries.saved' : 'app.annual_volumes.entries.added', { type: 'success', messageArgs: { title: saved.title } });
      refresh();
      onClose();
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true, autoHideDuration: 10_000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="md" data-testid="volume-entry-dialog">
      <ResourceContextProvider value="annual-volume-entries">
        <Form<EntryValues> record={record} onSubmit={(values: Record<string, unknown>) => save(values)} noValidate>
          <DialogTitle>{translate(entry ? 'app.annual_volumes.entries.edit_title' : 'app.annual_volumes.entries.add_title')}</DialogTitle>
          <DialogContent>
            <TextInput source="title" validate={validateTitle} fullWidth />
            <EventDateInput />
            <EntryBodyInput />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} disabled={busy}>
              {translate('ra.action.cancel')}
            </Button>
            <Button type="submit" variant="contained" disabled={busy} data-testid="volume-entry-save">
              {translate('ra.action.save')}
            </Button>
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};
