import { Create, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { CreateToolbar } from '../fields/formToolbars';
import { RecipientInputs } from './RecipientInputs';

const RecipientCreate = () => (
  <Create sx={narrowFormSx} redirect="list">
    <SimpleForm defaultValues={{ active: true, deliveryMethod: 'link', paperCopies: 1, emails: [] }} warnWhenUnsavedChanges toolbar={<CreateToolbar />}>
      <RecipientInputs />
    </SimpleForm>
  </Create>
);

export default RecipientCreate;
