import { Edit } from 'react-admin';
import { EntryForm } from './entryForm';

/**
 * Saved pessimistically: the server may refuse a stale version (409), and the editor must
 * learn it while the changes are still in the form.
 */
const EntryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <EntryForm />
  </Edit>
);

export default EntryEdit;
