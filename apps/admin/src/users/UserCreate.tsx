import { Create, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { CreateToolbar } from '../fields/formToolbars';
import { UserInputs } from './UserInputs';

const UserCreate = () => (
  <Create sx={narrowFormSx} redirect="list">
    <SimpleForm defaultValues={{ active: true, roles: ['editor'] }} warnWhenUnsavedChanges toolbar={<CreateToolbar />}>
      <UserInputs isNew />
    </SimpleForm>
  </Create>
);

export default UserCreate;
