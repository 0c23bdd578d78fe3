import { BooleanField, DataTable, List } from 'react-admin';
import type { Section } from '../types';

/** Sections in print order. */
const SectionList = () => (
  <List sort={{ field: 'position', order: 'ASC' }} perPage={50} exporter={false}>
    <DataTable<Section> bulkActionButtons={false} rowClick={false}>
      <DataTable.NumberCol source="position" />
      <DataTable.Col source="name" />
      <DataTable.Col source="key" />
      <DataTable.Col source="active" field={BooleanField} disableSort />
    </DataTable>
  </List>
);

export default SectionList;
