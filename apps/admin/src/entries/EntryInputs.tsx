import { Box, Stack } from '@mui/material';
import {
  AutocompleteInput,
  FormDataConsumer,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { issueRepresentation } from '../issues/issueFields';
import { SourcePanel } from '../sources/SourcePanel';
import { sourceRepresentation } from '../sources/sourceFields';
import type { Issue, Source } from '../types';
import { EntryBodyInput } from './EntryBodyInput';
import { EventDateInput } from './EventDateInput';

const validateTitle = [required(), maxLength(200)];
const validateSection = required();
const searchQuery = (search: string) => ({ q: search });

/**
 * The fields of an entry, shared by the create and edit pages. When the entry is condensed
 * from a source article, the article is shown beside the body.
 */
export const EntryInputs = () => (
  <Box sx={{ width: '100%' }}>
    <TextInput source="title" validate={validateTitle} fullWidth />
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ md: 2 }}>
      <ReferenceInput source="sectionId" reference="sections" filter={{ active: true }} sort={{ field: 'position', order: 'ASC' }} perPage={100}>
        <SelectInput optionText="name" validate={validateSection} sx={{ minWidth: '12rem' }} />
      </ReferenceInput>
      <ReferenceInput source="issueId" reference="issues" sort={{ field: 'serialNumber', order: 'DESC' }}>
        <AutocompleteInput<Issue>
          optionText={issueRepresentation}
          filterToQuery={searchQuery}
          noOptionsText="app.inputs.no_options"
          helperText="app.entries.issue_help"
          sx={{ minWidth: '18rem' }}
        />
      </ReferenceInput>
    </Stack>
    <EventDateInput />
    <ReferenceInput source="sourceId" reference="sources" sort={{ field: 'createdAt', order: 'DESC' }}>
      <AutocompleteInput<Source>
        optionText={sourceRepresentation}
        filterToQuery={searchQuery}
        noOptionsText="app.inputs.no_options"
        helperText="app.entries.source_help"
        fullWidth
      />
    </ReferenceInput>
    <FormDataConsumer<{ sourceId?: string | null }>>
      {({ formData }) => (
        <Box
          sx={{
            display: 'grid',
            gap: 3,
            alignItems: 'start',
            gridTemplateColumns: { xs: '1fr', md: formData.sourceId ? 'minmax(0, 1fr) minmax(0, 1fr)' : '1fr' },
          }}
        >
          <EntryBodyInput />
          {formData.sourceId ? <SourcePanel sourceId={formData.sourceId} /> : null}
        </Box>
      )}
    </FormDataConsumer>
  </Box>
);
