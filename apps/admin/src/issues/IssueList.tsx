import { DataTable, List } from 'react-admin';
import { CalendarDateField } from '../fields/CalendarDateField';
import type { Issue } from '@dsyb/contracts';
import { CurrentIssueCard } from './CurrentIssueCard';
import { useCurrentIssue } from './currentIssue';
import { IssueStatusField, SerialNumberField, YearMonthField } from './issueFields';

/**
 * The issue being worked on comes first, on a card of its own; then every issue, newest first,
 * with the current one marked. Columns the API cannot sort by (title, entry count) are not
 * offered for sorting.
 */
const IssueList = () => {
  const current = useCurrentIssue();
  return (
    <>
      <CurrentIssueCard />
      <List sort={{ field: 'serialNumber', order: 'DESC' }} exporter={false}>
        <DataTable<Issue>
          bulkActionButtons={false}
          rowClick="show"
          rowSx={record => (record.id === current?.id ? { bgcolor: 'action.selected' } : {})}
        >
          <DataTable.Col source="serialNumber" field={SerialNumberField} />
          <DataTable.Col source="year" label="resources.issues.fields.yearMonth" field={YearMonthField} />
          <DataTable.Col source="title" disableSort />
          <DataTable.Col source="publicationDate" field={CalendarDateField} />
          <DataTable.Col source="status" field={IssueStatusField} />
          <DataTable.NumberCol source="entryCount" disableSort />
        </DataTable>
      </List>
    </>
  );
};

export default IssueList;
