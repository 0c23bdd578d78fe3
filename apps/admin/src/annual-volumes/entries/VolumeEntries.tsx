import Add from '@mui/icons-material/Add';
import CallMerge from '@mui/icons-material/CallMerge';
import { Box, Button, FormControlLabel, LinearProgress, List, Stack, Switch, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import type { AnnualVolume, AnnualVolumeEntry } from '@dsyb/contracts';
import { canEditIssue } from '../../review/allowedTransitions';
import { useRoles } from '../../review/useRoles';
import { monthsOfYear, type MonthOfEvents } from '../volumeEntries';
import { MergeDialog } from './MergeDialog';
import { VolumeEntryDialog } from './VolumeEntryDialog';
import { VolumeEntryRow } from './VolumeEntryRow';

/** A year's events fit one page (about 330 a year; the API gives up to 1000 at once). */
const ALL = { page: 1, perPage: 1000 } as const;

type Dialog = { kind: 'create' } | { kind: 'edit'; entry: AnnualVolumeEntry } | { kind: 'merge' };

/**
 * 条目: the volume's events month by month, 1月 to 12月, in chronicle order, each with its day
 * (9月17日, or 本月 when only the month is known), its title, where it came from (来自总第N期)
 * and what happened to it (已修改, 月报已更正). While the volume may be changed: edit an event,
 * drop it (an event from an issue stays restorable) or restore it, tick two or more and merge
 * them, add an event no issue carried. Dropped and merged events are shown on request.
 */
const VolumeEntries = (_props: { label?: false }) => {
  const volume = useRecordContext<AnnualVolume>();
  const translate = useTranslate();
  const roles = useRoles();
  const [showExcluded, setShowExcluded] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>();
  const { data: entries, isPending } = useGetList<AnnualVolumeEntry>(
    'annual-volume-entries',
    { filter: { volumeId: volume?.id }, pagination: ALL, sort: { field: 'eventDate', order: 'ASC' } },
    { enabled: Boolean(volume?.id) },
  );
  if (!volume) return null;
  if (isPending || !entries) return <LinearProgress sx={{ my: 2 }} />;

  const editable = canEditIssue(volume.status, roles);
  const excludedCount = entries.filter(entry => entry.excluded).length;
  const shown = showExcluded ? entries : entries.filter(entry => !entry.excluded);
  // Only printed events can be merged; a selection follows what is still printed.
  const printed = new Set(entries.filter(entry => !entry.excluded).map(entry => entry.id));
  const chosen = selected.filter(id => printed.has(id));
  const toggle = (id: string) => setSelected(current => (current.includes(id) ? current.filter(other => other !== id) : [...current, id]));
  const close = () => setDialog(undefined);

  return (
    <Box sx={{ p: { xs: 0, md: 1 } }} data-testid="volume-entries">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        {editable ? (
          <>
            <Button variant="contained" size="small" startIcon={<Add />} onClick={() => setDialog({ kind: 'create' })} data-testid="volume-entry-add">
              {translate('app.annual_volumes.entries.add')}
            </Button>
            <Button
              variant="outlined"
              size="small"
              startIcon={<CallMerge />}
              disabled={chosen.length < 2}
              onClick={() => setDialog({ kind: 'merge' })}
              data-testid="volume-entries-merge"
            >
              {translate('app.annual_volumes.entries.merge', { smart_count: chosen.length })}
            </Button>
            {chosen.length < 2 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('app.annual_volumes.entries.merge_hint')}
              </Typography>
            ) : null}
          </>
        ) : null}
        <Box sx={{ flex: 1 }} />
        {excludedCount > 0 ? (
          <FormControlLabel
            control={<Switch checked={showExcluded} onChange={event => setShowExcluded(event.target.checked)} />}
            label={translate('app.annual_volumes.entries.show_excluded', { smart_count: excludedCount })}
          />
        ) : null}
      </Stack>
      {entries.length === 0 ? <Typography color="text.secondary">{translate('app.annual_volumes.entries.none')}</Typography> : null}
      <Stack spacing={2}>
        {monthsOfYear(shown).map(month => (
          <MonthSection
            key={month.month}
            month={month}
            entries={entries}
            editable={editable}
            selected={chosen}
            onToggle={toggle}
            onEdit={entry => setDialog({ kind: 'edit', entry })}
          />
        ))}
      </Stack>
      {dialog?.kind === 'create' ? <VolumeEntryDialog volume={volume} onClose={close} /> : null}
      {dialog?.kind === 'edit' ? <VolumeEntryDialog volume={volume} entry={dialog.entry} onClose={close} /> : null}
      {dialog?.kind === 'merge' ? (
        <MergeDialog
          volume={volume}
          entries={entries.filter(entry => chosen.includes(entry.id))}
          onClose={close}
          onMerged={() => {
            setSelected([]);
            close();
          }}
        />
      ) : null}
    </Box>
  );
};

/** One month: its heading (9月 · 12 条) and its events, or a line saying it has none yet. */
const MonthSection = ({
  month,
  entries,
  editable,
  selected,
  onToggle,
  onEdit,
}: {
  month: MonthOfEvents<AnnualVolumeEntry>;
  entries: AnnualVolumeEntry[];
  editable: boolean;
  selected: string[];
  onToggle: (id: string) => void;
  onEdit: (entry: AnnualVolumeEntry) => void;
}) => {
  const translate = useTranslate();
  return (
    <Box component="section" data-testid="volume-month" data-month={month.month}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', borderBottom: 1, borderColor: 'divider', pb: 0.5 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }} data-testid="volume-month-heading">
          {translate('app.annual_volumes.entries.month', { month: month.month })}
        </Typography>
        {month.entries.length > 0 ? (
          <Typography variant="caption" color="text.secondary">
            {translate('app.annual_volumes.entries.month_count', { smart_count: month.entries.filter(entry => !entry.excluded).length })}
          </Typography>
        ) : null}
      </Stack>
      {month.entries.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 1, pl: 1 }}>
          {translate('app.annual_volumes.entries.month_empty')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {month.entries.map(entry => (
            <VolumeEntryRow
              key={entry.id}
              entry={entry}
              entries={entries}
              editable={editable}
              selected={selected.includes(entry.id)}
              onToggle={() => onToggle(entry.id)}
              onEdit={() => onEdit(entry)}
            />
          ))}
        </List>
      )}
    </Box>
  );
};

export default VolumeEntries;
