import { Edit, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { SaveOnlyToolbar } from '../fields/formToolbars';
import { SectionInputs } from './SectionInputs';

/** No delete: a section is retired (active off), so entries and past issues keep their section. */
const SectionEdit = () => (
  <Edit sx={narrowFormSx} mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<SaveOnlyToolbar />} warnWhenUnsavedChanges>
      <SectionInputs />
    </SimpleForm>
  </Edit>
);

export default SectionEdit;
