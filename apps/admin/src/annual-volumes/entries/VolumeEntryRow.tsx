import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Edit from '@mui/icons-material/Edit';
import Restore from '@mui/icons-material/Restore';
import { Box, Checkbox, Chip, IconButton, Link as MuiLink, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, Link, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AnnualVolumeEntry } from '@dsyb/contracts';
import { annualVolumes } from '../../providers/annualVolumes';
import { errorMessage } from '../../review/useTransitions';
import { entryPath } from '../../routes/paths';
import { eventDay, exclusionOf } from '../volumeEntries';

/**
 * One event: its day, title and the opening of its text; the monthly entry it came from
 * (来自总第N期, which opens that entry) or 编者增补; marks for what happened to it; and, while the
 * volume may be changed, a box to tick for merging, 编辑 and 删除 (or 恢复 once dropped).
 */
export const VolumeEntryRow = ({
  entry,
  entries,
  editable,
  selected,
  onToggle,
  onEdit,
}: {
  entry: AnnualVolumeEntry;
  /** Every event of the volume, to name the one a merged event went into. */
  entries: AnnualVolumeEntry[];
  editable: boolean;
  selected: boolean;
  onToggle: () => void;
  onEdit: () => void;
}) => {
  const translate = useTranslate();
  const day = eventDay(entry);
  const exclusion = exclusionOf(entry, entries);
  return (
    <Box
      component="li"
      sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, py: 1, borderBottom: 1, borderColor: 'divider', opacity: exclusion ? 0.6 : 1 }}
      data-testid="volume-entry"
      data-entry-id={entry.id}
      data-excluded={entry.excluded ? 'true' : undefined}
    >
      {editable ? (
        <Checkbox
          size="small"
          checked={selected}
          disabled={entry.excluded}
          onChange={onToggle}
          slotProps={{ input: { 'aria-label': translate('app.annual_volumes.entries.select', { title: entry.title }) } }}
          sx={{ mt: -0.5, visibility: entry.excluded ? 'hidden' : 'visible' }}
        />
      ) : null}
      <Typography variant="body2" sx={{ minWidth: '5.5em', pt: 0.25, color: 'text.secondary', whiteSpace: 'nowrap' }} data-testid="volume-entry-day">
        {day ? translate('app.annual_volumes.entries.day', day) : translate('app.annual_volumes.entries.this_month')}
      </Typography>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body1" sx={{ fontWeight: 600, textDecoration: exclusion ? 'line-through' : undefined }} data-testid="volume-entry-title">
          {entry.title}
        </Typography>
        {entry.bodyText ? (
          <Typography variant="body2" color="text.secondary" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
            {entry.bodyText}
          </Typography>
        ) : null}
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
          {entry.sourceEntryId && entry.sourceIssue ? (
            <MuiLink component={Link} to={entryPath(entry.sourceEntryId)} variant="body2" data-testid="volume-entry-source">
              {translate('app.annual_volumes.entries.from_issue', { serialNumber: entry.sourceIssue.serialNumber })}
            </MuiLink>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('app.annual_volumes.entries.added_by_editor')}
            </Typography>
          )}
          {entry.edited && entry.sourceEntryId ? <Badge label="app.annual_volumes.entries.edited" color="info" testId="badge-edited" /> : null}
          {entry.pendingChange === 'changed' ? <Badge label="app.annual_volumes.entries.upstream_changed" color="warning" testId="badge-upstream-changed" /> : null}
          {entry.pendingChange === 'removed' ? <Badge label="app.annual_volumes.entries.upstream_removed" color="warning" testId="badge-upstream-removed" /> : null}
          {exclusion?.kind === 'dropped' ? <Badge label="app.annual_volumes.entries.dropped" color="default" testId="badge-dropped" /> : null}
          {exclusion?.kind === 'merged' ? (
            <Badge label={translate('app.annual_volumes.entries.merged_into', { title: exclusion.title })} color="default" testId="badge-merged" />
          ) : null}
        </Stack>
      </Box>
      {editable ? <RowActions entry={entry} onEdit={onEdit} /> : null}
    </Box>
  );
};

const Badge = ({ label, color, testId }: { label: string; color: 'info' | 'warning' | 'default'; testId: string }) => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" color={color} label={translate(label, { _: label })} data-testid={testId} />;
};

/**
 * 编辑 and 删除, or 恢复 for a dropped or merged event. An event from an issue is dropped at once
 * (it can be restored); one the editor added is deleted for good, after a confirmation.
 */
const RowActions = ({ entry, onEdit }: { entry: AnnualVolumeEntry; onEdit: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      notify(done, { type: 'success', messageArgs: { title: entry.title } });
    } catch (error) {
      notify(errorMessage(error), { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
      setConfirming(false);
      refresh();
    }
  };
  const drop = () =>
    act(
      () => dataProvider.delete('annual-volume-entries', { id: entry.id, previousData: entry }),
      entry.sourceEntryId ? 'app.annual_volumes.entries.dropped_done' : 'app.annual_volumes.entries.deleted_done',
    );
  if (entry.excluded) {
    return (
      <Tooltip title={translate('app.annual_volumes.entries.restore')}>
        <span>
          <IconButton
            size="small"
            disabled={busy}
            onClick={() => void act(() => annualVolumes.restoreEntry(entry.id, entry.version), 'app.annual_volumes.entries.restored')}
            aria-label={translate('app.annual_volumes.entries.restore')}
            data-testid="volume-entry-restore"
          >
            <Restore fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    );
  }
  return (
    <Stack direction="row">
      <Tooltip title={translate('app.annual_volumes.entries.edit')}>
        <IconButton size="small" onClick={onEdit} aria-label={translate('app.annual_volumes.entries.edit')} data-testid="volume-entry-edit">
          <Edit fontSize="small" />
        </IconButton>
      </Tooltip>
      <Tooltip title={translate('app.annual_volumes.entries.drop')}>
        <span>
          <IconButton
            size="small"
            disabled={busy}
            onClick={() => (entry.sourceEntryId ? void drop() : setConfirming(true))}
            aria-label={translate('app.annual_volumes.entries.drop')}
            data-testid="volume-entry-drop"
          >
            <DeleteOutlined fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="app.annual_volumes.entries.delete_added_title"
        titleTranslateOptions={{ title: entry.title }}
        content="app.annual_volumes.entries.delete_added_content"
        confirmColor="warning"
        onConfirm={() => void drop()}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
};
