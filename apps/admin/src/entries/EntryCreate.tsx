import { Create, useNotify, useRedirect } from 'react-admin';
import type { Entry } from '@dsyb/contracts';
import { isGlyphWarning } from './missingGlyphs';
import { useSavedThenShow } from '../fields/useSavedThenShow';
import { EntryForm } from './entryForm';

/**
 * A new entry starts as a draft; an issue page can pass its issue in (`state.record.issueId`).
 * One whose text has characters the fonts lack opens in its edit form, which says which.
 */
const EntryCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const savedThenShow = useSavedThenShow('created');
  const onSuccess = (saved: Entry) => {
    if (!saved.warnings?.some(isGlyphWarning)) return savedThenShow(saved);
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
