import { Edit, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { SaveAndDeleteToolbar } from '../fields/formToolbars';
import { ContributorInputs } from './ContributorInputs';

const ContributorEdit = () => (
  <Edit sx={narrowFormSx} mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<SaveAndDeleteToolbar />} warnWhenUnsavedChanges>
      <ContributorInputs />
    </SimpleForm>
  </Edit>
);

export default ContributorEdit;
