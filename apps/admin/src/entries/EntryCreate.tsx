import { Create } from 'react-admin';
import { useSavedThenShow } from '../fields/useSavedThenShow';
import { EntryForm } from './entryForm';

/** A new entry starts as a draft; an issue page can pass its issue in (`state.record.issueId`). */
const EntryCreate = () => {
  const onSuccess = useSavedThenShow('created');
  return (
    <Create mutationOptions={{ onSuccess }}>
      <EntryForm defaultValues={{ eventDatePrecision: 'day', bodyHtml: '' }} />
    </Create>
  );
};

export default EntryCreate;
