import PlaylistAdd from '@mui/icons-material/PlaylistAdd';
import Search from '@mui/icons-material/Search';
import { Box, Button, InputAdornment, LinearProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { RecordContextProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { entryStatusChoices, EntryStatusField } from '../../entries/entryFields';
import { formatEventDate } from '../../formatDate';
import { nestedTitle, type Entry, type EntryStatus, type Section } from '@dsyb/contracts';
import { useDebounced } from '../../fields/useDebounced';
import type { AssemblyEntry } from './arrangement';

const PAGE = { page: 1, perPage: 100 };
const NEWEST = { field: 'updatedAt', order: 'DESC' as const };

const asAssemblyEntry = (entry: Entry): AssemblyEntry => ({
  id: entry.id,
  title: entry.title,
  status: entry.status,
  eventDate: entry.eventDate,
  eventDatePrecision: entry.eventDatePrecision,
  sectionId: entry.sectionId,
});

/**
 * Entries in no issue yet, asked of the server as such (`issueId: null`, newest first, searchable
 * by title and text, optionally of one status), and the entries just taken out of this issue,
 * each added with one button: to its own section, at the end. When more are loose than one page
 * shows, the count says so and the search finds the rest.
 */
export const UnplacedEntries = ({
  placed,
  removed,
  sections,
  onAdd,
}: {
  placed: Set<string>;
  /** Entries of the issue taken out in this unsaved arrangement. */
  removed: AssemblyEntry[];
  sections: Section[];
  onAdd: (entry: AssemblyEntry) => void;
}) => {
  const translate = useTranslate();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<EntryStatus | ''>('');
  const q = useDebounced(search.trim());
  const filter = { issueId: null, ...(q ? { q } : {}), ...(status ? { status } : {}) };
  const { data, total, isPending } = useGetList<Entry>('entries', { filter, sort: NEWEST, pagination: PAGE });
  const loose = (data ?? []).map(asAssemblyEntry);
  const matches = (entry: AssemblyEntry) => (!q || entry.title.includes(q)) && (!status || entry.status === status);
  // What the server calls loose is what is saved: the unsaved arrangement may already hold some.
  const candidates = [...removed.filter(matches), ...loose].filter(entry => !placed.has(entry.id));
  const sectionName = (id: string) => sections.find(section => section.id === id)?.name ?? '';
  const more = total !== undefined && data !== undefined && total > data.length ? total - data.length : 0;

  return (
    <Paper variant="outlined" sx={{ p: 2, position: { lg: 'sticky' }, top: { lg: 72 } }} data-testid="unplaced-entries">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {translate('app.assembly.unplaced_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.assembly.unplaced_help')}
      </Typography>
      <TextField
        size="small"
        fullWidth
        value={search}
        onChange={event => setSearch(event.target.value)}
        placeholder={translate('app.assembly.search')}
        slotProps={{
          input: { startAdornment: <InputAdornment position="start"><Search fontSize="small" /></InputAdornment> },
          htmlInput: { 'aria-label': translate('app.assembly.search') },
        }}
      />
      <TextField
        select
        size="small"
        fullWidth
        value={status}
        onChange={event => setStatus(event.target.value as EntryStatus | '')}
        label={translate('resources.entries.fields.status')}
        sx={{ mt: 1 }}
        data-testid="unplaced-status"
      >
        <MenuItem value="">{translate('app.assembly.any_status')}</MenuItem>
        {entryStatusChoices.map(choice => (
          <MenuItem key={choice.id} value={choice.id}>
            {translate(choice.name)}
          </MenuItem>
        ))}
      </TextField>
      {isPending ? <LinearProgress sx={{ mt: 1 }} /> : null}
      <Stack component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, maxHeight: '60vh', overflowY: 'auto' }}>
        {candidates.map(entry => (
          <UnplacedRow key={entry.id} entry={entry} sectionName={sectionName(entry.sectionId)} removed={removed.includes(entry)} onAdd={() => onAdd(entry)} />
        ))}
        {candidates.length === 0 && !isPending ? (
          <Typography component="li" variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate(q || status ? 'app.assembly.unplaced_none_found' : 'app.assembly.unplaced_none')}
          </Typography>
        ) : null}
        {more > 0 ? (
          <Typography component="li" variant="body2" color="text.secondary" sx={{ py: 1 }} data-testid="unplaced-more">
            {translate('app.assembly.unplaced_more', { smart_count: more })}
          </Typography>
        ) : null}
      </Stack>
    </Paper>
  );
};

const UnplacedRow = ({ entry, sectionName, removed, onAdd }: { entry: AssemblyEntry; sectionName: string; removed: boolean; onAdd: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const facts = [sectionName, entry.eventDate ? formatEventDate(entry.eventDate, entry.eventDatePrecision, locale) : '', removed ? translate('app.assembly.just_removed') : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.75, borderBottom: 1, borderColor: 'divider' }} data-testid="unplaced-entry">
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2">{entry.title}</Typography>
        <Typography variant="caption" color="text.secondary">
          {facts}
        </Typography>
      </Box>
      <RecordContextProvider value={entry}>
        <EntryStatusField />
      </RecordContextProvider>
      <Button size="small" startIcon={<PlaylistAdd />} onClick={onAdd} aria-label={translate('app.assembly.add_entry', { title: nestedTitle(entry.title) })} sx={{ whiteSpace: 'nowrap' }}>
        {translate('app.assembly.add')}
      </Button>
    </Box>
  );
};
