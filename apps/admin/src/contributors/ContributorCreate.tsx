import { Create, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { CreateToolbar } from '../fields/formToolbars';
import { ContributorInputs } from './ContributorInputs';

const ContributorCreate = () => (
  <Create sx={narrowFormSx} redirect="list">
    <SimpleForm defaultValues={{ role: 'correspondent' }} warnWhenUnsavedChanges toolbar={<CreateToolbar />}>
      <ContributorInputs />
    </SimpleForm>
  </Create>
);

export default ContributorCreate;
