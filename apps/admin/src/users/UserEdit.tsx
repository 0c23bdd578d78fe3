import { Edit, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { SaveOnlyToolbar } from '../fields/formToolbars';
import { UserInputs } from './UserInputs';

/** No delete: an account that has written anything is deactivated instead (the server says so). */
const UserEdit = () => (
  <Edit sx={narrowFormSx} mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<SaveOnlyToolbar />} warnWhenUnsavedChanges>
      <UserInputs />
    </SimpleForm>
  </Edit>
);

export default UserEdit;
