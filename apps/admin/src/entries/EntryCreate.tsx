import { Create } from 'react-admin';
import { EntryForm } from './entryForm';

/** A new entry starts as a draft; an issue page can pass its issue in (`state.record.issueId`). */
const EntryCreate = () => (
  <Create redirect="show">
    <EntryForm defaultValues={{ eventDatePrecision: 'day', bodyHtml: '' }} />
  </Create>
);

export default EntryCreate;
