import { BooleanField, BooleanInput, DataTable, List, SearchInput, useRecordContext, useTranslate } from 'react-admin';
import type { Recipient } from '@dsyb/contracts';
import { deliveryMethodKey } from './deliveryMethods';

const recipientFilters = [<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="active" source="active" />];

const DeliveryMethodField = () => {
  const record = useRecordContext<Recipient>();
  const translate = useTranslate();
  return record?.deliveryMethod ? <>{translate(deliveryMethodKey(record.deliveryMethod))}</> : null;
};

/** The distribution list in its printed order, with whom to call and how each unit receives an issue. */
const RecipientList = () => (
  <List sort={{ field: 'position', order: 'ASC' }} perPage={50} filters={recipientFilters} exporter={false}>
    <DataTable<Recipient> bulkActionButtons={false} rowSx={record => (record.active ? {} : { opacity: 0.6 })}>
      <DataTable.NumberCol source="position" />
      <DataTable.Col source="name" />
      <DataTable.Col source="category" />
      <DataTable.Col source="contactPerson" disableSort />
      <DataTable.Col source="phone" disableSort />
      <DataTable.Col source="deliveryMethod" field={DeliveryMethodField} disableSort />
      <DataTable.NumberCol source="paperCopies" disableSort />
      <DataTable.Col source="active" field={BooleanField} disableSort />
    </DataTable>
  </List>
);

export default RecipientList;
