import { AutocompleteInput, BooleanInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import { issueRepresentation } from '../issues/issueFields';
import type { Issue } from '@dsyb/contracts';
import { entryStatusChoices } from './entryFields';
import { ISSUE_CHOICES, SECTION_CHOICES } from './entryListQueries';

/**
 * 我创建的: the API reads `createdById: "me"` as the signed-in user. Switched off, the filter is
 * dropped (react-admin leaves empty values out of the query), not sent as "anyone but me".
 */
const MINE = 'me';
const isMine = (value: unknown) => value === MINE;
const mineOrNobody = (checked: unknown) => (checked ? MINE : '');

export const entryFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="issueId" source="issueId" reference="issues" sort={ISSUE_CHOICES.sort} perPage={ISSUE_CHOICES.perPage} alwaysOn>
    <AutocompleteInput<Issue>
      optionText={issueRepresentation}
      filterToQuery={search => ({ q: search })}
      noOptionsText="app.inputs.no_options"
      sx={{ minWidth: '20rem' }}
    />
  </ReferenceInput>,
  <ReferenceInput
    key="sectionId"
    source="sectionId"
    reference="sections"
    sort={SECTION_CHOICES.sort}
    perPage={SECTION_CHOICES.perPage}
    alwaysOn
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={entryStatusChoices} alwaysOn />,
  <BooleanInput key="createdById" source="createdById" format={isMine} parse={mineOrNobody} helperText={false} alwaysOn />,
];
