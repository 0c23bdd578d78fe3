import { Box } from '@mui/material';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Edit, SimpleForm, useNotify, useRecordContext, type UpdateParams } from 'react-admin';
import { useSavedThenShow } from '../fields/useSavedThenShow';
import type { Entry } from '@dsyb/contracts';
import { isGlyphWarning } from './missingGlyphs';
import { staleVersionOf, type EntryConflict } from './merge/entryConflict';
import { EntryEditToolbar } from './EntryEditToolbar';
import { EntryGlyphWarning } from './EntryGlyphWarning';
import { EntryInputs } from './EntryInputs';
import { EntryStatusNotice } from './EntryStatusNotice';
import { useEntryIssueState } from './useEntryIssueState';

/** The comparison and its diff are a chunk of their own, fetched when a save meets a newer version. */
const EntryMergeResolver = lazy(() => import('./merge/EntryMergeResolver'));

/**
 * Editing an entry. Saved pessimistically: the server may refuse a stale version (409), and then
 * the user is shown both versions and chooses (keep theirs on top of the current version, take
 * the server's, or merge by hand) while the changes are still in the form; nothing is
 * overwritten silently. The record is not refetched behind the user's back (window focus), so a
 * colleague's save never replaces what is being typed: it is met at save time instead. After a
 * save the entry's page opens, once 已更新 is on screen; a save whose text has characters the
 * fonts lack stays in the form, which says which and offers the alternatives.
 */
const EntryEdit = () => {
  const notify = useNotify();
  const savedThenShow = useSavedThenShow('updated');
  const onSuccess = (saved: Entry) => {
    if (saved.warnings?.some(isGlyphWarning)) notify('app.entries.saved_with_warnings', { type: 'warning' });
    else savedThenShow(saved);
  };
  const [conflict, setConflict] = useState<EntryConflict>();
  const clearConflict = useCallback(() => setConflict(undefined), []);
  const onError = (error: unknown, variables: Partial<UpdateParams<Entry>> | undefined) => {
    const currentVersion = staleVersionOf(error);
    if (currentVersion !== undefined && variables?.previousData && variables.data) {
      setConflict({
        mine: variables.data as Record<string, unknown>,
        base: variables.previousData,
        currentVersion,
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    notify(error instanceof Error ? error.message : String(error), { type: 'error', multiLine: true });
  };
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onSuccess, onError }}
      queryOptions={{ refetchOnWindowFocus: false, refetchOnReconnect: false }}
    >
      <SimpleForm warnWhenUnsavedChanges toolbar={<EntryEditToolbar />}>
        <EntryEditNotice />
        <EntryGlyphWarning />
        <EntryConflictSlot conflict={conflict} onDone={clearConflict} />
        <EntryInputs />
      </SimpleForm>
    </Edit>
  );
};

/**
 * The merge dialog of a conflict met by this entry's save. The page stays mounted when it moves
 * to another entry's edit page (same route, other id): a conflict of the entry left is dropped.
 */
const EntryConflictSlot = ({ conflict, onDone }: { conflict: EntryConflict | undefined; onDone: () => void }) => {
  const entry = useRecordContext<Entry>();
  const elsewhere = conflict !== undefined && entry !== undefined && conflict.base.id !== entry.id;
  useEffect(() => {
    if (elsewhere) onDone();
  }, [elsewhere, onDone]);
  if (!conflict || elsewhere) return null;
  return (
    <Suspense fallback={null}>
      <EntryMergeResolver key={conflict.currentVersion} conflict={conflict} onDone={onDone} />
    </Suspense>
  );
};

/** Why the entry cannot be changed now (under review, issue locked), or the reviewer's comment. */
const EntryEditNotice = () => {
  const entry = useRecordContext<Entry>();
  const issueState = useEntryIssueState(entry);
  if (!entry) return null;
  return (
    <Box sx={{ width: '100%' }}>
      <EntryStatusNotice entry={entry} issueState={issueState} />
    </Box>
  );
};

export default EntryEdit;
