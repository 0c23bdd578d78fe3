import { Create, SimpleForm } from 'react-admin';
import { CreateToolbar } from '../fields/formToolbars';
import { SourceInputs } from './SourceInputs';

const SourceCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ contributors: [] }} warnWhenUnsavedChanges toolbar={<CreateToolbar />}>
      <SourceInputs />
    </SimpleForm>
  </Create>
);

export default SourceCreate;
