import { SimpleForm, type SimpleFormProps } from 'react-admin';
import { CreateToolbar } from '../fields/formToolbars';
import { EntryInputs } from './EntryInputs';

/** The form of a new entry: leaving it with unsaved changes asks first. (Editing: EntryEdit.) */
export const EntryForm = (props: Omit<SimpleFormProps, 'children' | 'toolbar'>) => (
  <SimpleForm warnWhenUnsavedChanges toolbar={<CreateToolbar />} {...props}>
    <EntryInputs />
  </SimpleForm>
);
