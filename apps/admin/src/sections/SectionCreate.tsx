import { Create, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { CreateToolbar } from '../fields/formToolbars';
import { SectionInputs } from './SectionInputs';

const SectionCreate = () => (
  <Create sx={narrowFormSx} redirect="list">
    <SimpleForm defaultValues={{ active: true }} warnWhenUnsavedChanges toolbar={<CreateToolbar />}>
      <SectionInputs />
    </SimpleForm>
  </Create>
);

export default SectionCreate;
