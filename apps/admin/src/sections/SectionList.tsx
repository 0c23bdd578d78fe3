import { BooleanField, DataTable, List } from 'react-admin';
import type { Section } from '@dsyb/contracts';

/** Sections in print order; a row opens the edit page only for those allowed to edit (admins). */
const SectionList = () => (
  <List sort={{ field: 'position', order: 'ASC' }} perPage={50} exporter={false}>
    <DataTable<Section> bulkActionButtons={false} rowSx={record => (record.active ? {} : { opacity: 0.6 })}>
      <DataTable.NumberCol source="position" />
      <DataTable.Col source="name" />
      <DataTable.Col source="key" />
      <DataTable.Col source="active" field={BooleanField} disableSort />
    </DataTable>
  </List>
);

export default SectionList;
