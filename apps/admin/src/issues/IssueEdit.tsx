import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { IssueInputs } from './IssueInputs';

/** Saved pessimistically, so that a stale version (409) is reported while the changes are still in the form. */
const IssueEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm
      warnWhenUnsavedChanges
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <IssueInputs />
    </SimpleForm>
  </Edit>
);

export default IssueEdit;
