import { Edit, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { SaveOnlyToolbar } from '../fields/formToolbars';
import { RecipientInputs } from './RecipientInputs';

/** No delete: a unit that received issues is deactivated, so past distribution lists stay whole. */
const RecipientEdit = () => (
  <Edit sx={narrowFormSx} mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<SaveOnlyToolbar />} warnWhenUnsavedChanges>
      <RecipientInputs />
    </SimpleForm>
  </Edit>
);

export default RecipientEdit;
