import { Box } from '@mui/material';
import {
  ArrayInput,
  AutocompleteInput,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useDataProvider,
} from 'react-admin';
import { CalendarDateInput } from '../fields/CalendarDateInput';
import { contributorRoleChoices } from '../contributors/contributorRoles';
import type { Contributor } from '@dsyb/contracts';
import { MAX_LENGTH } from '@dsyb/contracts';

const validateNewspaper = [required(), maxLength(MAX_LENGTH.source.newspaper)];
const validatePage = maxLength(MAX_LENGTH.source.page);
const validateHeadline = [required(), maxLength(MAX_LENGTH.source.headline)];
const validateText = [required(), maxLength(MAX_LENGTH.source.text)];
const validateRequired = required();
const contributorName = (record: Contributor) => (record.organisation ? `${record.name}（${record.organisation}）` : record.name);

const grid = { display: 'grid', columnGap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', width: '100%' } as const;

/** A source article (来稿): where it appeared, its text as extracted, and who is credited on it. */
export const SourceInputs = () => (
  <Box sx={{ width: '100%' }}>
    <TextInput source="headline" validate={validateHeadline} fullWidth />
    <Box sx={grid}>
      <TextInput source="newspaper" validate={validateNewspaper} />
      <CalendarDateInput source="issueDate" />
      <TextInput source="page" validate={validatePage} helperText="app.sources.page_help" />
    </Box>
    <ArrayInput source="contributors">
      <SimpleFormIterator inline disableReordering>
        <ReferenceInput source="contributorId" reference="contributors" sort={{ field: 'name', order: 'ASC' }}>
          <ContributorPicker />
        </ReferenceInput>
        <SelectInput source="role" choices={contributorRoleChoices} validate={validateRequired} helperText={false} />
      </SimpleFormIterator>
    </ArrayInput>
    <TextInput source="text" validate={validateText} multiline minRows={12} fullWidth helperText="app.sources.text_help" />
  </Box>
);

/** Picks a contributor by name, or adds one that is not known yet (as 通讯员, to be corrected later if need be). */
export const ContributorPicker = () => {
  const dataProvider = useDataProvider();
  return (
    <AutocompleteInput<Contributor>
      optionText={contributorName}
      filterToQuery={search => ({ q: search })}
      validate={validateRequired}
      noOptionsText="app.inputs.no_options"
      onCreate={async name => {
        if (!name) return undefined;
        const { data } = await dataProvider.create<Contributor>('contributors', { data: { name, role: 'correspondent' } });
        return data;
      }}
      helperText={false}
      sx={{ minWidth: '16rem' }}
    />
  );
};
