import { DataTable, List, SearchInput } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
import type { Source } from '@dsyb/contracts';
import { BylineField, SourceOriginField } from './sourceFields';
import { BulkDraftEntriesButton } from './DraftEntryButton';

const sourceFilters = [<SearchInput key="q" source="q" alwaysOn />];

/** Source articles, the latest imported first; search looks in headline, newspaper and text; selected ones can be drafted into entries (据此起草条目). */
const SourceList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filters={sourceFilters} exporter={false}>
    <DataTable<Source> bulkActionButtons={<BulkDraftEntriesButton />} rowClick="show">
      <DataTable.Col source="headline" />
      <DataTable.Col source="newspaper" field={SourceOriginField} />
      <DataTable.Col source="contributors" field={BylineField} disableSort />
      <DataTable.Col source="createdAt" field={TimestampField} sx={{ whiteSpace: 'nowrap' }} />
    </DataTable>
  </List>
);

export default SourceList;
