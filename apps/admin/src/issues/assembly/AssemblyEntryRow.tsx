import Block from '@mui/icons-material/Block';
import DragIndicator from '@mui/icons-material/DragIndicator';
import DriveFileMove from '@mui/icons-material/DriveFileMove';
import RemoveCircleOutlined from '@mui/icons-material/RemoveCircleOutlined';
import { Box, Chip, IconButton, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { Link, RecordContextProvider, useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { EntryStatusField } from '../../entries/entryFields';
import { formatEventDate } from '../../formatDate';
import { blocksSignOff, type AssemblyEntry, type AssemblySection } from './arrangement';
import { nestedTitle } from '@dsyb/contracts';
import { OutOfPeriodChip } from './IssuePeriod';

/**
 * One entry of the issue being assembled: a drag handle (mouse, touch, or keyboard: space to
 * pick up, arrows to move, space to drop), its number in print order, title, status and, when
 * not approved, a badge saying it blocks the sign-off; then moving it to another section and
 * taking it out of the issue.
 */
export const AssemblyEntryRow = ({
  entry,
  number,
  editable,
  drafting = false,
  sections,
  onMove,
  onRemove,
}: {
  entry: AssemblyEntry;
  number: number;
  editable: boolean;
  /** The issue is still being written: a draft is expected, not yet a hindrance. */
  drafting?: boolean;
  /** The sections it may be moved to (its own excluded). */
  sections: AssemblySection[];
  onMove: (sectionId: string) => void;
  onRemove: () => void;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: entry.id,
    disabled: !editable,
    attributes: { roleDescription: translate('app.assembly.sortable_role') },
  });
  return (
    <Box
      component="li"
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        px: 1,
        py: 0.5,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        opacity: isDragging ? 0.4 : 1,
      }}
      data-testid="assembly-entry"
      data-entry-id={entry.id}
      data-status={entry.status}
    >
      {editable ? (
        <IconButton
          ref={setActivatorNodeRef}
          size="small"
          sx={{ cursor: isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
          aria-label={translate('app.assembly.drag', { title: nestedTitle(entry.title) })}
          data-testid="assembly-drag-handle"
          {...attributes}
          {...listeners}
        >
          <DragIndicator fontSize="small" />
        </IconButton>
      ) : null}
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: '2em', textAlign: 'right' }}>
        {number}
      </Typography>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Link to={createPath({ resource: 'entries', type: 'show', id: entry.id })} sx={{ display: 'block' }}>
          {entry.title}
        </Link>
        <Typography variant="caption" color="text.secondary">
          {entry.eventDate ? formatEventDate(entry.eventDate, entry.eventDatePrecision, locale) : translate('app.entries.event_date_unknown')}
        </Typography>
      </Box>
      <OutOfPeriodChip entry={entry} />
      <RecordContextProvider value={entry}>
        <EntryStatusField />
      </RecordContextProvider>
      {blocksSignOff(entry) ? (
        <Tooltip title={translate('app.assembly.blocks_sign_off_help')}>
          {/* While the issue is still being written a draft is normal: a quiet mark. Once it is
              sent to review, an entry not approved is what stands between it and the sign-off. */}
          <Chip
            size="small"
            variant={drafting ? 'outlined' : 'filled'}
            color={drafting ? 'default' : 'warning'}
            icon={<Block />}
            label={translate(drafting ? 'app.assembly.not_approved_yet' : 'app.assembly.blocks_sign_off')}
            data-testid="blocks-sign-off"
          />
        </Tooltip>
      ) : null}
      {editable ? (
        <>
          <Tooltip title={translate('app.assembly.move_to')}>
            <IconButton size="small" aria-label={translate('app.assembly.move_entry', { title: nestedTitle(entry.title) })} onClick={event => setMenu(event.currentTarget)}>
              <DriveFileMove fontSize="small" />
            </IconButton>
          </Tooltip>
          <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
            {sections.map(section => (
              <MenuItem
                key={section.id}
                onClick={() => {
                  setMenu(null);
                  onMove(section.id);
                }}
              >
                {translate('app.assembly.move_to_section', { section: section.name })}
              </MenuItem>
            ))}
          </Menu>
          <Tooltip title={translate('app.assembly.remove')}>
            <IconButton size="small" aria-label={translate('app.assembly.remove_entry', { title: nestedTitle(entry.title) })} onClick={onRemove} data-testid="assembly-remove">
              <RemoveCircleOutlined fontSize="small" />
            </IconButton>
          </Tooltip>
        </>
      ) : null}
    </Box>
  );
};
