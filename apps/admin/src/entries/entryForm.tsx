import { SimpleForm, type SimpleFormProps } from 'react-admin';
import { CreateToolbar, SaveAndDeleteToolbar } from '../fields/formToolbars';
import { EntryInputs } from './EntryInputs';

/**
 * The entry form of both pages: leaving it with unsaved changes asks first. An entry that exists
 * can be deleted (the server refuses for an approved one, saying why).
 */
export const EntryForm = ({ isNew = false, ...props }: Omit<SimpleFormProps, 'children' | 'toolbar'> & { isNew?: boolean }) => (
  <SimpleForm warnWhenUnsavedChanges toolbar={isNew ? <CreateToolbar /> : <SaveAndDeleteToolbar />} {...props}>
    <EntryInputs />
  </SimpleForm>
);
