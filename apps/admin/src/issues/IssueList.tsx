import { DataTable, List } from 'react-admin';
import { CalendarDateField } from '../fields/CalendarDateField';
import type { Issue } from '../types';
import { IssueStatusField, SerialNumberField, YearMonthField } from './issueFields';

const IssueList = () => (
  <List sort={{ field: 'serialNumber', order: 'DESC' }} exporter={false}>
    <DataTable<Issue> bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="serialNumber" field={SerialNumberField} />
      <DataTable.Col source="year" label="resources.issues.fields.yearMonth" field={YearMonthField} />
      <DataTable.Col source="title" />
      <DataTable.Col source="publicationDate" field={CalendarDateField} />
      <DataTable.Col source="status" field={IssueStatusField} />
      <DataTable.NumberCol source="entryCount" />
    </DataTable>
  </List>
);

export default IssueList;
