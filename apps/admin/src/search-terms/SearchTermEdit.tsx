import { Edit, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { SaveAndDeleteToolbar } from '../fields/formToolbars';
import { SearchTermInputs } from './SearchTermInputs';
import { useSavedAndReindexed } from './useSavedAndReindexed';

/** Pessimistic: the notification says how many documents the server segmented again, which only its answer knows. */
const SearchTermEdit = () => {
  const onSuccess = useSavedAndReindexed();
  return (
    <Edit sx={narrowFormSx} mutationMode="pessimistic" mutationOptions={{ onSuccess }}>
      <SimpleForm toolbar={<SaveAndDeleteToolbar />} warnWhenUnsavedChanges>
        <SearchTermInputs />
      </SimpleForm>
    </Edit>
  );
};

export default SearchTermEdit;
