import { DataTable, List } from 'react-admin';
import { CalendarDateField } from '../fields/CalendarDateField';
import type { Issue } from '../types';
import { IssueStatusField, SerialNumberField, YearMonthField } from './issueFields';

/** Columns the API cannot sort by (title, entry count) are not offered for sorting. */
const IssueList = () => (
  <List sort={{ field: 'serialNumber', order: 'DESC' }} exporter={false}>
    <DataTable<Issue> bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="serialNumber" field={SerialNumberField} />
      <DataTable.Col source="year" label="resources.issues.fields.yearMonth" field={YearMonthField} />
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="publicationDate" field={CalendarDateField} />
      <DataTable.Col source="status" field={IssueStatusField} />
      <DataTable.NumberCol source="entryCount" disableSort />
    </DataTable>
  </List>
);

export default IssueList;
