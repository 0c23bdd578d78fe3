import { DataTable, List, ReferenceField } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
import type { Entry } from '../types';
import { EntryStatusField, EventDateField } from './entryFields';
import { entryFilters } from './entryFilters';

const EntryList = () => (
  <List filters={entryFilters} sort={{ field: 'updatedAt', order: 'DESC' }} exporter={false}>
    <DataTable<Entry> bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="title" />
      <DataTable.Col source="issueId" disableSort>
        <ReferenceField source="issueId" reference="issues" link="show" />
      </DataTable.Col>
      <DataTable.Col source="sectionId" disableSort>
        <ReferenceField source="sectionId" reference="sections" link={false} />
      </DataTable.Col>
      <DataTable.Col source="eventDate" field={EventDateField} />
      <DataTable.Col source="status" field={EntryStatusField} />
      <DataTable.Col source="updatedAt" field={TimestampField} />
    </DataTable>
  </List>
);

export default EntryList;
