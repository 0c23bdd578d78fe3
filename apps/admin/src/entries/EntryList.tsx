import { DataTable, List, ReferenceField } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
import { SerialNumberField } from '../issues/issueFields';
import type { Entry } from '@dsyb/contracts';
import { EntryStatusField, EventDateField } from './entryFields';
import { EntryRowEditButton } from './EntryShowActions';
import { entryFilters } from './entryFilters';
import { ENTRY_LIST } from './entryListQueries';

const noWrap = { whiteSpace: 'nowrap' } as const;

const EntryList = () => (
  <List filters={entryFilters} sort={ENTRY_LIST.sort} perPage={ENTRY_LIST.perPage} exporter={false}>
    <DataTable<Entry> bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="title" />
      <DataTable.Col source="issueId" disableSort sx={noWrap}>
        <ReferenceField source="issueId" reference="issues" link="show">
          <SerialNumberField />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="sectionId" disableSort sx={noWrap}>
        <ReferenceField source="sectionId" reference="sections" link={false} />
      </DataTable.Col>
      <DataTable.Col source="eventDate" field={EventDateField} sx={noWrap} />
      <DataTable.Col source="status" field={EntryStatusField} sx={noWrap} />
      <DataTable.Col source="updatedAt" field={TimestampField} sx={noWrap} />
      {/* 编辑 only where the workflow allows it: not on a submitted entry, nor in a signed-off or published issue. */}
      <DataTable.Col label={false} disableSort sx={noWrap}>
        <EntryRowEditButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default EntryList;
