import { Edit, SimpleForm } from 'react-admin';
import { SaveAndDeleteToolbar } from '../fields/formToolbars';
import { SourceInputs } from './SourceInputs';

const SourceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<SaveAndDeleteToolbar />} warnWhenUnsavedChanges>
      <SourceInputs />
    </SimpleForm>
  </Edit>
);

export default SourceEdit;
