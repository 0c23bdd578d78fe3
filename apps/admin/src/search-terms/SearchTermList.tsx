import { DataTable, List, SearchInput, SelectField, SelectInput } from 'react-admin';
import { TimestampField } from '../fields/TimestampField';
import { searchTermKindChoices, type SearchTerm } from './searchTerms';

const searchTermFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={searchTermKindChoices} alwaysOn />,
];

/** 检索词典: newest words first; a row opens the edit page for editors and administrators. */
const SearchTermList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} filters={searchTermFilters} exporter={false} perPage={25}>
    <DataTable<SearchTerm> bulkActionButtons={false}>
      <DataTable.Col source="word" />
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={searchTermKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="note" disableSort />
      <DataTable.Col source="createdAt">
        <TimestampField source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default SearchTermList;
