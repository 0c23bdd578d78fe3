import { BooleanField, BooleanInput, DataTable, List, SearchInput } from 'react-admin';
import type { Recipient } from '@dsyb/contracts';

const recipientFilters = [<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="active" source="active" />];

/** The distribution list in its printed order. */
const RecipientList = () => (
  <List sort={{ field: 'position', order: 'ASC' }} perPage={50} filters={recipientFilters} exporter={false}>
    <DataTable<Recipient> bulkActionButtons={false} rowSx={record => (record.active ? {} : { opacity: 0.6 })}>
      <DataTable.NumberCol source="position" />
      <DataTable.Col source="name" />
      <DataTable.Col source="category" />
      <DataTable.Col source="active" field={BooleanField} disableSort />
    </DataTable>
  </List>
);

export default RecipientList;
