import { Create, useNotify, useRedirect } from 'react-admin';
import type { Entry } from '@dsyb/contracts';
import { useSavedThenShow } from '../fields/useSavedThenShow';
import { EntryForm } from './entryForm';
import { hasGlyphWarning } from './missingGlyphs';

/**
 * A new entry starts as a draft; an issue page can pass its issue in (`state.record.issueId`).
 * One whose text has characters the fonts lack opens in its edit form, which says which.
 */
const EntryCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const savedThenShow = useSavedThenShow('created');
  const onSuccess = (saved: Entry) => {
    // Characters to replace keep the editor in the form; a soft photo is said on the entry's pages.
    if (!hasGlyphWarning(saved)) return savedThenShow(saved);
    notify('app.entries.saved_with_warnings', { type: 'warning' });
    redirect('edit', 'entries', saved.id, saved);
  };
  return (
    <Create mutationOptions={{ onSuccess }}>
      <EntryForm defaultValues={{ eventDatePrecision: 'day', bodyHtml: '' }} />
    </Create>
  );
};

export default EntryCreate;
