import { Create, SimpleForm } from 'react-admin';
import { narrowFormSx } from '../fields/formLayout';
import { CreateToolbar } from '../fields/formToolbars';
import { SearchTermInputs } from './SearchTermInputs';
import { useSavedAndReindexed } from './useSavedAndReindexed';

const SearchTermCreate = () => {
  const onSuccess = useSavedAndReindexed();
  return (
    <Create sx={narrowFormSx} mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ kind: 'term' }} warnWhenUnsavedChanges toolbar={<CreateToolbar />}>
        <SearchTermInputs />
      </SimpleForm>
    </Create>
  );
};

export default SearchTermCreate;
