import { Box, Stack } from '@mui/material';
import { useEffect, useRef } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  maxLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useGetOne,
  useWrappedSource,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { contributorRoleChoices } from '../contributors/contributorRoles';
import { issueRepresentation } from '../issues/issueFields';
import { SourcePanel } from '../sources/SourcePanel';
import { ContributorPicker } from '../sources/SourceInputs';
import { sourceRepresentation } from '../sources/sourceFields';
import { MAX_LENGTH, type Contributor, type Issue, type Source, type SourceCredit } from '@dsyb/contracts';
import { EntryBodyInput } from './body/EntryBodyInput';
import { EntryDuplicates } from './duplicates/EntryDuplicates';
import { EventDateInput } from './EventDateInput';

const validateTitle = [required(), maxLength(MAX_LENGTH.entry.title)];
const validateSection = required();
const validateRole = required();
const searchQuery = (search: string) => ({ q: search });

/** The same person in the same role twice is one credit (the server keeps each pair once). */
const noRepeatedCredit = (credits: Partial<SourceCredit>[] | undefined) => {
  const seen = new Set<string>();
  for (const credit of credits ?? []) {
    if (!credit?.contributorId || !credit.role) continue;
    const key = `${credit.contributorId}:${credit.role}`;
    if (seen.has(key)) return 'app.entries.repeated_credit';
    seen.add(key);
  }
  return undefined;
};

/**
 * The fields of an entry, shared by the create and edit pages. When the entry is condensed
 * from a source article, the article is shown beside the body; below the fields, the existing
 * entries that may record the same event.
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
    <SourceCreditsCopier />
    <ArrayInput source="contributors" validate={noRepeatedCredit} helperText="app.entries.contributors_help">
      <SimpleFormIterator inline disableReordering>
        <ReferenceInput source="contributorId" reference="contributors" sort={{ field: 'name', order: 'ASC' }}>
          <ContributorPicker />
        </ReferenceInput>
        <CreditRoleInput />
      </SimpleFormIterator>
    </ArrayInput>
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
    {/* Below every field, so that nothing above the caret moves when it appears. */}
    <EntryDuplicates />
  </Box>
);

/**
 * The role in which a contributor is credited on this entry. It starts as the contributor's usual
 * role (a reporter is credited as 记者) and can be changed, e.g. for a reporter's photograph.
 */
const CreditRoleInput = () => {
  const contributorSource = useWrappedSource('contributorId');
  const roleSource = useWrappedSource('role');
  const contributorId = useWatch<Record<string, string | undefined>>({ name: contributorSource });
  const role = useWatch<Record<string, string | undefined>>({ name: roleSource });
  const { setValue } = useFormContext();
  // Only a credit without a role yet asks who the contributor is.
  const { data: contributor } = useGetOne<Contributor>('contributors', { id: contributorId ?? '' }, { enabled: Boolean(contributorId) && !role });
  useEffect(() => {
    if (contributor && contributor.id === contributorId && !role) {
      setValue(roleSource, contributor.role, { shouldDirty: true, shouldValidate: true });
    }
  }, [contributor, contributorId, role, roleSource, setValue]);
  return <SelectInput source="role" choices={contributorRoleChoices} validate={validateRole} helperText={false} />;
};

/**
 * Picking the source article an entry is condensed from credits the article's byline on the
 * entry (its reporters, correspondents, photographers), when the entry names nobody yet. The
 * source the form opened with does not count: opening an entry never changes it.
 */
const SourceCreditsCopier = () => {
  const sourceId = useWatch({ name: 'sourceId' }) as string | null | undefined;
  const credits = useWatch({ name: 'contributors' }) as Partial<SourceCredit>[] | undefined;
  const opened = useRef(sourceId);
  const { setValue } = useFormContext();
  const picked = Boolean(sourceId) && sourceId !== opened.current;
  const { data: source } = useGetOne<Source>('sources', { id: sourceId ?? '' }, { enabled: picked });
  useEffect(() => {
    if (!picked || !source || source.id !== sourceId || (credits ?? []).some((credit) => credit?.contributorId)) return;
    const byline = (source.contributors ?? []).map(({ contributorId, role }) => ({ contributorId, role }));
    if (byline.length) setValue('contributors', byline, { shouldDirty: true, shouldValidate: true });
  }, [picked, source, sourceId, credits, setValue]);
  return null;
};
