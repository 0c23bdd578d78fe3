import { DataTable, List } from 'react-admin';
import type { AnnualVolume } from '@dsyb/contracts';
import { CalendarDateField } from '../fields/CalendarDateField';
import { PendingCountField, VolumeStatusField } from './volumeFields';

/** Every volume, the latest year first: its state, its events and the corrections waiting. */
const VolumeList = () => (
  <List sort={{ field: 'year', order: 'DESC' }} exporter={false}>
    <DataTable<AnnualVolume> bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="year" />
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="status" field={VolumeStatusField} />
      <DataTable.NumberCol source="entryCount" disableSort />
      <DataTable.Col source="pendingCount" field={PendingCountField} disableSort align="right" />
      <DataTable.Col source="publicationDate" field={CalendarDateField} disableSort />
    </DataTable>
  </List>
);

export default VolumeList;
